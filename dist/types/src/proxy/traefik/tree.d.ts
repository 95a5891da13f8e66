import type { Span } from '../../model/types.js';
import { type Node } from '../../parse/yaml.js';
import { type RawValue } from './config.js';
import { type YamlSource } from './yaml-spans.js';
export interface ConfNode {
    span: Span;
    /** The child under `key` (case-insensitive unless `exact`). */
    get(key: string, exact?: boolean): ConfNode | undefined;
    entries(): Array<{
        key: string;
        node: ConfNode;
        keySpan: Span;
    }>;
    items(): ConfNode[];
    /** Scalar text (numbers and booleans as text); undefined for maps, lists and null. */
    text(): string | undefined;
    raw(): RawValue | undefined;
}
export declare function yamlTree(src: YamlSource, node: Node | null | undefined): ConfNode | undefined;
export type TomlParse = {
    ok: true;
    root: ConfNode;
} | {
    ok: false;
    message: string;
    line: number;
    column: number;
};
export declare function tomlTree(file: string, text: string): TomlParse;
