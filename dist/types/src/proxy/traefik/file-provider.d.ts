import { type Provider, type RawOption, type TraefikConfig } from './config.js';
import type { ConfNode } from './tree.js';
/** Reads the options of one `headers` map into the lowercase-keyed option map. */
export declare function headerOptions(headers: ConfNode, caseSensitive?: boolean): Map<string, RawOption>;
export declare function readFileProvider(root: ConfNode, config: TraefikConfig, provider?: Provider): void;
