import type { CorsPolicy, EmittedHeader, Library, Span } from '../../src/model/types.js';
import { defineRule } from '../../src/rules/define-rule.js';
import { acaoHeaders, addsField, listedOrigins, scopeLabel } from '../../src/rules/policy-facts.js';

/** Why the listed value reaches the browser as written, and what to write instead, per library. */
const VERBATIM: Partial<Record<Library, { how: string; fix: string }>> = {
  cors: {
    how: 'the cors middleware sends a string origin option verbatim, whatever the request Origin is',
    fix: "Pass an array instead (origin: ['https://a.example.com', 'https://b.example.com']): cors then echoes the one that matches.",
  },
  '@fastify/cors': {
    how: '@fastify/cors sends a string origin option verbatim, whatever the request Origin is',
    fix: 'Pass an array of origins instead: @fastify/cors then echoes the one that matches.',
  },
  '@koa/cors': {
    how: '@koa/cors sends a string origin option verbatim, whatever the request Origin is',
    fix: 'Pass a function that returns the request Origin when it is in your list.',
  },
  manual: {
    how: 'the header is written with this literal value on every response',
    fix: 'Compare the request Origin against your list and send only the one that matches (with Vary: Origin).',
  },
  nginx: {
    how: 'nginx add_header sends this literal value on every response',
    fix: 'Use `map $http_origin $cors_origin { ... }` to pick the one allowed origin and send $cors_origin (with Vary: Origin).',
  },
};
const GENERIC = {
  how: 'the value is sent as written, whatever the request Origin is',
  fix: 'Send only the one origin that matches the request Origin.',
};

function spanKey(span: Span): string {
  return `${span.file}:${span.line}:${span.column}`;
}

export default defineRule({
  meta: {
    id: 'multiple-origin-values',
    docs: {
      description:
        'A response would carry several origins in Access-Control-Allow-Origin (one value listing origins, or two headers in effect at once); browsers reject it.',
      cwe: [942],
      securitySeverity: 3.0,
    },
    defaultSeverity: 'error',
    messages: {
      listInOneValue:
        "Access-Control-Allow-Origin '{{value}}' lists {{count}} origins and {{how}} (in {{scope}}): browsers accept exactly one origin or '*', so they reject every response carrying it and all cross-origin requests fail with a CORS error. {{fix}}",
      replaced:
        "Access-Control-Allow-Origin is set to '{{first}}' at line {{firstLine}} and then to '{{second}}' here, on the same response (in {{scope}}): the second write replaces the first, so only '{{second}}' is ever sent and '{{first}}' is never allowed. One header holds one origin: pick the value from the request's Origin against a list of allowed origins (and send Vary: Origin).",
      twoWrites:
        "Access-Control-Allow-Origin is added twice to the same response ('{{first}}' at line {{firstLine}}, '{{second}}' here, in {{scope}}): {{how}}, the browser sees {{seen}} and rejects the response with a CORS error. Keep a single Access-Control-Allow-Origin.",
    },
  },
  check(context) {
    const reported = new Set<string>();
    const reportList = (policy: CorsPolicy, value: string, span: Span) => {
      const origins = listedOrigins(value);
      if (origins.length < 2 || reported.has(spanKey(span))) return;
      reported.add(spanKey(span));
      const { how, fix } = VERBATIM[policy.library] ?? GENERIC;
      context.report({
        messageId: 'listInOneValue',
        data: { value: value.trim(), count: origins.length, how, fix, scope: scopeLabel(policy) },
        span,
        policy,
        fingerprintText: value.trim(),
      });
    };

    for (const policy of context.policies) {
      // (a) one value that lists several origins and reaches the browser as written.
      for (const entry of policy.origins) {
        if (entry.kind !== 'exact' || !entry.sentVerbatim) continue;
        reportList(policy, entry.origin, entry.span ?? policy.originsSpan ?? policy.span);
      }
      const headers = acaoHeaders(policy);
      // Source text of an expression (`origin || ''`) is not a header value: nothing to count there.
      for (const header of headers) if (!header.expression) reportList(policy, header.value, header.span);

      // (b) two writes in effect on the same response: same branch (or both unconditional),
      // and the later one adds a field instead of replacing the first.
      const firstInBranch = new Map<string, EmittedHeader>();
      for (const header of headers) {
        const branch = header.conditional ?? '';
        const first = firstInBranch.get(branch);
        if (!first) {
          firstInBranch.set(branch, header);
          continue;
        }
        if (reported.has(spanKey(header.span))) continue;
        if (!addsField(policy, header)) {
          // A later write replaces the earlier one: with two different fixed origins in a row, the author
          // meant to allow both, but only the last is ever sent.
          if (first.span.file !== header.span.file || !isFixedOrigin(first) || !isFixedOrigin(header) || first.value.trim() === header.value.trim()) continue;
          reported.add(spanKey(header.span));
          context.report({
            messageId: 'replaced',
            data: { first: first.value, firstLine: first.span.line, second: header.value, scope: scopeLabel(policy) },
            span: header.span,
            policy,
            fingerprintText: `replaced\u0000${first.value}\u0000${header.value}`,
          });
          continue;
        }
        reported.add(spanKey(header.span));
        context.report({
          messageId: 'twoWrites',
          data: {
            first: first.value,
            firstLine: first.span.line,
            second: header.value,
            seen: /\$/.test(first.value + header.value) ? 'the two values joined by a comma' : `'${first.value}, ${header.value}'`,
            how: policy.library === 'nginx' ? 'nginx sends both add_header fields' : 'each write adds another header field',
            scope: scopeLabel(policy),
          },
          span: header.span,
          policy,
          fingerprintText: `${first.value}\u0000${header.value}`,
        });
      }
    }
  },
});

/** A header value that is one literal origin written in place (not `*`, not an expression or a variable). */
function isFixedOrigin(header: EmittedHeader): boolean {
  return !header.expression && !header.dependsOnOrigin && !header.conditional && /^[a-z][a-z0-9+.-]*:\/\/[^\s,$]+$/i.test(header.value.trim());
}
