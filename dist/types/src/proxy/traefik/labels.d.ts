import { type TraefikConfig } from './config.js';
import { type YamlSource } from './yaml-spans.js';
export interface ComposeReadContext {
    absPath: string;
    readText(absPath: string): string | undefined;
    display(absPath: string): string;
}
/** Reads the traefik labels of every service of one compose file into `config`. */
export declare function readComposeLabels(src: YamlSource, ctx: ComposeReadContext, config: TraefikConfig): void;
