import { applyEdits } from './apply.js';
import type { FixEdit } from '../model/types.js';
import { SourceText } from './source.js';

const CONTEXT = 3;

/** Lines of the old text one set of edits rewrites (0-based, inclusive), with those edits. */
interface Change {
  from: number;
  to: number;
  edits: FixEdit[];
}

/**
 * A unified diff (`--- a/file`, `+++ b/file`, hunks with three lines of context) from one file's
 * edits, built from the edited lines themselves. Lines keep their own endings (a CRLF file stays CRLF
 * in the patch), so `git apply` and `patch -p1` reproduce the fixed file exactly.
 */
export function unifiedDiff(file: string, before: string, edits: readonly FixEdit[]): string {
  const source = new SourceText(file, before);
  const oldLines = splitKeepingEnds(before);
  const hunks = groupHunks(changesOf(source, edits));
  const out: string[] = [];
  let shift = 0;
  for (const hunk of hunks) {
    const start = Math.max(0, hunk[0]!.from - CONTEXT);
    const end = Math.min(oldLines.length - 1, hunk.at(-1)!.to + CONTEXT);
    const body: string[] = [];
    let oldCount = 0;
    let newCount = 0;
    let changed = false;
    let cursor = start;
    const context = (upTo: number) => {
      for (; cursor < upTo; cursor++) {
        body.push(line(' ', oldLines[cursor]!));
        oldCount++;
        newCount++;
      }
    };
    for (const change of hunk) {
      const { removed, added, head, tail } = rewrite(before, oldLines, change);
      context(change.from + head);
      for (const l of removed) body.push(line('-', l));
      for (const l of added) body.push(line('+', l));
      oldCount += removed.length;
      newCount += added.length;
      changed ||= removed.length > 0 || added.length > 0;
      cursor = change.to + 1 - tail;
    }
    context(end + 1);
    if (!changed) continue;
    out.push(`@@ -${range(start + 1, oldCount)} +${range(start + 1 + shift, newCount)} @@\n`, ...body);
    shift += newCount - oldCount;
  }
  return out.length ? `--- a/${file}\n+++ b/${file}\n${out.join('')}` : '';
}

/** Each edit's lines; edits on the same or adjacent lines are one change (so - lines come before + lines). */
function changesOf(source: SourceText, edits: readonly FixEdit[]): Change[] {
  const changes: Change[] = [];
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    const from = source.position(e.start).line - 1;
    const to = source.position(Math.max(e.start, e.end - 1)).line - 1;
    const last = changes.at(-1);
    if (last && from <= last.to + 1) {
      last.to = Math.max(last.to, to);
      last.edits.push(e);
    } else changes.push({ from, to, edits: [e] });
  }
  return changes;
}

/** Changes whose context would touch share a hunk. */
function groupHunks(changes: Change[]): Change[][] {
  const hunks: Change[][] = [];
  for (const c of changes) {
    const last = hunks.at(-1);
    if (last && c.from - last.at(-1)!.to <= 2 * CONTEXT + 1) last.push(c);
    else hunks.push([c]);
  }
  return hunks;
}

/**
 * The old and new lines of one change, without the lines it leaves as they were at either end (an
 * insertion at a line start re-states that line): `head`/`tail` count those, which become context.
 */
function rewrite(before: string, oldLines: string[], change: Change): { removed: string[]; added: string[]; head: number; tail: number } {
  const startOffset = lineOffset(oldLines, change.from);
  const endOffset = lineOffset(oldLines, change.to + 1);
  const rebased = change.edits.map((e) => ({ ...e, start: e.start - startOffset, end: e.end - startOffset }));
  const removed = oldLines.slice(change.from, change.to + 1);
  const added = splitKeepingEnds(applyEdits(before.slice(startOffset, endOffset), rebased));
  let head = 0;
  while (head < removed.length && head < added.length && removed[head] === added[head]) head++;
  let tail = 0;
  while (tail < removed.length - head && tail < added.length - head && removed[removed.length - 1 - tail] === added[added.length - 1 - tail]) tail++;
  return { removed: removed.slice(head, removed.length - tail), added: added.slice(head, added.length - tail), head, tail };
}

function range(start: number, count: number): string {
  return count === 1 ? String(start) : `${count === 0 ? start - 1 : start},${count}`;
}

function line(prefix: string, text: string): string {
  return text.endsWith('\n') ? `${prefix}${text}` : `${prefix}${text}\n\\ No newline at end of file\n`;
}

function lineOffset(lines: string[], index: number): number {
  let offset = 0;
  for (let i = 0; i < index && i < lines.length; i++) offset += lines[i]!.length;
  return offset;
}

/** Lines with their `\n` (or `\r\n`); a last line without one is kept as it is. */
function splitKeepingEnds(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}
