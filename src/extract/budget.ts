/**
 * The per-file time budget around parse + extract. Scanners are synchronous, so the budget is
 * cooperative: the evaluators and tree walks call `spend()` as they go, and once the file's time is up
 * it throws `OverBudget`, which the scanner turns into one file-skipped diagnostic for that file.
 */
import { internalError } from '../model/diagnostics.js';
import type { Diagnostic } from '../model/types.js';

export const DEFAULT_FILE_TIME_BUDGET_MS = 5000;

/** A file a scanner stops reading on purpose (the message says why): one file-skipped diagnostic. */
export class SkippedFile extends Error {}

/** What a scanner reports for a file whose scan threw: file-skipped when cut off on purpose, else an internal error. */
export function scanFailure(file: string, where: string, error: unknown, withStack = false): Diagnostic {
  return error instanceof SkippedFile ? { kind: 'file-skipped', file, message: error.message } : internalError(file, where, error, withStack);
}

export class OverBudget extends SkippedFile {
  constructor(readonly budgetMs: number) {
    super(`took longer than the ${budgetMs} ms per-file budget to analyse; cut off (set fileTimeBudgetMs to allow more)`);
  }
}

let deadline = Infinity;
let budgetMs = DEFAULT_FILE_TIME_BUDGET_MS;
let calls = 0;

/** Starts the budget of one file; `run` is its parse + extract. Budgets do not nest: the outer one holds. */
export function withFileBudget<T>(ms: number | undefined, run: () => T): T {
  if (deadline !== Infinity) return run();
  budgetMs = ms ?? DEFAULT_FILE_TIME_BUDGET_MS;
  deadline = Date.now() + budgetMs;
  calls = 0;
  try {
    return run();
  } finally {
    deadline = Infinity;
  }
}

/** One unit of work: cheap (the clock is read every 256 calls). */
export function spend(): void {
  if (++calls & 255) return;
  if (Date.now() > deadline) throw new OverBudget(budgetMs);
}
