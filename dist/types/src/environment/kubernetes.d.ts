import type { Diagnostic } from '../model/types.js';
import { type EnvSource } from './types.js';
/** Cheap text test before a YAML file is parsed as Kubernetes: a workload or ConfigMap that names one of the variables. */
export declare function mayBeKubernetes(text: string, variables: readonly string[]): boolean;
/** Template expressions are replaced by a marker so the YAML around them still parses. */
export declare const TEMPLATE_MARK = "__cors_lint_template__";
export declare function untemplate(text: string): string;
export declare function readKubernetes(text: string, absPath: string, file: string): {
    sources: EnvSource[];
    diagnostics: Diagnostic[];
};
/**
 * Helm values: any key named like the variable (`env: { CORS_ORIGINS: ... }`) and any list item
 * `{ name: CORS_ORIGINS, value: ... }` (`extraEnv`), anywhere in the file.
 */
export declare function readHelmValues(text: string, absPath: string, file: string, variables: readonly string[]): {
    sources: EnvSource[];
    diagnostics: Diagnostic[];
};
