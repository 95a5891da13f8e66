import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsScanner } from '../../src/extract/js/scanner.js';
import { nginxScanner } from '../../src/extract/nginx/scanner.js';
import { pythonScanner } from '../../src/extract/python/scanner.js';
import type { Scanner } from '../../src/extract/scanner.js';
import type { Language } from '../../src/model/types.js';
import { Lexer } from '../../src/parse/nginx/tokenizer.js';
import { memoryProject } from '../helpers/memory-project.js';

// Random, truncated and mutated inputs never throw out of a scanner and always finish. Seeds are the
// shipped examples (real CORS shapes); mutations cut, delete, duplicate and insert the characters
// that matter to each grammar. Cases are fed to a scanner in batches (as a repository would), and a
// batch whose scan throws or reports an internal error is split to name the input.
const CASES = Number(process.env.CORS_LINT_PROPERTY_CASES ?? 10_000);
const BATCH = 50;
const SEED = 20261201;

const examples = path.resolve(__dirname, '../../examples');
function seedsOf(extensions: RegExp): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (extensions.test(entry.name)) out.push(fs.readFileSync(full, 'utf8'));
    }
  };
  walk(examples);
  return out;
}

const PIECES: Record<Language, string[]> = {
  python: ['(', ')', '[', ']', '{', '}', '"', "'", '"""', ':', ',', '\n', '    ', '\\', '#', '*', '=', 'allow_origins=', 'CORSMiddleware', 'os.getenv(', '.split(","', 'lambda', 'é😀', '\u0000', '\r\n'],
  js: ['(', ')', '[', ']', '{', '}', '"', "'", '`', '${', '/', '/*', '//', ';', ',', '\n', 'origin:', 'cors(', '=>', 'callback(null, true)', 'new RegExp(', 'process.env.X', 'é😀', '\u0000', '<div>'],
  nginx: ['{', '}', ';', '"', "'", '\\', '#', '$', '${', '~*', 'if (', ')', 'location /', 'add_header ', 'Access-Control-Allow-Origin ', '$http_origin', 'always', 'map $http_origin $x', 'include ', '*_by_lua_block {', '{{', '}}', '\n', 'é😀', '\u0000'],
};

/** An arbitrary input for one language: pure noise, grammar pieces, or a mutated real example. */
function inputs(language: Language, seeds: string[]): fc.Arbitrary<string> {
  const piece = fc.constantFrom(...PIECES[language]);
  const noise = fc.string({ maxLength: 300, unit: 'binary' });
  const pieces = fc.array(fc.oneof(piece, fc.string({ maxLength: 8 })), { maxLength: 60 }).map((a) => a.join(''));
  const mutated = fc
    .tuple(fc.constantFrom(...seeds), fc.array(fc.tuple(fc.nat(), fc.nat(40), fc.integer({ min: 0, max: 3 }), piece), { minLength: 1, maxLength: 6 }))
    .map(([seed, edits]) => {
      let text = seed;
      for (const [at, length, kind, insert] of edits) {
        const i = text.length ? at % text.length : 0;
        if (kind === 0) text = text.slice(0, i); // truncated
        else if (kind === 1) text = text.slice(0, i) + text.slice(i + length); // a range deleted
        else if (kind === 2) text = text.slice(0, i) + text.slice(i, i + length).repeat(3) + text.slice(i); // duplicated
        else text = text.slice(0, i) + insert + text.slice(i); // a piece inserted
      }
      return text;
    });
  return fc.oneof({ arbitrary: mutated, weight: 3 }, { arbitrary: pieces, weight: 2 }, { arbitrary: noise, weight: 1 });
}

const FILE_OF: Record<Language, string> = { python: 'app/main.py', js: 'src/server.js', nginx: 'conf.d/site.conf' };

async function scanBatch(scanner: Scanner, language: Language, texts: string[]): Promise<{ failed?: string; error?: unknown }> {
  const files = Object.fromEntries(texts.map((t, i) => [FILE_OF[language].replace(/(\.\w+)$/, `${i}$1`), t]));
  const { project, sources } = memoryProject(files, () => language);
  try {
    const result = await scanner.scan(sources, project);
    const internal = result.diagnostics.find((d) => d.kind === 'internal-error');
    if (!internal) return {};
    return { failed: files[internal.file] ?? texts[0], error: internal.message };
  } catch (error) {
    if (texts.length === 1) return { failed: texts[0], error };
    for (const text of texts) {
      const one = await scanBatch(scanner, language, [text]);
      if (one.failed !== undefined) return one;
    }
    return { failed: texts.join('\n/* batch */\n'), error };
  }
}

const stacks: Array<[Language, Scanner, RegExp]> = [
  ['python', pythonScanner, /\.py$/],
  ['js', jsScanner, /\.(?:[cm]?js|ts)$/],
  ['nginx', nginxScanner, /\.conf$/],
];

describe.each(stacks)('%s scanner on random, truncated and mutated input', (language, scanner, extensions) => {
  it(`never throws and always finishes (${CASES} cases)`, async () => {
    const samples = fc.sample(inputs(language, seedsOf(extensions)), { numRuns: CASES, seed: SEED });
    const started = Date.now();
    let slowest = 0;
    for (let i = 0; i < samples.length; i += BATCH) {
      const batchStarted = Date.now();
      const outcome = await scanBatch(scanner, language, samples.slice(i, i + BATCH));
      slowest = Math.max(slowest, Date.now() - batchStarted);
      expect(outcome.error, `input ${JSON.stringify(outcome.failed)}`).toBeUndefined();
    }
    console.log(`[property] ${language} scanner: ${samples.length} cases in ${samples.length / BATCH} batches, ${Date.now() - started} ms, slowest batch ${slowest} ms, no throw, no internal error`);
    expect(slowest).toBeLessThan(20_000);
  }, 300_000);
});

describe('nginx tokenizer on random input', () => {
  it(`always reaches the end of input and never throws (${CASES} cases)`, () => {
    let tokens = 0;
    fc.assert(
      fc.property(inputs('nginx', seedsOf(/\.conf$/)), (text) => {
        const diagnostics: never[] = [];
        const lexer = new Lexer(text, 'x.conf', diagnostics);
        let guard = 0;
        for (;;) {
          const t = lexer.next();
          tokens++;
          if (t.kind === 'eof') break;
          // Every token consumes input: at most one token per character (plus the end).
          expect(++guard).toBeLessThanOrEqual(text.length + 1);
        }
      }),
      { numRuns: CASES, seed: SEED },
    );
    console.log(`[property] nginx tokenizer: ${CASES} cases, ${tokens} tokens, no throw, every run reached the end`);
  }, 300_000);
});
