import path from 'node:path';
import { readSource } from '../discover/read-source.js';
import { isApplicable } from '../fix/apply.js';
import { lineWise, SourceText } from '../fix/source.js';
import type { Finding, Fix, Severity } from '../model/types.js';
import { DOCS_BASE_URL } from '../rules/define-rule.js';
import type { Formatter } from './formatter.js';

const SOURCE = { name: 'cors-lint', url: 'https://github.com/cors-lint/cors-lint' };
const SEVERITY: Record<Severity, 'ERROR' | 'WARNING' | 'INFO'> = { error: 'ERROR', warning: 'WARNING', note: 'INFO' };

interface Position {
  line: number;
  column: number;
}

/**
 * reviewdog's Diagnostic Format, rdjson (the `DiagnosticResult` message of proto/rdf/reviewdog.proto):
 * one diagnostic per finding with severity, source, rule code with its documentation URL, an exclusive
 * range, and each fix as one line-based suggestion (safe fixes; unsafe ones too with --unsafe-fixes),
 * which `reviewdog -f=rdjson -reporter=github-pr-review` posts as a suggested change. Columns are UTF-8
 * byte counts, as the format wants (cors-lint's own are UTF-16 code units).
 */
export const formatRdjson: Formatter = ({ result, cwd, unsafeFixes = false }) => {
  const sources = new Map<string, SourceText | undefined>();
  const sourceOf = (file: string) => {
    if (!sources.has(file)) {
      const read = readSource(path.resolve(cwd, file), file, Number.MAX_SAFE_INTEGER);
      sources.set(file, read.ok ? new SourceText(file, read.text) : undefined);
    }
    return sources.get(file);
  };
  const position = (file: string, line: number, column: number): Position => {
    const source = sourceOf(file);
    const start = source?.offset(line, 1);
    if (!source || start === undefined) return { line, column };
    return { line, column: Buffer.byteLength(source.text.slice(start, start + column - 1), 'utf8') + 1 };
  };
  const at = (file: string, offset: number): Position => {
    const p = sourceOf(file)!.position(offset);
    return position(file, p.line, p.column);
  };
  // One line-based suggestion per fix (GitHub suggested changes replace whole lines).
  const suggestion = (fix: Fix) => {
    const file = fix.edits[0]!.file;
    const source = sourceOf(file);
    if (!source) return fix.edits.map((e) => ({ range: { start: position(file, e.line, e.column), end: position(file, e.endLine, e.endColumn) }, text: e.replacement }));
    const lines = lineWise(source, fix.edits);
    return [{ range: { start: at(file, lines.start), end: at(file, lines.end) }, text: lines.text }];
  };
  const diagnostics = result.findings.map((f: Finding) => ({
    message: f.message,
    location: {
      path: f.location.file,
      range: { start: position(f.location.file, f.location.line, f.location.column), end: position(f.location.file, f.location.endLine, f.location.endColumn) },
    },
    severity: SEVERITY[f.severity],
    source: SOURCE,
    code: { value: f.ruleId, url: `${DOCS_BASE_URL}/${f.ruleId}/README.md` },
    // reviewdog applies a suggestion to the diagnostic's own file: a fix elsewhere (a constant's definition) is not one.
    ...(isApplicable(f.fix, unsafeFixes) && f.fix.edits.every((e) => e.file === f.location.file)
      ? { suggestions: suggestion(f.fix) }
      : {}),
  }));
  const worst = result.findings.some((f) => f.severity === 'error') ? 'ERROR' : result.findings.some((f) => f.severity === 'warning') ? 'WARNING' : result.findings.length ? 'INFO' : undefined;
  return `${JSON.stringify({ source: SOURCE, ...(worst ? { severity: worst } : {}), diagnostics }, null, 2)}\n`;
};
