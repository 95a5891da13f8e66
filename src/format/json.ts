import type { Formatter } from './formatter.js';

/**
 * The JSON contract other tools read: findings with relative `/` paths and 1-based positions,
 * diagnostics, and a summary. Fields are only ever added, never renamed.
 */
export const formatJson: Formatter = ({ result }) => {
  const findings = result.findings.map((f) => ({
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    location: { ...f.location },
    ...(f.witness !== undefined ? { witness: f.witness } : {}),
    ...(f.relatedLocations?.length ? { relatedLocations: f.relatedLocations.map((r) => ({ location: { ...r.span }, message: r.message })) } : {}),
    fingerprint: f.fingerprint,
    // Every fix, safe or unsafe: `start`/`end` are UTF-16 offsets in the file as decoded, `line`/`column` 1-based.
    ...(f.fix ? { fix: { applicability: f.fix.applicability, description: f.fix.description, edits: f.fix.edits.map((e) => ({ ...e })) } } : {}),
  }));
  const diagnostics = result.diagnostics.map((d) => ({
    kind: d.kind,
    file: d.file,
    message: d.message,
    ...(d.line !== undefined ? { line: d.line, column: d.column } : {}),
  }));
  const summary = {
    errors: result.findings.filter((f) => f.severity === 'error').length,
    warnings: result.findings.filter((f) => f.severity === 'warning').length,
    notes: result.findings.filter((f) => f.severity === 'note').length,
    filesScanned: result.stats.filesScanned,
    policies: result.policies.length,
    suppressed: result.suppressed,
    fixable: result.findings.filter((f) => f.fix?.applicability === 'safe').length,
    fixableUnsafe: result.findings.filter((f) => f.fix?.applicability === 'unsafe').length,
  };
  return `${JSON.stringify({ findings, diagnostics, summary }, null, 2)}\n`;
};
