import type { TSESTree } from '@typescript-eslint/typescript-estree';

type ParseFunction = (typeof import('@typescript-eslint/typescript-estree'))['parse'];

let parse: ParseFunction | undefined;

/**
 * Loads the parser (and with it the TypeScript compiler, the largest part of the bundle) on first
 * use, so runs over Python or nginx files only never pay for it.
 */
export async function loadJsParser(): Promise<void> {
  if (parse) return;
  // A CommonJS package: Node's ESM loader exposes `parse` as a named export, a bundle only on `default`.
  const mod = (await import('@typescript-eslint/typescript-estree')) as { parse?: ParseFunction; default?: { parse?: ParseFunction } };
  parse = mod.parse ?? mod.default?.parse;
  if (!parse) throw new Error('@typescript-eslint/typescript-estree has no parse export');
}

export type JsProgram = TSESTree.Program;

export type JsParseOutcome =
  | { ok: true; program: JsProgram }
  | { ok: false; message: string; line: number; column: number };

/** TypeScript files whose angle brackets are type assertions, never JSX. */
const NO_JSX = /\.[cm]?ts$/i;
/** Plain JavaScript: JSX is tried first, then plain syntax (`a < b > c` style code can trip the JSX grammar). */
const PLAIN_JS = /\.[cm]?js$/i;

/**
 * Parses JavaScript or TypeScript into an ESTree with locations. Never throws: a syntax error
 * becomes an outcome with a 1-based line and column.
 */
export function parseJs(text: string, filePath: string): JsParseOutcome {
  const jsx = !NO_JSX.test(filePath);
  const first = attempt(text, jsx);
  if (first.ok || !jsx || !PLAIN_JS.test(filePath)) return first;
  const second = attempt(text, false);
  return second.ok ? second : first;
}

function attempt(text: string, jsx: boolean): JsParseOutcome {
  if (!parse) throw new Error('loadJsParser() must finish before parseJs() is called');
  try {
    const program = parse(text, { loc: true, range: true, jsx, comment: false, errorOnUnknownASTType: false });
    return { ok: true, program };
  } catch (error) {
    const e = error as { message?: unknown; lineNumber?: unknown; column?: unknown; location?: { start?: { line?: number; column?: number } } };
    const line = typeof e.lineNumber === 'number' ? e.lineNumber : (e.location?.start?.line ?? 1);
    const column0 = typeof e.column === 'number' ? e.column : (e.location?.start?.column ?? 0);
    return { ok: false, message: String(e.message ?? error), line, column: column0 + 1 };
  }
}
