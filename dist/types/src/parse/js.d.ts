import type { TSESTree } from '@typescript-eslint/typescript-estree';
/**
 * Loads the parser (and with it the TypeScript compiler, the largest part of the bundle) on first
 * use, so runs over Python or nginx files only never pay for it.
 */
export declare function loadJsParser(): Promise<void>;
export type JsProgram = TSESTree.Program;
export type JsParseOutcome = {
    ok: true;
    program: JsProgram;
} | {
    ok: false;
    message: string;
    line: number;
    column: number;
};
/**
 * Parses JavaScript or TypeScript into an ESTree with locations. Never throws: a syntax error
 * becomes an outcome with a 1-based line and column.
 */
export declare function parseJs(text: string, filePath: string): JsParseOutcome;
