import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint.js';
import { FASTAPI_WILDCARD_CREDENTIALS, tempTree } from '../helpers/temp-tree.js';

describe('bad input never hides the results of other files', () => {
  it('reports good.py findings next to a syntax error, a binary x.py and a 20 MB file', async () => {
    const big = `# CORSMiddleware\n${'x = 1\n'.repeat((20 * 1024 * 1024) / 6)}`;
    const dir = tempTree({
      'good.py': FASTAPI_WILDCARD_CREDENTIALS,
      'bad.py': 'from fastapi.middleware.cors import CORSMiddleware\napp.add_middleware(CORSMiddleware, allow_origins=[\n',
      'x.py': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1, 2, 3, 0x43, 0x4f, 0x52, 0x53]),
      'big.py': big,
    });
    const result = await lint(['.'], { cwd: dir, config: {} });
    const finding = result.findings.find((f) => f.ruleId === 'credentials-with-wildcard-origin');
    expect(finding?.location).toMatchObject({ file: 'good.py', line: 5 });
    const byFile = (file: string) => result.diagnostics.filter((d) => d.file === file);
    expect(byFile('bad.py')).toHaveLength(1);
    expect(byFile('bad.py')[0]).toMatchObject({ kind: 'parse-error' });
    expect(byFile('bad.py')[0]!.line).toBeGreaterThan(0);
    expect(byFile('x.py')).toEqual([expect.objectContaining({ kind: 'file-skipped', message: expect.stringContaining('binary') })]);
    expect(byFile('big.py')).toEqual([expect.objectContaining({ kind: 'file-skipped', message: expect.stringContaining('limit') })]);
  });

  it('reads non-UTF-8 files with a warning and still reports their findings', async () => {
    const latin1 = Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9]), Buffer.from(`\n${FASTAPI_WILDCARD_CREDENTIALS}`)]);
    const dir = tempTree({ 'latin.py': latin1 });
    const result = await lint(['.'], { cwd: dir, config: {} });
    expect(result.diagnostics).toEqual([expect.objectContaining({ kind: 'encoding', file: 'latin.py' })]);
    expect(result.findings.map((f) => [f.ruleId, f.location.line])).toContainEqual(['credentials-with-wildcard-origin', 6]);
  });

  it('survives a symlink loop and does not follow links out of the root', async () => {
    const outside = tempTree({ 'secret.py': FASTAPI_WILDCARD_CREDENTIALS });
    const dir = tempTree({ 'app/main.py': FASTAPI_WILDCARD_CREDENTIALS });
    fs.symlinkSync(dir, path.join(dir, 'app', 'loop'));
    fs.symlinkSync(path.join(outside, 'secret.py'), path.join(dir, 'app', 'linked.py'));
    const result = await lint(['.'], { cwd: dir, config: {} });
    expect(result.findings.map((f) => f.location.file)).toEqual(['app/main.py']);
    expect(result.diagnostics).toEqual([expect.objectContaining({ kind: 'file-skipped', file: 'app/linked.py', message: expect.stringContaining('outside the scan root') })]);
  });

  it('reports a path that does not exist as a diagnostic', async () => {
    const dir = tempTree({ 'main.py': FASTAPI_WILDCARD_CREDENTIALS });
    const result = await lint(['main.py', 'missing.py'], { cwd: dir, config: {} });
    expect(result.findings).toHaveLength(1);
    expect(result.diagnostics).toEqual([expect.objectContaining({ kind: 'file-skipped', file: 'missing.py', message: expect.stringContaining('no such file') })]);
  });
});

describe('discovery', () => {
  it('skips node_modules, virtualenvs, build output and .gitignored paths', async () => {
    const dir = tempTree({
      'app.py': FASTAPI_WILDCARD_CREDENTIALS,
      'node_modules/pkg/app.py': FASTAPI_WILDCARD_CREDENTIALS,
      '.venv/lib/app.py': FASTAPI_WILDCARD_CREDENTIALS,
      'build/app.py': FASTAPI_WILDCARD_CREDENTIALS,
      'generated/app.py': FASTAPI_WILDCARD_CREDENTIALS,
      'sub/.gitignore': 'local_*.py\n',
      'sub/local_dev.py': FASTAPI_WILDCARD_CREDENTIALS,
      'sub/kept.py': FASTAPI_WILDCARD_CREDENTIALS,
      '.gitignore': '/generated/\n',
    });
    const result = await lint(['.'], { cwd: dir, config: {} });
    expect([...new Set(result.findings.map((f) => f.location.file))].sort()).toEqual(['app.py', 'sub/kept.py']);
  });

  it('honours config ignore globs', async () => {
    const dir = tempTree({ 'app.py': FASTAPI_WILDCARD_CREDENTIALS, 'tests/fixture.py': FASTAPI_WILDCARD_CREDENTIALS });
    const result = await lint(['.'], { cwd: dir, config: { ignore: ['tests/**'] } });
    expect(result.findings.map((f) => f.location.file)).toEqual(['app.py']);
  });

  it('does not parse files that never mention CORS', async () => {
    const dir = tempTree({ 'app.py': FASTAPI_WILDCARD_CREDENTIALS, 'util.py': 'def f():\n    return 1\n' });
    const result = await lint(['.'], { cwd: dir, config: {} });
    expect(result.stats).toEqual({ filesDiscovered: 2, filesScanned: 1 });
  });
});

describe('inline suppressions', () => {
  it('drops the named rule on the next line and keeps the others', async () => {
    const dir = tempTree({
      'app.py': `from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

app = FastAPI()
# cors-lint-disable-next-line credentials-with-wildcard-origin -- public demo
app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True)
other = FastAPI()
# cors-lint-disable-next-line wildcard-origin -- wrong rule named
other.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True)
`,
    });
    const result = await lint(['.'], { cwd: dir, config: {} });
    expect(result.findings.map((f) => [f.ruleId, f.location.line])).toEqual([['credentials-with-wildcard-origin', 9]]);
    expect(result.suppressed).toBe(1);
  });

  it('reads a suppression written as a // comment in JavaScript', async () => {
    const dir = tempTree({
      'server.js': `const cors = require('cors');
const app = require('express')();
// cors-lint-disable-next-line reflected-origin -- echo is intended for this public endpoint
app.use(cors({ origin: true }));
app.use(cors({ origin: true }));
`,
    });
    const result = await lint(['.'], { cwd: dir, config: {} });
    expect(result.findings.filter((f) => f.ruleId === 'reflected-origin').map((f) => f.location.line)).toEqual([5]);
  });
});
