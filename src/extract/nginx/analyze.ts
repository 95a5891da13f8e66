import path from 'node:path';
import type { CorsPolicy } from '../../model/types.js';
import type { Project } from '../scanner.js';
import { buildTree, type Block } from './blocks.js';
import { IncludeLoader } from './includes.js';
import { collectMaps, type MapDef } from './maps.js';
import { buildPolicies } from './policies.js';

export interface AnalysedConfig {
  /** The top-level file (nginx.conf, or a snippet nobody includes). */
  root: string;
  tree: Block;
  maps: Map<string, MapDef>;
  /** Every file read for it (the root and its includes). */
  reached: Set<string>;
}

/** Parses a top-level file with its includes resolved against its own directory (nginx's conf prefix). */
export function analyseRoot(loader: IncludeLoader, project: Project, absPath: string, knownText?: string, prefixDir = path.dirname(absPath)): AnalysedConfig {
  const reached = new Set<string>();
  const directives = loader.expand(absPath, prefixDir, reached, knownText);
  return { root: absPath, tree: buildTree(directives, project.displayPath(absPath)), maps: collectMaps(directives), reached };
}

/**
 * `fallbackMaps`: maps of the other top-level files, for a server file analysed without the nginx.conf
 * that would include it (its variables are usually mapped in that http block).
 */
export function policiesOf(config: AnalysedConfig, fallbackMaps?: Map<string, MapDef>): CorsPolicy[] {
  const maps = fallbackMaps ? new Map([...fallbackMaps, ...config.maps]) : config.maps;
  return buildPolicies(config.tree, maps);
}
