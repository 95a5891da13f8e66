import type { LintResult } from '../lint.js';
import { type AnyRule } from '../rules/define-rule.js';
import type { Formatter } from './formatter.js';
export interface MarkdownOptions {
    rules?: readonly AnyRule[];
    /**
     * Prefix for file links, e.g. `https://github.com/o/r/blob/<sha>/`. Without it links are
     * relative to the repository root (right for a file committed beside the code).
     */
    linkBase?: string;
    /** Display path -> path in the repository, for links (default: unchanged). */
    repositoryPath?: (file: string) => string;
}
/** The Markdown job summary (`--format markdown`, `$GITHUB_STEP_SUMMARY`). */
export declare const formatMarkdown: Formatter;
/** `https://github.com/<repo>/blob/<sha>/` inside a GitHub Actions run, else undefined. */
export declare function githubBlobBase(env: NodeJS.ProcessEnv): string | undefined;
export declare function buildMarkdown(result: LintResult, options?: MarkdownOptions): string;
