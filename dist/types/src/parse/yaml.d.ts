import { isMap, isScalar, isSeq, type Node } from 'yaml';
export interface YamlFile {
    docs: Node[];
    /** Line (1-based) of a node's first character. */
    lineOf(node: Node | null | undefined): number;
    columnOf(node: Node | null | undefined): number;
    /** The first syntax error, when the file is not valid YAML. */
    error?: {
        message: string;
        line: number;
        column: number;
    };
}
export declare function parseYaml(text: string): YamlFile;
/** The value node of `key` in a map node. */
export declare function get(node: unknown, key: string): Node | undefined;
export declare function getPath(node: unknown, keys: string[]): Node | undefined;
/** Key/value pairs of a map node (keys as strings). */
export declare function entries(node: unknown): Array<{
    key: string;
    keyNode: Node;
    value: Node | undefined;
}>;
export declare function items(node: unknown): Node[];
/** A scalar's value as text; undefined for maps, lists and null. */
export declare function scalarText(node: unknown): string | undefined;
export { isMap, isScalar, isSeq, type Node };
