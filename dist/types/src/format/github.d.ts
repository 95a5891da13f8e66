import type { Diagnostic, Finding } from '../model/types.js';
import type { Formatter } from './formatter.js';
/**
 * GitHub Actions workflow commands (`--format github`): one `::error file=…::message` line per
 * finding, which the runner turns into annotations on the pull request diff.
 */
export declare const formatGithub: Formatter;
/** The checkout (GITHUB_WORKSPACE) when `cwd` lies inside it, else `cwd`. */
export declare function repositoryRoot(env: NodeJS.ProcessEnv, cwd: string): string;
export declare function findingCommand(f: Finding): string;
export declare function diagnosticCommand(d: Diagnostic): string;
/** Escaping of the message part, as @actions/core does it. */
export declare function escapeData(text: string): string;
/** Property values additionally escape `:` and `,`, which delimit the properties. */
export declare function escapeProperty(text: string): string;
