import { FORMATS, type FailOn } from '../cli/args.js';
/** The Action's inputs (action.yml), validated. */
export interface ActionInputs {
    paths: string[];
    config?: string;
    /** Format of the report printed to the log. */
    format: (typeof FORMATS)[number];
    failOn: FailOn;
    sarifFile: string;
    annotations: boolean;
    baseline?: string;
    /** Write the suggested fixes as a patch here (relative to the workspace). */
    fixDiff?: string;
    unsafeFixes: boolean;
}
export declare class InputError extends Error {
}
export declare function readInputs(): ActionInputs;
