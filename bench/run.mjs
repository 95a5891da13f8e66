// Times cors-lint against peers doing comparable work on the same synthetic tree, and prints
// medians and ratios (cors-lint / peer). Usage: npm run build && node bench/run.mjs [runs]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCorpus } from './corpus.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv[2] ?? 5);
const corpus = path.join(os.tmpdir(), 'cors-lint-bench');
writeCorpus(corpus);
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const cli = path.join(root, 'dist', 'cli.js');
const python = fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

const cases = [
  {
    name: 'Python',
    ours: ['node', cli, 'py', '--format', 'json', '--fail-on', 'never'],
    peer: { name: 'python3 ast.parse of every file', cmd: [python, '-c', "import ast,pathlib; [ast.parse(p.read_text()) for p in pathlib.Path('py').rglob('*.py')]"] },
  },
  {
    name: 'JavaScript',
    ours: ['node', cli, 'js', '--format', 'json', '--fail-on', 'never'],
    peer: { name: 'eslint (one rule, espree)', cmd: [bin('eslint'), '--no-config-lookup', '--rule', 'no-unused-vars: error', '--format', 'json', '-o', os.devNull, 'js'] },
  },
  {
    name: 'Nginx',
    ours: ['node', cli, 'nginx', '--format', 'json', '--fail-on', 'never'],
    peer: { name: 'nginx-linter', cmd: [bin('nginx-linter'), '--include', 'nginx/**/*.conf', '--no-follow-includes'] },
  },
];

function time(cmd) {
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd[0], cmd.slice(1), { cwd: corpus, encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.error) throw r.error;
  return { ms, status: r.status };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

console.log(`corpus: ${corpus} (${countFiles(corpus)} files), ${runs} runs each, medians`);
console.log(`${'stack'.padEnd(11)} ${'cors-lint'.padStart(10)} ${'peer'.padStart(10)}  ratio  peer`);
for (const c of cases) {
  time(c.ours); // warm the file cache
  const ours = [];
  const peer = [];
  for (let i = 0; i < runs; i++) {
    ours.push(time(c.ours).ms);
    peer.push(time(c.peer.cmd).ms);
  }
  const o = median(ours);
  const p = median(peer);
  console.log(`${c.name.padEnd(11)} ${`${o.toFixed(0)} ms`.padStart(10)} ${`${p.toFixed(0)} ms`.padStart(10)}  ${(o / p).toFixed(2).padStart(5)}  ${c.peer.name}`);
}

function countFiles(dir) {
  let n = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) if (entry.isFile()) n++;
  return n;
}
