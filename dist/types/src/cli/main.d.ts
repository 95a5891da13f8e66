import { type LintResult } from '../lint.js';
import { type FailOn } from './args.js';
export interface Io {
    cwd: string;
    env: NodeJS.ProcessEnv;
    stdout: (text: string) => void;
    stderr: (text: string) => void;
    isTty: boolean;
    /** Terminal width, when stdout is a terminal (text output wraps at it). */
    columns?: number;
}
/** Runs the CLI and returns the exit code; never calls process.exit (testable, embeddable). */
export declare function main(argv: string[], io: Io): Promise<number>;
export declare function exitCodeFor(result: LintResult, failOn: FailOn): number;
