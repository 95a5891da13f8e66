import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { pythonScanner } from '../../src/extract/python/scanner.js';
import type { ScanResult } from '../../src/extract/scanner.js';
import { loadNativePython } from '../../src/parse/python-native.js';
import { hasSyntaxError } from '../../src/parse/python-node.js';
import { pythonParser, type PyNode, type PythonEngine } from '../../src/parse/python.js';
import { memoryProject } from '../helpers/memory-project.js';
import { pythonFiles, readmePython, testSnippets, type PythonCase } from './python-corpus.js';

/**
 * The native tree-sitter bindings are an optional engine: they must give exactly what the wasm
 * engine gives — the same trees (types, ranges, UTF-16 columns) and so the same policies and
 * diagnostics — for every Python input the test suite knows and for generated ones.
 */
const native = loadNativePython();
const missing = 'error' in native ? native.error : undefined;
const mustRun = process.env.CI === 'true';
if (missing && !mustRun) console.log(`skipping the native/wasm engine comparison: the native tree-sitter bindings cannot be loaded (${missing})`);

async function scanWith(engine: PythonEngine, files: Record<string, string>): Promise<ScanResult> {
  const { project, sources } = memoryProject(files, (p) => (p.endsWith('.py') ? 'python' : undefined));
  // Every file is scanned, not only the ones the prefilter lets through: more code paths on both engines.
  return pythonScanner.scan(sources, project, { pythonParser: engine });
}

/** Files the native engine parsed itself, and files with a syntax error it handed to wasm. */
const nativeUse = { parsed: 0, handedToWasm: 0 };

/** Every node in pre-order with its type, field-annotated shape and position (the tree as the scanner sees it). */
async function treeDump(engine: PythonEngine, text: string): Promise<string[]> {
  const parser = await pythonParser(engine);
  expect(parser.engine).toBe(engine);
  const tree = parser.parse(text)!;
  if (engine === 'native') {
    // Only a file with a syntax error is parsed by wasm when native was chosen.
    expect(tree.engine).toBe(hasSyntaxError(tree.rootNode) ? 'wasm' : 'native');
    nativeUse[tree.engine === 'native' ? 'parsed' : 'handedToWasm']++;
  }
  try {
    const out: string[] = [(tree.rootNode as PyNode & { toString(): string }).toString()];
    const stack: PyNode[] = [tree.rootNode];
    while (stack.length) {
      const n = stack.pop()!;
      const { row, column } = n.startPosition;
      const end = n.endPosition;
      out.push(`${n.type} ${n.startIndex}-${n.endIndex} ${row}:${column}-${end.row}:${end.column} ${hasSyntaxError(n) ? 'E' : ''}${n.isError ? 'R' : ''}${n.isMissing ? 'M' : ''} ${JSON.stringify(n.text)}`);
      for (let i = n.childCount - 1; i >= 0; i--) stack.push(n.child(i)!);
    }
    return out;
  } finally {
    tree.delete();
  }
}

/** The native-engine counts since the last call. */
function usage(): string {
  const text = `native parsed ${nativeUse.parsed} files, handed ${nativeUse.handedToWasm} with syntax errors to wasm`;
  nativeUse.parsed = nativeUse.handedToWasm = 0;
  return text;
}

async function expectSameResults(c: PythonCase): Promise<ScanResult> {
  const wasm = await scanWith('wasm', c.files);
  const nat = await scanWith('native', c.files);
  expect(nat, c.origin).toStrictEqual(wasm);
  for (const [file, text] of Object.entries(c.files)) {
    expect(await treeDump('native', text), `${c.origin} ${file}`).toStrictEqual(await treeDump('wasm', text));
  }
  return wasm;
}

const corpora: Array<[string, () => PythonCase[]]> = [
  ['the .py files of the repository (examples, fixtures, oracles)', pythonFiles],
  ['the ```python blocks of the READMEs', readmePython],
  ['the Python snippets written in the test files', testSnippets],
];

describe.skipIf(missing !== undefined && !mustRun)('native and wasm Python engines give identical results', () => {
  test('the native bindings load (CI installs the optional dependency; prebuilds need no install script)', () => {
    expect(missing).toBeUndefined();
  });

  for (const [what, collect] of corpora) {
    test(`on ${what}`, async () => {
      const cases = collect();
      expect(cases.length).toBeGreaterThan(5);
      let policies = 0;
      let diagnostics = 0;
      for (const c of cases) {
        const result = await expectSameResults(c);
        policies += result.policies.length;
        diagnostics += result.diagnostics.length;
      }
      console.log(`engines agree on ${what}: ${cases.length} cases, ${policies} policies, ${diagnostics} diagnostics; ${usage()}`);
      // Not vacuous: the corpus really configures CORS.
      expect(policies).toBeGreaterThan(cases.length / 4);
    }, 120_000);
  }

  test('the native engine parses valid files itself and hands a file with a syntax error to wasm', async () => {
    const parser = await pythonParser('native');
    const valid = parser.parse('ORIGINS = ["https://é.example.com"]\n')!;
    const invalid = parser.parse('ORIGINS = ["https://é.example.com"\n')!;
    expect([valid.engine, invalid.engine]).toEqual(['native', 'wasm']);
    valid.delete();
    invalid.delete();
    usage();
  });

  test('non-ASCII text: columns are UTF-16 code units on both engines', async () => {
    const code = `from fastapi.middleware.cors import CORSMiddleware\nnäme = "ü"\napp.add_middleware(CORSMiddleware, allow_origins=["https://é😀.example.com", "https://名前.example"], allow_credentials=True)  # ü\n`;
    const result = await expectSameResults({ origin: 'non-ASCII', files: { 'app.py': code } });
    const line = code.split('\n')[2]!;
    const origins = result.policies[0]!.origins;
    expect(origins[0]!.span).toMatchObject({ line: 3, column: line.indexOf('"https://é') + 1, endColumn: line.indexOf('"https://é') + 1 + '"https://é😀.example.com"'.length });
    expect(origins[1]!.span).toMatchObject({ line: 3, column: line.indexOf('"https://名') + 1 });
  });

  // Generated inputs: CORS configurations assembled from fragments (non-ASCII names and strings,
  // unbalanced brackets, stray indentation) and real snippets with random edits (syntax errors).
  const fragments = [
    'from fastapi import FastAPI\n', 'from fastapi.middleware.cors import CORSMiddleware\n', 'from starlette.middleware import Middleware\n',
    'from flask_cors import CORS, cross_origin\n', 'import os\n', 'app = FastAPI()\n', 'app.add_middleware(CORSMiddleware, ',
    'allow_origins=', 'allow_origin_regex=r"https://.*\\.ex\\.com"', 'allow_credentials=True', 'allow_methods=["*"]', 'max_age=60',
    'CORS(app, origins=', 'supports_credentials=True', 'resources={r"/api/*": {"origins": ', '@cross_origin(origins=', 'def view():\n    return 1\n',
    'CORS_ALLOWED_ORIGINS = ', 'CORS_ALLOW_ALL_ORIGINS = True\n', 'CORS_ALLOWED_ORIGIN_REGEXES = [r"^https://\\w+\\.ex\\.com$"]\n',
    'ORIGINS = ', 'café = ', '名前 = ', 'ORIGINS', 'café', '名前', 'os.getenv("ORIGINS", "https://a.ex.com,https://b.ex.com").split(",")',
    '"https://é.example.com"', "'https://😀.example'", '"*"', '"null"', '[', ']', '(', ')', '{', '}', ', ', ':', '\n', '    ', '\t', '#ü\n',
    'if DEBUG:\n    ', 'else:\n    ', 'class Settings(BaseSettings):\n    origins: list[str] = ', 'Middleware(CORSMiddleware, allow_origins=',
    'FastAPI(middleware=[', '"""doc ü', '"""', 'f"https://{host}"', ' + ', '[o for o in ORIGINS]', 'lambda: 0', '\\\n', '\r\n', 'é', '😀',
  ];
  const generated = fc.array(fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 4, unit: 'grapheme' })), { maxLength: 40 }).map((parts) => parts.join(''));
  const seeds = [...readmePython(), ...testSnippets()].flatMap((c) => Object.values(c.files));
  const edited = fc
    .tuple(fc.constantFrom(...seeds), fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(3), fc.constantFrom('', '(', ')', '"', "'", ':', '\n', ' ', 'é', '😀', ',', '[', '=', '\\')), { minLength: 1, maxLength: 4 }))
    .map(([seed, edits]) => {
      let text = seed;
      for (const [where, cut, insert] of edits) {
        const at = Math.floor(where * text.length);
        text = text.slice(0, at) + insert + text.slice(at + cut);
      }
      return text;
    });
  const settingsFile = fc.tuple(generated, generated).map(([settings, app]) => ({
    'pkg/settings.py': settings,
    'pkg/main.py': `from .settings import *\nfrom . import settings as s\nfrom fastapi.middleware.cors import CORSMiddleware\n${app}\napp.add_middleware(CORSMiddleware, allow_origins=ORIGINS, allow_credentials=s.CRED)\n`,
  }));

  // Valid programs: the path where the native engine builds the tree itself.
  const name = fc.constantFrom('ORIGINS', 'café', '名前', 'ñ_1', 'Ωmega', 'origins', 'CRED', 'x');
  const str = fc.oneof(
    fc.constantFrom('https://a.example.com', 'https://é.example.com', 'https://😀.example', '*', 'null', 'http://localhost:3000', 'https://.*\\.example\\.com'),
    fc.string({ maxLength: 12, unit: 'grapheme' }),
  ).map((s) => JSON.stringify(s));
  const expr: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
    e: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      str,
      name,
      fc.constantFrom('True', 'False', 'None', '600'),
      fc.array(tie('e'), { maxLength: 3 }).map((xs) => `[${xs.join(', ')}]`),
      fc.array(tie('e'), { maxLength: 3 }).map((xs) => (xs.length ? `(${xs.join(', ')},)` : '()')),
      fc.tuple(tie('e'), tie('e')).map(([a, b]) => `${a} + ${b}`),
      fc.tuple(str, str).map(([k, d]) => `os.getenv(${k}, ${d}).split(",")`),
      fc.tuple(name, tie('e')).map(([n, e]) => `[${n} for ${n} in ${e}]`),
    ),
  })).e;
  const statement = fc.oneof(
    fc.tuple(name, expr).map(([n, e]) => `${n} = ${e}\n`),
    fc.tuple(expr, expr).map(([o, c]) => `app.add_middleware(CORSMiddleware, allow_origins=${o}, allow_credentials=${c}, allow_methods=["*"])\n`),
    fc.tuple(expr, expr).map(([o, c]) => `CORS(app, origins=${o}, supports_credentials=${c})\n`),
    fc.tuple(expr).map(([o]) => `@cross_origin(origins=${o})\ndef víew():\n    return "ü"\n`),
    fc.tuple(name, expr, expr).map(([n, a, b]) => `if DEBUG:\n    ${n} = ${a}\nelse:\n    ${n} = ${b}\n`),
    fc.tuple(name, expr).map(([n, e]) => `class Settings(BaseSettings):\n    ${n}: list[str] = ${e}\n`),
    fc.tuple(expr).map(([e]) => `CORS_ALLOWED_ORIGINS = ${e}\nCORS_ALLOW_CREDENTIALS = True\n`),
    fc.constantFrom('# ü 😀\n', '\n', 'import os\n'),
  );
  const validProgram = fc
    .array(statement, { minLength: 1, maxLength: 8 })
    .map((lines) => `from fastapi import FastAPI\nfrom fastapi.middleware.cors import CORSMiddleware\nfrom flask_cors import CORS, cross_origin\nimport os\napp = FastAPI()\n${lines.join('')}`);

  test('on generated valid programs (non-ASCII names and strings, nested expressions)', async () => {
    await fc.assert(
      fc.asyncProperty(validProgram, async (text) => {
        await expectSameResults({ origin: 'valid', files: { 'app/main.py': text } });
      }),
      { numRuns: 300 },
    );
    const counts = usage();
    console.log(`engines agree on 300 generated valid programs; ${counts}`);
  }, 120_000);

  test('on generated programs (fragments, non-ASCII, syntax errors)', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(generated, async (text) => {
        runs++;
        await expectSameResults({ origin: 'generated', files: { 'app/main.py': text } });
      }),
      { numRuns: 300 },
    );
    console.log(`engines agree on ${runs} generated programs; ${usage()}`);
  }, 120_000);

  test('on edited real snippets (syntax errors near real configurations)', async () => {
    await fc.assert(
      fc.asyncProperty(edited, async (text) => {
        await expectSameResults({ origin: 'edited', files: { 'app/main.py': text } });
      }),
      { numRuns: 300 },
    );
    console.log(`engines agree on 300 edited snippets; ${usage()}`);
  }, 120_000);

  test('on generated two-module packages (imports across files)', async () => {
    await fc.assert(
      fc.asyncProperty(settingsFile, async (files) => {
        await expectSameResults({ origin: 'package', files });
      }),
      { numRuns: 150 },
    );
    console.log(`engines agree on 150 generated packages; ${usage()}`);
  }, 120_000);

  test('on arbitrary Unicode text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200, unit: 'binary' }), async (text) => {
        await expectSameResults({ origin: 'unicode', files: { 'app/main.py': `import CORSMiddleware\n${text}` } });
      }),
      { numRuns: 200 },
    );
    console.log(`engines agree on 200 arbitrary texts; ${usage()}`);
  }, 120_000);
});
