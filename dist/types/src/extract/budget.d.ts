/**
 * The per-file time budget around parse + extract. Scanners are synchronous, so the budget is
 * cooperative: the evaluators and tree walks call `spend()` as they go, and once the file's time is up
 * it throws `OverBudget`, which the scanner turns into one file-skipped diagnostic for that file.
 */
export declare const DEFAULT_FILE_TIME_BUDGET_MS = 5000;
export declare class OverBudget extends Error {
    readonly budgetMs: number;
    constructor(budgetMs: number);
}
/** Starts the budget of one file; `run` is its parse + extract. Budgets do not nest: the outer one holds. */
export declare function withFileBudget<T>(ms: number | undefined, run: () => T): T;
/** One unit of work: cheap (the clock is read every 256 calls). */
export declare function spend(): void;
