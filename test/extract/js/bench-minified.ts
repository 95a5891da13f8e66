// Timing of the JavaScript scanner on large single-line files (run: npx tsx test/extract/js/bench-minified.ts).
// Not a test: prints how long a ~900 KB minified file takes when it is skipped as a bundle, and what
// parsing the same text would have cost.
import { jsScanner } from '../../../src/extract/js/scanner.js';
import { parseJs } from '../../../src/parse/js.js';
import { memoryProject } from '../../helpers/memory-project.js';

const chunk = 'var a=function(n){return n.map(function(x){return x*2})},b={origin:"https://x.example.com",m:[1,2,3]};if(a)b.m.push(4);';
const body = chunk.repeat(Math.ceil((900 * 1000) / chunk.length));
const text = `var cors=require("cors");app.use(cors({origin:"*"}));${body}`;
const { project } = memoryProject({ 'dist/server.js': text }, () => 'js');
const file = { absPath: '/virtual/dist/server.js', path: 'dist/server.js', language: 'js' as const, text };

const runs = 5;
let best = Infinity;
for (let i = 0; i < runs; i++) {
  const start = performance.now();
  if (!jsScanner.mentionsCors(text)) throw new Error('expected the prefilter to pass');
  const result = await jsScanner.scan([file], project);
  best = Math.min(best, performance.now() - start);
  if (result.diagnostics[0]?.kind !== 'file-skipped') throw new Error('expected the bundle to be skipped');
}
const parseStart = performance.now();
const parsed = parseJs(text, 'server.js');
const parseMs = performance.now() - parseStart;
console.log(`file: ${(text.length / 1000).toFixed(0)} KB on one line`);
console.log(`scanner (mentionsCors + bundle test + skip): best of ${runs} = ${best.toFixed(2)} ms`);
console.log(`for comparison, parsing it with typescript-estree: ${parseMs.toFixed(0)} ms (ok=${parsed.ok})`);

// Worst case for the prefilter and the bundle test: the only mention of cors is at the very end.
const late = `${body}app.use(cors());`;
const lateFile = { ...file, text: late };
let lateBest = Infinity;
for (let i = 0; i < runs; i++) {
  const start = performance.now();
  jsScanner.mentionsCors(late);
  await jsScanner.scan([lateFile], project);
  lateBest = Math.min(lateBest, performance.now() - start);
}
console.log(`same size, cors mentioned only at the end: best of ${runs} = ${lateBest.toFixed(2)} ms`);
