// Reading ahead in a worker thread (the bundle, for trees of 1,000+ files) must give exactly the
// results of reading on the main thread (the sources, small trees, or a worker that cannot start).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReadAhead } from '../../src/discover/read-ahead.js';
import { formatJson } from '../../src/format/json.js';
import { lint } from '../../src/lint.js';

const root = path.resolve(__dirname, '../..');
let tree: string;

beforeAll(() => {
  tree = fs.mkdtempSync(path.join(os.tmpdir(), 'cors-lint-read-ahead-'));
  const write = (rel: string, content: string | Buffer) => {
    fs.mkdirSync(path.dirname(path.join(tree, rel)), { recursive: true });
    fs.writeFileSync(path.join(tree, rel), content);
  };
  for (let i = 0; i < 1500; i++) {
    const dir = `pkg${i % 37}/sub${i % 5}`;
    if (i % 100 === 7) write(`${dir}/app${i}.py`, `from fastapi.middleware.cors import CORSMiddleware\napp.add_middleware(CORSMiddleware, allow_origins=["https://a${i}.example.com/"], allow_credentials=True)\n`);
    else if (i % 100 === 13) write(`${dir}/server${i}.js`, `const cors = require('cors');\napp.use(cors({ origin: true, credentials: true }));\n`);
    else if (i % 2) write(`${dir}/m${i}.py`, `def f${i}(x):\n    return x * ${i}\n`);
    else write(`${dir}/m${i}.ts`, `export const v${i} = ${i};\n`);
  }
  write('odd/binary.py', Buffer.from([0x43, 0x4f, 0x52, 0x53, 0, 1, 2]));
  write('odd/latin1.py', Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9]), Buffer.from('\nCORS_ALLOWED_ORIGINS = ["https://x.example.com/"]\n')]));
  write('odd/plain-latin1.py', Buffer.from([0x23, 0x20, 0xe9, 0x0a]));
  write('odd/big.py', `# ${'x'.repeat(1100 * 1024)}\n`);
  write('odd/utf16.py', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('from flask_cors import CORS\nCORS(app)\n', 'utf16le')]));
  write('deploy/nginx/site.conf', 'server { location / { add_header Access-Control-Allow-Origin $http_origin; } }\n');
});

afterAll(() => fs.rmSync(tree, { recursive: true, force: true }));

describe('reading ahead', () => {
  it('the bundled CLI (worker thread) reports exactly what the sources (main thread) report', async () => {
    expect(fs.existsSync(path.join(root, 'dist/read-worker.js')), 'dist/ is built').toBe(true);
    const run = spawnSync(process.execPath, [path.join(root, 'bin/cors-lint.js'), '--format', 'json', '--fail-on', 'never', '.'], { cwd: tree, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const inProcess = formatJson({ result: await lint(['.'], { cwd: tree }), cwd: tree } as Parameters<typeof formatJson>[0]);
    const bundled = JSON.parse(run.stdout);
    expect(bundled).toEqual(JSON.parse(inProcess));
    expect(bundled.summary.filesScanned).toBe(15 + 15 + 3);
    expect(bundled.diagnostics.map((d: { file: string }) => d.file).sort()).toEqual(['odd/big.py', 'odd/binary.py', 'odd/latin1.py', 'odd/plain-latin1.py']);
  });

  it('reads on the main thread when the worker cannot start, with the same outcomes', async () => {
    const checks = new Map([['python' as const, /cors/i]]);
    const broken = new ReadAhead(1024 * 1024, checks, path.join(tree, 'no-such-worker.js'));
    const direct = new ReadAhead(1024 * 1024, checks, undefined);
    const files = fs.readdirSync(path.join(tree, 'pkg0/sub0')).filter((f) => f.endsWith('.py')).map((f) => path.join(tree, 'pkg0/sub0', f));
    for (let i = 0; i < 1100; i++) broken.submit(`${files[i % files.length]}#${i}`, `x${i}`, 'python');
    for (const f of files) broken.submit(f, f, 'python');
    await broken.finish();
    for (const f of files) expect(broken.outcome(f, f, 'python')).toEqual(direct.outcome(f, f, 'python'));
  });
});
