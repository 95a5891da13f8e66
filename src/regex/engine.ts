// Decides whether a pattern accepts an Origin under the library's real matching semantics.
// The pattern is translated to JavaScript, anchored to emulate fullmatch / match, and run either
// in-process (patterns without backtracking risk) or in a time-limited worker (risky ones), all
// under one time budget per pattern.

import type { AST } from '@eslint-community/regexpp';
import type { RegexFlavor, RegexMode } from '../model/types.js';
import { backtrackRisk, parseJsPattern } from './ast.js';
import { ensureSandbox, testInSandbox } from './sandbox.js';
import { translatePattern } from './translate.js';

/** The regex fields of an OriginMatcher. */
export interface RegexSpec {
  pattern: string;
  flavor: RegexFlavor;
  mode: RegexMode;
  ignoreCase: boolean;
  flags?: string;
}

/** Origins are short; longer inputs are never tested (bounds backtracking work too). */
export const MAX_INPUT_LENGTH = 256;
/** Default time budget per pattern, for all of its tests together. */
export const DEFAULT_BUDGET_MS = 50;

export interface CompiledPattern {
  spec: RegexSpec;
  /** The translated JavaScript pattern, before anchoring. */
  source: string;
  flags: string;
  /** The AST of `source` (used to derive what the author meant). */
  ast: AST.Pattern;
  /** What is actually run: `source` anchored per `spec.mode`. */
  anchoredSource: string;
  risky: boolean;
  riskReason?: string;
}

export type Compiled =
  | { ok: true; compiled: CompiledPattern }
  /** `invalid`: the library's own regex engine rejects the pattern (so it never matches or fails to load). */
  | { ok: false; reason: string; invalid?: boolean };

export function compilePattern(spec: RegexSpec): Compiled {
  const translation = translatePattern(spec.pattern, spec.flavor, spec.ignoreCase, spec.flags);
  if (!translation.ok) return translation;
  const { source, flags } = translation;
  const parsed = parseJsPattern(source, flags);
  // For JavaScript the pattern is the author's own; for the others a failure here is a translation gap.
  if (!parsed.ok) return spec.flavor === 'js' ? { ...parsed, invalid: true } : parsed;
  // Start and end anchors that ignore the m flag: origins never contain a newline anyway.
  const anchoredSource =
    spec.mode === 'fullmatch'
      ? `^(?:${source})(?![\\s\\S])`
      : spec.mode === 'match'
        ? `^(?:${source})`
        : source;
  try {
    new RegExp(anchoredSource, flags);
  } catch (error) {
    return { ok: false, reason: `not a valid pattern: ${(error as Error).message}`, invalid: spec.flavor === 'js' };
  }
  const risk = backtrackRisk(parsed.ast);
  return {
    ok: true,
    compiled: { spec, source, flags, ast: parsed.ast, anchoredSource, risky: risk.risky, riskReason: risk.reason },
  };
}

/**
 * Tests origins against one compiled pattern, charging every test to the pattern's budget.
 * `accepts` answers true / false, or undefined once the budget is spent.
 */
export class PatternEvaluator {
  private spentMs = 0;
  private readonly cache = new Map<string, boolean>();
  private readonly regex: RegExp;
  exhausted = false;
  /** Number of inputs actually decided. */
  tested = 0;

  constructor(
    readonly compiled: CompiledPattern,
    readonly budgetMs = DEFAULT_BUDGET_MS,
  ) {
    this.regex = new RegExp(compiled.anchoredSource, compiled.flags);
  }

  get elapsedMs(): number {
    return this.spentMs;
  }

  /**
   * One in-process test, charged to the budget. A test that seems slow is timed again, so a
   * garbage-collection pause or a first-run compilation is not mistaken for the pattern's cost.
   */
  private timedTest(input: string): boolean {
    let t0 = performance.now();
    this.regex.lastIndex = 0;
    const r = this.regex.test(input);
    let cost = performance.now() - t0;
    if (cost > 2) {
      t0 = performance.now();
      this.regex.lastIndex = 0;
      this.regex.test(input);
      cost = Math.min(cost, performance.now() - t0);
    }
    this.spentMs += cost;
    return r;
  }

  accepts(input: string): boolean | undefined {
    return this.acceptsAll([input])[0];
  }

  /** Results in input order; undefined for inputs not decided within the budget. */
  acceptsAll(inputs: readonly string[]): Array<boolean | undefined> {
    const results: Array<boolean | undefined> = inputs.map((s) => (s.length > MAX_INPUT_LENGTH ? false : this.cache.get(s)));
    const pending = inputs.map((_, i) => (results[i] === undefined ? i : -1)).filter((i) => i >= 0);
    if (!pending.length || this.exhausted) return results;
    if (!this.compiled.risky) {
      for (const i of pending) {
        if (this.spentMs > this.budgetMs) {
          this.exhausted = true;
          break;
        }
        const input = inputs[i]!;
        const r = this.timedTest(input);
        results[i] = r;
        this.cache.set(input, r);
        this.tested++;
      }
      if (this.spentMs >= this.budgetMs) this.exhausted = true;
      return results;
    }
    // Risky: the worker runs the batch under what is left of the budget (its startup is not charged).
    ensureSandbox();
    const batch = [...new Set(pending.map((i) => inputs[i]!))];
    const sandbox = testInSandbox(this.compiled.anchoredSource, this.compiled.flags, batch, this.budgetMs - this.spentMs);
    batch.forEach((s, j) => {
      const r = sandbox.results[j];
      if (r !== undefined) {
        this.cache.set(s, r);
        this.tested++;
      }
    });
    for (const i of pending) results[i] = this.cache.get(inputs[i]!);
    if (sandbox.timedOut) this.exhausted = true;
    this.spentMs += sandbox.matchingMs;
    if (this.spentMs >= this.budgetMs) this.exhausted = true;
    return results;
  }
}
