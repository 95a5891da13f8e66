import fs from 'node:fs';
import path from 'node:path';
import type { LintResult } from '../lint.js';
import type { Finding } from '../model/types.js';

/** A baseline records findings by fingerprint (with counts), so moving lines does not revive them. */
export interface Baseline {
  version: 1;
  findings: Array<{ fingerprint: string; ruleId: string; file: string; count: number }>;
}

export function buildBaseline(findings: readonly Finding[]): Baseline {
  const byKey = new Map<string, Baseline['findings'][number]>();
  for (const f of findings) {
    const key = f.fingerprint ?? `${f.ruleId}:${f.location.file}:${f.message}`;
    const entry = byKey.get(key);
    if (entry) entry.count++;
    else byKey.set(key, { fingerprint: key, ruleId: f.ruleId, file: f.location.file, count: 1 });
  }
  return { version: 1, findings: [...byKey.values()].sort((a, b) => a.file.localeCompare(b.file) || a.ruleId.localeCompare(b.ruleId) || a.fingerprint.localeCompare(b.fingerprint)) };
}

export class BaselineError extends Error {}

export function readBaseline(file: string): Baseline {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new BaselineError(`cannot read baseline ${file}: ${(error as Error).message}`);
  }
  const b = raw as Baseline;
  if (!b || b.version !== 1 || !Array.isArray(b.findings)) {
    throw new BaselineError(`baseline ${file} is not a cors-lint baseline (expected {"version":1,"findings":[...]})`);
  }
  return b;
}

/** Findings not covered by the baseline; each recorded fingerprint absorbs up to `count` findings. */
export function subtractBaseline(findings: readonly Finding[], baseline: Baseline): { kept: Finding[]; matched: number } {
  const budget = new Map(baseline.findings.map((e) => [e.fingerprint, e.count]));
  const kept: Finding[] = [];
  let matched = 0;
  for (const f of findings) {
    const key = f.fingerprint ?? `${f.ruleId}:${f.location.file}:${f.message}`;
    const left = budget.get(key) ?? 0;
    if (left > 0) {
      budget.set(key, left - 1);
      matched++;
    } else kept.push(f);
  }
  return { kept, matched };
}

/**
 * The run without the findings its baseline records. The baseline is the explicit one (`--baseline`,
 * the Action's input; relative to `cwd`), else the configuration's `baseline` (relative to the
 * configuration file). No baseline: the run as it is.
 */
export function applyBaseline(result: LintResult, explicit: string | undefined, cwd: string): LintResult {
  const file = explicit
    ? path.resolve(cwd, explicit)
    : result.config.baseline
      ? path.resolve(result.configFile ? path.dirname(result.configFile) : cwd, result.config.baseline)
      : undefined;
  if (!file) return result;
  return { ...result, findings: subtractBaseline(result.findings, readBaseline(file)).kept };
}
