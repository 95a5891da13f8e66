import type { EmittedHeader } from '../../src/model/types.js';
import { defineRule } from '../../src/rules/define-rule.js';

/** ngx_http_headers_filter (ngx_http_headers_filter_module.c): add_header without `always` is used only on these. */
const SAFE_STATUSES = [200, 201, 204, 206, 301, 302, 303, 304, 307, 308];

function scopeName(scope: { name?: string; kind: string }): string {
  return scope.name ?? scope.kind;
}

export default defineRule({
  meta: {
    id: 'cors-headers-without-always',
    docs: {
      description:
        'Nginx: add_header Access-Control-* without always, so 4xx/5xx responses carry no CORS headers and the browser reports a CORS error instead of the real status.',
      cwe: [16],
      securitySeverity: 1.0,
    },
    defaultSeverity: 'warning',
    messages: {
      withoutAlways:
        'add_header {{name}} without `always` (in {{scope}}): nginx adds it only to 200, 201, 204, 206, 301, 302, 303, 304, 307 and 308 responses, so a 401, 404 or 500 reaches the browser without CORS headers and the page sees a CORS error instead of the real status. Add `always`: add_header {{name}} {{value}} always;',
    },
  },
  check({ policies, report }) {
    const seen = new Set<string>();
    for (const policy of policies) {
      if (policy.stack !== 'nginx') continue;
      for (const header of policy.emittedHeaders ?? []) {
        if (!needsAlways(header)) continue;
        const key = `${header.span.file}:${header.span.line}:${header.span.column}`;
        if (seen.has(key)) continue;
        seen.add(key);
        report({
          messageId: 'withoutAlways',
          data: { name: header.name, value: quoteIfNeeded(header.value), scope: scopeName(policy.scope) },
          span: header.span,
          policy,
          fingerprintText: `${header.name}\u0000${header.value}`,
        });
      }
    }
  },
});

/**
 * An add_header Access-Control-* without `always`, unless the block that sends it always answers
 * with a status add_header covers anyway (the `return 204` of an OPTIONS branch).
 */
function needsAlways(header: EmittedHeader): boolean {
  if (!/^access-control-/i.test(header.name)) return false;
  if (header.always !== false || header.combine === 'replace') return false;
  return header.fixedStatus === undefined || !SAFE_STATUSES.includes(header.fixedStatus);
}

function quoteIfNeeded(value: string): string {
  return /[\s;{}'"]/.test(value) || value === '' ? `"${value.replace(/"/g, '\\"')}"` : value;
}
