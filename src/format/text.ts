import { readLines } from '../discover/read-source.js';
import path from 'node:path';
import type { Diagnostic, Finding, Severity } from '../model/types.js';
import { palette } from './ansi.js';
import type { Formatter } from './formatter.js';
import { isApplicable } from '../fix/apply.js';

/** Human output: findings grouped by file, `line:col severity message [rule-id]`, a code frame, a summary. */
export const formatText: Formatter = ({ result, cwd, color, unsafeFixes = false, fixed, width }) => {
  const c = palette(color);
  const out: string[] = [];
  const byFile = new Map<string, Finding[]>();
  for (const f of result.findings) byFile.set(f.location.file, [...(byFile.get(f.location.file) ?? []), f]);
  const severityLabel: Record<Severity, string> = { error: c.red('error'), warning: c.yellow('warning'), note: c.cyan('note') };

  for (const [file, findings] of byFile) {
    out.push(c.underline(printable(file)));
    const lines = readLines(path.resolve(cwd, file));
    for (const [i, f] of findings.entries()) {
      const pos = `${f.location.line}:${f.location.column}`;
      const fixable = isApplicable(f.fix, unsafeFixes);
      const lead = 2 + 7 + 1 + f.severity.length + 2;
      const body = wrap(`${fixable ? '[*] ' : ''}${printable(f.message)}  [${f.ruleId}]`, width, lead);
      const message = body.slice(fixable ? 4 : 0, body.length - f.ruleId.length - 2);
      out.push(`  ${c.dim(pos.padEnd(7))} ${severityLabel[f.severity]}  ${fixable ? `${c.bold('[*]')} ` : ''}${message}${c.dim(`[${f.ruleId}]`)}`);
      if (f.witness) out.push(`  ${' '.repeat(7)} ${c.dim('witness:')} ${f.witness}`);
      for (const r of f.relatedLocations ?? []) out.push(`  ${' '.repeat(7)} ${c.dim('see:')} ${printable(`${r.span.file}:${r.span.line}`)} ${c.dim(printable(r.message))}`);
      if (f.fix) out.push(`  ${' '.repeat(7)} ${c.dim(f.fix.applicability === 'safe' ? 'fix:' : 'unsafe fix:')} ${printable(f.fix.description)}`);
      // Findings on the same span (one line, several rules) share one code frame, after the last.
      const next = findings[i + 1];
      if (!next || !sameSpan(next.location, f.location)) out.push(...codeFrame(lines, f, c.dim, c.red));
    }
    out.push('');
  }
  if (result.diagnostics.length) {
    out.push(c.bold('Diagnostics'));
    for (const d of result.diagnostics) out.push(`  ${formatDiagnostic(d)}`);
    out.push('');
  }
  if (fixed) out.push(c.bold(`Fixed ${fixed} finding${fixed === 1 ? '' : 's'}; the report shows what is left.`));
  out.push(summaryLine(result.findings, result.diagnostics.length, result.stats.filesScanned, result.policies.length, c.bold));
  const hint = fixableLine(result.findings, unsafeFixes);
  if (hint) out.push(hint);
  return `${out.join('\n')}\n`;
};

function formatDiagnostic(d: Diagnostic): string {
  const where = d.line !== undefined ? `${printable(d.file)}:${d.line}:${d.column ?? 1}` : printable(d.file);
  return `${where}: ${d.kind}: ${d.message}`;
}

/**
 * File names may hold newlines and other control characters: one finding stays one line, with them
 * written as escapes (\n, \t, \xNN).
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]/g, (ch) => {
    const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
    return named[ch] ?? `\\x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
  });
}

function summaryLine(findings: Finding[], diagnostics: number, files: number, policies: number, bold: (s: string) => string): string {
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const parts = [plural(count('error'), 'error'), plural(count('warning'), 'warning'), plural(count('note'), 'note')];
  const tail = `in ${plural(files, 'file')} with CORS configuration (${policies} ${policies === 1 ? 'policy' : 'policies'})`;
  const diag = diagnostics ? `, ${plural(diagnostics, 'diagnostic')}` : '';
  return bold(`${findings.length ? '✖' : '✔'} ${parts.join(', ')}${diag} ${tail}`);
}

const FRAME_WIDTH = 160;

/** The finding's line with one line of context above, and a caret marker under the span. */
function codeFrame(lines: string[] | undefined, f: Finding, dim: (s: string) => string, mark: (s: string) => string): string[] {
  if (!lines) return [];
  const line = lines[f.location.line - 1];
  if (line === undefined) return [];
  const gutter = String(f.location.line).length;
  const frame: string[] = [];
  const show = (n: number, text: string, current: boolean) =>
    `  ${current ? mark('>') : ' '} ${dim(String(n).padStart(gutter))} ${dim('|')} ${clip(text)}`;
  const previous = lines[f.location.line - 2];
  if (previous !== undefined && previous.trim()) frame.push(show(f.location.line - 1, previous, false));
  frame.push(show(f.location.line, line, true));
  const start = f.location.column - 1;
  const end = f.location.endLine === f.location.line ? Math.max(f.location.endColumn - 1, start + 1) : line.length;
  if (start < FRAME_WIDTH) {
    const width = Math.max(1, Math.min(end, FRAME_WIDTH) - start);
    frame.push(`    ${' '.repeat(gutter)} ${dim('|')} ${line.slice(0, start).replace(/[^\t]/g, ' ')}${mark('^'.repeat(width))}`);
  }
  return frame;
}

function clip(text: string): string {
  return text.length > FRAME_WIDTH ? `${text.slice(0, FRAME_WIDTH)}…` : text;
}



/** "N fixable with --fix", and how many more --unsafe-fixes would fix; undefined when nothing is fixable. */
export function fixableLine(findings: Finding[], unsafeFixes: boolean): string | undefined {
  const safe = findings.filter((f) => f.fix?.applicability === 'safe').length;
  const unsafe = findings.filter((f) => f.fix?.applicability === 'unsafe').length;
  if (unsafeFixes) return safe + unsafe ? `[*] ${safe + unsafe} fixable with --fix --unsafe-fixes` : undefined;
  if (!safe && !unsafe) return undefined;
  const more = unsafe ? ` (${unsafe} more with --unsafe-fixes)` : '';
  return safe ? `[*] ${safe} fixable with --fix${more}` : `${unsafe} fixable with --fix --unsafe-fixes`;
}

/**
 * Word-wraps a message to `width` columns; continuation lines are indented to `lead` (the column the
 * message starts at). Never breaks inside a word; no wrapping without a width.
 */
export function wrap(text: string, width: number | undefined, lead: number): string {
  if (!width || width - lead < 20 || lead + text.length <= width) return text;
  const room = width - lead;
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/ +/)) {
    if (current && current.length + 1 + word.length > room) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) lines.push(current);
  return lines.join(`\n${' '.repeat(lead)}`);
}

function sameSpan(a: Finding['location'], b: Finding['location']): boolean {
  return a.line === b.line && a.column === b.column && a.endLine === b.endLine && a.endColumn === b.endColumn;
}
