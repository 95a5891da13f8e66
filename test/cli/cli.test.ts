import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, type Io } from '../../src/cli/main.js';
import { EXIT_ERROR, EXIT_FINDINGS, EXIT_OK } from '../../src/cli/exit-codes.js';
import { FASTAPI_WILDCARD_CREDENTIALS, tempTree } from '../helpers/temp-tree.js';

async function cli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}, isTty = false) {
  let stdout = '';
  let stderr = '';
  const io: Io = { cwd, env, isTty, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

const WILDCARD_ONLY = FASTAPI_WILDCARD_CREDENTIALS.replace(', allow_credentials=True', '');

describe('exit codes', () => {
  it('is 1 with an error finding, 0 on a clean tree', async () => {
    expect((await cli(['.'], tempTree({ 'app.py': FASTAPI_WILDCARD_CREDENTIALS }))).code).toBe(EXIT_FINDINGS);
    expect((await cli(['.'], tempTree({ 'app.py': 'print(1)\n' }))).code).toBe(EXIT_OK);
  });
  it('follows --fail-on', async () => {
    const dir = tempTree({ 'app.py': WILDCARD_ONLY }); // a note-level finding only
    expect((await cli(['.'], dir)).code).toBe(EXIT_OK);
    expect((await cli(['.', '--fail-on', 'warning'], dir)).code).toBe(EXIT_OK);
    expect((await cli(['.', '--fail-on', 'note'], dir)).code).toBe(EXIT_FINDINGS);
    expect((await cli(['.', '--fail-on', 'never'], tempTree({ 'app.py': FASTAPI_WILDCARD_CREDENTIALS }))).code).toBe(EXIT_OK);
  });
  it('is 2 for usage errors with a message', async () => {
    const r = await cli(['--format', 'xml'], tempTree({}));
    expect(r.code).toBe(EXIT_ERROR);
    expect(r.stderr).toContain('--format must be one of text, json, sarif, github, markdown');
    expect((await cli(['--bogus'], tempTree({}))).code).toBe(EXIT_ERROR);
  });
});

describe('configuration', () => {
  it('names the bad key and the allowed values', async () => {
    const dir = tempTree({ '.cors-lint.json': JSON.stringify({ rules: { 'wildcard-origin': 'loud' }, colour: true }) });
    const r = await cli(['.'], dir);
    expect(r.code).toBe(EXIT_ERROR);
    expect(r.stderr).toContain('"rules.wildcard-origin" must be one of error, warning, note, off');
    expect(r.stderr).toContain('unknown key "colour"');
  });
  it('rejects an unknown rule id and invalid YAML', async () => {
    expect((await cli(['.'], tempTree({ '.cors-lint.yaml': 'rules:\n  no-such-rule: error\n' }))).stderr).toContain('"rules.no-such-rule" is not a rule');
    expect((await cli(['.'], tempTree({ '.cors-lint.yaml': 'rules: [\n' }))).stderr).toContain('invalid YAML');
  });
  it('never loads JavaScript configuration', async () => {
    const dir = tempTree({ 'cors-lint.config.js': 'process.exit(42)' });
    const r = await cli(['.', '--config', 'cors-lint.config.js'], dir);
    expect(r.code).toBe(EXIT_ERROR);
    expect(r.stderr).toContain('JavaScript configuration is not supported');
  });
  it('turns rules off, changes severity, and applies per-path overrides', async () => {
    const dir = tempTree({
      'app.py': FASTAPI_WILDCARD_CREDENTIALS,
      'demo/app.py': FASTAPI_WILDCARD_CREDENTIALS,
      'package.json': JSON.stringify({ name: 'x', 'cors-lint': { rules: { 'credentials-with-wildcard-origin': 'warning' }, overrides: [{ files: ['demo/**'], rules: { 'credentials-with-wildcard-origin': 'off' } }] } }),
    });
    const r = await cli(['.', '--format', 'json'], dir);
    const json = JSON.parse(r.stdout);
    expect(json.findings.map((f: any) => [f.location.file, f.severity])).toEqual([['app.py', 'warning']]);
    expect(r.code).toBe(EXIT_OK);
  });
});

describe('output', () => {
  it('prints the JSON contract with relative / paths', async () => {
    const dir = tempTree({ 'svc/app.py': FASTAPI_WILDCARD_CREDENTIALS, 'svc/bad.py': 'CORSMiddleware(\n' });
    const r = await cli(['svc', '--format', 'json'], dir);
    const json = JSON.parse(r.stdout);
    expect(json.findings[0]).toMatchObject({
      ruleId: 'credentials-with-wildcard-origin',
      severity: 'error',
      message: expect.stringContaining('every website can read authenticated responses'),
      location: { file: 'svc/app.py', line: 5, column: expect.any(Number), endLine: 5, endColumn: expect.any(Number) },
    });
    expect(json.diagnostics).toEqual([expect.objectContaining({ kind: 'parse-error', file: 'svc/bad.py', message: expect.any(String) })]);
  });
  it('writes text with a code frame, colour only on a TTY without NO_COLOR', async () => {
    const dir = tempTree({ 'app.py': FASTAPI_WILDCARD_CREDENTIALS });
    const plain = await cli(['.'], dir);
    expect(plain.stdout).toMatch(/^app\.py\n {2}5:\d+ +error {2}.*\[credentials-with-wildcard-origin\]/);
    expect(plain.stdout).toContain('> 5 | app.add_middleware');
    expect(plain.stdout).toContain('1 error, 0 warnings, 0 notes');
    expect(plain.stdout).not.toContain('\u001b[');
    expect((await cli(['.'], dir, {}, true)).stdout).toContain('\u001b[');
    expect((await cli(['.'], dir, { NO_COLOR: '1' }, true)).stdout).not.toContain('\u001b[');
  });
  it('writes to --output', async () => {
    const dir = tempTree({ 'app.py': FASTAPI_WILDCARD_CREDENTIALS });
    await cli(['.', '--format', 'json', '--output', 'out.json'], dir);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'out.json'), 'utf8')).findings).toHaveLength(1);
  });
  it('dumps the extracted model with --print-policies', async () => {
    const r = await cli(['.', '--print-policies'], tempTree({ 'app.py': FASTAPI_WILDCARD_CREDENTIALS }));
    const { policies } = JSON.parse(r.stdout);
    expect(policies[0]).toMatchObject({ library: 'starlette', origins: [expect.objectContaining({ kind: 'any' })], credentials: expect.objectContaining({ value: true }) });
  });
});

describe('rules and explain', () => {
  it('lists every rule and prints a README', async () => {
    const dir = tempTree({});
    expect((await cli(['rules'], dir)).stdout).toMatch(/^credentials-with-wildcard-origin +error +A wildcard origin/m);
    const explained = await cli(['explain', 'malformed-origin'], dir);
    expect(explained.stdout).toContain('# malformed-origin');
    expect((await cli(['explain', 'nope'], dir)).code).toBe(EXIT_ERROR);
  });
});
