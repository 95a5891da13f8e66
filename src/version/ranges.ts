// Version arithmetic with the ecosystems' own rules: PEP 440 (@renovatebot/pep440) for Python
// requirement specifiers, npm semver (semver) for package.json ranges and Poetry's ^ / ~ operators,
// which follow npm's meaning. The two differ: `~=1.2` is >=1.2,<2 in PEP 440 and `~1.2` is
// >=1.2.0 <1.3.0 in npm; `==1.2.*` exists only in PEP 440, `^` only in npm (and Poetry).
import * as pep440 from '@renovatebot/pep440';
import semver from 'semver';

export type Ecosystem = 'python' | 'node';

/** PEP 440 comparison; an unparsable version sorts first. */
export function comparePython(a: string, b: string): number {
  const va = pep440.valid(a);
  const vb = pep440.valid(b);
  if (!va || !vb) return va ? 1 : vb ? -1 : 0;
  return pep440.compare(va, vb);
}

/** The exact version a specifier pins (`==1.2.3`, `===1.2.3`), or undefined for ranges and wildcards. */
export function exactPythonPin(spec: string): string | undefined {
  const m = /^\s*===?\s*([^\s,*;]+)\s*$/.exec(spec);
  return m && pep440.valid(m[1]!) ? m[1]! : undefined;
}

/**
 * Poetry writes `^1.2` and `~1.2` with npm's meaning and a bare `1.2.3` as an exact pin: its
 * specifier as PEP 440 (`^0.27` -> `>=0.27.0,<0.28.0`). PEP 440 specifiers pass through.
 */
export function poetryToPep440(spec: string): string {
  const trimmed = spec.trim();
  if (/^\d[\w.]*$/.test(trimmed)) return `==${trimmed}`;
  if (!/[\^~](?!=)/.test(trimmed)) return trimmed;
  const range = semver.validRange(trimmed.replace(/,/g, ' '));
  if (!range) return trimmed;
  return range
    .split(' ')
    .map((c) => c.replace(/-0$/, ''))
    .join(',');
}

/**
 * Versions to try a specifier on: each behaviour boundary, just below it, and the versions the
 * specifier names and their neighbours. Enough to tell which behaviour segments a range reaches.
 */
function probes(spec: string, boundaries: string[]): string[] {
  const named = [...spec.matchAll(/\d+(?:\.\d+)*/g)].map((m) => m[0]);
  const out = new Set<string>(['0.0.1']);
  for (const v of [...named, ...boundaries]) {
    const parts = v.split('.').map(Number);
    while (parts.length < 3) parts.push(0);
    out.add(parts.join('.'));
    out.add([parts[0], parts[1], parts[2]! + 1].join('.'));
    for (let i = parts.length - 1; i >= 0; i--) {
      if (parts[i]! > 0) {
        out.add([...parts.slice(0, i), parts[i]! - 1, ...parts.slice(i + 1).map(() => 9999)].join('.'));
        break;
      }
    }
  }
  return [...out];
}

function segmentOf(version: string, boundaries: string[], compare: (a: string, b: string) => number): number {
  return boundaries.filter((b) => compare(version, b) >= 0).length;
}

/**
 * The version whose behaviour applies to every version a specifier allows, when they all fall between
 * the same two behaviour boundaries; undefined when the range spans a boundary (or allows nothing).
 */
export function behaviourVersion(spec: string, boundaries: string[], ecosystem: Ecosystem): string | undefined {
  const satisfies = ecosystem === 'python' ? (v: string) => pep440.satisfies(v, spec) : (v: string) => semver.satisfies(v, spec);
  const compare = ecosystem === 'python' ? comparePython : (a: string, b: string) => semver.compare(a, b);
  if (ecosystem === 'python' ? !pep440.validRange(spec) : !semver.validRange(spec)) return undefined;
  const inRange = probes(spec, boundaries).filter((v) => {
    try {
      return satisfies(v);
    } catch {
      return false;
    }
  });
  if (!inRange.length) return undefined;
  const segments = new Set(inRange.map((v) => segmentOf(v, boundaries, compare)));
  if (segments.size > 1) return undefined;
  return inRange.sort(compare)[0];
}

/** The lowest version an npm range allows (package.json `"cors": "^2.8.5"` -> 2.8.5). */
export function npmMinVersion(range: string): string | undefined {
  try {
    return semver.validRange(range) ? semver.minVersion(range)?.version : undefined;
  } catch {
    return undefined;
  }
}
