import type { ScanResult } from '../../../src/extract/scanner.js';
import type { CorsPolicy, Span, Valued } from '../../../src/model/types.js';

/** `file:line:col-endLine:endCol`: one token per span keeps the golden files readable. */
export function spanText(s: Span): string {
  return `${s.file}:${s.line}:${s.column}-${s.endLine}:${s.endColumn}`;
}

function valued<T>(v: Valued<T>): string {
  const parts = [JSON.stringify(v.value)];
  if (v.isDefault) parts.push('(default)');
  if (v.span) parts.push(`@ ${spanText(v.span)}`);
  if (v.why) parts.push(`-- ${v.why}`);
  return parts.join(' ');
}

function policyText(p: CorsPolicy): string[] {
  const out: string[] = [];
  const scope = [p.scope.kind, p.scope.name && JSON.stringify(p.scope.name), p.scope.path && `path=${p.scope.path}`, p.scope.listen && `listen=${p.scope.listen.join(',')}`]
    .filter(Boolean)
    .join(' ');
  out.push(`policy ${scope} @ ${spanText(p.span)} [${p.stack}/${p.library}]`);
  out.push(`  origins${p.originsSpan ? ` @ ${spanText(p.originsSpan)}` : ''}:`);
  for (const o of p.origins) {
    const { span, ...rest } = o;
    out.push(`    ${JSON.stringify(rest)}${span ? ` @ ${spanText(span)}` : ''}`);
  }
  out.push(`  credentials: ${valued(p.credentials)}`);
  out.push(`  allowMethods: ${valued(p.allowMethods)}`);
  out.push(`  allowHeaders: ${valued(p.allowHeaders)}`);
  out.push(`  exposeHeaders: ${valued(p.exposeHeaders)}`);
  out.push(`  maxAge: ${valued(p.maxAge)}`);
  out.push(`  varyOrigin: ${valued(p.varyOrigin)}`);
  out.push(`  preflight: ${valued(p.preflight)}`);
  out.push(`  headersOnErrors: ${valued(p.headersOnErrors)}`);
  if (p.emittedHeaders?.length) {
    out.push('  emittedHeaders:');
    for (const h of p.emittedHeaders) {
      const flags = [
        h.always ? 'always' : 'not-always',
        h.combine && `combine=${h.combine}`,
        h.conditional && `when ${h.conditional}`,
        h.fixedStatus !== undefined && `status=${h.fixedStatus}`,
        h.dependsOnOrigin && 'depends-on-origin',
      ].filter(Boolean);
      out.push(`    ${h.name}: ${JSON.stringify(h.value)} @ ${spanText(h.span)} ${flags.join(' ')}`);
    }
  }
  for (const d of p.droppedHeaders ?? []) {
    out.push(`  dropped in ${JSON.stringify(d.blockLabel)} @ ${spanText(d.block)}: ${d.headers.join(', ')} from ${JSON.stringify(d.fromLabel)} @ ${spanText(d.from)}, cause ${d.causeDirective} @ ${spanText(d.cause)}`);
  }
  if (p.proxy) out.push(`  proxy: ${p.proxy.target} @ ${spanText(p.proxy.span)} hidden=[${p.proxy.hiddenHeaders.join(', ')}]`);
  for (const n of p.notes ?? []) out.push(`  note: ${n}`);
  return out;
}

/** A stable text rendering of a scan: policies in scan order, then diagnostics sorted by place. */
export function renderScan(result: ScanResult): string {
  const lines: string[] = [];
  for (const p of result.policies) lines.push(...policyText(p), '');
  const diagnostics = [...result.diagnostics].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  for (const d of diagnostics) lines.push(`diagnostic ${d.kind} ${d.file}:${d.line ?? 0}:${d.column ?? 0} ${d.message}`);
  if (!result.policies.length && !diagnostics.length) lines.push('(no policies, no diagnostics)');
  return `${lines.join('\n').trimEnd()}\n`;
}
