import type { TSESTree } from '@typescript-eslint/typescript-estree';
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
