import { applyEdits } from './apply.js';
import type { FixEdit } from '../model/types.js';
import { SourceText } from './source.js';

const CONTEXT = 3;

/**
 * A unified diff (`--- a/file`, `+++ b/file`, hunks with three lines of context) from one file's
 * edits, built from the edited lines themselves. Lines keep their own endings (a CRLF file stays CRLF
 * in the patch), so `git apply` and `patch -p1` reproduce the fixed file exactly.
 */
export function unifiedDiff(file: string, before: string, edits: readonly FixEdit[]): string {
  if (!edits.length) return '';
  const source = new SourceText(file, before);
  const oldLines = splitKeepingEnds(before);
  // Line ranges (0-based, inclusive) each edit touches, merged when their context would touch.
  const touched = [...edits]
    .sort((a, b) => a.start - b.start)
    .map((e) => ({ from: source.position(e.start).line - 1, to: source.position(Math.max(e.start, e.end - 1)).line - 1, edits: [e] }));
  const groups: typeof touched = [];
  for (const t of touched) {
    const last = groups.at(-1);
    if (last && t.from - last.to <= 2 * CONTEXT) {
      last.to = Math.max(last.to, t.to);
      last.edits.push(...t.edits);
    } else groups.push({ ...t, edits: [...t.edits] });
  }
  const out = [`--- a/${file}\n`, `+++ b/${file}\n`];
  let shift = 0;
  for (const g of groups) {
    const start = Math.max(0, g.from - CONTEXT);
    const end = Math.min(oldLines.length - 1, g.to + CONTEXT);
    const changedStart = lineOffset(oldLines, g.from);
    const changedEnd = lineOffset(oldLines, g.to + 1);
    const changedText = before.slice(changedStart, changedEnd);
    const rebased = g.edits.map((e) => ({ ...e, start: e.start - changedStart, end: e.end - changedStart }));
    const newChanged = splitKeepingEnds(applyEdits(changedText, rebased));
    const removed = oldLines.slice(g.from, g.to + 1);
    // Lines an edit only re-states (an insertion at a line start) are context, not a change.
    let head = 0;
    while (head < removed.length && head < newChanged.length && removed[head] === newChanged[head]) head++;
    let tail = 0;
    while (tail < removed.length - head && tail < newChanged.length - head && removed[removed.length - 1 - tail] === newChanged[newChanged.length - 1 - tail]) tail++;
    const before_ = oldLines.slice(start, g.from + head);
    const after_ = oldLines.slice(g.to + 1 - tail, end + 1);
    removed.splice(removed.length - tail, tail);
    removed.splice(0, head);
    newChanged.splice(newChanged.length - tail, tail);
    newChanged.splice(0, head);
    if (!removed.length && !newChanged.length) continue;
    const oldCount = before_.length + removed.length + after_.length;
    const newCount = before_.length + newChanged.length + after_.length;
    out.push(`@@ -${range(start + 1, oldCount)} +${range(start + 1 + shift, newCount)} @@\n`);
    for (const l of before_) out.push(line(' ', l));
    for (const l of removed) out.push(line('-', l));
    for (const l of newChanged) out.push(line('+', l));
    for (const l of after_) out.push(line(' ', l));
    shift += newChanged.length - removed.length;
  }
  return out.length > 2 ? out.join('') : '';
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
  const lines = text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  return lines;
}
