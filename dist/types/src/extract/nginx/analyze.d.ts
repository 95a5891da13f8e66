import type { CorsPolicy } from '../../model/types.js';
import type { Project } from '../scanner.js';
import { type Block } from './blocks.js';
import { IncludeLoader } from './includes.js';
import { type MapDef } from './maps.js';
export interface AnalysedConfig {
    /** The top-level file (nginx.conf, or a snippet nobody includes). */
    root: string;
    tree: Block;
    maps: Map<string, MapDef>;
    /** Every file read for it (the root and its includes). */
    reached: Set<string>;
}
/** Parses a top-level file with its includes resolved against its own directory (nginx's conf prefix). */
export declare function analyseRoot(loader: IncludeLoader, project: Project, absPath: string, knownText?: string, prefixDir?: string): AnalysedConfig;
/**
 * `fallbackMaps`: maps of the other top-level files, for a server file analysed without the nginx.conf
 * that would include it (its variables are usually mapped in that http block).
 */
export declare function policiesOf(config: AnalysedConfig, fallbackMaps?: Map<string, MapDef>): CorsPolicy[];
