// Times the two Python parser engines (wasm: web-tree-sitter; native: the tree-sitter bindings) on
// the synthetic corpus and prints medians and the ratio native / wasm.
// Usage: node bench/python-engines.mjs [runs]   (runs from the sources; no build needed)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';
import { writeCorpus } from './corpus.mjs';

register();
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv[2] ?? 9);
const corpus = path.join(os.tmpdir(), 'cors-lint-bench-python');
writeCorpus(corpus);

const now = () => Number(process.hrtime.bigint()) / 1e6;
const t0 = now();
const { loadNativePython } = await import(path.join(root, 'src/parse/python-native.ts'));
const native = loadNativePython();
const nativeLoad = now() - t0;
if ('error' in native) {
  console.log(`the native tree-sitter bindings cannot be loaded (${native.error}); nothing to compare`);
  process.exit(0);
}
const { pythonParser } = await import(path.join(root, 'src/parse/python.ts'));
const t1 = now();
const wasm = await pythonParser('wasm');
const wasmInit = now() - t1;
const { pythonScanner } = await import(path.join(root, 'src/extract/python/scanner.ts'));
const { lint } = await import(path.join(root, 'src/lint.ts'));

const files = [];
for (const dir of fs.readdirSync(path.join(corpus, 'py'))) {
  for (const name of fs.readdirSync(path.join(corpus, 'py', dir))) {
    const rel = `py/${dir}/${name}`;
    files.push({ absPath: path.join(corpus, rel), path: rel, language: 'python', text: fs.readFileSync(path.join(corpus, rel), 'utf8') });
  }
}
const bytes = files.reduce((n, f) => n + f.text.length, 0);
const project = {
  root: corpus,
  allFiles: files.map(({ text, ...f }) => f),
  displayPath: (abs) => path.relative(corpus, abs),
  readText: (abs) => {
    const f = files.find((x) => x.absPath === abs);
    return f ? { text: f.text } : { error: 'not in the corpus' };
  },
};

const engines = { wasm, native: native.parser };
const cases = [
  {
    name: `parse ${files.length} files (${(bytes / 1024).toFixed(0)} KiB), trees freed`,
    run: async (engine) => {
      for (const f of files) {
        const tree = engines[engine].parse(f.text);
        if (tree.engine !== engine) throw new Error(`${f.path} was parsed by ${tree.engine}`);
        tree.delete();
      }
    },
  },
  { name: `Python scanner over all ${files.length} files`, run: (engine) => pythonScanner.scan(files, project, { pythonParser: engine }) },
  { name: 'lint() of py/ (prefilter: CORS files only)', run: (engine) => lint(['py'], { cwd: corpus, config: { parser: engine } }) },
];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

console.log(`node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown cpu'}, ${runs} runs each (after one warm-up), engines alternated`);
console.log(`start-up: native bindings loaded in ${nativeLoad.toFixed(1)} ms; wasm runtime + grammar initialised in ${wasmInit.toFixed(1)} ms (the native engine also initialises wasm, for files with syntax errors)`);
console.log('');
console.log(`${'case'.padEnd(52)} ${'wasm ms'.padStart(9)} ${'native ms'.padStart(10)} ${'native/wasm'.padStart(12)}`);
for (const c of cases) {
  const times = { wasm: [], native: [] };
  await c.run('wasm');
  await c.run('native');
  for (let i = 0; i < runs; i++) {
    for (const engine of i % 2 ? ['native', 'wasm'] : ['wasm', 'native']) {
      const start = now();
      await c.run(engine);
      times[engine].push(now() - start);
    }
  }
  const w = median(times.wasm);
  const n = median(times.native);
  console.log(`${c.name.padEnd(52)} ${w.toFixed(1).padStart(9)} ${n.toFixed(1).padStart(10)} ${(n / w).toFixed(2).padStart(12)}`);
}
