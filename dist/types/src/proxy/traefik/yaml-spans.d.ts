import type { Span } from '../../model/types.js';
import { type Node, type YamlFile } from '../../parse/yaml.js';
import type { RawValue } from './config.js';
export interface YamlSource {
    file: string;
    text: string;
    yaml: YamlFile;
}
/** The node's whole extent (its value, not trailing comments). */
export declare function nodeSpan(src: YamlSource, node: Node | null | undefined): Span;
/** Where `value` starts inside a one-line scalar node written without escapes, or undefined. */
export declare function valueStart(src: YamlSource, node: Node | null | undefined, value: string, from?: number): {
    line: number;
    column: number;
} | undefined;
/** A YAML value as a RawValue: sequences, maps and scalars (numbers and booleans as their text). */
export declare function rawValue(src: YamlSource, node: Node | null | undefined): RawValue | undefined;
/** Go templates (Traefik's file provider, Helm) and `${VAR}` placeholders that something fills in later. */
export declare function templated(text: string): boolean;
