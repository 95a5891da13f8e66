// `cors-lint check`: runCheck over a tree on disk, its JSON shape, text output and exit codes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkMain } from '../../src/check/main.js';
import { renderCheck } from '../../src/check/render.js';
import { runCheck } from '../../src/check/run-check.js';
import type { CheckArgs } from '../../src/check/args.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cors-lint-check-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function tree(name: string, files: Record<string, string>): string {
  const root = path.join(dir, name);
  for (const [f, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
    fs.writeFileSync(path.join(root, f), text);
  }
  return root;
}

const BROKEN = `from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

app = FastAPI()
app.add_middleware(
    CORSMiddleware,
    allow_origins=["http://localhost:3000/"],
    allow_credentials=True,
)
`;

const base = (cwd: string, more: Partial<CheckArgs> = {}): CheckArgs => ({
  origin: 'http://localhost:3000',
  credentials: true,
  method: 'GET',
  headers: [],
  paths: [],
  format: 'json',
  cwd,
  ...more,
});

describe('runCheck', () => {
  it('reports each policy with location, stack, verdict and headers; exit 1 when one blocks', async () => {
    const cwd = tree('broken', { 'api/main.py': BROKEN, 'requirements.txt': 'fastapi==0.94.1\n' });
    const run = await runCheck(base(cwd));
    expect(run.exitCode).toBe(1);
    const json = JSON.parse(renderCheck(run.results, 'json'));
    expect(json).toEqual({
      results: [
        {
          location: { file: 'api/main.py', line: 5 },
          stack: 'fastapi',
          allowed: false,
          reason: "No 'Access-Control-Allow-Origin' header is present on the requested resource.",
          preflight: null,
          response: { headers: { 'access-control-allow-credentials': 'true' } },
        },
      ],
    });
    expect(run.results[0]!.detail.libraryVersion).toBe('0.26.1');
    expect(run.results[0]!.detail.responsible).toMatchObject({ file: 'api/main.py', line: 7 });
  });

  it('exit 0 when every policy allows, preflight included in the JSON', async () => {
    const cwd = tree('fixed', {
      'main.py': BROKEN.replace('http://localhost:3000/', 'http://localhost:3000'),
    });
    const run = await runCheck(base(cwd, { method: 'PUT', headers: ['Content-Type: application/json'] }));
    const json = JSON.parse(renderCheck(run.results, 'json'));
    // allow_methods defaults to GET: the PUT preflight fails.
    expect(json.results[0].allowed).toBe(false);
    expect(json.results[0].preflight.status).toBe(400);
    const get = await runCheck(base(cwd));
    expect(get.exitCode).toBe(0);
  });

  it('exit 1 with a message when no configuration is found', async () => {
    const cwd = tree('empty', { 'README.md': 'nothing\n' });
    const run = await runCheck(base(cwd));
    expect(run.results).toEqual([]);
    expect(run.exitCode).toBe(1);
    expect(renderCheck(run.results, 'text')).toContain('No CORS configuration found');
  });

  it('exit 2 for an origin a browser never sends', async () => {
    const run = await runCheck(base(dir, { origin: 'http://localhost:3000/' }));
    expect(run.exitCode).toBe(2);
    expect(run.error).toContain('(a browser would send http://localhost:3000)');
  });
});

describe('checkMain (argv)', () => {
  it('prints the text report with the responsible line', async () => {
    const cwd = tree('text', { 'main.py': BROKEN });
    let out = '';
    const code = await checkMain(['--origin', 'http://localhost:3000', '--credentials'], { cwd, stdout: (t) => (out += t), stderr: () => {} });
    expect(code).toBe(1);
    expect(out).toContain('main.py:5:1  fastapi · starlette');
    expect(out).toContain("BLOCKED: No 'Access-Control-Allow-Origin' header is present on the requested resource.");
    expect(out).toContain('       7 |     allow_origins=["http://localhost:3000/"],');
  });

  it('rejects unknown formats with exit 2', async () => {
    let err = '';
    const code = await checkMain(['--origin', 'https://a.example', '--format', 'sarif'], { cwd: dir, stdout: () => {}, stderr: (t) => (err += t) });
    expect(code).toBe(2);
    expect(err).toContain('--format must be text or json');
  });
});
