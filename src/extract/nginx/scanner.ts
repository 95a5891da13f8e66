import path from 'node:path';
import type { CorsPolicy, Diagnostic, ProxyRoute, SourceFile } from '../../model/types.js';
import type { Project, ScanOptions, ScanResult, Scanner } from '../scanner.js';
import { scanFailure, withFileBudget } from '../budget.js';
import { analyseRoot, mapsFor, policiesOf, type AnalysedConfig } from './analyze.js';
import { buildRoutes } from './routes.js';
import { isNginxText, mentionsCors } from './files.js';
import { IncludeLoader } from './includes.js';

/**
 * Nginx: finds the top-level configurations (files no other file includes), reads each with its
 * includes, and describes every server/location that ends up sending CORS headers. A snippet that is
 * only ever included is analysed in the context of its includers, never on its own.
 */
export const nginxScanner: Scanner = {
  language: 'nginx',
  mentionsCors,
  quickCheck: /access-control-|http_origin|cors|include|_pass\b/i,
  async scan(files: SourceFile[], project: Project, options?: ScanOptions): Promise<ScanResult> {
    const loader = new IncludeLoader(project);
    files = files.filter((f) => isNginxText(f.text));
    const corsFiles = new Map(files.map((f) => [f.absPath, f]));
    const configs: AnalysedConfig[] = [];
    const reachedAll = new Set<string>();

    // Each top-level configuration is analysed on its own: one that fails costs only its own results.
    const failures: Diagnostic[] = [];
    const failure = (root: string, error: unknown): Diagnostic => scanFailure(project.displayPath(root), 'the nginx scanner', error, true);
    const analyse = (root: string, text: string | undefined): AnalysedConfig | undefined => {
      try {
        return withFileBudget(options?.fileTimeBudgetMs, () => analyseRoot(loader, project, root, text, choosePrefix(project, loader, root)));
      } catch (error) {
        failures.push(failure(root, error));
        reachedAll.add(root);
        return undefined;
      }
    };
    for (const root of findRoots(project, loader, corsFiles)) {
      const config = analyse(root, corsFiles.get(root)?.text);
      if (!config || ![...config.reached].some((f) => corsFiles.has(f))) continue;
      configs.push(config);
      for (const f of config.reached) reachedAll.add(f);
    }
    // Files that some file seemed to include but no top-level file reaches: analyse them on their own.
    for (const file of files) {
      if (reachedAll.has(file.absPath)) continue;
      const config = analyse(file.absPath, file.text);
      if (!config) continue;
      configs.push(config);
      for (const f of config.reached) reachedAll.add(f);
    }

    const allMaps = new Map(configs.flatMap((c) => [...c.maps]));
    const policies: CorsPolicy[] = [];
    const routes: ProxyRoute[] = [];
    const seen = new Set<string>();
    const seenRoutes = new Set<string>();
    for (const config of configs) {
      let described: CorsPolicy[];
      let forwarded: ProxyRoute[];
      try {
        described = withFileBudget(options?.fileTimeBudgetMs, () => policiesOf(config, allMaps));
        forwarded = withFileBudget(options?.fileTimeBudgetMs, () => buildRoutes(config.tree, mapsFor(config, allMaps), described));
      } catch (error) {
        failures.push(failure(config.root, error));
        continue;
      }
      for (const route of forwarded) {
        const key = `${route.span.file}:${route.span.line}:${route.span.column}`;
        if (seenRoutes.has(key)) continue;
        seenRoutes.add(key);
        routes.push(route);
      }
      for (const policy of described) {
        const key = JSON.stringify(policy);
        if (seen.has(key)) continue; // the same server reached from two top-level files
        seen.add(key);
        policies.push(policy);
      }
    }
    // Other files under the root were only read to find includers: their own problems are not this run's.
    const reachedPaths = new Set([...reachedAll].map((f) => project.displayPath(f)));
    return { policies, routes, diagnostics: [...loader.diagnostics.filter((d) => reachedPaths.has(d.file)), ...failures] };
  },
};

/**
 * Top-level files: nginx files that no other nginx file includes. Which directory a relative include
 * resolves against depends on the top-level file, which is not known yet, so a file counts as included
 * when any nginx file names it relative to its own directory or to any directory above it (inside the
 * scan root). Over-approximating here only moves a file from standalone to in-context analysis; a file
 * that turns out not to be reached is analysed standalone afterwards.
 */
function findRoots(project: Project, loader: IncludeLoader, corsFiles: Map<string, SourceFile>): string[] {
  const nginxFiles = project.allFiles.filter((f) => f.language === 'nginx').map((f) => f.absPath);
  for (const f of corsFiles.keys()) if (!nginxFiles.includes(f)) nginxFiles.push(f);
  const included = new Set<string>();
  for (const file of nginxFiles) {
    const known = corsFiles.get(file)?.text;
    const text = known ?? textOf(project, file);
    if (text === undefined || !/\binclude\s/.test(text) || !isNginxText(text)) continue;
    let parsed: ReturnType<IncludeLoader['load']>;
    try {
      parsed = loader.load(file, known ?? text);
    } catch {
      continue; // reported when the file itself is analysed
    }
    if ('error' in parsed) continue;
    for (const prefix of prefixes(file, project.root)) {
      for (const target of loader.directIncludes(parsed, prefix)) if (target !== file) included.add(target);
    }
  }
  return nginxFiles.filter((f) => !included.has(f));
}

function textOf(project: Project, absPath: string): string | undefined {
  const read = project.readText(absPath);
  return 'text' in read ? read.text : undefined;
}

function prefixes(file: string, root: string): string[] {
  const out: string[] = [];
  let dir = path.dirname(file);
  for (;;) {
    out.push(dir);
    const rel = path.relative(root, dir);
    if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) break;
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return out;
}

/**
 * The directory relative includes resolve against. nginx uses the directory of the configuration
 * given with -c; for a top-level file that is itself a piece (a conf.d server file, a template meant to
 * be copied next to nginx.conf) that directory is unknown, so take the nearest of its own directory and
 * the folders above it (inside the scan root) where most of its includes exist.
 */
function choosePrefix(project: Project, loader: IncludeLoader, file: string): string {
  const parsed = loader.load(file);
  const candidates = prefixes(file, project.root);
  if ('error' in parsed) return candidates[0]!;
  let best = candidates[0]!;
  let bestScore = -1;
  for (const prefix of candidates) {
    const targets = loader.directIncludes(parsed, prefix);
    if (!targets.length) return candidates[0]!;
    const score = targets.filter((t) => 'text' in project.readText(t)).length;
    if (score > bestScore) {
      best = prefix;
      bestScore = score;
    }
  }
  return best;
}
