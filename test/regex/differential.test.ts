// Random origin-shaped patterns: the engine must agree with CPython's `re` and nginx's PCRE on
// every probe, every witness must be accepted, and no pattern may throw or hang the analysis.

import { beforeAll, describe, expect, it } from 'vitest';
import { compilePattern, PatternEvaluator, type RegexSpec } from '../../src/regex/engine.js';
import { analyzeOriginPattern, type PatternVerdict } from '../../src/regex/witness.js';
import { nginxOracle, oracleMissing, pythonOracle, type OracleCase } from './oracles.js';

function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ATOMS = ['https', 'http', '://', 'app', 'example', 'com', 'evil', 'net', '-', String.raw`\.`, '.', '[a-z]', '[a-z0-9-]', String.raw`\w`, String.raw`\d`, 's', ':', '[.]'];
/** Dialect syntax the translator must get right. */
const DIALECT_ATOMS = [String.raw`[^.]`, String.raw`[\w.-]`, String.raw`\-`, String.raw`[]a]`, String.raw`(?i:APP)`, String.raw`(?>[a-z]+)`, String.raw`\/`, String.raw`[A-Z]`, String.raw`\x2e`];
const QUANTS = ['', '', '', '?', '*', '+', '{1,3}', '*?', '+?', '*+', '++'];

function randomPattern(rand: () => number, depth = 0): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const atoms = rand() < 0.3 ? [...ATOMS, ...DIALECT_ATOMS] : ATOMS;
  const parts: string[] = [];
  const n = 2 + Math.floor(rand() * 5);
  for (let i = 0; i < n; i++) {
    let atom: string;
    if (depth < 2 && rand() < 0.2) {
      const alts = 1 + Math.floor(rand() * 2);
      atom = `(${Array.from({ length: alts }, () => randomPattern(rand, depth + 1)).join('|')})`;
    } else atom = pick(atoms);
    const q = pick(QUANTS);
    parts.push(q && atom.length > 1 && !atom.startsWith('(') && !atom.startsWith('[') && !atom.startsWith('\\') ? `(?:${atom})${q}` : atom + q);
  }
  let p = parts.join('');
  if (depth === 0 && rand() < 0.6) p = `^${p}`;
  if (depth === 0 && rand() < 0.5) p = `${p}$`;
  return p;
}

const PROBES = [
  'https://app.example.com',
  'https://example.com',
  'http://app.example.com',
  'https://evilexample.com',
  'https://app.example.com.evil.net',
  'https://app-example.com',
  'https://evil.net',
  'https://a.b.example.com',
  'https://APP.example.com',
  'http://app.example.com:8443',
];

interface Case {
  spec: RegexSpec;
  verdict: PatternVerdict;
  inputs: string[];
  engine: Array<boolean | undefined>;
}

function makeCases(flavor: 'python' | 'pcre', seed: number, count: number): Case[] {
  const rand = prng(seed);
  const modes: RegexSpec['mode'][] = flavor === 'python' ? ['fullmatch', 'match'] : ['search'];
  const cases: Case[] = [];
  while (cases.length < count) {
    const spec: RegexSpec = { pattern: randomPattern(rand), flavor, mode: modes[Math.floor(rand() * modes.length)]!, ignoreCase: rand() < 0.3 };
    const compiled = compilePattern(spec);
    if (!compiled.ok) continue;
    const verdict = analyzeOriginPattern(spec, { budgetMs: 200 });
    const inputs = [...PROBES];
    if (verdict.verdict === 'permissive') inputs.unshift(verdict.witness);
    const engine = new PatternEvaluator(compiled.compiled, 1000).acceptsAll(inputs);
    cases.push({ spec, verdict, inputs, engine });
  }
  return cases;
}

// Cases the engine could not settle within its budget (catastrophic backtracking) are left out
// of the oracle runs: CPython has no backtracking limit and PCRE gives up with a match-limit error.
const settled = (c: Case) => c.engine.every((r) => r !== undefined);
const pythonCases = makeCases('python', 20261127, 150).filter(settled);
const pcreCases = makeCases('pcre', 4242, 80).filter(settled);
const toOracle = (c: Case): OracleCase => ({ pattern: c.spec.pattern, mode: c.spec.mode, ignoreCase: c.spec.ignoreCase, inputs: c.inputs });

describe('random patterns', () => {
  it('are decided (rarely undecided, never unsupported) and witnesses are accepted', () => {
    const all = [...pythonCases, ...pcreCases];
    expect(pythonCases.length).toBeGreaterThan(140);
    expect(pcreCases.length).toBeGreaterThan(75);
    for (const c of all) {
      expect(['safe', 'permissive', 'undecided'], c.spec.pattern).toContain(c.verdict.verdict);
      if (c.verdict.verdict === 'permissive') expect(c.engine[0], c.spec.pattern).toBe(true);
    }
    expect(all.filter((c) => c.verdict.verdict === 'undecided').length).toBeLessThan(all.length / 20);
  });

  it('agree with CPython re', () => {
    const results = pythonOracle(pythonCases.map(toOracle));
    if (!results && oracleMissing('/usr/bin/python3')) return;
    pythonCases.forEach((c, i) => {
      expect(results![i]!.error, c.spec.pattern).toBeUndefined();
      expect(c.engine, `${c.spec.mode}${c.spec.ignoreCase ? '/i' : ''} ${c.spec.pattern}\n${c.inputs.join('\n')}`).toEqual(results![i]!.results);
    });
  });

  let nginxResults: boolean[][] | undefined;
  beforeAll(async () => {
    nginxResults = await nginxOracle(pcreCases.map(toOracle));
  }, 60_000);

  it('agree with nginx PCRE', () => {
    if (!nginxResults && oracleMissing('/usr/sbin/nginx')) return;
    pcreCases.forEach((c, i) => {
      expect(c.engine, `${c.spec.ignoreCase ? '~*' : '~'} ${c.spec.pattern}\n${c.inputs.join('\n')}`).toEqual(nginxResults![i]);
    });
  });

  it('never throw on arbitrary text as a pattern', () => {
    const rand = prng(7);
    const chars = String.raw`()[]{}?*+.\^$|-:/azAZ09PQE<>=!#i'`;
    for (let i = 0; i < 400; i++) {
      const len = Math.floor(rand() * 16);
      const pattern = Array.from({ length: len }, () => chars[Math.floor(rand() * chars.length)]).join('');
      for (const flavor of ['python', 'js', 'pcre'] as const) {
        const v = analyzeOriginPattern({ pattern, flavor, mode: 'search', ignoreCase: false }, { budgetMs: 20 });
        expect(['safe', 'permissive', 'unsupported', 'undecided', 'invalid']).toContain(v.verdict);
      }
    }
  });
});
