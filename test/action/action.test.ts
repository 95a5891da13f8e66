import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { node24, type Runtime } from './node24.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const bundle = path.join(root, 'dist/action.js');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  workspace: string;
}

/** Runs dist/action.js the way the Actions runner does: INPUT_* variables, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files. */
function runAction(runtime: Runtime, fixture: string, inputs: Record<string, string> = {}, prepare?: (workspace: string) => void, extraEnv: NodeJS.ProcessEnv = {}): Run {
  const workspace = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'cors-lint-action-')));
  fs.cpSync(path.join(here, 'fixtures', fixture), workspace, { recursive: true });
  prepare?.(workspace);
  const files = fs.mkdtempSync(path.join(os.tmpdir(), 'cors-lint-runner-'));
  const outputFile = path.join(files, 'output');
  const summaryFile = path.join(files, 'summary');
  fs.writeFileSync(outputFile, '');
  fs.writeFileSync(summaryFile, '');
  // The runner passes every declared input, with its default when the workflow sets none.
  const declared = YAML.parse(fs.readFileSync(path.join(root, 'action.yml'), 'utf8')).inputs as Record<string, { default?: string }>;
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: workspace, GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile, RUNNER_TEMP: files };
  for (const [name, spec] of Object.entries(declared)) env[`INPUT_${name.toUpperCase()}`] = inputs[name] ?? String(spec.default ?? '');
  Object.assign(env, extraEnv);
  const child = spawnSync(runtime.node, [bundle], { cwd: workspace, env, encoding: 'utf8', timeout: 120_000 });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr, outputs: parseOutputs(fs.readFileSync(outputFile, 'utf8')), summary: fs.readFileSync(summaryFile, 'utf8'), workspace };
}

/** GITHUB_OUTPUT holds `name<<delimiter\nvalue\ndelimiter` blocks. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]!);
    if (!m) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]!);
    outputs[m[1]!] = value.join('\n');
  }
  return outputs;
}

const annotations = (stdout: string) => stdout.split('\n').filter((l) => /^::(error|warning|notice) file=/.test(l));
const sarifAt = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'));

describe('GitHub Action (dist/action.js under Node 24)', () => {
  let runtime: Runtime;
  beforeAll(() => {
    expect(fs.existsSync(bundle), 'dist/action.js is missing: run npm run build').toBe(true);
    runtime = node24();
    console.log(`Action runtime: ${runtime.node} ${runtime.version}${runtime.fallback ? ` (fallback: ${runtime.fallback})` : ''}`);
  }, 300_000);

  it('declares a node24 Action with the documented inputs and outputs', () => {
    const action = YAML.parse(fs.readFileSync(path.join(root, 'action.yml'), 'utf8'));
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/action.js' });
    expect(Object.fromEntries(Object.entries(action.inputs as Record<string, { default: string }>).map(([k, v]) => [k, v.default]))).toEqual({
      paths: '.',
      config: '',
      format: 'text',
      'fail-on': 'error',
      'sarif-file': 'cors-lint.sarif',
      annotations: 'true',
      baseline: '',
      'fix-diff': '',
      'unsafe-fixes': 'false',
    });
    expect(Object.keys(action.outputs)).toEqual(['findings', 'errors', 'sarif-file', 'fix-diff', 'fixable']);
  });

  it('a job summary that cannot be written is a warning: with fail-on never the step still succeeds', () => {
    const run = runAction(runtime, 'workspace', { 'fail-on': 'never' }, undefined, { GITHUB_STEP_SUMMARY: path.join(os.tmpdir(), 'no-such-folder-cors-lint', 'summary') });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^::warning::cors-lint: could not write the job summary: /m);
    expect(Number(run.outputs.findings)).toBeGreaterThan(0);
  });

  it('fails on errors, yet writes the SARIF file, annotations, the summary and the outputs', () => {
    const run = runAction(runtime, 'workspace');
    expect(run.status, run.stderr).toBe(1);
    const sarifFile = path.join(run.workspace, 'cors-lint.sarif');
    expect(run.outputs['sarif-file']).toBe(sarifFile);
    const log = sarifAt(sarifFile);
    const results = log.runs[0].results as Array<{ ruleId: string; level: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }> }>;
    expect(Number(run.outputs.findings)).toBe(results.length);
    expect(Number(run.outputs.errors)).toBe(results.filter((r) => r.level === 'error').length);
    expect(Number(run.outputs.errors)).toBeGreaterThan(0);

    // One finding per stack, at the offending value: the bundle finds the Python parser's wasm,
    // and parses TypeScript/JavaScript and Nginx.
    const at = (uri: string, ruleId: string) =>
      results.find((r) => r.locations[0]!.physicalLocation.artifactLocation.uri === uri && r.ruleId === ruleId)?.locations[0]!.physicalLocation.region;
    expect(at('nginx/site.conf', 'credentials-with-wildcard-origin')).toMatchObject({ startLine: 4, startColumn: 48 });
    expect(at('api/main.py', 'credentials-with-wildcard-origin')).toMatchObject({ startLine: 8, startColumn: 20 });
    expect(at('web/server.js', 'reflected-origin')).toMatchObject({ startLine: 5, startColumn: 24 });

    // One annotation per finding, in the same order, then the failure message.
    const lines = annotations(run.stdout);
    expect(lines).toHaveLength(results.length);
    for (const [i, r] of results.entries()) {
      const { uri } = r.locations[0]!.physicalLocation.artifactLocation;
      const { startLine, startColumn } = r.locations[0]!.physicalLocation.region;
      expect(lines[i]).toContain(`::${r.level === 'note' ? 'notice' : r.level} file=${uri},line=${startLine},col=${startColumn},`);
      expect(lines[i]).toContain(`title=${r.ruleId}::`);
    }
    expect(run.stdout).toMatch(/^::error::cors-lint: \d+ findings? at or above fail-on=error$/m);
    // The text report is in the log too.
    expect(run.stdout).toContain('nginx/site.conf');
    expect(run.stdout).toMatch(/✖ \d+ errors?/);

    expect(run.summary).toContain('## cors-lint');
    expect(run.summary).toContain('| [nginx/site.conf:4](nginx/site.conf#L4) | 🔴 error |');
  }, 180_000);

  it('succeeds with fail-on: never and still reports everything', () => {
    const run = runAction(runtime, 'workspace', { 'fail-on': 'never', 'sarif-file': 'reports/cors.sarif', format: 'json' });
    expect(run.status, run.stderr).toBe(0);
    expect(Number(run.outputs.findings)).toBeGreaterThan(0);
    expect(sarifAt(path.join(run.workspace, 'reports/cors.sarif')).runs[0].results.length).toBe(Number(run.outputs.findings));
    expect(annotations(run.stdout)).toHaveLength(Number(run.outputs.findings));
    expect(run.stdout).not.toContain('::error::');
    expect(run.stdout).toContain('"findings": [');
  }, 180_000);

  it('leaves out annotations when asked, and fails on warnings with fail-on: warning', () => {
    const run = runAction(runtime, 'workspace', { annotations: 'false', 'fail-on': 'warning' });
    expect(run.status).toBe(1);
    expect(annotations(run.stdout)).toEqual([]);
    expect(run.stdout).toMatch(/^::error::cors-lint: \d+ findings? at or above fail-on=warning$/m);
  }, 180_000);

  it('reports only findings missing from the baseline input', () => {
    const cli = path.join(root, 'dist/cli.js');
    const run = runAction(runtime, 'workspace', { baseline: 'cors-lint-baseline.json' }, (workspace) => {
      const write = spawnSync(runtime.node, [cli, '.', '--write-baseline', 'cors-lint-baseline.json'], { cwd: workspace, encoding: 'utf8' });
      expect(write.status, write.stderr).toBe(0);
    });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.outputs).toMatchObject({ findings: '0', errors: '0' });
    expect(annotations(run.stdout)).toEqual([]);
  }, 180_000);

  it('passes on a clean workspace with a readable summary', () => {
    const run = runAction(runtime, 'clean');
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.outputs).toMatchObject({ findings: '0', errors: '0' });
    expect(sarifAt(run.outputs['sarif-file']!).runs[0]).toMatchObject({ results: [], invocations: [{ executionSuccessful: true }] });
    expect(run.summary).toContain('✅ No CORS findings (1 file with CORS configuration, 1 policy).');
  }, 180_000);

  it('fails on a bad input or configuration and still leaves a SARIF file saying why', () => {
    const badInput = runAction(runtime, 'clean', { 'fail-on': 'sometimes' });
    expect(badInput.status).toBe(1);
    expect(badInput.stdout).toContain('::error::cors-lint: input "fail-on" must be one of error, warning, note, never (got "sometimes")');

    const badConfig = runAction(runtime, 'clean', { config: 'missing.json' });
    expect(badConfig.status).toBe(1);
    expect(badConfig.stdout).toMatch(/^::error::cors-lint: configuration error: /m);
    const log = sarifAt(path.join(badConfig.workspace, 'cors-lint.sarif'));
    expect(log.runs[0].invocations[0].executionSuccessful).toBe(false);
    expect(log.runs[0].invocations[0].toolExecutionNotifications[0]).toMatchObject({ descriptor: { id: 'config-error' }, level: 'error' });
  }, 180_000);
});
