// The deployed paths of a repository: lint() calls buildPaths() once, after the scanners and the proxy
// readers, and the path rules (RunSettings.paths) and `check` read the result.
import type { ContextFile } from '../environment/context-files.js';
import { readCompose } from '../environment/compose.js';
import type { EnvSource } from '../environment/types.js';
import { internalError } from '../model/diagnostics.js';
import type { CorsPolicy, Diagnostic, ProxyRoute } from '../model/types.js';
import type { LinkReader } from './addresses.js';
import { readKubeIndex } from './kubernetes-services.js';
import { linkRoutes } from './link.js';
import type { DeployedPath } from './types.js';

export interface PathReader extends LinkReader {
  display(absPath: string): string;
}

/** A failure here costs the paths only: one internal-error diagnostic. */
export function buildPaths(routes: readonly ProxyRoute[], policies: readonly CorsPolicy[], files: readonly ContextFile[], io: PathReader): { paths: DeployedPath[]; diagnostics: Diagnostic[]; compose: EnvSource[] } {
  if (!routes.length) return { paths: [], diagnostics: [], compose: [] };
  try {
    const sources = composeServices(files, io);
    const kube = readKubeIndex(files, io);
    return { paths: linkRoutes(routes, policies, sources, kube, io), diagnostics: [], compose: sources };
  } catch (error) {
    return { paths: [], diagnostics: [internalError('.', 'linking proxies to applications', error, true)], compose: [] };
  }
}

/** Every compose service of the context files, for linking (their problems are reported where environments are read). */
function composeServices(files: readonly ContextFile[], io: { readText(abs: string): string | undefined; display(abs: string): string }): EnvSource[] {
  const sources: EnvSource[] = [];
  for (const f of files) {
    if (f.kind !== 'compose') continue;
    const text = io.readText(f.absPath);
    if (text !== undefined) sources.push(...readCompose(text, { absPath: f.absPath, display: io.display, readText: io.readText }).sources);
  }
  return sources;
}

export type { DeployedPath } from './types.js';
