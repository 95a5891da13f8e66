import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import type { LoadedConfig } from './types.js';
import { validateConfig } from './validate.js';

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: ${problems.join('; ')}`);
  }
}

const CANDIDATES = ['.cors-lint.json', '.cors-lint.yaml', '.cors-lint.yml'];

/**
 * Finds and reads the configuration: --config FILE, else the first of .cors-lint.json/.yaml/.yml
 * or package.json "cors-lint" in the start folder or its parents. JSON and YAML only: repository
 * code is never executed.
 */
export function loadConfig(startDir: string, explicit: string | undefined, knownRuleIds: readonly string[]): LoadedConfig {
  if (explicit) {
    const file = path.resolve(startDir, explicit);
    return { file, config: parseConfigFile(file, knownRuleIds) };
  }
  for (let dir = path.resolve(startDir); ; dir = path.dirname(dir)) {
    for (const name of CANDIDATES) {
      const file = path.join(dir, name);
      if (fs.existsSync(file)) return { file, config: parseConfigFile(file, knownRuleIds) };
    }
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg)) {
      const parsed = readStructured(pkg);
      if (parsed && typeof parsed === 'object' && 'cors-lint' in parsed) {
        const raw = (parsed as Record<string, unknown>)['cors-lint'];
        return { file: pkg, config: checked(pkg, raw, knownRuleIds) as LoadedConfig['config'] };
      }
    }
    if (fs.existsSync(path.join(dir, '.git')) || path.dirname(dir) === dir) return { config: {} };
  }
}

function parseConfigFile(file: string, knownRuleIds: readonly string[]) {
  if (/\.(?:c|m)?js$|\.ts$/i.test(file)) {
    throw new ConfigError(file, ['JavaScript configuration is not supported (it would execute repository code); use .cors-lint.json or .cors-lint.yaml']);
  }
  const raw = readStructured(file);
  if (path.basename(file) === 'package.json') {
    return checked(file, (raw as Record<string, unknown> | undefined)?.['cors-lint'] ?? {}, knownRuleIds);
  }
  return checked(file, raw ?? {}, knownRuleIds);
}

function checked(file: string, raw: unknown, knownRuleIds: readonly string[]) {
  const problems = validateConfig(raw, knownRuleIds);
  if (problems.length) throw new ConfigError(file, problems);
  return raw as LoadedConfig['config'];
}

function readStructured(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(file, [`cannot read: ${(error as Error).message}`]);
  }
  try {
    return /\.ya?ml$/i.test(file) ? YAML.parse(text) : JSON.parse(text);
  } catch (error) {
    throw new ConfigError(file, [`invalid ${/\.ya?ml$/i.test(file) ? 'YAML' : 'JSON'}: ${(error as Error).message}`]);
  }
}
