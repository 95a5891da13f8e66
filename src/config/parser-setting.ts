import { PYTHON_PARSER_SETTINGS, type PythonParserSetting } from '../parse/python-node.js';
import type { Config } from './types.js';

export const PARSER_ENV = 'CORS_LINT_PARSER';

let warnedEnv = false;

/**
 * The Python parser setting of a run: CORS_LINT_PARSER when set (it overrides the configuration for
 * one run, e.g. in CI), else the config key `parser`, else `wasm`. An unknown value in the
 * environment is ignored with a one-line notice on stderr (once per process).
 */
export function pythonParserSetting(config: Config, env: NodeJS.ProcessEnv = process.env): PythonParserSetting {
  const raw = env[PARSER_ENV]?.trim();
  if (raw) {
    const value = raw.toLowerCase() as PythonParserSetting;
    if (PYTHON_PARSER_SETTINGS.includes(value)) return value;
    if (!warnedEnv) {
      warnedEnv = true;
      process.stderr.write(`cors-lint: notice: ${PARSER_ENV}=${JSON.stringify(raw)} is not one of ${PYTHON_PARSER_SETTINGS.join(', ')}; ignoring it.\n`);
    }
  }
  return config.parser ?? 'wasm';
}
