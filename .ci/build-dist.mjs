// Bundles the CLI (and the GitHub Action entry, when present) into dist/ with the parser wasm beside them.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const entries = [
  { in: 'src/cli/run.ts', out: 'cli' },
  { in: 'src/action/run.ts', out: 'action' },
  { in: 'src/index.ts', out: 'index' },
  { in: 'src/discover/read-worker.ts', out: 'read-worker' },
].filter((e) => fs.existsSync(path.join(root, e.in)));

fs.rmSync(dist, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: entries.map((e) => ({ in: e.in, out: e.out })),
  outdir: dist,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'none',
  // The optional native Python parser is loaded at run time from the node_modules above cors-lint
  // (src/parse/python-native.ts); the bundle never contains native code.
  external: ['tree-sitter', 'tree-sitter-python'],
  logLevel: 'warning',
  // Bundled CommonJS dependencies call require(); give them one in the ESM output.
  banner: { js: "import { createRequire as __corsLintCreateRequire } from 'node:module'; const require = __corsLintCreateRequire(import.meta.url);" + " import { fileURLToPath as __corsLintFileURLToPath } from 'node:url'; const __corsLintFilename = __corsLintFileURLToPath(import.meta.url); const __corsLintDirname = __corsLintFileURLToPath(new URL('.', import.meta.url));" },
  // ...and the CommonJS module globals (the TypeScript compiler reads __filename), only where they are not declared.
  define: { __filename: '__corsLintFilename', __dirname: '__corsLintDirname' },
});
for (const wasm of ['node_modules/web-tree-sitter/web-tree-sitter.wasm', 'node_modules/tree-sitter-python/tree-sitter-python.wasm']) {
  fs.copyFileSync(path.join(root, wasm), path.join(dist, path.basename(wasm)));
}
// Declarations of the library API (package.json "types"), from the same sources.
if (fs.existsSync(path.join(root, 'src/index.ts'))) {
  const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
  const args = ['-p', 'tsconfig.json', '--noEmit', 'false', '--emitDeclarationOnly', '--declaration', '--sourceMap', 'false', '--outDir', 'dist/types'];
  const run = spawnSync(process.execPath, [tsc, ...args], { cwd: root, encoding: 'utf8' });
  if (run.status !== 0) {
    process.stderr.write(`declaration build failed:\n${run.stdout}${run.stderr}`);
    process.exit(1);
  }
}
console.log(`built ${entries.map((e) => `dist/${e.out}.js`).join(', ')}${fs.existsSync(path.join(dist, 'types')) ? ', dist/types' : ''}`);
