import { type PythonParserSetting } from '../parse/python-node.js';
import type { Config } from './types.js';
export declare const PARSER_ENV = "CORS_LINT_PARSER";
/**
 * The Python parser setting of a run: CORS_LINT_PARSER when set (it overrides the configuration for
 * one run, e.g. in CI), else the config key `parser`, else `wasm`. An unknown value in the
 * environment is ignored with a one-line notice on stderr (once per process).
 */
export declare function pythonParserSetting(config: Config, env?: NodeJS.ProcessEnv): PythonParserSetting;
