import type { LintResult } from '../lint.js';
import type { Finding } from '../model/types.js';
/** A baseline records findings by fingerprint (with counts), so moving lines does not revive them. */
export interface Baseline {
    version: 1;
    findings: Array<{
        fingerprint: string;
        ruleId: string;
        file: string;
        count: number;
    }>;
}
export declare function buildBaseline(findings: readonly Finding[]): Baseline;
export declare class BaselineError extends Error {
}
export declare function readBaseline(file: string): Baseline;
/** Findings not covered by the baseline; each recorded fingerprint absorbs up to `count` findings. */
export declare function subtractBaseline(findings: readonly Finding[], baseline: Baseline): {
    kept: Finding[];
    matched: number;
};
/**
 * The run without the findings its baseline records. The baseline is the explicit one (`--baseline`,
 * the Action's input; relative to `cwd`), else the configuration's `baseline` (relative to the
 * configuration file). No baseline: the run as it is.
 */
export declare function applyBaseline(result: LintResult, explicit: string | undefined, cwd: string): LintResult;
