import type { Diagnostic } from '../../model/types.js';
import type { NginxDirective, NginxParseResult, NginxWord } from './ast.js';
import { blankTemplateStatements, templateMarker } from './template.js';
import { Lexer, type Token } from './tokenizer.js';

export interface ParseOptions {
  /** The file is a template (`.j2`, `.tmpl`, `.template`...): `${VAR}` is an envsubst marker. */
  template?: boolean;
  /** Deeper nesting skips the file with a diagnostic (real configurations nest a handful of levels). */
  maxNesting?: number;
}

/** nginx configurations nest http > server > location > if: a few levels; hundreds is an attack. */
export const MAX_NGINX_NESTING = 100;

/**
 * Parses one nginx configuration file into directives with exact spans. Never throws: syntax errors
 * become 'parse-error' diagnostics and everything that could be read is kept (missing `}` closes the
 * open blocks at the end of file, a stray `}` is skipped).
 */
export function parseNginx(text: string, file: string, options: ParseOptions = {}): NginxParseResult {
  const diagnostics: Diagnostic[] = [];
  const template = options.template ?? false;
  const maxNesting = options.maxNesting ?? MAX_NGINX_NESTING;
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

  // Iterative, so nesting depth is never a stack limit: each open block is a frame on `open`.
  interface Frame {
    directives: NginxDirective[];
    /** The directive whose block this is (undefined for the file and for a stray `{`). */
    owner?: NginxDirective;
    ownerStart: number;
    openedAt: number;
  }
  const top: Frame = { directives: [], ownerStart: 0, openedAt: 0 };
  const open: Frame[] = [top];
  const close = (frame: Frame, end: number) => {
    if (frame.owner) {
      frame.owner.block = frame.directives;
      frame.owner.blockSpan = span(frame.ownerStart, end);
    }
  };
  let tooDeep = false;
  for (;;) {
    const frame = open[open.length - 1]!;
    const depth = open.length - 1;
    const t = next();
    if (t.kind === 'eof') {
      for (let i = open.length - 1; i > 0; i--) {
        lexer.error(open[i]!.openedAt, 'unexpected end of file: this "{" is never closed');
        close(open[i]!, t.end);
      }
      break;
    }
    if (t.kind === '}') {
      if (depth > 0) {
        close(frame, t.end);
        open.pop();
      } else lexer.error(t.start, 'unexpected "}"');
      continue;
    }
    if (t.kind === ';') {
      lexer.error(t.start, 'unexpected ";"');
      continue;
    }
    if (t.kind === '{') {
      lexer.error(t.start, 'unexpected "{" without a directive name');
      open.push({ directives: [], ownerStart: t.start, openedAt: t.start }); // skip its contents, keep going after it
      continue;
    }
    const parsed = parseDirective(t as Extract<Token, { kind: 'word' }>);
    if (!parsed) continue;
    frame.directives.push(parsed.directive);
    if (parsed.opensBlock !== undefined) {
      if (open.length > maxNesting) {
        tooDeep = true;
        break;
      }
      open.push({ directives: [], owner: parsed.directive, ownerStart: parsed.opensBlock.nameStart, openedAt: parsed.opensBlock.brace });
    }
  }
  if (tooDeep) {
    return {
      directives: [],
      diagnostics: [{ kind: 'file-skipped', file, message: `nesting deeper than ${maxNesting} blocks; not analysed` }],
    };
  }
  return { directives: top.directives, diagnostics: firstError(diagnostics) };

  /** A directive up to its `;`, or up to its `{` (the block is read by the loop above). */
  function parseDirective(nameToken: Extract<Token, { kind: 'word' }>): { directive: NginxDirective; opensBlock?: { nameStart: number; brace: number } } | undefined {
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
      if (t.kind === ';') return { directive: directive(t.end) };
      if (t.kind === '{') {
        const d = directive(t.end);
        if (/_by_lua_block$/.test(nameToken.value)) {
          const raw = lexer.rawLuaBody(t.start);
          d.block = [];
          d.rawBody = raw?.body ?? '';
          d.blockSpan = span(nameToken.start, raw?.end ?? t.end);
          return { directive: d };
        }
        return { directive: d, opensBlock: { nameStart: nameToken.start, brace: t.start } };
      }
      if (t.kind === '}') {
        lexer.error(t.start, `unexpected "}": directive "${nameToken.value}" is not terminated by ";"`);
        pushedBack = t;
        return { directive: directive(lastEnd) };
      }
      // Cut off by the end of file (often an unterminated quote swallowed the rest): its arguments are
      // not what the author wrote, so it is dropped rather than guessed.
      lexer.error(t.start, `unexpected end of file: directive "${nameToken.value}" is not terminated by ";"`);
      pushedBack = t;
      return undefined;
    }
  }
}

/** One parse-error per file: later errors are usually echoes of the first (a missing quote or brace). */
function firstError(diagnostics: Diagnostic[]): Diagnostic[] {
  if (diagnostics.length <= 1) return diagnostics;
  const [first] = diagnostics;
  return [{ ...first!, message: `${first!.message} (and ${diagnostics.length - 1} more syntax error${diagnostics.length > 2 ? 's' : ''} after it)` }];
}
