import path from 'node:path';
import { readLines } from '../discover/read-source.js';
import { isApplicable } from '../fix/apply.js';
import type { Finding, Severity } from '../model/types.js';
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
 * range, and the fix's edits as `suggestions` (safe fixes; unsafe ones too with --unsafe-fixes), which
 * `reviewdog -f=rdjson -reporter=github-pr-review` posts as suggested changes. Columns are UTF-8 byte
 * counts, as the format wants (cors-lint's own are UTF-16 code units).
 */
export const formatRdjson: Formatter = ({ result, cwd, unsafeFixes = false }) => {
  const lines = new Map<string, string[] | undefined>();
  const linesOf = (file: string) => (lines.has(file) ? lines.get(file) : lines.set(file, readLines(path.resolve(cwd, file))).get(file));
  const position = (file: string, line: number, column: number): Position => {
    const text = linesOf(file)?.[line - 1];
    return { line, column: text === undefined ? column : Buffer.byteLength(text.slice(0, column - 1), 'utf8') + 1 };
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
    ...(isApplicable(f.fix, unsafeFixes)
      ? { suggestions: f.fix.edits.map((e) => ({ range: { start: position(e.file, e.line, e.column), end: position(e.file, e.endLine, e.endColumn) }, text: e.replacement })) }
      : {}),
  }));
  const worst = result.findings.some((f) => f.severity === 'error') ? 'ERROR' : result.findings.some((f) => f.severity === 'warning') ? 'WARNING' : result.findings.length ? 'INFO' : undefined;
  return `${JSON.stringify({ source: SOURCE, ...(worst ? { severity: worst } : {}), diagnostics }, null, 2)}\n`;
};
