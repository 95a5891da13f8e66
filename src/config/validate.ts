import { PYTHON_PARSER_SETTINGS } from '../parse/python-node.js';
import type { Config } from './types.js';

const LEVELS = ['error', 'warning', 'note', 'off'];
const TOP_KEYS = ['rules', 'allowedOrigins', 'ignore', 'overrides', 'baseline', 'maxFileBytes', 'fileTimeBudgetMs', 'parser', '$schema'];

/** Checks a parsed config; returns messages that name the key and the allowed values. */
export function validateConfig(raw: unknown, knownRuleIds: readonly string[]): string[] {
  const problems: string[] = [];
  if (!isObject(raw)) return ['the configuration must be an object'];
  for (const key of Object.keys(raw)) {
    if (!TOP_KEYS.includes(key)) problems.push(`unknown key "${key}"; allowed keys: ${TOP_KEYS.filter((k) => k !== '$schema').join(', ')}`);
  }
  if ('rules' in raw) checkRules(raw.rules, 'rules', knownRuleIds, problems);
  if ('allowedOrigins' in raw) checkOrigins(raw.allowedOrigins, problems);
  if ('ignore' in raw) checkStringArray(raw.ignore, 'ignore', problems);
  if ('baseline' in raw && typeof raw.baseline !== 'string') problems.push('"baseline" must be a file path (string)');
  if ('fileTimeBudgetMs' in raw && !(typeof raw.fileTimeBudgetMs === 'number' && Number.isInteger(raw.fileTimeBudgetMs) && raw.fileTimeBudgetMs > 0)) {
    problems.push('"fileTimeBudgetMs" must be a positive integer (milliseconds)');
  }
  if ('maxFileBytes' in raw && !(typeof raw.maxFileBytes === 'number' && Number.isInteger(raw.maxFileBytes) && raw.maxFileBytes > 0)) {
    problems.push('"maxFileBytes" must be a positive integer (bytes)');
  }
  if ('parser' in raw && !PYTHON_PARSER_SETTINGS.includes(raw.parser)) {
    problems.push(`"parser" must be one of ${PYTHON_PARSER_SETTINGS.join(', ')} (the Python parser engine)`);
  }
  if ('overrides' in raw) {
    if (!Array.isArray(raw.overrides)) problems.push('"overrides" must be an array of { files, rules }');
    else
      raw.overrides.forEach((o, i) => {
        const where = `overrides[${i}]`;
        if (!isObject(o)) return problems.push(`"${where}" must be an object with "files" and "rules"`);
        for (const key of Object.keys(o)) if (key !== 'files' && key !== 'rules') problems.push(`unknown key "${where}.${key}"; allowed keys: files, rules`);
        checkStringArray(o.files, `${where}.files`, problems);
        if ('rules' in o) checkRules(o.rules, `${where}.rules`, knownRuleIds, problems);
        return undefined;
      });
  }
  return problems;
}

function checkRules(rules: unknown, where: string, known: readonly string[], problems: string[]) {
  if (!isObject(rules)) return problems.push(`"${where}" must be an object mapping rule ids to a level`);
  for (const [id, entry] of Object.entries(rules)) {
    if (!known.includes(id)) {
      problems.push(`"${where}.${id}" is not a rule; run \`cors-lint rules\` for the list`);
      continue;
    }
    const level = Array.isArray(entry) ? entry[0] : entry;
    if (typeof level !== 'string' || !LEVELS.includes(level)) {
      problems.push(`"${where}.${id}" must be one of ${LEVELS.join(', ')} (or [level, options])`);
    }
    if (Array.isArray(entry) && (entry.length > 2 || (entry.length === 2 && !isObject(entry[1])))) {
      problems.push(`"${where}.${id}" must be [level] or [level, { options }]`);
    }
  }
  return undefined;
}

function checkOrigins(value: unknown, problems: string[]) {
  if (!checkStringArray(value, 'allowedOrigins', problems)) return;
  for (const origin of value as string[]) {
    if (!/^(?:https?|[a-z][a-z0-9+.-]*):\/\/(?:\*\.|\*\*\.)?[^/\s*]+$/i.test(origin) && origin !== 'null') {
      problems.push(`"allowedOrigins" entry "${origin}" must be an origin like https://app.example.com or a pattern like https://*.example.com`);
    }
  }
}

function checkStringArray(value: unknown, where: string, problems: string[]): boolean {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    problems.push(`"${where}" must be an array of strings`);
    return false;
  }
  return true;
}

function isObject(v: unknown): v is Record<string, any> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function asConfig(raw: unknown): Config {
  return raw as Config;
}
