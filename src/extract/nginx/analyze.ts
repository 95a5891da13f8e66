import path from 'node:path';
import type { CorsPolicy } from '../../model/types.js';
import type { Project } from '../scanner.js';
import { buildTree, walk, type Block } from './blocks.js';
import { varName } from './conditions.js';
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
 * that would include it (its variables are usually mapped in that http block). A configuration with an
 * http block of its own is complete (nginx refuses a variable nobody defines), and a variable the file
 * assigns with `set` is its own: neither takes a map from an unrelated file that happens to use the
 * same name.
 */
export function policiesOf(config: AnalysedConfig, fallbackMaps?: Map<string, MapDef>): CorsPolicy[] {
  return buildPolicies(config.tree, mapsFor(config, fallbackMaps));
}

/** The maps a configuration's variables resolve through (see policiesOf). */
export function mapsFor(config: AnalysedConfig, fallbackMaps?: Map<string, MapDef>): Map<string, MapDef> {
  if (!fallbackMaps || hasHttpBlock(config.tree)) return config.maps;
  const assigned = setVariables(config.tree);
  const borrowed = [...fallbackMaps].filter(([name]) => !assigned.has(name));
  return new Map([...borrowed, ...config.maps]);
}

function hasHttpBlock(tree: Block): boolean {
  let found = false;
  walk(tree, (b) => (found ||= b.kind === 'http'));
  return found;
}

/** Variables assigned by `set` anywhere in the configuration (lowercased, without `$`). */
function setVariables(tree: Block): Set<string> {
  const out = new Set<string>();
  walk(tree, (b) => {
    for (const d of b.body) if (d.name === 'set' && d.args[0]) out.add(varName(d.args[0].value));
  });
  return out;
}
