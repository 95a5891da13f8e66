import type { Diagnostic } from '../model/types.js';
export declare const DEFAULT_FILE_TIME_BUDGET_MS = 5000;
/** A file a scanner stops reading on purpose (the message says why): one file-skipped diagnostic. */
export declare class SkippedFile extends Error {
}
/** What a scanner reports for a file whose scan threw: file-skipped when cut off on purpose, else an internal error. */
export declare function scanFailure(file: string, where: string, error: unknown, withStack?: boolean): Diagnostic;
export declare class OverBudget extends SkippedFile {
    readonly budgetMs: number;
    constructor(budgetMs: number);
}
/** Starts the budget of one file; `run` is its parse + extract. Budgets do not nest: the outer one holds. */
export declare function withFileBudget<T>(ms: number | undefined, run: () => T): T;
/** One unit of work: cheap (the clock is read every 256 calls). */
export declare function spend(): void;
