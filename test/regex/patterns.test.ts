import { beforeAll, describe, expect, it } from 'vitest';
import type { WeaknessClass } from '../../src/regex/candidates.js';
import { compilePattern, PatternEvaluator, type RegexSpec } from '../../src/regex/engine.js';
import { isMeant } from '../../src/regex/intended.js';
import { analyzeOriginPattern, type PatternVerdict } from '../../src/regex/witness.js';
import { nginxOracle, oracleMissing, pythonOracle, type OracleCase } from './oracles.js';

type Row = [flavor: RegexSpec['flavor'], mode: RegexSpec['mode'], ignoreCase: boolean, pattern: string, verdict: 'safe' | WeaknessClass | 'permissive', flags?: string];

const starlette = (pattern: string, verdict: Row[4]): Row => ['python', 'fullmatch', false, pattern, verdict];
const django = (pattern: string, verdict: Row[4]): Row => ['python', 'match', false, pattern, verdict];
const flask = (pattern: string, verdict: Row[4]): Row => ['python', 'match', true, pattern, verdict];
const js = (pattern: string, verdict: Row[4], flags = ''): Row => ['js', 'search', flags.includes('i'), pattern, verdict, flags];
const nginx = (pattern: string, verdict: Row[4], caseless = false): Row => ['pcre', 'search', caseless, pattern, verdict];

/** The table: the verdict, and for permissive patterns the weakness the first witness shows. */
const ROWS: Row[] = [
  // Starlette: re.fullmatch
  starlette(String.raw`https://app\.example\.com`, 'safe'),
  starlette(String.raw`https://.*\.example\.com`, 'safe'),
  starlette(String.raw`https://[a-z0-9-]+\.example\.com`, 'safe'),
  starlette(String.raw`https?://(localhost|127\.0\.0\.1)(:\d+)?`, 'safe'),
  starlette(String.raw`https://(www|app|api)\.example\.com`, 'safe'),
  starlette(String.raw`(?P<scheme>https)://(?P<sub>[a-z]+\.)?example\.com`, 'safe'),
  starlette(String.raw`https://(?:[a-z0-9-]+\.)*example\.com`, 'safe'),
  starlette(String.raw`https://.*example\.com`, 'no-dot-boundary'),
  starlette(String.raw`https://app.example.com`, 'unescaped-dot'),
  starlette(String.raw`https://.*`, 'match-all'),
  starlette(String.raw`.*`, 'match-all'),
  starlette(String.raw`https://.*\.com`, 'public-suffix-wildcard'),
  starlette(String.raw`https://([a-z]+\.)?example\.com.*`, 'missing-end-anchor'),
  starlette(String.raw`https://[a-z.]+example\.com`, 'no-dot-boundary'),
  starlette(String.raw`https://app\.example\.(com|net|.*)`, 'permissive'),
  starlette(String.raw`n.*|https://app\.example\.com`, 'null-origin'),
  // django-cors-headers: re.match (anchored at the start only)
  django(String.raw`^https://app\.example\.com$`, 'safe'),
  django(String.raw`^https://\w+\.example\.com$`, 'safe'),
  django(String.raw`^https://(.+\.)?example\.com$`, 'safe'),
  django(String.raw`^https://app\.example\.com\Z`, 'safe'),
  django(String.raw`^https://app\.example\.com`, 'missing-end-anchor'),
  django(String.raw`https://.*\.example\.com`, 'missing-end-anchor'),
  django(String.raw`^https://[\w.-]+example\.com$`, 'no-dot-boundary'),
  django(String.raw`^(https://app\.example\.com$|https://.*\.example\.org)`, 'missing-end-anchor'),
  // Flask-CORS: re.match with re.IGNORECASE
  flask(String.raw`https://app\.example\.com$`, 'safe'),
  flask(String.raw`^https://(?i:APP)\.example\.com$`, 'safe'),
  flask(String.raw`(?x) ^https://  app \. example \. com $  # the app`, 'safe'),
  flask(String.raw`https://.*\.example\.com`, 'missing-end-anchor'),
  flask(String.raw`.*\.example\.com`, 'missing-end-anchor'),
  flask(String.raw`https://APP.EXAMPLE.COM$`, 'unescaped-dot'),
  flask(String.raw`(https://)?app\.example\.com$`, 'safe'),
  // npm cors / @fastify/cors: RegExp.test, unanchored
  js(String.raw`^https:\/\/app\.example\.com$`, 'safe'),
  js(String.raw`^https:\/\/([a-z0-9-]+\.)*example\.com$`, 'safe'),
  js(String.raw`^https:\/\/(www\.)?example\.com$`, 'safe', 'i'),
  js(String.raw`^https?:\/\/localhost(:\d+)?$`, 'safe'),
  js(String.raw`^https:\/\/[a-z0-9-]+\.example\.com$`, 'safe', 'g'),
  js(String.raw`https:\/\/app\.example\.com$`, 'safe'),
  js(String.raw`^https:\/\/.*\.vercel\.app$`, 'safe'),
  js(String.raw`^null$|^https:\/\/app\.example\.com$`, 'safe'),
  js(String.raw`^https:\/\/app\.example\.com$`, 'safe', 'y'),
  js(String.raw`example\.com$`, 'no-dot-boundary'),
  js(String.raw`\.example\.com`, 'missing-end-anchor'),
  js(String.raw`^https:\/\/app\.example\.com`, 'missing-end-anchor'),
  js(String.raw`app.example.com`, 'unescaped-dot'),
  js(String.raw`^https:\/\/.*\.example\.com`, 'missing-end-anchor'),
  js(String.raw`^https?:\/\/.*`, 'match-all'),
  js(String.raw`.*`, 'match-all'),
  js(String.raw`^https:\/\/(app|admin).example.com$`, 'unescaped-dot'),
  js(String.raw`^https:\/\/app\.example\.com$|localhost`, 'missing-end-anchor'),
  js(String.raw`example\.com`, 'no-dot-boundary', 'g'),
  js(String.raw`^https:\/\/[\w-]+\.com$`, 'public-suffix-wildcard'),
  js(String.raw`(https:\/\/)?app\.example\.com$`, 'http-scheme'),
  js(String.raw`EXAMPLE\.COM$`, 'no-dot-boundary', 'i'),
  // nginx: ~ / ~* are unanchored PCRE searches
  nginx(String.raw`^https://app\.example\.com$`, 'safe', true),
  nginx(String.raw`^https://([a-z0-9-]+\.)?example\.com$`, 'safe', true),
  nginx(String.raw`^https?://localhost(:[0-9]+)?$`, 'safe'),
  nginx(String.raw`^https://(www|api)\.example\.com$`, 'safe'),
  nginx(String.raw`^https://[a-z0-9-]+\.example\.com\z`, 'safe'),
  nginx(String.raw`^https://(?<sub>[a-z]+)\.example\.com$`, 'safe'),
  nginx(String.raw`^https://\Qapp.example.com\E$`, 'safe'),
  nginx(String.raw`(?i)^https://app\.example\.com$`, 'safe'),
  nginx(String.raw`^https://[a-z]++example\.com$`, 'safe'),
  nginx(String.raw`^https://(?>[a-z]+)\.example\.com$`, 'safe'),
  nginx(String.raw`^https://[[:alnum:]-]+\.example\.com$`, 'safe'),
  nginx(String.raw`example.com`, 'no-dot-boundary', true),
  nginx(String.raw`example\.com$`, 'no-dot-boundary'),
  nginx(String.raw`^https://.*example\.com$`, 'no-dot-boundary', true),
  nginx(String.raw`https://app\.example\.com`, 'missing-end-anchor', true),
  nginx(String.raw`^https://app.example.com$`, 'unescaped-dot'),
  nginx(String.raw`.`, 'match-all'),
  nginx(String.raw`^https?://.*\.com$`, 'public-suffix-wildcard', true),
  nginx(String.raw`^https://(?:.+\.)?example\.com`, 'missing-end-anchor'),
  nginx(String.raw`(https://)?app\.example\.com$`, 'http-scheme'),
];

/** Ordinary and hostile origins every pattern is also checked on, against the oracle. */
const PROBES = [
  'https://app.example.com',
  'https://example.com',
  'https://www.example.com',
  'http://app.example.com',
  'https://APP.EXAMPLE.COM',
  'https://evilexample.com',
  'https://app.example.com.evil.net',
  'https://app-example.com',
  'https://evil.net',
  'http://localhost:3000',
  'null',
  'https://a.b.example.com',
];

interface Outcome {
  row: Row;
  spec: RegexSpec;
  verdict: PatternVerdict;
  ms: number;
}

const outcomes: Outcome[] = ROWS.map((row) => {
  const [flavor, mode, ignoreCase, pattern, , flags] = row;
  const spec: RegexSpec = { pattern, flavor, mode, ignoreCase, flags };
  const started = performance.now();
  const verdict = analyzeOriginPattern(spec, { budgetMs: 200 });
  return { row, spec, verdict, ms: performance.now() - started };
});

function inputsOf(o: Outcome): string[] {
  const list = [...PROBES];
  if (o.verdict.verdict === 'permissive') list.unshift(o.verdict.witness);
  return list;
}

function engineResults(o: Outcome): Array<boolean | undefined> {
  const compiled = compilePattern(o.spec);
  if (!compiled.ok) throw new Error(compiled.reason);
  return new PatternEvaluator(compiled.compiled, 1000).acceptsAll(inputsOf(o));
}

describe('origin pattern table', () => {
  it('has at least 60 patterns, half of them safe, across the three dialects', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(60);
    const safe = ROWS.filter((r) => r[4] === 'safe').length;
    expect(safe).toBeGreaterThanOrEqual(ROWS.length / 2 - 6);
    expect(ROWS.length - safe).toBeGreaterThanOrEqual(ROWS.length / 2 - 6);
    for (const flavor of ['python', 'js', 'pcre']) expect(ROWS.filter((r) => r[0] === flavor).length).toBeGreaterThanOrEqual(15);
    const classes = new Set(ROWS.map((r) => r[4]));
    for (const c of ['match-all', 'public-suffix-wildcard', 'no-dot-boundary', 'unescaped-dot', 'missing-end-anchor', 'http-scheme', 'null-origin']) {
      expect(classes).toContain(c);
    }
  });

  it.each(outcomes.map((o) => [`${o.row[0]}/${o.row[1]}${o.row[2] ? '/i' : ''} ${o.row[3]}`, o] as const))('%s', (_, o) => {
    const expected = o.row[4];
    const v = o.verdict;
    if (expected === 'safe') {
      expect(v.verdict, JSON.stringify(v)).toBe('safe');
      return;
    }
    expect(v.verdict, JSON.stringify(v)).toBe('permissive');
    if (v.verdict !== 'permissive') return;
    if (expected !== 'permissive') expect(v.weakness).toBe(expected);
    // The witness is accepted under the stack's semantics and is not an origin the author meant.
    expect(engineResults(o)[0]).toBe(true);
    expect(isMeant(v.witness, v.intended)).toBe(false);
    expect(v.witness === 'null' || /^https?:\/\/[a-z0-9.-]+(:\d+)?$/.test(v.witness)).toBe(true);
  });
});

describe('the engine agrees with the real matchers', () => {
  const python = outcomes.filter((o) => o.spec.flavor === 'python');
  const pcre = outcomes.filter((o) => o.spec.flavor === 'pcre');
  const toCase = (o: Outcome): OracleCase => ({ pattern: o.spec.pattern, mode: o.spec.mode, ignoreCase: o.spec.ignoreCase, inputs: inputsOf(o) });

  it('CPython re (fullmatch / match, IGNORECASE) confirms witnesses and probes', () => {
    const results = pythonOracle(python.map(toCase));
    if (!results && oracleMissing('/usr/bin/python3')) return;
    python.forEach((o, i) => {
      const r = results![i]!;
      expect(r.error, o.spec.pattern).toBeUndefined();
      expect(engineResults(o), `${o.spec.mode} ${o.spec.pattern} on ${inputsOf(o).join(' ')}`).toEqual(r.results);
      if (o.verdict.verdict === 'permissive') expect(r.results![0], `${o.spec.pattern} ${o.verdict.witness}`).toBe(true);
    });
  });

  let nginxResults: boolean[][] | undefined;
  beforeAll(async () => {
    nginxResults = await nginxOracle(pcre.map(toCase));
  }, 30_000);

  it('nginx map ~ / ~* confirms witnesses and probes', () => {
    if (!nginxResults && oracleMissing('/usr/sbin/nginx')) return;
    pcre.forEach((o, i) => {
      const r = nginxResults![i]!;
      expect(engineResults(o), `${o.spec.pattern} on ${inputsOf(o).join(' ')}`).toEqual(r);
      if (o.verdict.verdict === 'permissive') expect(r[0], `${o.spec.pattern} ${o.verdict.witness}`).toBe(true);
    });
  });
});

export { outcomes, ROWS };
