import { describe, expect, it } from 'vitest';
import { compilePattern, PatternEvaluator } from '../../src/regex/engine.js';
import { ensureSandbox } from '../../src/regex/sandbox.js';
import { analyzeOriginPattern } from '../../src/regex/witness.js';

const hostile = [
  'a'.repeat(30) + 'b',
  'a'.repeat(200) + '!',
  'https://' + 'a-'.repeat(100) + '.example.con',
  'https://' + 'a.'.repeat(120) + 'example.co',
  'https://app.example.com',
];

describe('backtracking budget', () => {
  it('runs (a+)+$ only in the worker and stops within the budget', () => {
    const compiled = compilePattern({ pattern: '(a+)+$', flavor: 'js', mode: 'search', ignoreCase: false });
    if (!compiled.ok) throw new Error(compiled.reason);
    expect(compiled.compiled.risky).toBe(true);
    const evaluator = new PatternEvaluator(compiled.compiled, 50);
    const inputs = Array.from({ length: 200 }, (_, i) => hostile[i % hostile.length]! + i);
    ensureSandbox();
    const started = performance.now();
    evaluator.acceptsAll(inputs);
    const elapsed = performance.now() - started;
    console.info(
      `(a+)+$ on ${inputs.length} inputs: ${evaluator.elapsedMs.toFixed(1)} ms charged, ${elapsed.toFixed(1)} ms wall, ${evaluator.tested} decided`,
    );
    expect(evaluator.elapsedMs).toBeLessThanOrEqual(50.5);
    // Budget plus the 25 ms scheduling slack; the rest of the margin absorbs a loaded machine.
    expect(elapsed).toBeLessThan(50 + 25 + 200);
    expect(evaluator.exhausted).toBe(true);
  });

  it('decides the subdomain pattern on many inputs inside the budget', () => {
    const compiled = compilePattern({ pattern: String.raw`^(https?://)?([a-z0-9-]+\.)*example\.com$`, flavor: 'python', mode: 'fullmatch', ignoreCase: false });
    if (!compiled.ok) throw new Error(compiled.reason);
    const evaluator = new PatternEvaluator(compiled.compiled, 50);
    const inputs = Array.from({ length: 500 }, (_, i) => `${hostile[i % hostile.length]!}${i}`);
    const results = evaluator.acceptsAll(inputs);
    console.info(`subdomain pattern: ${evaluator.tested} inputs in ${evaluator.elapsedMs.toFixed(1)} ms`);
    // Inputs longer than any origin (256) are rejected without running the pattern.
    expect(evaluator.tested).toBe(inputs.filter((s) => s.length <= 256).length);
    expect(results.every((r) => r !== undefined)).toBe(true);
    expect(evaluator.elapsedMs).toBeLessThan(50);
  });

  it('reports a pattern it cannot settle in time as undecided, never hangs', () => {
    const started = performance.now();
    const verdict = analyzeOriginPattern({ pattern: '^(([a-z])+.)+[A-Z]([a-z])+$', flavor: 'js', mode: 'search', ignoreCase: false }, { budgetMs: 20 });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(['undecided', 'safe', 'permissive']).toContain(verdict.verdict);
  });

  it('a full analysis of an ordinary pattern stays far below the default budget', () => {
    const verdict = analyzeOriginPattern({ pattern: String.raw`^https://[a-z0-9-]+\.example\.com$`, flavor: 'python', mode: 'fullmatch', ignoreCase: false });
    expect(verdict.verdict).toBe('safe');
    if (verdict.verdict === 'safe') {
      console.info(`safe pattern: ${verdict.tested} candidates in ${verdict.elapsedMs.toFixed(2)} ms`);
      expect(verdict.elapsedMs).toBeLessThan(50);
    }
  });
});
