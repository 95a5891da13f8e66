import { beforeAll, describe, expect, it } from 'vitest';
import { compilePattern, PatternEvaluator, type RegexSpec } from '../../src/regex/engine.js';
import { isMeant } from '../../src/regex/intended.js';
import { analyzeOriginPattern, type PatternVerdict } from '../../src/regex/witness.js';
import { nginxOracle, oracleMissing, pythonOracle, type OracleCase } from './oracles.js';
import { ROWS, type Row } from './pattern-table.js';

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

