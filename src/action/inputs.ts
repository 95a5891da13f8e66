import * as core from '@actions/core';
import { FAIL_ON, FORMATS, type FailOn } from '../cli/args.js';

/** The Action's inputs (action.yml), validated. */
export interface ActionInputs {
  paths: string[];
  config?: string;
  /** Format of the report printed to the log. */
  format: (typeof FORMATS)[number];
  failOn: FailOn;
  sarifFile: string;
  annotations: boolean;
  baseline?: string;
  /** Write the suggested fixes as a patch here (relative to the workspace). */
  fixDiff?: string;
  unsafeFixes: boolean;
}

export class InputError extends Error {}

export function readInputs(): ActionInputs {
  const paths = core
    .getInput('paths')
    .split(/[\s,]+/)
    .filter(Boolean);
  return {
    paths: paths.length ? paths : ['.'],
    config: core.getInput('config') || undefined,
    format: oneOf('format', core.getInput('format') || 'text', FORMATS),
    failOn: oneOf('fail-on', core.getInput('fail-on') || 'error', FAIL_ON),
    sarifFile: core.getInput('sarif-file') || 'cors-lint.sarif',
    annotations: booleanInput('annotations', true),
    baseline: core.getInput('baseline') || undefined,
    fixDiff: core.getInput('fix-diff') || undefined,
    unsafeFixes: booleanInput('unsafe-fixes', false),
  };
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) throw new InputError(`input "${name}" must be one of ${allowed.join(', ')} (got "${value}")`);
  return value as T;
}

/** Like core.getBooleanInput, but with a default when the input is not set at all. */
function booleanInput(name: string, fallback: boolean): boolean {
  const raw = core.getInput(name).trim().toLowerCase();
  if (raw === '') return fallback;
  if (['true', 'yes', 'on', '1'].includes(raw)) return true;
  if (['false', 'no', 'off', '0'].includes(raw)) return false;
  throw new InputError(`input "${name}" must be true or false (got "${raw}")`);
}
