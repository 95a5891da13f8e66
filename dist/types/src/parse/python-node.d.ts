/**
 * The syntax-tree interface the Python scanner is written against: exactly the members it uses.
 * Both engines satisfy it as they are — web-tree-sitter 0.27 (wasm) and the native `tree-sitter`
 * 0.25 bindings both expose `hasError`, `isError`, `isMissing` as properties, `childrenForFieldName`
 * and `descendantsOfType` (which includes the node itself), `text` as the source slice between
 * `startIndex` and `endIndex`, and count `startIndex` and `column` in UTF-16 code units (both hand
 * tree-sitter the JavaScript string as UTF-16), so spans come out the same on either engine.
 * Keep this list minimal: a member added here must exist with the same meaning in both engines
 * (test/parse/python-engines.test.ts proves the results equal).
 */
export interface PyPoint {
    /** 0-based line. */
    row: number;
    /** 0-based column in UTF-16 code units. */
    column: number;
}
export interface PyNode {
    /** Unique among the live nodes of one tree (the value differs between engines; use it only as a key). */
    readonly id: number;
    readonly type: string;
    readonly text: string;
    readonly startIndex: number;
    readonly endIndex: number;
    readonly startPosition: PyPoint;
    readonly endPosition: PyPoint;
    readonly parent: PyNode | null;
    readonly namedChildren: PyNode[];
    readonly childCount: number;
    child(index: number): PyNode | null;
    childForFieldName(fieldName: string): PyNode | null;
    childrenForFieldName(fieldName: string): PyNode[];
    /** Every descendant of the given type, in source order, the node itself included. */
    descendantsOfType(types: string | string[]): PyNode[];
    /**
     * Whether the node is or contains a syntax error. Do not read it alone: on an ERROR leaf (one
     * unexpected character) the native 0.25 bindings answer false where web-tree-sitter 0.27 answers
     * true; use `hasSyntaxError(node)`, which both engines answer the same.
     */
    readonly hasError: boolean;
    readonly isError: boolean;
    readonly isMissing: boolean;
}
export interface PyTree {
    readonly rootNode: PyNode;
    /** The engine that built this tree (the native engine hands files with syntax errors to wasm). */
    readonly engine: PythonEngine;
    /** Frees the tree (wasm memory); a no-op for the native engine, whose trees the garbage collector frees. */
    delete(): void;
}
export interface PyParser {
    /** Which engine was chosen: `wasm` (web-tree-sitter) or `native` (the `tree-sitter` Node.js bindings). */
    readonly engine: PythonEngine;
    parse(text: string): PyTree | null;
}
export type PythonEngine = 'wasm' | 'native';
/** The `parser` setting: an engine, or `auto` (native when it can be loaded, else wasm). */
export type PythonParserSetting = PythonEngine | 'auto';
export declare const PYTHON_PARSER_SETTINGS: readonly PythonParserSetting[];
/** The node is, or contains, an ERROR or MISSING node — the same answer on both engines. */
export declare function hasSyntaxError(node: PyNode): boolean;
