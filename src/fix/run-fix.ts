import fs from 'node:fs';
import path from 'node:path';
import { lint, type LintOptions, type LintResult } from '../lint.js';
import type { Diagnostic, Finding, FixEdit } from '../model/types.js';
import { applyFixes, isApplicable } from './apply.js';
export { isApplicable };
import { unifiedDiff } from './diff.js';
import { syntaxError } from './parse-check.js';

export interface FixOptions {
  /** Also apply fixes marked unsafe (--unsafe-fixes). */
  unsafe: boolean;
  /** false: compute the patch only (--diff); nothing is written. */
  write: boolean;
  /** Re-lint rounds after applying, for fixes that overlapped others (Ruff: 100; ours rarely need 2). */
  maxRounds?: number;
  /** Which findings are reported, and so fixed: the baseline hides recorded ones (default: all). */
  select?: (result: LintResult) => LintResult;
}

export interface FileChange {
  file: string;
  before: string;
  after: string;
  /** The edits from `before` to `after` (one round: --diff), for building a patch. */
  edits: FixEdit[];
}

export interface FixRun {
  /** The lint result after the fixes (with --diff: before them; nothing was changed), after `select`. */
  result: LintResult;
  /** Number of findings whose fix was applied. */
  fixed: number;
  changes: FileChange[];
  /** One `fix-skipped` per file whose fix could not be applied (would not parse, not UTF-8, changed meanwhile). */
  diagnostics: Diagnostic[];
  /** A unified diff of every change (empty when nothing would change). */
  patch: string;
}

/**
 * Lint, apply the applicable fixes file by file, check each fixed file still parses with the same
 * parser, write it, and lint again until no fix applies (bounded). With `write: false` one round is
 * computed in memory and returned as a patch; fixes that overlap another wait for the next --fix round.
 */
export async function lintAndFix(paths: string[], lintOptions: LintOptions, options: FixOptions): Promise<FixRun> {
  const cwd = path.resolve(lintOptions.cwd ?? process.cwd());
  const maxRounds = options.write ? (options.maxRounds ?? 10) : 1;
  const diagnostics: Diagnostic[] = [];
  const changes = new Map<string, FileChange>();
  const refused = new Set<string>();
  // A finding whose fix was applied and that comes back as often as before does not converge (a fix
  // the scanner does not read as resolving it): it is fixed no further, with a diagnostic.
  const stuck = new Set<string>();
  const keyOf = (f: Finding) => `${f.fix!.edits[0]!.file}\u0000${f.ruleId}\u0000${f.fingerprint ?? f.message}`;
  let fixed = 0;
  const select = options.select ?? ((r: LintResult) => r);
  let result = select(await lint(paths, lintOptions));
  for (let round = 0; round < maxRounds; round++) {
    const byFile = new Map<string, Finding[]>();
    const before = new Map<string, number>();
    const applied = new Map<string, number>();
    for (const f of result.findings) {
      if (!isApplicable(f.fix, options.unsafe)) continue;
      const file = f.fix.edits[0]!.file;
      if (refused.has(file) || stuck.has(keyOf(f)) || f.fix.edits.some((e) => e.file !== file)) continue;
      before.set(keyOf(f), (before.get(keyOf(f)) ?? 0) + 1);
      byFile.set(file, [...(byFile.get(file) ?? []), f]);
    }
    let appliedThisRound = 0;
    for (const [file, findings] of byFile) {
      const abs = path.resolve(cwd, file);
      const read = readForFix(abs);
      if ('error' in read) {
        diagnostics.push({ kind: 'fix-skipped', file, message: `not fixed: ${read.error}` });
        refused.add(file);
        continue;
      }
      const { text: after, applied: taken } = applyFixes(read.text, findings.map((f) => f.fix!));
      if (!taken.length || after === read.text) continue;
      const error = await syntaxError(file, after);
      if (error && !(await syntaxError(file, read.text))) {
        diagnostics.push({ kind: 'fix-skipped', file, message: `not fixed: the fixed file would not parse (${error}); the file is left as it is` });
        refused.add(file);
        continue;
      }
      const change = changes.get(file) ?? { file, before: read.text, after: read.text, edits: [] };
      change.after = after;
      change.edits.push(...taken.flatMap((f) => f.edits));
      changes.set(file, change);
      if (options.write) fs.writeFileSync(abs, read.bom + after);
      const done = findings.filter((f) => taken.includes(f.fix!));
      for (const f of done) applied.set(keyOf(f), (applied.get(keyOf(f)) ?? 0) + 1);
      fixed += done.length;
      appliedThisRound++;
    }
    if (!appliedThisRound || !options.write) break;
    result = select(await lint(paths, lintOptions));
    const after = new Map<string, number>();
    for (const f of result.findings) if (f.fix) after.set(keyOf(f), (after.get(keyOf(f)) ?? 0) + 1);
    for (const [key, count] of applied) {
      if ((after.get(key) ?? 0) <= (before.get(key) ?? 0) - count) continue;
      stuck.add(key);
      const [file, ruleId] = key.split('\u0000');
      fixed -= count;
      diagnostics.push({ kind: 'fix-skipped', file: file!, message: `the ${ruleId} fix did not resolve its finding; it was applied once and is not applied again` });
    }
  }
  const list = [...changes.values()].sort((a, b) => a.file.localeCompare(b.file));
  const patch = options.write ? '' : list.map((c) => unifiedDiff(c.file, c.before, c.edits)).join('');
  return { result, fixed, changes: list, diagnostics, patch };
}

// ignoreBOM: keep a byte-order mark in the text, to write it back.
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The file as the scanners decoded it (a UTF-8 byte-order mark kept aside to write back), UTF-8 only. */
function readForFix(abs: string): { text: string; bom: string } | { error: string } {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(abs);
  } catch (error) {
    return { error: (error as Error).message };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return { error: 'the file is UTF-16; only UTF-8 files are rewritten' };
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    return { error: 'the file is not valid UTF-8, and rewriting it would change its bytes' };
  }
  return text.startsWith('\uFEFF') ? { text: text.slice(1), bom: '\uFEFF' } : { text, bom: '' };
}
