import type { CorsPolicy, EmittedHeader } from '../../src/model/types.js';
import { defineRule } from '../../src/rules/define-rule.js';
import { fixOf, type SourceReader } from '../../src/fix/source.js';
import type { Fix } from '../../src/model/types.js';

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
    fixable: 'safe',
    messages: {
      withoutAlways:
        'add_header {{name}} without `always` (in {{scope}}): nginx adds it only to 200, 201, 204, 206, 301, 302, 303, 304, 307 and 308 responses, so a 401, 404 or 500 reaches the browser without CORS headers and the page sees a CORS error instead of the real status. Add `always`: add_header {{name}} {{value}} always;',
      withoutAlwaysMany:
        '{{count}} add_header Access-Control-* without `always` (in {{scope}}): {{names}}. nginx adds them only to 200, 201, 204, 206, 301, 302, 303, 304, 307 and 308 responses, so a 401, 404 or 500 reaches the browser without CORS headers and the page sees a CORS error instead of the real status. Add `always` to each, e.g. add_header {{name}} {{value}} always;',
    },
  },
  check({ policies, report, source }) {
    // One finding per block: headers written together reach the same policies (a server's headers
    // are inherited by each of its locations) under the same condition (an `if` inside a location is
    // a block of its own), so headers with the same policies and condition are one group.
    const keyOf = (h: EmittedHeader) => `${h.span.file}:${h.span.line}:${h.span.column}`;
    const reach = new Map<string, { header: EmittedHeader; policies: CorsPolicy[] }>();
    for (const policy of policies) {
      if (policy.stack !== 'nginx') continue;
      for (const header of policy.emittedHeaders ?? []) {
        if (!needsAlways(header)) continue;
        const entry = reach.get(keyOf(header)) ?? reach.set(keyOf(header), { header, policies: [] }).get(keyOf(header))!;
        if (!entry.policies.includes(policy)) entry.policies.push(policy);
      }
    }
    const groups = new Map<string, Array<{ header: EmittedHeader; policies: CorsPolicy[] }>>();
    for (const entry of reach.values()) {
      const signature = `${entry.header.span.file}\u0000${entry.header.conditional ?? ''}\u0000${entry.policies.map((p) => policies.indexOf(p)).join(',')}`;
      (groups.get(signature) ?? groups.set(signature, []).get(signature)!).push(entry);
    }
    for (const group of groups.values()) {
      if (!blocksOnErrors(group.map((g) => g.header))) continue;
      group.sort((a, b) => a.header.span.line - b.header.span.line || a.header.span.column - b.header.span.column);
      const first = group[0]!;
      const policy = writerPolicy(first.header, first.policies);
      const data = { name: first.header.name, value: quoteIfNeeded(first.header.value), scope: scopeName(policy.scope) };
      report({
        messageId: group.length === 1 ? 'withoutAlways' : 'withoutAlwaysMany',
        data: group.length === 1 ? data : { ...data, count: group.length, names: group.map((g) => g.header.name).join(', ') },
        span: first.header.span,
        policy,
        fingerprintText: group.map((g) => `${g.header.name}\u0000${g.header.value}`).join('\u0001'),
        fix: alwaysFix(group.map((g) => g.header), source),
      });
    }
  },
});

/** The policy of the block the header is written in: the innermost one whose span holds it. */
function writerPolicy(header: EmittedHeader, candidates: CorsPolicy[]): CorsPolicy {
  const holds = (p: CorsPolicy) => p.span.file === header.span.file && p.span.line <= header.span.line && p.span.endLine >= header.span.line;
  const holding = candidates.filter(holds).sort((a, b) => a.span.endLine - a.span.line - (b.span.endLine - b.span.line));
  return holding[0] ?? candidates[0]!;
}

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

/**
 * ` always` after the value of each add_header of the group (the header span is its value word).
 * Safe: the same headers, now also on 4xx/5xx. Only where the value is directly followed by the `;`.
 */
function alwaysFix(headers: EmittedHeader[], source: SourceReader): Fix | undefined {
  const edits = headers.map((h) => {
    const text = source(h.span.file);
    const range = text?.range(h.span);
    if (!text || !range || !/^[ \t]*;/.test(text.text.slice(range.end))) return undefined;
    return text.edit(range.end, range.end, ' always');
  });
  return fixOf('safe', headers.length === 1 ? 'Add `always`' : `Add \`always\` to the ${headers.length} add_header lines`, edits);
}

/**
 * Whether losing these headers on a 4xx/5xx turns the answer into a CORS error: Allow-Origin and
 * Allow-Credentials decide every response; Allow-Methods, Allow-Headers and Max-Age only a
 * preflight's, so they count unless the block answers only other methods
 * (`if ($request_method = GET)`); Expose-Headers only limits what the page reads.
 */
function blocksOnErrors(headers: EmittedHeader[]): boolean {
  if (headers.some((h) => /^access-control-allow-(?:origin|credentials)$/i.test(h.name))) return true;
  const preflightHeaders = headers.filter((h) => /^access-control-(?:allow-methods|allow-headers|max-age)$/i.test(h.name));
  return preflightHeaders.some((h) => !/\$request_method\s*=\s*["']?(?!OPTIONS\b)[A-Z]+["']?\s*\)/i.test(h.conditional ?? ''));
}
