import type * as Sarif from 'sarif';
import type { LintResult } from '../lint.js';
import type { AnyRule } from '../rules/define-rule.js';
import type { Formatter } from './formatter.js';
export declare const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
export declare const INFORMATION_URI = "https://github.com/cors-lint/cors-lint";
/** Every result URI is relative to this base; `originalUriBaseIds` says where it was on disk. */
export declare const SRCROOT = "%SRCROOT%";
/** Key of our partial fingerprint; bump the version if the fingerprint's recipe ever changes. */
export declare const FINGERPRINT_KEY = "corsLint/v1";
export interface SarifOptions {
    /** The rules to describe in tool.driver.rules (default: every registered rule). */
    rules?: readonly AnyRule[];
    /** Tool version (default: the package version). */
    version?: string;
    /** The rule's README (Markdown) for help.markdown; undefined when there is none. */
    readme?: (ruleId: string) => string | undefined;
    /**
     * The folder result URIs are relative to (`%SRCROOT%`); default the current directory. Inside GitHub
     * Actions it is the workspace, so a run from a sub-folder still gives repository-relative paths.
     */
    srcRoot?: string;
    /** Also carry unsafe fixes in `fixes` (--unsafe-fixes); safe ones always are. */
    unsafeFixes?: boolean;
    /** The repository and commit the scanned tree is (GitHub Actions: from GITHUB_* variables). */
    versionControl?: {
        repositoryUri: string;
        revisionId?: string;
        branch?: string;
    };
}
/** SARIF 2.1.0 for GitHub code scanning (`--format sarif`). */
export declare const formatSarif: Formatter;
/** The checked-out repository and commit inside a GitHub Actions run, else undefined. */
export declare function githubVersionControl(env: NodeJS.ProcessEnv): SarifOptions['versionControl'];
export declare function buildSarif(result: LintResult, cwd: string, options?: SarifOptions): Sarif.Log;
