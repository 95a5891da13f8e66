import fs from 'node:fs';
import path from 'node:path';
import { allRules } from '../rules/index.js';
import { loadConfig } from './config/load.js';
import { pythonParserSetting } from './config/parser-setting.js';
import { overrideLevel, levelOf, ruleSetting } from './config/rule-settings.js';
import type { Config } from './config/types.js';
import { discover, isInside, type DiscoveredFile } from './discover/discover.js';
import { createProject } from './project.js';
import { looksLikeNginx } from './discover/classify.js';
import { ReadAhead } from './discover/read-ahead.js';
import { DEFAULT_MAX_FILE_BYTES } from './discover/read-source.js';
import { scanners } from './extract/index.js';
import type { Project, ScanOptions, ScanResult, Scanner } from './extract/scanner.js';
import { internalError } from './model/diagnostics.js';
import type { AnyRule } from './rules/define-rule.js';
import { isSuppressed } from './filter/suppressions.js';
import type { CorsPolicy, Diagnostic, Finding, SourceFile } from './model/types.js';
import { runRules } from './rules/run-rules.js';
import { isContextFolder, kindOf as contextKindOf, type ContextFile } from './environment/context-files.js';
import { repositoryContext } from './environment/index.js';
import type { FrontendContext } from './frontend/types.js';
import { sourceReader } from './fix/source.js';
import { readProxyLayers } from './proxy/index.js';
import { buildPaths, type DeployedPath } from './paths/index.js';
import type { ProxyRoute } from './model/types.js';

export interface LintOptions {
  cwd?: string;
  /** Use this configuration instead of looking for one. */
  config?: Config;
  /** --config FILE */
  configFile?: string;
  /** The language scanners to run (default: all of them); tests inject failing ones here. */
  scanners?: readonly Scanner[];
  /** The rules to run (default: the whole catalog). */
  rules?: readonly AnyRule[];
}

export interface LintResult {
  findings: Finding[];
  diagnostics: Diagnostic[];
  policies: CorsPolicy[];
  /** Number of files discovered / parsed (after the prefilter). */
  stats: { filesDiscovered: number; filesScanned: number };
  config: Config;
  configFile?: string;
  /** Findings dropped by inline suppressions. */
  suppressed: number;
  /** Frontends found in the repository and the backend policies they call (src/frontend). */
  frontends?: FrontendContext;
  /** Proxy routes found (nginx locations that forward, Ingress paths, Traefik routers). */
  routes?: ProxyRoute[];
  /** The routes linked to the applications behind them (src/paths). */
  paths?: DeployedPath[];
}

/** The whole pipeline: discover -> prefilter -> parse+extract -> rules -> filter. */
export async function lint(paths: string[], options: LintOptions = {}): Promise<LintResult> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const inputs = paths.length ? paths : ['.'];
  const loaded = options.config
    ? { config: options.config, file: undefined }
    : loadConfig(cwd, options.configFile, allRules.map((r) => r.meta.id));
  const config = loaded.config;
  const root = scanRoot(cwd, inputs);

  const scannerList = options.scanners ?? scanners;
  const maxBytes = config.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  // Files are read (in a worker, for big trees) while the walk goes on.
  const reads = new ReadAhead(maxBytes, new Map(scannerList.map((s) => [s.language, s.quickCheck])));
  // Every path is the root itself: discovery sees the whole tree (else only the files named, as pre-commit passes them).
  const wholeRoot = inputs.every((p) => path.resolve(cwd, p) === root);
  const discovery = discover(inputs, {
    cwd,
    root,
    ignore: config.ignore,
    onFile: (abs, display, language) => reads.submit(abs, display, language),
    context: { kindOf: contextKindOf, inFolder: isContextFolder },
  });
  await reads.finish();
  const diagnostics: Diagnostic[] = [...discovery.diagnostics];
  const project = createProject(cwd, root, () => (wholeRoot ? discovery.files : filesBelowRoot(discovery.files, { cwd, root, ignore: config.ignore })), maxBytes);

  const policies: CorsPolicy[] = [];
  const routes: ProxyRoute[] = [];
  const scanOptions = { pythonParser: pythonParserSetting(config), fileTimeBudgetMs: config.fileTimeBudgetMs };
  let filesScanned = 0;
  const rules = options.rules ?? allRules;
  for (const scanner of scannerList) {
    const sources: SourceFile[] = [];
    for (const file of discovery.files.filter((f) => f.language === scanner.language)) {
      const read = reads.outcome(file.absPath, file.path, scanner.language);
      if (!read.ok) {
        diagnostics.push(read.diagnostic);
        continue;
      }
      if (read.warning) diagnostics.push(read.warning);
      if (read.text === undefined || !scanner.mentionsCors(read.text)) continue;
      project.remember(file.absPath, read.text);
      if (file.language === 'nginx' && !looksLikeNginx(read.text) && !/\.(?:conf|nginx)$/i.test(file.path)) continue;
      sources.push({ ...file, text: read.text });
    }
    filesScanned += sources.length;
    if (!sources.length) continue;
    const result = await scanIsolated(scanner, sources, project, scanOptions);
    policies.push(...result.policies);
    routes.push(...(result.routes ?? []));
    diagnostics.push(...result.diagnostics);
  }

  // Proxy layers written as Kubernetes objects or Traefik configuration (src/proxy), in the context
  // files discovery listed under the paths given.
  const contextText = (abs: string): string | undefined => {
    const read = project.readText(abs);
    return 'text' in read ? read.text : undefined;
  };
  const proxies = readProxyLayers(discovery.context as ContextFile[], {
    readText: contextText,
    display: (abs) => project.displayPath(abs),
    diagnostics,
  });
  policies.push(...proxies.policies);
  routes.push(...proxies.routes);
  filesScanned += new Set(proxies.policies.map((p) => p.span.file)).size;

  // Deployed paths (src/paths): each proxy route linked to the applications behind it.
  const linked = buildPaths(routes, policies, discovery.context as ContextFile[], {
    readText: contextText,
    display: (abs) => project.displayPath(abs),
    absPath: (display) => path.resolve(cwd, display),
    root,
  });
  diagnostics.push(...linked.diagnostics);

  // Environments and frontends (src/environment, src/frontend): per-environment copies of env-driven
  // policies and the frontends that call the backends; nothing is read when no policy was found.
  const context = repositoryContext(policies, project, { cwd, ignore: config.ignore, codeFiles: discovery.files.filter((f) => f.language === 'js').map((f) => f.absPath), paths: linked.paths, compose: linked.compose, ...(wholeRoot ? { files: discovery.context as ContextFile[] } : {}) });
  diagnostics.push(...context.diagnostics);

  // Rules that offer fixes read the scanned text (src/fix).
  const source = sourceReader((file) => project.textOf(file));
  const ruleRun = runRules(rules, context.policies, (rule) => ruleSetting(rule, config), { allowedOrigins: config.allowedOrigins, ...context.settings, paths: linked.paths }, source);
  for (const { ruleId, error, file } of ruleRun.errors) diagnostics.push(internalError(file ?? '.', `rule ${ruleId}`, error, true));

  let suppressed = 0;
  const findings: Finding[] = [];
  for (const finding of uniqueFindings(context.annotate(ruleRun.findings))) {
    const adjusted = applyOverride(finding, config);
    if (!adjusted) continue;
    if (isSuppressed(adjusted, project.linesOf(adjusted.location.file))) {
      suppressed++;
      continue;
    }
    findings.push(adjusted);
  }
  findings.sort(compareFindings);
  return {
    findings,
    diagnostics,
    policies,
    stats: { filesDiscovered: discovery.files.length, filesScanned },
    config,
    configFile: loaded.file,
    suppressed,
    frontends: context.settings.frontends,
    routes,
    paths: linked.paths,
  };
}

/**
 * A scanner gets all files of its language at once (includes and imports cross files). If it throws,
 * each file is scanned alone to find the ones that fail: they get one internal-error diagnostic each,
 * and the others are scanned again together, so one bad file never costs another's results.
 */
async function scanIsolated(scanner: Scanner, sources: SourceFile[], project: Project, options: ScanOptions): Promise<ScanResult> {
  try {
    return await scanner.scan(sources, project, options);
  } catch (batchError) {
    if (sources.length === 1) return { policies: [], diagnostics: [internalError(sources[0]!.path, `the ${scanner.language} scanner`, batchError, true)] };
    const diagnostics: Diagnostic[] = [];
    const healthy: SourceFile[] = [];
    const alone: ScanResult[] = [];
    for (const source of sources) {
      try {
        alone.push(await scanner.scan([source], project, options));
        healthy.push(source);
      } catch (error) {
        diagnostics.push(internalError(source.path, `the ${scanner.language} scanner`, error, true));
      }
    }
    if (!healthy.length) return { policies: [], diagnostics };
    try {
      const result = await scanner.scan(healthy, project, options);
      return { policies: result.policies, diagnostics: [...result.diagnostics, ...diagnostics] };
    } catch (error) {
      // Files that pass alone but fail together (a shared include): keep each file's own results.
      const fallback = internalError(healthy.map((s) => s.path).join(', '), `the ${scanner.language} scanner (files scanned one by one, cross-file links lost)`, error, true);
      return { policies: alone.flatMap((p) => p.policies), diagnostics: [...alone.flatMap((p) => p.diagnostics), ...diagnostics, fallback] };
    }
  }
}

/**
 * One finding per rule, place and message: policies that share a source line (nginx locations that
 * inherit the same add_header, apps built from one settings module) would otherwise repeat it.
 */
function uniqueFindings(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const { file, line, column, endLine, endColumn } = f.location;
    const key = [f.ruleId, file, line, column, endLine, endColumn, f.message].join('\u0000');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function applyOverride(finding: Finding, config: Config): Finding | undefined {
  const entry = overrideLevel(config, finding.ruleId, finding.location.file);
  if (entry !== undefined) {
    const level = levelOf(entry);
    if (level === 'off') return undefined;
    return { ...finding, severity: level! };
  }
  // The rule runs only because an override switched it on elsewhere: the base level is off.
  if (levelOf(config.rules?.[finding.ruleId]) === 'off') return undefined;
  const rule = allRules.find((r) => r.meta.id === finding.ruleId);
  if (rule?.meta.offByDefault && config.rules?.[finding.ruleId] === undefined) return undefined;
  return finding;
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.location.file.localeCompare(b.location.file) ||
    a.location.line - b.location.line ||
    a.location.column - b.location.column ||
    a.ruleId.localeCompare(b.ruleId)
  );
}

/**
 * The files scanners may consult besides the ones they scan. When only some files are named (pre-commit
 * passes the staged ones), that is every file under the root: nginx finds the config that includes a
 * snippet and expands glob includes through it. Only the named files are scanned for policies.
 */
function filesBelowRoot(named: DiscoveredFile[], options: { cwd: string; root: string; ignore?: string[] }): DiscoveredFile[] {
  const all = discover([options.root], options).files;
  const known = new Set(named.map((f) => f.absPath));
  return [...named, ...all.filter((f) => !known.has(f.absPath))];
}

function isFolder(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** The cwd, unless a path lies outside it: then the deepest folder holding all paths. */
export function scanRoot(cwd: string, inputs: string[]): string {
  const absolute = (inputs.length ? inputs : ['.']).map((p) => path.resolve(cwd, p));
  if (absolute.every((p) => isInside(cwd, p))) return cwd;
  // A folder holds itself: `cors-lint /elsewhere/repo` scans that repository, not its parent's tree.
  let common = isFolder(absolute[0]!) ? absolute[0]! : path.dirname(absolute[0]!);
  for (const p of absolute) while (!isInside(common, p)) common = path.dirname(common);
  return common;
}

