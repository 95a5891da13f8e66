#!/usr/bin/env node
// The whole-tree benchmark: a deterministic generated monorepo shaped like real ones, timed against
// peers in the same run, alternating, medians of N:
//   - cors-lint on the whole tree (the built dist/cli.js);
//   - ripgrep listing the files that mention CORS (`rg -l -i -e cors -e access-control`);
//   - ast-grep with patterns equivalent to the main checks (Python and JS/TS; ast-grep reads no nginx);
//   - one-file latency: cors-lint on one small Python file against `node -e 0`;
//   - peak RSS of each (GNU time), and 1x / 2x / 4x trees for scaling.
//
//   npm run build && node bench/monorepo.mjs [--runs 5] [--scales 1,2,4] [--real DIR] [--runtimes BIN,BIN] [--write]
// --real adds a checked-out real repository as one more tree; --runtimes measures the one-file
// latency and the 1x tree again under other Node binaries (their module compile cache warmed by the
// first run); --write records the table in bench/RESULTS.md.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const runs = Number(opt('--runs', 5));
const scales = opt('--scales', '1,2,4').split(',').map(Number);
const real = opt('--real', undefined);
const runtimes = opt('--runtimes', '').split(',').filter(Boolean);
const cli = path.join(root, 'dist', 'cli.js');
const astGrep = [path.join(root, 'node_modules', '.bin', 'ast-grep'), 'ast-grep', 'sg'].find((c) => spawnSync(c, ['--version']).status === 0);
const rg = ['rg'].find((c) => spawnSync(c, ['--version']).status === 0);
const gnuTime = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** A small deterministic PRNG, so every run writes the same tree. */
function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const pyPlain = (i) => `import json\n\n\ndef handler_${i}(event):\n    body = json.loads(event["body"])\n    return {"status": 200, "id": ${i}, "items": [x * 2 for x in body.get("items", [])]}\n`;
const pyCors = (i) => `from fastapi import FastAPI\nfrom fastapi.middleware.cors import CORSMiddleware\n\napp = FastAPI()\napp.add_middleware(CORSMiddleware, allow_origins=["https://app${i}.example.com"], allow_credentials=True, allow_methods=["*"], allow_headers=["*"])\n`;
const jsPlain = (i) => `export function handler${i}(req, res) {\n  const id = Number(req.params.id);\n  if (!Number.isFinite(id)) return res.status(400).json({ error: 'bad id' });\n  return res.json({ id, n: ${i} });\n}\n`;
const jsCors = (i) => `const express = require('express');\nconst cors = require('cors');\nconst app = express();\napp.use(cors({ origin: ['https://app${i}.example.com'], credentials: true }));\napp.get('/x', (req, res) => { res.setHeader('Access-Control-Allow-Origin', req.headers.origin); res.end(); });\n`;
const tsPlain = (i) => `export interface Item${i} { id: number; name: string }\nexport const load${i} = async (id: number): Promise<Item${i}> => ({ id, name: 'item-${i}' });\n`;
const nginxCors = (i) => `server {\n    listen 80;\n    server_name s${i}.example.com;\n    location /api/ {\n        add_header Access-Control-Allow-Origin $http_origin;\n        add_header Access-Control-Allow-Credentials true;\n        proxy_pass http://127.0.0.1:${8000 + i};\n    }\n}\n`;

/** Writes the monorepo; returns its file count. About 1% of the source files mention CORS. */
export function writeMonorepo(dir, scale = 1) {
  fs.rmSync(dir, { recursive: true, force: true });
  const random = rng(42);
  let count = 0;
  const write = (rel, content) => {
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    count++;
  };
  const services = 30 * scale;
  const ignoreLines = ['node_modules/', '.venv/', 'dist/', 'build/', '*.log', 'coverage/', '.cache/'];
  for (let i = 0; i < 600; i++) ignoreLines.push(`generated/tmp-${i}/`, `*.out${i}`);
  write('.gitignore', `${ignoreLines.join('\n')}\n`);
  let n = 0;
  for (let s = 0; s < services; s++) {
    const svc = `services/svc${s}`;
    const python = s % 2 === 0;
    for (let f = 0; f < 500; f++) {
      n++;
      const cors = random() < 0.01;
      const depth = 1 + Math.floor(random() * 5);
      const dirs = Array.from({ length: depth }, (_, d) => `d${d}${Math.floor(random() * 4)}`).join('/');
      if (python) write(`${svc}/src/${dirs}/m${f}.py`, cors ? pyCors(n) : pyPlain(n));
      else if (f % 3 === 0) write(`${svc}/src/${dirs}/m${f}.ts`, tsPlain(n));
      else write(`${svc}/src/${dirs}/m${f}.js`, cors ? jsCors(n) : jsPlain(n));
    }
    for (let f = 0; f < 20; f++) write(`${svc}/README-${f}.md`, `# svc${s}\n\nNotes ${f}.\n`);
    write(`${svc}/logo.png`, Buffer.from(Array.from({ length: 4096 }, () => Math.floor(random() * 256))));
    if (python) {
      write(`${svc}/poetry.lock`, Array.from({ length: 3000 }, (_, k) => `[[package]]\nname = "p${k}"\nversion = "1.${k}"\n`).join('\n'));
      // A virtualenv the .gitignore and the default ignores both exclude.
      for (let f = 0; f < 120; f++) write(`${svc}/.venv/lib/python3.11/site-packages/pkg${f % 12}/m${f}.py`, f % 10 === 0 ? pyCors(f) : pyPlain(f));
    } else {
      write(`${svc}/package-lock.json`, JSON.stringify({ packages: Object.fromEntries(Array.from({ length: 2500 }, (_, k) => [`node_modules/p${k}`, { version: `1.0.${k}` }])) }));
      for (let f = 0; f < 120; f++) write(`${svc}/node_modules/dep${f % 15}/lib/i${f}.js`, f % 10 === 0 ? jsCors(f) : jsPlain(f));
      // A minified bundle that mentions cors (skipped as a bundle) and a build folder (ignored).
      write(`${svc}/public/app.min.js`, `!function(){var cors=1;${'var a=function(){return 1};'.repeat(8000)}}();\n`);
      for (let f = 0; f < 30; f++) write(`${svc}/dist/chunk${f}.js`, jsCors(f));
    }
  }
  for (let i = 0; i < 4 * scale; i++) write(`deploy/nginx/conf.d/site${i}.conf`, nginxCors(i));
  return count;
}

function measure(cmd, cwd) {
  const timed = gnuTime ? [gnuTime, '-f', '%e %M', ...cmd] : cmd;
  const started = process.hrtime.bigint();
  const run = spawnSync(timed[0], timed.slice(1), { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const last = gnuTime ? run.stderr.trim().split('\n').pop() : '';
  const rssKb = gnuTime ? Number(last.split(' ')[1]) : NaN;
  return { ms, rssMb: rssKb / 1024, status: run.status, stdout: run.stdout };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const AST_GREP_RULES = [
  ['python', 'app.add_middleware(CORSMiddleware, $$$)'],
  ['python', 'CORS($$$)'],
  ['javascript', 'cors($$$)'],
  ['javascript', "$R.setHeader('Access-Control-Allow-Origin', $$$)"],
  ['typescript', '$A.enableCors($$$)'],
  ['typescript', 'cors($$$)'],
]
  .map(([language, pattern], i) => `id: r${i}\nlanguage: ${language}\nrule:\n  pattern: ${JSON.stringify(pattern)}\nseverity: warning\nmessage: cors`)
  .join('\n---\n');

const bin = path.join(root, 'bin', 'cors-lint.js');
const tools = (dir) => [
  { name: 'cors-lint (whole tree)', cmd: [process.execPath, bin, '--format', 'json', '--fail-on', 'never', '.'] },
  rg && { name: 'ripgrep -l (files mentioning CORS)', cmd: [rg, '-l', '-i', '-e', 'cors', '-e', 'access-control', '.'] },
  astGrep && { name: 'ast-grep scan (6 CORS patterns)', cmd: [astGrep, 'scan', '--inline-rules', AST_GREP_RULES, '--json=compact', '.'] },
].filter(Boolean).map((t) => ({ ...t, dir }));

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();

function main() {
const rows = [];
const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`;
const base = fs.mkdtempSync(path.join(os.tmpdir(), 'cors-lint-monorepo-'));
const perScale = new Map();
const trees = [...scales.map((scale) => ({ scale, label: `${scale}×` })), ...(real ? [{ scale: 'real', label: path.basename(path.resolve(real)) }] : [])];
for (const { scale, label } of trees) {
  const dir = scale === 'real' ? path.resolve(real) : path.join(base, `x${scale}`);
  const files = scale === 'real' ? countFiles(dir) : writeMonorepo(dir, scale);
  const list = tools(dir);
  const times = new Map(list.map((t) => [t.name, { ms: [], rss: [] }]));
  for (let r = 0; r < runs; r++) {
    for (const t of list) {
      const m = measure(t.cmd, t.dir);
      times.get(t.name).ms.push(m.ms);
      times.get(t.name).rss.push(m.rssMb);
    }
  }
  const result = Object.fromEntries([...times].map(([name, v]) => [name, { ms: median(v.ms), rss: Math.max(...v.rss) }]));
  perScale.set(scale, { files, result });
  const ours = result['cors-lint (whole tree)'].ms;
  for (const [name, v] of Object.entries(result)) {
    rows.push(`| ${label} (${files} files) | ${name} | ${v.ms.toFixed(0)} ms | ${Number.isNaN(v.rss) ? '—' : `${v.rss.toFixed(0)} MB`} | ${name.startsWith('cors-lint') ? '1.00' : (ours / v.ms).toFixed(2)} |`);
  }
}

// One-file latency: cors-lint on one small file against the runtime's own start-up.
const one = path.join(base, 'one');
fs.mkdirSync(one, { recursive: true });
fs.writeFileSync(path.join(one, 'main.py'), pyCors(1));
const latency = { node: [], ours: [] };
for (let r = 0; r < Math.max(runs, 7); r++) {
  latency.node.push(measure([process.execPath, '-e', '0'], one).ms);
  latency.ours.push(measure([process.execPath, bin, '--format', 'json', '--fail-on', 'never', 'main.py'], one).ms);
}
const nodeMs = median(latency.node);
const oursMs = median(latency.ours);

const lines = [
  `Machine: ${machine}. Medians of ${runs} alternating runs; peak RSS is the largest of the runs.`,
  '',
  '| tree | tool | median | peak RSS | cors-lint ÷ tool |',
  '|---|---|--:|--:|--:|',
  ...rows,
  '',
  `One file (a small FastAPI module): cors-lint ${oursMs.toFixed(0)} ms, \`node -e 0\` ${nodeMs.toFixed(0)} ms, so cors-lint adds ${(oursMs - nodeMs).toFixed(0)} ms.`,
];
for (const runtime of runtimes) {
  const version = spawnSync(runtime, ['--version'], { encoding: 'utf8' }).stdout.trim();
  const ms = { node: [], ours: [], tree: [] };
  const tree = path.join(base, `x${scales[0]}`);
  measure([runtime, bin, '--format', 'json', '--fail-on', 'never', 'main.py'], one); // fills the compile cache
  for (let r = 0; r < Math.max(runs, 7); r++) {
    ms.node.push(measure([runtime, '-e', '0'], one).ms);
    ms.ours.push(measure([runtime, bin, '--format', 'json', '--fail-on', 'never', 'main.py'], one).ms);
  }
  const treeRss = [];
  for (let r = 0; r < runs; r++) {
    const m = measure([runtime, bin, '--format', 'json', '--fail-on', 'never', '.'], tree);
    ms.tree.push(m.ms);
    treeRss.push(m.rssMb);
  }
  lines.push('', `Node ${version}: one file ${median(ms.ours).toFixed(0)} ms against \`node -e 0\` ${median(ms.node).toFixed(0)} ms (adds ${(median(ms.ours) - median(ms.node)).toFixed(0)} ms); ${scales[0]}× tree ${median(ms.tree).toFixed(0)} ms, peak RSS ${Math.max(...treeRss).toFixed(0)} MB.`);
}
if (scales.length > 1) {
  const first = perScale.get(scales[0]).result['cors-lint (whole tree)'].ms;
  lines.push('', `Scaling (cors-lint, whole tree): ${scales.map((s) => `${s}× ${(perScale.get(s).result['cors-lint (whole tree)'].ms / first).toFixed(2)}`).join(', ')} of the ${scales[0]}× time.`);
}
console.log(lines.join('\n'));
if (args.includes('--write')) {
  const file = path.join(root, 'bench', 'RESULTS.md');
  const header = '# Benchmarks\n\n## Whole tree and one file (`node bench/monorepo.mjs`)\n\n';
  fs.writeFileSync(file, `${header}${lines.join('\n')}\n`);
}
fs.rmSync(base, { recursive: true, force: true });
}

function countFiles(dir) {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
}
