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
 * that would include it (its variables are usually mapped in that http block). A configuration with an
 * http block of its own is complete (nginx refuses a variable nobody defines), and a variable the file
 * assigns with `set` is its own: neither takes a map from an unrelated file that happens to use the
 * same name.
 */
export declare function policiesOf(config: AnalysedConfig, fallbackMaps?: Map<string, MapDef>): CorsPolicy[];
/** The maps a configuration's variables resolve through (see policiesOf). */
export declare function mapsFor(config: AnalysedConfig, fallbackMaps?: Map<string, MapDef>): Map<string, MapDef>;
