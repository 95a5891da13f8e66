// The Action's fix-diff input, run from the sources (src/action/run.ts) the way the runner runs the
// bundle: INPUT_* variables and a GITHUB_OUTPUT file. The patch must apply with git apply in a
// follow-up job, and the workspace itself is never changed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const TSX = path.join(root, 'node_modules/tsx/dist/esm/index.mjs');

function runFromSources(fixture: string, inputs: Record<string, string>, extra: Record<string, string> = {}) {
  const workspace = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'cors-lint-action-fix-')));
  fs.cpSync(path.join(here, 'fixtures', fixture), workspace, { recursive: true });
  for (const [file, text] of Object.entries(extra)) fs.writeFileSync(path.join(workspace, file), text);
  const runner = fs.mkdtempSync(path.join(os.tmpdir(), 'cors-lint-runner-'));
  const outputFile = path.join(runner, 'output');
  fs.writeFileSync(outputFile, '');
  const declared = YAML.parse(fs.readFileSync(path.join(root, 'action.yml'), 'utf8')).inputs as Record<string, { default?: string }>;
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: workspace, GITHUB_OUTPUT: outputFile, RUNNER_TEMP: runner };
  for (const [name, spec] of Object.entries(declared)) env[`INPUT_${name.toUpperCase()}`] = inputs[name] ?? String(spec.default ?? '');
  const before = snapshot(workspace);
  const child = spawnSync(process.execPath, ['--import', TSX, path.join(root, 'src/action/run.ts')], { cwd: workspace, env, encoding: 'utf8', timeout: 120_000 });
  const outputs: Record<string, string> = {};
  const lines = fs.readFileSync(outputFile, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]!);
    if (m) outputs[m[1]!] = lines[++i]!;
  }
  return { child, outputs, workspace, before };
}

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) if (e.isFile()) out[path.relative(dir, path.join(e.parentPath, e.name))] = fs.readFileSync(path.join(e.parentPath, e.name), 'utf8');
  return out;
}

describe('Action input fix-diff', () => {
  it('writes the safe fixes as a patch that git apply takes, sets the outputs, and changes no workspace file', () => {
    const run = runFromSources('workspace', { 'fix-diff': 'out/cors-lint.patch', 'fail-on': 'never' });
    expect(run.child.status, run.child.stderr + run.child.stdout).toBe(0);
    const patchFile = path.join(run.workspace, 'out/cors-lint.patch');
    expect(run.outputs['fix-diff']).toBe(patchFile);
    expect(Number(run.outputs.fixable)).toBe(1);
    const patch = fs.readFileSync(patchFile, 'utf8');
    expect(patch).toContain('--- a/nginx/site.conf');
    expect(patch).toContain('+        add_header Access-Control-Allow-Origin "*" always;');
    const after = snapshot(run.workspace);
    for (const file of Object.keys(run.before)) expect(after[file]).toBe(run.before[file]);
    // The follow-up job: apply it and the finding is gone.
    const applied = spawnSync('git', ['apply', patchFile], { cwd: run.workspace, encoding: 'utf8' });
    expect(applied.status, applied.stderr).toBe(0);
    expect(fs.readFileSync(path.join(run.workspace, 'nginx/site.conf'), 'utf8')).toContain('add_header Access-Control-Allow-Credentials "true" always;');
  }, 120_000);

  it('writes an empty file when nothing is fixable, and takes unsafe fixes only when asked', () => {
    const clean = runFromSources('clean', { 'fix-diff': 'cors-lint.patch' });
    expect(clean.child.status, clean.child.stderr).toBe(0);
    expect(fs.readFileSync(path.join(clean.workspace, 'cors-lint.patch'), 'utf8')).toBe('');
    expect(clean.outputs.fixable).toBe('0');

    const regex = { 'regex.py': 'from fastapi import FastAPI\nfrom fastapi.middleware.cors import CORSMiddleware\napp = FastAPI()\napp.add_middleware(CORSMiddleware, allow_origin_regex="https://app.example.com")\n' };
    const safeOnly = runFromSources('clean', { 'fix-diff': 'cors-lint.patch', 'fail-on': 'never' }, regex);
    expect(fs.readFileSync(path.join(safeOnly.workspace, 'cors-lint.patch'), 'utf8')).toBe('');
    const unsafe = runFromSources('clean', { 'fix-diff': 'cors-lint.patch', 'fail-on': 'never', 'unsafe-fixes': 'true' }, regex);
    expect(fs.readFileSync(path.join(unsafe.workspace, 'cors-lint.patch'), 'utf8')).toContain('+app.add_middleware(CORSMiddleware, allow_origin_regex=r"https://app\\.example\\.com")');
    expect(unsafe.outputs.fixable).toBe('1');
  }, 120_000);
});
