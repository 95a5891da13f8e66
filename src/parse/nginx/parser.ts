import type { Diagnostic } from '../../model/types.js';
import type { NginxDirective, NginxParseResult, NginxWord } from './ast.js';
import { blankTemplateStatements, templateMarker } from './template.js';
import { Lexer, type Token } from './tokenizer.js';

export interface ParseOptions {
  /** The file is a template (`.j2`, `.tmpl`, `.template`...): `${VAR}` is an envsubst marker. */
  template?: boolean;
}

/**
 * Parses one nginx configuration file into directives with exact spans. Never throws: syntax errors
 * become 'parse-error' diagnostics and everything that could be read is kept (missing `}` closes the
 * open blocks at the end of file, a stray `}` is skipped).
 */
export function parseNginx(text: string, file: string, options: ParseOptions = {}): NginxParseResult {
  const diagnostics: Diagnostic[] = [];
  const template = options.template ?? false;
  const lexer = new Lexer(blankTemplateStatements(text, template), file, diagnostics);
  let pushedBack: Token | undefined;
  const next = (): Token => {
    if (pushedBack) {
      const t = pushedBack;
      pushedBack = undefined;
      return t;
    }
    return lexer.next();
  };
  const span = (start: number, end: number) => lexer.lines.span(file, start, end);
  const word = (t: Extract<Token, { kind: 'word' }>): NginxWord => {
    const w: NginxWord = { value: t.value, raw: t.raw, span: span(t.start, t.end) };
    if (t.quote) w.quote = t.quote;
    const marker = templateMarker(t.raw, template);
    if (marker) w.templated = marker;
    return w;
  };

  /** Reads directives until the matching `}` (depth > 0) or the end of file. */
  const parseBlock = (depth: number, openedAt: number): { directives: NginxDirective[]; end: number } => {
    const directives: NginxDirective[] = [];
    for (;;) {
      const t = next();
      if (t.kind === 'eof') {
        if (depth > 0) lexer.error(openedAt, 'unexpected end of file: this "{" is never closed');
        return { directives, end: t.end };
      }
      if (t.kind === '}') {
        if (depth > 0) return { directives, end: t.end };
        lexer.error(t.start, 'unexpected "}"');
        continue;
      }
      if (t.kind === ';') {
        lexer.error(t.start, 'unexpected ";"');
        continue;
      }
      if (t.kind === '{') {
        lexer.error(t.start, 'unexpected "{" without a directive name');
        parseBlock(depth + 1, t.start); // skip its contents, keep going after it
        continue;
      }
      const d = parseDirective(t as Extract<Token, { kind: 'word' }>, depth);
      if (d) directives.push(d);
    }
  };

  const parseDirective = (nameToken: Extract<Token, { kind: 'word' }>, depth: number): NginxDirective | undefined => {
    const args: NginxWord[] = [];
    let lastEnd = nameToken.end;
    const directive = (end: number): NginxDirective => ({
      name: nameToken.value,
      nameSpan: span(nameToken.start, nameToken.end),
      args,
      span: span(nameToken.start, end),
      file,
    });
    for (;;) {
      const t = next();
      if (t.kind === 'word') {
        args.push(word(t));
        lastEnd = t.end;
        continue;
      }
      if (t.kind === ';') return directive(t.end);
      if (t.kind === '{') {
        const d = directive(t.end);
        if (/_by_lua_block$/.test(nameToken.value)) {
          const raw = lexer.rawLuaBody(t.start);
          d.block = [];
          d.rawBody = raw?.body ?? '';
          d.blockSpan = span(nameToken.start, raw?.end ?? t.end);
          return d;
        }
        const body = parseBlock(depth + 1, t.start);
        d.block = body.directives;
        d.blockSpan = span(nameToken.start, body.end);
        return d;
      }
      if (t.kind === '}') {
        lexer.error(t.start, `unexpected "}": directive "${nameToken.value}" is not terminated by ";"`);
        pushedBack = t;
        return directive(lastEnd);
      }
      // Cut off by the end of file (often an unterminated quote swallowed the rest): its arguments are
      // not what the author wrote, so it is dropped rather than guessed.
      lexer.error(t.start, `unexpected end of file: directive "${nameToken.value}" is not terminated by ";"`);
      pushedBack = t;
      return undefined;
    }
  };
  const { directives } = parseBlock(0, 0);
  return { directives, diagnostics: firstError(diagnostics) };
}

/** One parse-error per file: later errors are usually echoes of the first (a missing quote or brace). */
function firstError(diagnostics: Diagnostic[]): Diagnostic[] {
  if (diagnostics.length <= 1) return diagnostics;
  const [first] = diagnostics;
  return [{ ...first!, message: `${first!.message} (and ${diagnostics.length - 1} more syntax error${diagnostics.length > 2 ? 's' : ''} after it)` }];
}
