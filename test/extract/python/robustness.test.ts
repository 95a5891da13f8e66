import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { pythonScanner } from '../../../src/extract/python/scanner.js';
import { scanPython, shapes } from './helpers.js';

describe('bad input and non-code text', () => {
  test('a syntax error gives a parse-error diagnostic with its position, and the intact part is still extracted', async () => {
    const code = `from fastapi.middleware.cors import CORSMiddleware
app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True)

def broken(:
    pass
`;
    const r = await scanPython({ 'app/main.py': code });
    expect(r.diagnostics).toHaveLength(1);
    // tree-sitter recovers by inserting the missing ")" right after "(".
    expect(r.diagnostics[0]).toEqual({ kind: 'parse-error', file: 'app/main.py', line: 4, column: 12, message: 'invalid Python syntax: missing )' });
    expect(r.policies).toHaveLength(1);
    expect(shapes(r.policies[0]!.origins)).toEqual([{ kind: 'any' }]);
  });

  test('an unclosed call reports a diagnostic and never throws', async () => {
    const r = await scanPython({ 'app/main.py': 'from flask_cors import CORS\nCORS(app, origins=["https://a.example"\n' });
    expect(r.diagnostics).toEqual([
      { kind: 'parse-error', file: 'app/main.py', line: 2, column: 1, message: 'invalid Python syntax near "CORS(app, origins=[\\"https://a.example\\""' },
    ]);
  });

  test('commented-out configuration produces nothing', async () => {
    const r = await scanPython({
      'app/main.py': `from fastapi.middleware.cors import CORSMiddleware
# app.add_middleware(CORSMiddleware, allow_origins=["*"])
# CORS(app)
`,
    });
    expect(r.policies).toEqual([]);
    expect(r.diagnostics).toEqual([]);
  });

  test('configuration inside docstrings and strings is not code', async () => {
    const r = await scanPython({
      'app/main.py': `"""Example:

    app.add_middleware(CORSMiddleware, allow_origins=["*"])
    CORS_ALLOW_ALL_ORIGINS = True
"""
def f():
    '''CORS(app)'''
    return "app.add_middleware(CORSMiddleware)"
`,
    });
    expect(r.policies).toEqual([]);
  });

  test('the prefilter is a cheap text test', () => {
    expect(pythonScanner.mentionsCors('from fastapi.middleware.cors import CORSMiddleware')).toBe(true);
    expect(pythonScanner.mentionsCors('CORS_ALLOWED_ORIGINS = []')).toBe(true);
    expect(pythonScanner.mentionsCors('@cross_origin()')).toBe(true);
    expect(pythonScanner.mentionsCors('import flask\napp = flask.Flask(__name__)')).toBe(false);
  });

  test('random and garbage Python never throws and finishes quickly', async () => {
    const fragments = [
      'from fastapi.middleware.cors import CORSMiddleware\n',
      'from flask_cors import CORS, cross_origin\n',
      'import os\n',
      'app.add_middleware(CORSMiddleware, ',
      'allow_origins=',
      '["*"]',
      'X',
      'X = X + X\n',
      'CORS(app, ',
      'resources={',
      '"/a": {"origins": ',
      '**{',
      '**X',
      'os.getenv("A", ',
      ').split(",")',
      '[o.strip() for o in X]',
      '@cross_origin(',
      'def f(',
      'class S(BaseSettings):\n    A: list = ',
      'CORS_ALLOWED_ORIGINS += ',
      'from . import *\n',
      'f"{',
      '"""',
      ')',
      ']',
      '}',
      '\n',
      '    ',
      '\\',
      '\u0000',
      'é😀',
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.array(fc.constantFrom(...fragments), { maxLength: 40 }).map((a) => a.join('')), fc.string({ maxLength: 200 })),
        async (text) => {
          const started = Date.now();
          const r = await scanPython({ 'app/main.py': `CORS_ALLOW_ALL_ORIGINS = 1\n${text}`, 'app/other.py': text });
          expect(Array.isArray(r.policies)).toBe(true);
          expect(r.diagnostics.every((d) => d.kind === 'parse-error')).toBe(true);
          expect(Date.now() - started).toBeLessThan(2000);
        },
      ),
      { numRuns: 300 },
    );
  });

  test('doubling chains of constants stay linear and bounded', async () => {
    const lines = ['A0 = ["https://a.example"]', 'S0 = "x"'];
    for (let i = 1; i <= 40; i++) lines.push(`A${i} = A${i - 1} + A${i - 1}`, `S${i} = S${i - 1} + S${i - 1}`);
    const code = `from fastapi.middleware.cors import CORSMiddleware\n${lines.join('\n')}\napp.add_middleware(CORSMiddleware, allow_origins=A40, allow_origin_regex=S40)\n`;
    const started = Date.now();
    const r = await scanPython({ 'app/main.py': code });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(r.policies[0]!.origins.map((o) => o.kind)).toEqual(['unknown', 'unknown']);
  });

  test('deeply nested expressions are skipped with a diagnostic (CPython refuses them too)', async () => {
    const n = 20_000;
    const r = await scanPython({
      'app/main.py': `from fastapi.middleware.cors import CORSMiddleware\nX = ${'['.repeat(n)}"*"${']'.repeat(n)}\napp.add_middleware(CORSMiddleware, allow_origins=X)\n`,
    });
    expect(r.diagnostics).toEqual([expect.objectContaining({ kind: 'file-skipped', file: 'app/main.py', message: expect.stringContaining('nesting deeper than 200 levels') })]);
    expect(r.policies).toEqual([]);
  });

  test('nesting under the bound is still read', async () => {
    const n = 150;
    const r = await scanPython({
      'app/main.py': `from fastapi.middleware.cors import CORSMiddleware\nX = ${'['.repeat(n)}"*"${']'.repeat(n)}\napp.add_middleware(CORSMiddleware, allow_origins=X)\n`,
    });
    expect(r.diagnostics).toEqual([]);
    expect(r.policies).toHaveLength(1);
  });
});
