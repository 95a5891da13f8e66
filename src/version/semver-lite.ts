// Just enough version arithmetic for pins and ranges: numeric major.minor.patch.
import { parseVersion } from '../simulate/options.js';

export function compareVersions(a: string, b: string): number {
  const x = parseVersion(a);
  const y = parseVersion(b);
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return 0;
}

export interface Range {
  min?: { v: string; inclusive: boolean };
  max?: { v: string; inclusive: boolean };
}

/** `==1.2`, `>=0.40.0,<1.0.0`, `>=0.46.0`. */
export function parseRange(spec: string): Range {
  const range: Range = {};
  for (const part of spec.split(',').map((s) => s.trim())) {
    const m = /^(==|>=|<=|>|<|~=)\s*([\w.]+)/.exec(part);
    if (!m) continue;
    const [, op, v] = m;
    if (op === '==') return { min: { v: v!, inclusive: true }, max: { v: v!, inclusive: true } };
    if (op === '>=' || op === '>' || op === '~=') range.min = { v: v!, inclusive: op !== '>' };
    if (op === '<=' || op === '<') range.max = { v: v!, inclusive: op === '<=' };
  }
  return range;
}

/** Boundaries (versions where behaviour changes) that fall strictly inside the range. */
export function boundariesInside(range: Range, boundaries: string[]): string[] {
  return boundaries.filter((b) => {
    const aboveMin = !range.min || compareVersions(b, range.min.v) > 0;
    const belowMax = !range.max || (range.max.inclusive ? compareVersions(b, range.max.v) <= 0 : compareVersions(b, range.max.v) < 0);
    return aboveMin && belowMax;
  });
}
