export type ContextKind = 'dotenv' | 'compose' | 'helm-values' | 'yaml' | 'toml' | 'package-json' | 'frontend-config';
export interface ContextFile {
    absPath: string;
    kind: ContextKind;
}
export declare function kindOf(base: string): ContextKind | undefined;
/** CI workflows are YAML with `env:` blocks that describe no running application. */
export declare function isContextFolder(rel: string): boolean;
/**
 * The context files below `root`, for runs whose discovery did not walk the whole root (files named
 * on the command line): the same discovery walk a whole-root run makes (DiscoverOptions.context).
 */
export declare function contextFiles(root: string, extraIgnores?: readonly string[]): ContextFile[];
