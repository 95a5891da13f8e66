import type { CorsPolicy, Library, Span, Valued } from '../../src/model/types.js';
import { defineRule } from '../../src/rules/define-rule.js';
import { isHeader, libraryLabel } from '../../src/rules/policy-facts.js';
import { traefikHasCorsWildcardFix } from '../../src/proxy/traefik/versions.js';

type Field = 'allowHeaders' | 'allowMethods' | 'exposeHeaders';

const HEADER_OF: Record<Field, string> = {
  allowHeaders: 'Access-Control-Allow-Headers',
  allowMethods: 'Access-Control-Allow-Methods',
  exposeHeaders: 'Access-Control-Expose-Headers',
};

/**
 * Where the library does not send '*' as written (read in each library's source):
 * - Starlette CORSMiddleware (0.26.1 cors.py): allow_headers=['*'] mirrors Access-Control-Request-Headers
 *   on the preflight; allow_methods=['*'] is replaced by the full method list.
 * - Flask-CORS (3.0.10 core.py): allow_headers '*' becomes the pattern '.*' and only the requested
 *   headers that match are sent back; methods '*' never reaches the browser (the requested method is
 *   looked up in the string '*', so Access-Control-Allow-Methods is left out altogether).
 * - Traefik headers middleware (v3.7 header.go): with accessControlAllowCredentials, '*' in
 *   accessControlAllowHeaders / accessControlAllowMethods is answered with the requested headers /
 *   method; '*' in accessControlExposeHeaders makes it leave Access-Control-Expose-Headers out.
 * Everything else — npm cors, @fastify/cors, @koa/cors, django-cors-headers, nginx, hand-written
 * headers, and every library's expose headers — sends the '*' literally.
 */
const NOT_LITERAL: Partial<Record<Library, readonly Field[]>> = {
  starlette: ['allowHeaders', 'allowMethods'],
  'flask-cors': ['allowHeaders', 'allowMethods'],
  traefik: ['allowHeaders', 'allowMethods'],
};

/** Where the library drops the header instead of sending '*' (Traefik's expose headers). */
const DROPPED: Partial<Record<Library, readonly Field[]>> = {
  traefik: ['exposeHeaders'],
};

function hasWildcard(values: readonly string[]): boolean {
  return values.some((value) => value.split(',').some((part) => part.trim() === '*'));
}

function spanKey(span: Span): string {
  return `${span.file}:${span.line}:${span.column}`;
}

export default defineRule({
  meta: {
    id: 'credentials-with-wildcard-headers',
    docs: {
      description:
        "'*' in Access-Control-Allow-Headers, -Allow-Methods or -Expose-Headers together with credentials: browsers take '*' literally for credentialed requests.",
      cwe: [942],
      securitySeverity: 2.0,
    },
    defaultSeverity: 'warning',
    messages: {
      allowHeaders:
        "{{header}}: * with credentials (sent as written by {{library}}): for a credentialed request the browser reads '*' as a header literally named '*', so every preflight that asks for a non-safelisted header (Authorization, Content-Type: application/json, X-Requested-With) fails and the request is never sent. List the allowed headers instead.",
      allowMethods:
        "{{header}}: * with credentials (sent as written by {{library}}): for a credentialed request the browser reads '*' as a method literally named '*', so preflights for PUT, PATCH and DELETE fail and those requests are never sent. List the allowed methods instead.",
      exposeHeaders:
        "{{header}}: * with credentials (sent as written by {{library}}): for a credentialed response the browser reads '*' as a header literally named '*', so scripts on the calling page cannot read any non-safelisted response header. List the headers to expose instead.",
      exposeHeadersDropped:
        "{{header}}: * with credentials: {{library}} then leaves Access-Control-Expose-Headers out of every response (its answer to '*' with credentials), so scripts on the calling page cannot read any non-safelisted response header. List the headers to expose instead.",
    },
  },
  check(context) {
    const reported = new Set<string>();
    const report = (policy: CorsPolicy, field: Field, span: Span) => {
      if (reported.has(spanKey(span))) return;
      reported.add(spanKey(span));
      context.report({
        messageId: (DROPPED[policy.library] ?? []).includes(field) && (policy.library !== 'traefik' || traefikHasCorsWildcardFix(policy.libraryVersion)) ? 'exposeHeadersDropped' : field,
        data: { header: HEADER_OF[field], library: libraryLabel(policy) },
        span,
        policy,
        fingerprintText: HEADER_OF[field],
      });
    };

    for (const policy of context.policies) {
      if (policy.credentials.value !== true) continue;
      // Traefik expands '*' only from v3.6.22 / v3.7.6 on; before, it sends the '*' as written.
      const modernTraefik = policy.library !== 'traefik' || traefikHasCorsWildcardFix(policy.libraryVersion);
      const expanded = modernTraefik ? (NOT_LITERAL[policy.library] ?? []) : [];
      for (const field of Object.keys(HEADER_OF) as Field[]) {
        if (expanded.includes(field)) continue;
        const valued: Valued<string[]> = policy[field];
        // Literal headers (nginx add_header, hand-written code) when the scanner did not fold them into the field.
        const emitted = (policy.emittedHeaders ?? []).find((h) => isHeader(h.name, HEADER_OF[field]) && hasWildcard([h.value]));
        if (valued.value !== 'unknown' && hasWildcard(valued.value)) report(policy, field, valued.span ?? emitted?.span ?? policy.span);
        else if (emitted) report(policy, field, emitted.span);
      }
    }
  },
});
