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
