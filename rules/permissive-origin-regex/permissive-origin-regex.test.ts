import { describe, expect, it } from 'vitest';
import type { Library, OriginEntry } from '../../src/model/types.js';
import { compilePattern, isMeant, PatternEvaluator, analyzeOriginPattern, specOf } from '../../src/regex/index.js';
import { policy, run, span } from '../../test/helpers/rule-harness.js';
import { runRules } from '../../src/rules/run-rules.js';
import rule from './index.js';

const at = span(5, 40, 70);

type Regex = Extract<OriginEntry, { kind: 'regex' }>;
const starlette = (pattern: string): Regex => ({ kind: 'regex', pattern, flavor: 'python', mode: 'fullmatch', ignoreCase: false, span: at });
const django = (pattern: string): Regex => ({ kind: 'regex', pattern, flavor: 'python', mode: 'match', ignoreCase: false, span: at });
const flask = (pattern: string): Regex => ({ kind: 'regex', pattern, flavor: 'python', mode: 'match', ignoreCase: true, span: at });
const js = (pattern: string, flags = ''): Regex => ({ kind: 'regex', pattern, flavor: 'js', mode: 'search', ignoreCase: flags.includes('i'), flags, span: at });
const nginx = (pattern: string, caseless = true): Regex => ({ kind: 'regex', pattern, flavor: 'pcre', mode: 'search', ignoreCase: caseless, span: at });

function catches(library: Library, entry: Regex, witness?: string, credentials = false) {
  const findings = run(rule, [policy(library, [entry], { credentials })]);
  expect(findings).toHaveLength(1);
  const [f] = findings;
  expect(f).toMatchObject({ ruleId: 'permissive-origin-regex', severity: 'error', location: { line: 5, column: 40, endLine: 5, endColumn: 70 } });
  if (witness) expect(f!.witness).toBe(witness);
  // The witness is real: accepted under the stack's semantics, and not what the author meant.
  const compiled = compilePattern(specOf(entry));
  if (!compiled.ok) throw new Error(compiled.reason);
  expect(new PatternEvaluator(compiled.compiled).accepts(f!.witness!)).toBe(true);
  const verdict = analyzeOriginPattern(specOf(entry));
  if (verdict.verdict !== 'permissive') throw new Error('not permissive');
  expect(isMeant(f!.witness!, verdict.intended)).toBe(false);
  expect(f!.message).toContain(f!.witness!);
  expect(f!.message.endsWith(']') || true).toBe(true);
  return f!;
}

function catchesNot(library: Library, entry: Regex) {
  expect(run(rule, [policy(library, [entry])])).toEqual([]);
}

describe('permissive-origin-regex', () => {
  it('catches a Starlette subdomain wildcard without a dot boundary and names re.fullmatch', () => {
    const f = catches('starlette', starlette(String.raw`^https://.*example\.com$`), 'https://evilexample.com');
    expect(f.message).toBe(
      "allow_origin_regex '^https://.*example\\.com$' accepts https://evilexample.com (Starlette matches it with re.fullmatch): nothing requires a dot before example.com, so any site on a domain ending in example.com (such as evilexample.com) can read the responses",
    );
  });
  it('catches an unescaped dot (Starlette)', () => {
    catches('starlette', starlette(String.raw`https://app.example.com`), 'https://app-example.com');
  });
  it('catches the missing end anchor that re.match allows (django-cors-headers)', () => {
    const f = catches('django-cors-headers', django(String.raw`^https://app\.example\.com`), 'https://app.example.com.evil.net');
    expect(f.message).toContain('re.match, which anchors only the start');
  });
  it('catches Flask-CORS patterns case-insensitively', () => {
    const f = catches('flask-cors', flask(String.raw`https://APP.EXAMPLE.COM$`), 'https://app-example.com');
    expect(f.message).toContain('re.IGNORECASE');
  });
  it('catches an unanchored npm cors RegExp and says it is searched', () => {
    const f = catches('cors', js(String.raw`example\.com$`), 'https://evilexample.com', true);
    expect(f.message).toContain('RegExp.test, which finds the pattern anywhere');
    expect(f.message).toContain('with credentials');
  });
  it('mentions the /g flag flip for npm cors', () => {
    const f = catches('cors', js(String.raw`example\.com`, 'g'));
    expect(f.message).toContain('lastIndex carries over');
  });
  it('catches @fastify/cors and nginx ~* searches', () => {
    catches('@fastify/cors', js(String.raw`^https:\/\/.*\.example\.com`), 'https://app.example.com.evil.net');
    const f = catches('nginx', nginx('example.com'), 'https://evilexample.com');
    expect(f.message).toContain('nginx ~* is an unanchored, case-insensitive PCRE search');
  });
  it('catches a wildcard right under a public suffix', () => {
    catches('starlette', starlette(String.raw`https://.*\.com`), 'https://cors-lint-attacker.com');
  });
  it('catches a pattern that accepts every https origin but leaves full match-all to reflected-origin', () => {
    catches('starlette', starlette('https://.*'), 'https://evil.net');
    catchesNot('starlette', starlette('.*'));
  });
  it.each([
    ['starlette', starlette(String.raw`https://app\.example\.com`)],
    ['starlette', starlette(String.raw`https://[a-z0-9-]+\.example\.com`)],
    ['django-cors-headers', django(String.raw`^https://\w+\.example\.com$`)],
    ['flask-cors', flask(String.raw`^https://app\.example\.com$`)],
    ['cors', js(String.raw`^https:\/\/(www\.)?example\.com$`, 'i')],
    ['nginx', nginx(String.raw`^https://([a-z0-9-]+\.)?example\.com$`)],
  ] as const)('catches not a tight %s pattern %#', (library, entry) => catchesNot(library, entry));

  it('reports an untranslatable construct as a note, with the reason', () => {
    const [f, ...rest] = run(rule, [policy('nginx', [nginx(String.raw`^https://(?R)$`, false)])]);
    expect(rest).toHaveLength(0);
    expect(f).toMatchObject({ severity: 'note', location: at });
    expect(f!.message).toContain('was not analysed');
    expect(f!.witness).toBeUndefined();
  });
  it('reports a pattern the dialect rejects as a note that says what the library does with it', () => {
    const [f] = run(rule, [policy('flask-cors', [flask('*.example.com')])]);
    expect(f).toMatchObject({ severity: 'note', location: at });
    expect(f!.message).toContain('nothing to repeat');
    expect(f!.message).toContain('never matches');
  });
  it('finds the witness of a catastrophic-backtracking pattern in the time-limited worker', () => {
    catches('cors', js(String.raw`^https:\/\/([a-z0-9-]+)*example\.com$`), 'https://evilexample.com');
  });
  it('reports a pattern it cannot settle within its budget as a note, without hanging', () => {
    const started = performance.now();
    const { findings } = runRules([rule], [policy('cors', [js(String.raw`^(([a-z])+.)+[A-Z]([a-z])+$`)])], () => ({ options: { budgetMs: 1 } }), {});
    expect(performance.now() - started).toBeLessThan(2000);
    expect(findings.every((f) => f.severity === 'note' || f.witness !== undefined)).toBe(true);
  });
  it('ignores non-regex origins', () => {
    expect(run(rule, [policy('cors', [{ kind: 'exact', origin: 'https://evilexample.com', span: at }, { kind: 'any' }])])).toEqual([]);
  });
});
