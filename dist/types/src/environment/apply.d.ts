import type { CorsPolicy } from '../model/types.js';
import type { EnvSource } from './types.js';
/** The variable an origin entry or option stands for, if any. */
export declare function variableOf(value: {
    source?: string;
    envDriven?: boolean;
    why?: string;
    kind?: string;
}): string | undefined;
/** Every variable a policy's origins read, envsubst templates included. */
export declare function policyVariables(policy: CorsPolicy): string[];
export interface CodeReader {
    /** Source lines of a display path. */
    lines(displayPath: string): string[] | undefined;
    /** Absolute path of a display path. */
    absPath(displayPath: string): string;
}
/** Sets `policy.environments` for every policy whose origins or credentials come from variables some source sets. */
export declare function attachEnvironments(policies: readonly CorsPolicy[], sources: readonly EnvSource[], code: CodeReader): void;
/**
 * The copy of a policy as it runs in one environment. Environments whose values give the same
 * origins and credentials as the code's default add nothing and get no copy.
 */
export declare function environmentVariants(policy: CorsPolicy): CorsPolicy[];
