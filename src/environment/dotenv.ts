// Dotenv files: values by dotenv's own parser, lines found in the text, one diagnostic for a bad file.
import { parse } from 'dotenv';
import type { Diagnostic, Span } from '../model/types.js';
import type { EnvSetting } from './types.js';

const ASSIGNMENT = /^\s*(?:export\s+)?([\w.-]+)\s*(?:=|:\s)/;

export interface DotenvRead {
  vars: Map<string, EnvSetting>;
  diagnostic?: Diagnostic;
}

/**
 * dotenv.parse never fails: a line it cannot read is silently dropped. Such a line is reported once
 * (the first one) so that a broken file does not pass as an empty one; the values it does read stay.
 */
export function readDotenv(text: string, file: string): DotenvRead {
  const parsed = parse(text);
  const lines = text.split(/\r?\n/);
  const lineOf = new Map<string, { line: number; column: number }>();
  let bad: { line: number; text: string } | undefined;
  let openQuote: string | undefined;
  lines.forEach((raw, i) => {
    if (openQuote) {
      if (raw.includes(openQuote)) openQuote = undefined;
      return;
    }
    const trimmed = raw.trim();
    if (!trimmed || trimmed.startsWith('#')) return;
    const m = ASSIGNMENT.exec(raw);
    if (!m) {
      bad ??= { line: i + 1, text: trimmed };
      return;
    }
    lineOf.set(m[1]!, { line: i + 1, column: raw.indexOf(m[1]!) + 1 });
    const rest = raw.slice(m[0].length).trimStart();
    const quote = /^["'`]/.exec(rest)?.[0];
    if (quote && !rest.slice(1).includes(quote)) openQuote = quote;
  });
  const vars = new Map<string, EnvSetting>();
  for (const [name, value] of Object.entries(parsed)) {
    const at = lineOf.get(name) ?? { line: 1, column: 1 };
    const span: Span = { file, line: at.line, column: at.column, endLine: at.line, endColumn: at.column + name.length };
    vars.set(name, { value, span });
  }
  const diagnostic: Diagnostic | undefined = bad
    ? { kind: 'parse-error', file, line: bad.line, column: 1, message: `not a dotenv assignment (NAME=value): '${bad.text.slice(0, 60)}'; this line sets nothing` }
    : undefined;
  return { vars, diagnostic };
}
