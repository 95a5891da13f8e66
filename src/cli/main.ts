import fs from 'node:fs';
import path from 'node:path';
import { allRules, findRule } from '../../rules/index.js';
import { ConfigError } from '../config/load.js';
import { applyBaseline, BaselineError, buildBaseline } from '../filter/baseline.js';
import { formatters } from '../format/index.js';
import { lint, type LintResult } from '../lint.js';
import { SEVERITY_RANK } from '../model/types.js';
import { packageVersion, ruleReadmePath } from '../package-root.js';
import { HELP, parseCli, UsageError, type FailOn, type LintArgs } from './args.js';
import { EXIT_ERROR, EXIT_FINDINGS, EXIT_OK } from './exit-codes.js';
import { formatRulesTable } from './rules-table.js';
import { isInternalError } from '../model/diagnostics.js';
import { lintAndFix, type FixRun } from '../fix/run-fix.js';

export interface Io {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTty: boolean;
  /** Terminal width, when stdout is a terminal (text output wraps at it). */
  columns?: number;
}

/** Runs the CLI and returns the exit code; never calls process.exit (testable, embeddable). */
export async function main(argv: string[], io: Io): Promise<number> {
  try {
    const args = parseCli(argv);
    switch (args.command) {
      case 'help':
        io.stdout(HELP);
        return EXIT_OK;
      case 'version':
        io.stdout(`${packageVersion()}\n`);
        return EXIT_OK;
      case 'rules':
        io.stdout(args.format === 'json' ? `${JSON.stringify(allRules.map((r) => ({ id: r.meta.id, severity: r.meta.defaultSeverity, description: r.meta.docs.description, url: r.meta.docs.url, ...(r.meta.fixable ? { fixable: r.meta.fixable } : {}) })), null, 2)}\n` : formatRulesTable(allRules));
        return EXIT_OK;
      case 'explain':
        return explain(args.ruleId, io);
      case 'check': {
        const { runCheckCli } = await import('./check-command.js');
        return runCheckCli(args.argv, io);
      }
      case 'lint':
        return await runLint(args, io);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`cors-lint: ${error.message}\nRun cors-lint --help for usage.\n`);
      return EXIT_ERROR;
    }
    if (error instanceof ConfigError || error instanceof BaselineError) {
      io.stderr(`cors-lint: configuration error: ${error.message}\n`);
      return EXIT_ERROR;
    }
    io.stderr(`cors-lint: internal error: ${(error as Error).stack ?? String(error)}\n`);
    return EXIT_ERROR;
  }
}

async function runLint(args: LintArgs, io: Io): Promise<number> {
  if ((args.fix || args.diff) && (args.printPolicies || args.writeBaseline)) throw new UsageError('--fix and --diff cannot be combined with --print-policies or --write-baseline');
  // Only what is reported is fixed: findings recorded in the baseline are left alone.
  const select = (r: LintResult) => applyBaseline(r, args.baseline, io.cwd);
  const fixRun = args.fix || args.diff ? await lintAndFix(args.paths, { cwd: io.cwd, configFile: args.config }, { unsafe: args.unsafeFixes, write: !args.diff, select }) : undefined;
  const linted = fixRun ? { ...fixRun.result, diagnostics: [...fixRun.result.diagnostics, ...fixRun.diagnostics] } : await lint(args.paths, { cwd: io.cwd, configFile: args.config });
  if (args.diff) return printDiff(fixRun!, linted, io, args.output);
  if (args.printPolicies) {
    io.stdout(`${JSON.stringify({ policies: linted.policies, ...frontendsView(linted), ...pathsView(linted), diagnostics: linted.diagnostics }, null, 2)}
`);
    return EXIT_OK;
  }
  if (args.writeBaseline) {
    const file = path.resolve(io.cwd, args.writeBaseline);
    fs.writeFileSync(file, `${JSON.stringify(buildBaseline(linted.findings), null, 2)}\n`);
    io.stderr(`cors-lint: recorded ${linted.findings.length} finding(s) in ${args.writeBaseline}\n`);
    return EXIT_OK;
  }
  // A fix run has applied the baseline already (select).
  const baselined = fixRun ? linted : applyBaseline(linted, args.baseline, io.cwd);
  const filtered = args.quiet ? { ...baselined, findings: baselined.findings.filter((f) => f.severity === 'error') } : baselined;

  const color = args.color ?? (io.isTty && !io.env.NO_COLOR && args.format === 'text' && !args.output);
  const width = args.width ?? (io.isTty && args.format === 'text' && !args.output ? io.columns : undefined);
  const text = formatters[args.format]!({ result: filtered, cwd: io.cwd, color: Boolean(color), unsafeFixes: args.unsafeFixes, fixed: fixRun?.fixed, width });
  if (fixRun && args.format !== 'text') io.stderr(`cors-lint: fixed ${fixRun.fixed} finding(s) in ${fixRun.changes.length} file(s)\n`);
  if (args.output) fs.writeFileSync(path.resolve(io.cwd, args.output), text);
  else io.stdout(text);

  const internal = filtered.diagnostics.some(isInternalError);
  if (internal) return EXIT_ERROR;
  return exitCodeFor(filtered, args.failOn);
}

/** --print-policies: the frontends found and which policy each one's API URL reaches (policies by place). */
function frontendsView(result: LintResult): object {
  const context = result.frontends;
  if (!context?.frontends.length) return {};
  return {
    frontends: context.frontends.map(({ absDir: _abs, ...f }) => f),
    frontendLinks: context.links.map((l) => ({ frontend: l.frontend.dir, apiUrl: l.apiUrl.url, policy: `${l.policy.span.file}:${l.policy.span.line}:${l.policy.span.column}`, how: l.how, ...(l.proxiedBy ? { proxiedBy: l.proxiedBy } : {}) })),
  };
}

/** --print-policies: the proxy routes and the applications each one is linked to (policies by place). */
function pathsView(result: LintResult): object {
  if (!result.routes?.length) return {};
  const at = (s: { file: string; line: number; column: number }) => `${s.file}:${s.line}:${s.column}`;
  return {
    routes: result.routes.map(({ policy, ...r }) => ({ ...r, ...(policy ? { policy: at(policy.span) } : {}) })),
    paths: (result.paths ?? []).map((p) => ({ route: at(p.route.span), label: p.route.label, apps: p.apps.map((a) => at(a.span)), linked: p.linked, how: p.how })),
  };
}

/**
 * --diff: the patch on stdout or in --output (no scanned file is written), a count on stderr. Exit 1 when there is something to
 * fix, 0 when not (as Ruff's --diff), 2 on internal errors.
 */
function printDiff(run: FixRun, result: LintResult, io: Io, output?: string): number {
  if (output) fs.writeFileSync(path.resolve(io.cwd, output), run.patch);
  else io.stdout(run.patch);
  const skipped = run.diagnostics.map((d) => `cors-lint: ${d.file}: ${d.message}\n`).join('');
  io.stderr(`${skipped}cors-lint: ${run.fixed ? `would fix ${run.fixed} finding(s) in ${run.changes.length} file(s)` : 'nothing to fix'}\n`);
  if (result.diagnostics.some(isInternalError)) return EXIT_ERROR;
  return run.patch ? EXIT_FINDINGS : EXIT_OK;
}

export function exitCodeFor(result: LintResult, failOn: FailOn): number {
  if (failOn === 'never') return EXIT_OK;
  const threshold = SEVERITY_RANK[failOn];
  return result.findings.some((f) => SEVERITY_RANK[f.severity] >= threshold) ? EXIT_FINDINGS : EXIT_OK;
}

function explain(ruleId: string, io: Io): number {
  const rule = findRule(ruleId);
  if (!rule) {
    io.stderr(`cors-lint: unknown rule "${ruleId}"; known rules: ${allRules.map((r) => r.meta.id).join(', ')}\n`);
    return EXIT_ERROR;
  }
  try {
    io.stdout(fs.readFileSync(ruleReadmePath(ruleId), 'utf8'));
  } catch {
    io.stdout(`${rule.meta.id} (${rule.meta.defaultSeverity})\n\n${rule.meta.docs.description}\n\n${rule.meta.docs.url}\n`);
  }
  return EXIT_OK;
}
