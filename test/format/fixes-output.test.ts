// How fixes show in every output: text `[*]` and the closing line, JSON edits, rdjson suggestions
// checked against a JSON Schema written from reviewdog's proto; and the quieter text options.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatters } from '../../src/format/index.js';
import { wrap } from '../../src/format/text.js';
import { lint } from '../../src/lint.js';
import { cli } from '../fix/helpers.js';
import { validateJson } from './json-schema-lite.js';
import { tempTree } from './sample.js';

const SCHEMA = JSON.parse(fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'rdjson.schema.json'), 'utf8'));

const FILES = {
  // One safe fix (trailing slash), one unsafe (the regex), one finding without a fix (credentials with '*').
  'main.py': 'from fastapi import FastAPI\nfrom fastapi.middleware.cors import CORSMiddleware\napp = FastAPI()\n# é\napp.add_middleware(CORSMiddleware, allow_origins=["https://é.example.com/"], allow_origin_regex="https://b.example.com")\n',
  'other.py': 'from fastapi import FastAPI\nfrom fastapi.middleware.cors import CORSMiddleware\napp = FastAPI()\napp.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True)\n',
};

describe('text output', () => {
  it('marks fixable findings with [*] and closes with the count, naming what --unsafe-fixes adds', async () => {
    const dir = tempTree(FILES);
    const { stdout } = await cli(dir, ['.']);
    const lines = stdout.split('\n');
    expect(lines.filter((l) => l.includes('[*]') && l.includes('[malformed-origin]'))).toHaveLength(1);
    expect(lines.filter((l) => l.includes('[*]') && l.includes('[permissive-origin-regex]'))).toHaveLength(0);
    expect(lines.filter((l) => l.includes('[*]') && l.includes('[credentials-with-wildcard-origin]'))).toHaveLength(0);
    expect(lines.at(-2)).toBe('[*] 1 fixable with --fix (1 more with --unsafe-fixes)');
    const unsafe = await cli(dir, ['--unsafe-fixes', '.']);
    expect(unsafe.stdout.split('\n').filter((l) => l.includes('[*]') && l.includes('[permissive-origin-regex]'))).toHaveLength(1);
    expect(unsafe.stdout.trimEnd().split('\n').at(-1)).toBe('[*] 2 fixable with --fix --unsafe-fixes');
  });

  it('after --fix, says how many were fixed and reports only what is left', async () => {
    const dir = tempTree(FILES);
    const { stdout } = await cli(dir, ['--fix', '.']);
    expect(stdout).toContain('Fixed 1 finding; the report shows what is left.');
    expect(stdout).not.toContain('[malformed-origin]');
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('1 fixable with --fix --unsafe-fixes');
  });

  it('--quiet reports errors only, and warnings no longer fail the run', async () => {
    const dir = tempTree({ 'nginx.conf': 'server {\n    location / {\n        add_header Access-Control-Allow-Origin https://a.example.com;\n    }\n}\n' });
    const loud = await cli(dir, ['--fail-on', 'warning', '.']);
    expect(loud.stdout).toContain('[cors-headers-without-always]');
    expect(loud.code).toBe(1);
    const quiet = await cli(dir, ['--quiet', '--fail-on', 'warning', '.']);
    expect(quiet.stdout).not.toContain('[cors-headers-without-always]');
    expect(quiet.code).toBe(0);
  });

  it('findings on the same span share one code frame, printed after the last of them', async () => {
    const dir = tempTree({ 'nginx.conf': 'server {\n    location / {\n        add_header Access-Control-Allow-Origin $http_origin;\n    }\n}\n' });
    const lines = (await cli(dir, ['.'])).stdout.split('\n');
    const findings = lines.filter((l) => /^ {2}3:48 /.test(l));
    expect(findings.length).toBeGreaterThanOrEqual(3);
    expect(lines.filter((l) => l.startsWith('  > 3 |'))).toHaveLength(1);
    expect(lines.findIndex((l) => l.startsWith('  > 3 |'))).toBeGreaterThan(lines.lastIndexOf(findings.at(-1)!));
  });

  it('wraps long messages at --width, continuation lines under the message; no wrapping otherwise', async () => {
    const dir = tempTree(FILES);
    const wide = await cli(dir, ['.']);
    const narrow = await cli(dir, ['--width', '80', '.']);
    const messageLines = (out: string) => out.split('\n').filter((l) => /^ {2}\d+:\d+/.test(l));
    expect(messageLines(wide.stdout).some((l) => l.length > 80)).toBe(true);
    expect(narrow.stdout.split('\n').filter((l) => !l.includes(' | ') && !/^\s*>/.test(l)).every((l) => l.length <= 80)).toBe(true);
    // "  5:51    error  " is 17 columns: continuation lines start under the message.
    expect(narrow.stdout).toMatch(/\n {17}never equals the Origin/);
    expect(wrap('a b c', 10, 8)).toBe('a b c');
    expect(wrap(`${'word '.repeat(10)}end`, 40, 10)).toBe(`word word word word word word\n${' '.repeat(10)}word word word word end`);
  });
});

describe('JSON output', () => {
  it('carries every fix with applicability and edits whose offsets and positions address the file', async () => {
    const dir = tempTree(FILES);
    const result = await lint(['.'], { cwd: dir });
    const json = JSON.parse(formatters.json!({ result, cwd: dir, color: false }));
    const fixed = json.findings.filter((f: { fix?: unknown }) => f.fix);
    expect(fixed.map((f: { ruleId: string; fix: { applicability: string } }) => [f.ruleId, f.fix.applicability])).toEqual([
      ['malformed-origin', 'safe'],
      ['permissive-origin-regex', 'unsafe'],
    ]);
    const text = fs.readFileSync(path.join(dir, 'main.py'), 'utf8');
    const edit = fixed[0].fix.edits[0];
    expect(text.slice(edit.start, edit.end)).toBe('https://é.example.com/');
    expect(edit).toMatchObject({ file: 'main.py', line: 5, column: 52, endLine: 5, endColumn: 74, replacement: 'https://é.example.com' });
    expect(json.summary).toMatchObject({ fixable: 1, fixableUnsafe: 1 });
  });
});

describe('Markdown summary', () => {
  it('says how many findings --fix and --unsafe-fixes would fix', async () => {
    const dir = tempTree(FILES);
    const result = await lint(['.'], { cwd: dir });
    expect(formatters.markdown!({ result, cwd: dir, color: false })).toContain('1 finding fixable with `cors-lint --fix`, 1 more with `--unsafe-fixes`.');
  });
});

describe('rdjson output (reviewdog)', () => {
  it('is valid under the rdjson schema, with severity, source, code URL, range and suggestions', async () => {
    const dir = tempTree(FILES);
    const result = await lint(['.'], { cwd: dir });
    const out = JSON.parse(formatters.rdjson!({ result, cwd: dir, color: false }));
    expect(validateJson(out, SCHEMA)).toEqual([]);
    expect(out.source.name).toBe('cors-lint');
    expect(out.diagnostics).toHaveLength(result.findings.length);
    const malformed = out.diagnostics.find((d: { code: { value: string } }) => d.code.value === 'malformed-origin');
    expect(malformed).toMatchObject({
      severity: 'ERROR',
      code: { url: 'https://github.com/cors-lint/cors-lint/blob/main/rules/malformed-origin/README.md' },
      // Columns in UTF-8 bytes: the 'é' inside the literal counts two (UTF-16: 51 to 75).
      location: { path: 'main.py', range: { start: { line: 5, column: 51 }, end: { line: 5, column: 76 } } },
      // One line-based suggestion: GitHub suggested changes replace whole lines.
      suggestions: [{ range: { start: { line: 5, column: 1 }, end: { line: 6, column: 1 } }, text: FILES['main.py'].split('\n')[4]!.replace('é.example.com/', 'é.example.com') + '\n' }],
    });
    const regex = out.diagnostics.find((d: { code: { value: string } }) => d.code.value === 'permissive-origin-regex');
    expect(regex.suggestions).toBeUndefined();
    const unsafe = JSON.parse(formatters.rdjson!({ result, cwd: dir, color: false, unsafeFixes: true }));
    expect(validateJson(unsafe, SCHEMA)).toEqual([]);
    expect(unsafe.diagnostics.find((d: { code: { value: string } }) => d.code.value === 'permissive-origin-regex').suggestions).toHaveLength(1);
  });

  it('the schema check fails on what reviewdog would not read (so passing means something)', () => {
    const bad = { diagnostics: [{ message: 'm', location: { path: 'a', range: { start: { line: 0, column: 1 } } }, severity: 'NOTE', suggestion: [] }] };
    expect(validateJson(bad, SCHEMA)).toEqual([
      '$.diagnostics[0].location.range.start.line: 0 < 1',
      '$.diagnostics[0].severity: matches 0 of the oneOf alternatives, not exactly 1',
      '$.diagnostics[0]: unexpected property "suggestion"',
    ]);
    expect(validateJson({}, SCHEMA)).toEqual(['$: missing required "diagnostics"']);
  });
});
