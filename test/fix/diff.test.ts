// The unified diff is checked by git itself: applied with `git apply` to the original, it must give
// exactly what applying the edits in memory gives, for edits anywhere (first and last line, a last
// line without a newline, CRLF, insertions of whole lines, neighbours close enough to share a hunk).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyEdits, applyFixes } from '../../src/fix/apply.js';
import { unifiedDiff } from '../../src/fix/diff.js';
import { lineWise, SourceText } from '../../src/fix/source.js';
import type { FixEdit } from '../../src/model/types.js';
import { tempTree } from '../helpers/temp-tree.js';

function gitApplies(before: string, edits: FixEdit[]): string {
  const dir = tempTree({ 'f.txt': before });
  const patch = unifiedDiff('f.txt', before, edits);
  if (applyEdits(before, edits) === before) {
    expect(patch).toBe('');
    return before;
  }
  const r = spawnSync('git', ['apply', '--whitespace=nowarn', '-'], { cwd: dir, input: patch, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git apply failed: ${r.stderr}\n${patch}`);
  return fs.readFileSync(path.join(dir, 'f.txt'), 'utf8');
}

/** A small deterministic generator (no flaky seeds). */
function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
}

describe('unifiedDiff', () => {
  const lines = Array.from({ length: 30 }, (_, i) => `line ${i + 1} text`);
  const cases: Array<[string, string]> = [
    ['LF', `${lines.join('\n')}\n`],
    ['CRLF', `${lines.join('\r\n')}\r\n`],
    ['no newline at the end', lines.join('\n')],
  ];
  it.each(cases)('round-trips through git apply (%s)', (_name, before) => {
    const source = new SourceText('f.txt', before);
    const next = random(before.length);
    for (let round = 0; round < 25; round++) {
      const edits: FixEdit[] = [];
      const count = 1 + Math.floor(next() * 4);
      for (let i = 0; i < count; i++) {
        const start = Math.floor(next() * before.length);
        const end = next() < 0.4 ? start : Math.min(before.length, start + Math.floor(next() * 12));
        const replacement = ['', 'X', ' always', `new line${source.eol}`, 'a\nb'][Math.floor(next() * 5)]!;
        edits.push(source.edit(start, end, replacement));
      }
      const { text: expected, applied } = applyFixes(before, edits.map((e) => ({ applicability: 'safe' as const, description: '', edits: [e] })));
      const taken = applied.flatMap((f) => f.edits);
      expect(gitApplies(before, taken)).toBe(expected);
      expect(applyEdits(before, taken)).toBe(expected);
    }
  });

  it('shows an inserted line as a pure addition with three lines of context', () => {
    const before = 'a\nb\nc\nd\ne\nf\ng\n';
    const source = new SourceText('f.txt', before);
    const at = before.indexOf('e');
    expect(unifiedDiff('f.txt', before, [source.edit(at, at, 'new\n')])).toBe('--- a/f.txt\n+++ b/f.txt\n@@ -2,6 +2,7 @@\n b\n c\n d\n+new\n e\n f\n g\n');
  });
});

describe('applyFixes', () => {
  it('takes a fix reported twice once, and leaves one overlapping a taken fix for the next round', () => {
    const text = 'abcdef';
    const s = new SourceText('f', text);
    const fix = (start: number, end: number, r: string) => ({ applicability: 'safe' as const, description: r, edits: [s.edit(start, end, r)] });
    const a = fix(0, 2, 'X');
    const again = fix(0, 2, 'X');
    const overlapping = fix(1, 3, 'Y');
    const insertAtEdge = fix(2, 2, 'Z');
    const later = fix(4, 6, 'W');
    const result = applyFixes(text, [later, overlapping, a, again, insertAtEdge]);
    expect(result.text).toBe('XcdW');
    expect(result.applied).toEqual([a, again, later]);
    expect(result.deferred).toEqual([overlapping, insertAtEdge]);
  });
});

describe('lineWise (line-based suggestions)', () => {
  it('covers whole lines, attaches an insertion at a line start to the line above, and keeps CRLF', () => {
    const text = 'a = 1\r\nb = 2\r\nc = 3';
    const s = new SourceText('f', text);
    expect(lineWise(s, [s.edit(4, 5, '9')])).toEqual({ start: 0, end: 7, text: 'a = 9\r\n' });
    const insert = text.indexOf('b');
    expect(lineWise(s, [s.edit(insert, insert, 'x = 0\r\n')])).toEqual({ start: 0, end: 7, text: 'a = 1\r\nx = 0\r\n' });
    // The last line has no line break: the range ends at the end of the text.
    expect(lineWise(s, [s.edit(text.length, text.length, ' # end')])).toEqual({ start: 14, end: 19, text: 'c = 3 # end' });
  });
});
