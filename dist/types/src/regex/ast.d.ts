import { type AST } from '@eslint-community/regexpp';
export declare function parseJsPattern(source: string, flags: string): {
    ok: true;
    ast: AST.Pattern;
} | {
    ok: false;
    reason: string;
};
export interface BacktrackRisk {
    risky: boolean;
    reason?: string;
}
/**
 * A pattern is risky when a repeated part contains another unbounded repetition (star height 2,
 * e.g. `(a+)+`, `([a-z]+\.)*`), when it has a backreference, or when a single alternative chains
 * more than `maxChain` unbounded repetitions (polynomial backtracking on a miss). Risky patterns are
 * only ever run in a worker with a hard time limit.
 */
export declare function backtrackRisk(ast: AST.Pattern, maxChain?: number): BacktrackRisk;
