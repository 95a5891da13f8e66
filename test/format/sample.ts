import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LintResult } from '../../src/lint.js';
import type { Finding } from '../../src/model/types.js';
import { defineRule } from '../../src/rules/define-rule.js';

/** Two rules shaped like the real ones, so formatter tests do not depend on which rules are registered. */
export const sampleRules = [
  defineRule({
    meta: {
      id: 'credentials-with-wildcard-origin',
      docs: { description: 'Wildcard origin together with credentials. Every site can read authenticated responses.', cwe: [942, 346], securitySeverity: 8.1 },
      defaultSeverity: 'error',
      messages: { echo: 'allow_origins={{value}} with allow_credentials=True: Starlette echoes any Origin' },
    },
    check() {},
  }),
  defineRule({
    meta: {
      id: 'wildcard-origin',
      docs: { description: 'Wildcard origin without credentials', cwe: [942], securitySeverity: 3.1 },
      defaultSeverity: 'note',
      messages: { any: 'Access-Control-Allow-Origin: * lets every website read these responses' },
    },
    check() {},
  }),
];

export function finding(partial: Partial<Finding> & { file: string; line: number; column?: number }): Finding {
  const column = partial.column ?? 1;
  return {
    ruleId: partial.ruleId ?? 'credentials-with-wildcard-origin',
    severity: partial.severity ?? 'error',
    message: partial.message ?? "allow_origins=['*'] with allow_credentials=True: Starlette echoes any Origin",
    location: partial.location ?? { file: partial.file, line: partial.line, column, endLine: partial.line, endColumn: column + 5 },
    ...(partial.witness !== undefined ? { witness: partial.witness } : {}),
    fingerprint: partial.fingerprint ?? 'f'.repeat(32),
  };
}

export function sampleResult(findings: Finding[], extra: Partial<LintResult> = {}): LintResult {
  return {
    findings,
    diagnostics: [],
    policies: [],
    stats: { filesDiscovered: 3, filesScanned: 2 },
    config: {},
    suppressed: 0,
    ...extra,
  };
}

/** A throw-away folder with the given files; returns its absolute path. */
export function tempTree(files: Record<string, string>, prefix = 'cors-lint-'): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}
