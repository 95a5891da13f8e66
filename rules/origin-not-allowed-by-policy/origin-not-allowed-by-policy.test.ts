import { describe, expect, it } from 'vitest';
import type { Library, OriginEntry } from '../../src/model/types.js';
import { allows, parseAllowlist } from '../../src/origin/allowlist.js';
import { compilePattern, PatternEvaluator, specOf } from '../../src/regex/index.js';
import { policy, run, span } from '../../test/helpers/rule-harness.js';
import rule from './index.js';

const at = span(3, 17, 44, 'settings.py');
const allowedOrigins = ['https://app.example.com', 'https://*.example.org', 'https://**.example.net', 'http://localhost:3000'];
type Regex = Extract<OriginEntry, { kind: 'regex' }>;
const django = (pattern: string): Regex => ({ kind: 'regex', pattern, flavor: 'python', mode: 'match', ignoreCase: false, span: at });
const js = (pattern: string): Regex => ({ kind: 'regex', pattern, flavor: 'js', mode: 'search', ignoreCase: false, flags: '', span: at });
const nginx = (pattern: string): Regex => ({ kind: 'regex', pattern, flavor: 'pcre', mode: 'search', ignoreCase: true, span: at });

function catches(library: Library, entry: OriginEntry, witness?: string) {
  const findings = run(rule, [policy(library, [entry])], { allowedOrigins });
  expect(findings).toHaveLength(1);
  expect(findings[0]).toMatchObject({ ruleId: 'origin-not-allowed-by-policy', severity: 'error', location: { file: 'settings.py', line: 3, column: 17, endLine: 3, endColumn: 44 } });
  const w = findings[0]!.witness!;
  if (witness) expect(w).toBe(witness);
  expect(allows(parseAllowlist(allowedOrigins), w)).toBe(false);
  if (entry.kind === 'regex') {
    const compiled = compilePattern(specOf(entry));
    if (!compiled.ok) throw new Error(compiled.reason);
    expect(new PatternEvaluator(compiled.compiled).accepts(w)).toBe(true);
  }
  return findings[0]!;
}

function catchesNot(library: Library, entry: OriginEntry) {
  expect(run(rule, [policy(library, [entry])], { allowedOrigins })).toEqual([]);
}

describe('allowlist matching', () => {
  const list = parseAllowlist(allowedOrigins);
  it('compares exact origins as browsers serialize them', () => {
    expect(allows(list, 'https://APP.example.com:443')).toBe(true);
    expect(allows(list, 'http://app.example.com')).toBe(false);
    expect(allows(list, 'http://localhost:3000')).toBe(true);
    expect(allows(list, 'http://localhost:3001')).toBe(false);
  });
  it('lets * stand for exactly one label and ** for any depth', () => {
    expect(allows(list, 'https://a.example.org')).toBe(true);
    expect(allows(list, 'https://a.b.example.org')).toBe(false);
    expect(allows(list, 'https://example.org')).toBe(false);
    expect(allows(list, 'https://a.b.example.net')).toBe(true);
    expect(allows(list, 'https://example.net')).toBe(false);
    expect(allows(list, 'https://evilexample.org')).toBe(false);
  });
  it('admits null only when listed', () => {
    expect(allows(list, 'null')).toBe(false);
    expect(allows(parseAllowlist(['null']), 'null')).toBe(true);
  });
});

describe('origin-not-allowed-by-policy', () => {
  it('does nothing without allowedOrigins', () => {
    expect(run(rule, [policy('cors', [{ kind: 'any', span: at }])])).toEqual([]);
  });
  it('catches an exact origin outside the allowlist (Starlette)', () => {
    const f = catches('starlette', { kind: 'exact', origin: 'https://admin.example.com', span: at }, 'https://admin.example.com');
    expect(f.message).toBe("Origin 'https://admin.example.com' is trusted by Starlette CORSMiddleware in FastAPI but is not in allowedOrigins");
  });
  it('accepts exact origins in the allowlist, compared as serialized origins', () => {
    catchesNot('starlette', { kind: 'exact', origin: 'https://App.Example.com', span: at });
    catchesNot('cors', { kind: 'exact', origin: 'https://x.example.org', span: at });
  });
  it('always catches * and reflection', () => {
    catches('cors', { kind: 'any', span: at }, 'https://attacker-cors-lint.net');
    catches('flask-cors', { kind: 'reflect', span: at });
  });
  it('catches null unless allowlisted', () => {
    catches('nginx', { kind: 'null', span: at }, 'null');
    expect(run(rule, [policy('nginx', [{ kind: 'null', span: at }])], { allowedOrigins: ['null'] })).toEqual([]);
  });
  it('finds an origin a regex accepts that the allowlist does not', () => {
    catches('django-cors-headers', django(String.raw`^https://(app|admin)\.example\.com$`), 'https://admin.example.com');
    catches('cors', js(String.raw`^https:\/\/([a-z]+\.)+example\.org$`));
    const f = catches('nginx', nginx(String.raw`^https?://localhost(:\d+)?$`));
    expect(f.message).toContain('nginx ~* is an unanchored, case-insensitive PCRE search');
  });
  it('passes regexes whose every accepted origin is allowlisted', () => {
    catchesNot('django-cors-headers', django(String.raw`^https://app\.example\.com$`));
    catchesNot('cors', js(String.raw`^https:\/\/[a-z0-9-]+\.example\.org$`));
    catchesNot('nginx', nginx(String.raw`^https://([a-z]+\.)+example\.net$`));
  });
  it("catches Starlette's substring test on a plain string", () => {
    const f = catches('starlette', { kind: 'substring', haystack: 'https://app.example.com', span: at });
    expect(f.witness).toMatch(/^https:\/\/app\.example\.co/);
  });
  it('ignores unresolved origins', () => {
    catchesNot('starlette', { kind: 'unknown', why: 'os.environ', span: at });
  });
});
