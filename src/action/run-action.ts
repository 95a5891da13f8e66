import fs from 'node:fs';
import path from 'node:path';
import * as core from '@actions/core';
import { exitCodeFor } from '../cli/main.js';
import { EXIT_FINDINGS } from '../cli/exit-codes.js';
import { ConfigError } from '../config/load.js';
import { applyBaseline, BaselineError } from '../filter/baseline.js';
import { formatGithub } from '../format/github.js';
import { formatters } from '../format/index.js';
import { buildMarkdown, githubBlobBase } from '../format/markdown.js';
import { buildSarif, githubVersionControl } from '../format/sarif.js';
import { lint, type LintResult } from '../lint.js';
import { lintAndFix } from '../fix/run-fix.js';
import { SEVERITY_RANK, type Severity } from '../model/types.js';
import { readInputs, type ActionInputs } from './inputs.js';
import { isInternalError } from '../model/diagnostics.js';

/**
 * The GitHub Action: lint the workspace, always write the SARIF file (so an `if: always()`
 * upload step finds it), annotate, summarise, set outputs, and fail the step per `fail-on`.
 */
export async function runAction(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const workspace = path.resolve(env.GITHUB_WORKSPACE || process.cwd());
  let inputs: ActionInputs | undefined;
  try {
    inputs = readInputs();
    // With fix-diff the lint is the first round of a fix run that writes nothing: the same findings, plus the patch.
    const baseline = inputs.baseline;
    const select = (r: LintResult) => applyBaseline(r, baseline, workspace);
    const fixRun = inputs.fixDiff ? await lintAndFix(inputs.paths, { cwd: workspace, configFile: inputs.config }, { unsafe: inputs.unsafeFixes, write: false, select }) : undefined;
    const linted = fixRun ? { ...fixRun.result, diagnostics: [...fixRun.result.diagnostics, ...fixRun.diagnostics] } : await lint(inputs.paths, { cwd: workspace, configFile: inputs.config });
    const result = fixRun ? linted : applyBaseline(linted, baseline, workspace);
    const sarifFile = writeSarif(result, workspace, inputs.sarifFile, env, true, inputs.unsafeFixes);
    if (fixRun && inputs.fixDiff) {
      const patchFile = path.resolve(workspace, inputs.fixDiff);
      fs.mkdirSync(path.dirname(patchFile), { recursive: true });
      fs.writeFileSync(patchFile, fixRun.patch);
      core.setOutput('fix-diff', patchFile);
      core.setOutput('fixable', fixRun.fixed);
      core.info(`cors-lint: ${fixRun.fixed ? `wrote fixes for ${fixRun.fixed} finding(s) in ${fixRun.changes.length} file(s) to ${inputs.fixDiff}` : `nothing to fix; ${inputs.fixDiff} is empty`}`);
    }

    const log = formatters[inputs.format]!({ result, cwd: workspace, color: false, unsafeFixes: inputs.unsafeFixes });
    process.stdout.write(log);
    // Annotations and the job summary are extras: a runner that cannot take them (a read-only or
    // missing GITHUB_STEP_SUMMARY, a closed stdout) gets a warning, and the step's result stands.
    if (inputs.annotations && inputs.format !== 'github') {
      bestEffort('annotations', () => process.stdout.write(formatGithub({ result, cwd: workspace, color: false })));
    }
    if (env.GITHUB_STEP_SUMMARY) {
      await bestEffortAsync('the job summary', () => core.summary.addRaw(buildMarkdown(result, { linkBase: githubBlobBase(env) })).write());
    }

    const errors = result.findings.filter((f) => f.severity === 'error').length;
    core.setOutput('findings', result.findings.length);
    core.setOutput('errors', errors);
    core.setOutput('sarif-file', sarifFile);

    const crashed = result.diagnostics.find(isInternalError);
    if (crashed) core.setFailed(`cors-lint: ${crashed.message.split('\n')[0]}`);
    else if (exitCodeFor(result, inputs.failOn) === EXIT_FINDINGS) {
      const threshold = SEVERITY_RANK[inputs.failOn as Severity];
      const counted = result.findings.filter((f) => SEVERITY_RANK[f.severity] >= threshold).length;
      core.setFailed(`cors-lint: ${counted} finding${counted === 1 ? '' : 's'} at or above fail-on=${inputs.failOn}`);
    }
  } catch (error) {
    const message = error instanceof ConfigError || error instanceof BaselineError ? `configuration error: ${error.message}` : (error as Error).message;
    // Still leave a SARIF file behind, saying what went wrong, for the upload step.
    try {
      const failed: LintResult = { findings: [], diagnostics: [{ kind: 'config-error', file: '.', message }], policies: [], stats: { filesDiscovered: 0, filesScanned: 0 }, config: {}, suppressed: 0 };
      const file = writeSarif(failed, workspace, inputs?.sarifFile || core.getInput('sarif-file') || 'cors-lint.sarif', env, false);
      core.setOutput('sarif-file', file);
    } catch {
      // Nothing more can be done; the failure below says why.
    }
    core.setFailed(`cors-lint: ${message}`);
  }
}

function bestEffort(what: string, write: () => unknown): void {
  try {
    write();
  } catch (error) {
    core.warning(`cors-lint: could not write ${what}: ${(error as Error).message}`);
  }
}

async function bestEffortAsync(what: string, write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (error) {
    core.summary.emptyBuffer();
    core.warning(`cors-lint: could not write ${what}: ${(error as Error).message}`);
  }
}

function writeSarif(result: LintResult, workspace: string, target: string, env: NodeJS.ProcessEnv, successful = true, unsafeFixes = false): string {
  const file = path.resolve(workspace, target);
  const log = buildSarif(result, workspace, { versionControl: githubVersionControl(env), unsafeFixes });
  if (!successful) log.runs[0]!.invocations![0]!.executionSuccessful = false;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(log, null, 2)}\n`);
  return file;
}
