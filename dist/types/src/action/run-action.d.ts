/**
 * The GitHub Action: lint the workspace, always write the SARIF file (so an `if: always()`
 * upload step finds it), annotate, summarise, set outputs, and fail the step per `fail-on`.
 */
export declare function runAction(env?: NodeJS.ProcessEnv): Promise<void>;
