import type { Fix, FixEdit } from '../model/types.js';

/** Which fixes a run applies: safe ones, and unsafe ones with --unsafe-fixes. */
export function isApplicable(fix: Fix | undefined, unsafe: boolean): fix is Fix {
  return fix !== undefined && (fix.applicability === 'safe' || unsafe);
}

/**
 * Applies whole fixes to one file's text, in order of position. A fix whose edits overlap (or touch
 * the same insertion point as) an edit already taken is left for the next round, after a re-lint, as
 * Ruff does; a fix identical to one taken is the same fix reported twice (one constant, two apps): it
 * counts as applied, its edits are made once.
 */
export function applyFixes(text: string, fixes: readonly Fix[]): { text: string; applied: Fix[]; deferred: Fix[] } {
  const sorted = [...fixes].sort((a, b) => firstStart(a) - firstStart(b));
  const taken: FixEdit[] = [];
  const applied: Fix[] = [];
  const deferred: Fix[] = [];
  const seen = new Set<string>();
  for (const fix of sorted) {
    const key = JSON.stringify(fix.edits.map((e) => [e.start, e.end, e.replacement]));
    if (seen.has(key)) {
      applied.push(fix);
      continue;
    }
    if (fix.edits.some((e) => e.start > e.end || e.end > text.length || taken.some((t) => overlaps(e, t)))) {
      deferred.push(fix);
      continue;
    }
    seen.add(key);
    taken.push(...fix.edits);
    applied.push(fix);
  }
  return { text: applyEdits(text, taken), applied, deferred };
}

/** Non-overlapping edits applied from the end, so earlier offsets stay valid. */
export function applyEdits(text: string, edits: readonly FixEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) out = out.slice(0, e.start) + e.replacement + out.slice(e.end);
  return out;
}

function firstStart(fix: Fix): number {
  return Math.min(...fix.edits.map((e) => e.start));
}

/** Ranges that share a character, or insertions at the same point or at a replaced range's edge. */
function overlaps(a: FixEdit, b: FixEdit): boolean {
  if (a.start < b.end && b.start < a.end) return true;
  const aEmpty = a.start === a.end;
  const bEmpty = b.start === b.end;
  if (aEmpty && (a.start === b.start || a.start === b.end)) return true;
  if (bEmpty && (b.start === a.start || b.start === a.end)) return true;
  return false;
}
