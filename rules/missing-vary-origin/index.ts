import type { CorsPolicy, Fix, Span } from '../../src/model/types.js';
import { fixOf, type SourceReader } from '../../src/fix/source.js';
import { defineRule } from '../../src/rules/define-rule.js';
import { libraryLabel, originDependsOnRequest, scopeLabel } from '../../src/rules/policy-facts.js';

const PYTHON_STACKS = new Set(['fastapi', 'starlette', 'flask', 'django']);

/** The change that makes the responses carry Vary: Origin, in the policy's own terms. */
function fixFor(policy: CorsPolicy): string {
  switch (policy.library) {
    case 'nginx':
      return 'Add `add_header Vary Origin always;` in the same block.';
    case 'ingress-nginx':
      return "Add `more_set_headers 'Vary: Origin';` to the Ingress's nginx.ingress.kubernetes.io/configuration-snippet (where the controller allows snippets), or put a cache in front that keys on Origin.";
    case 'flask-cors':
      return 'Drop vary_header=False: Flask-CORS then adds Vary: Origin itself.';
    case 'traefik':
      return 'Set addVaryHeader: true on the middleware (label `...headers.addvaryheader=true`): Traefik then adds Vary: Origin to every forwarded response.';
    case 'manual':
      return PYTHON_STACKS.has(policy.stack)
        ? "Add 'Vary: Origin' to every response whose Access-Control-Allow-Origin is computed (Django: patch_vary_headers(response, ['Origin']))."
        : "Call res.vary('Origin') (or res.append('Vary', 'Origin')) wherever the header is set.";
    default:
      return 'Send Vary: Origin on these responses.';
  }
}

export default defineRule({
  meta: {
    id: 'missing-vary-origin',
    docs: {
      description:
        'Access-Control-Allow-Origin depends on the request Origin but Vary: Origin is not sent, so shared caches and CDNs serve one origin\'s CORS answer to another.',
      cwe: [524],
      securitySeverity: 4.0,
    },
    defaultSeverity: 'warning',
    fixable: 'safe',
    messages: {
      missingVary:
        'Access-Control-Allow-Origin {{how}} (in {{scope}}), but no Vary: Origin is sent with it ({{library}}{{detail}}): a shared cache or CDN can store the response made for one origin and serve it to a request from another, whose browser then sees a foreign Access-Control-Allow-Origin and blocks it, or gets the CORS answer meant for another site. {{fix}}',
    },
  },
  check(context) {
    // Several policies can share one header (an nginx server-level add_header inherited by every
    // location): the fix is one line at that header, so it is reported once.
    const seen = new Set<string>();
    for (const policy of context.policies) {
      if (policy.varyOrigin.value !== false) continue;
      if (onlyOnPreflights(policy)) continue;
      const dependence = originDependsOnRequest(policy);
      if (dependence.depends !== true) continue;
      const at = dependence.span ?? policy.originsSpan ?? policy.span;
      const key = `${at.file}:${at.line}:${at.column}\u0000${dependence.how}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const detail = policy.varyOrigin.why && !policy.varyOrigin.isDefault ? `; ${policy.varyOrigin.why}` : '';
      context.report({
        messageId: 'missingVary',
        data: { how: dependence.how, scope: scopeLabel(policy), library: libraryLabel(policy), detail, fix: fixFor(policy) },
        span: at,
        policy,
        fingerprintText: dependence.how,
        fix: varyFix(policy, at, context.source),
      });
    }
  },
});

/** Every Access-Control-Allow-Origin is sent only on answers to OPTIONS, which caches do not store. */
function onlyOnPreflights(policy: CorsPolicy): boolean {
  const acao = (policy.emittedHeaders ?? []).filter((h) => /^access-control-allow-origin$/i.test(h.name));
  return acao.length > 0 && acao.every((h) => h.preflightOnly === true);
}

/**
 * A line after the one that sets the origin-dependent header, in its block and indentation: nginx
 * `add_header Vary Origin always;`, Express `res.vary('Origin');` (which appends to any Vary already
 * set), Flask `response.headers.add('Vary', 'Origin')`, Starlette `response.headers.append('Vary', 'Origin')`.
 * Safe: caches key on Origin, nothing else changes. Only where the header is set unconditionally, in
 * a statement of its own; elsewhere the right place is a judgement call.
 */
function varyFix(policy: CorsPolicy, at: Span, source: SourceReader): Fix | undefined {
  const text = source(at.file);
  const range = text?.range(at);
  if (!text || !range) return undefined;
  const lineStart = text.offset(at.line, 1)!;
  const before = text.text.slice(lineStart, range.start);
  const next = text.lineEnd(range.end);
  const indent = text.indentAt(range.start);
  // A header sent only under a condition needs Vary on the other responses too (a cache must not
  // serve the answer without CORS headers to an allowed origin): where that goes is not mechanical.
  const header = policy.emittedHeaders?.find((h) => h.span.file === at.file && h.span.line === at.line && /^access-control-allow-origin$/i.test(h.name));
  if (!header || header.conditional) return undefined;
  if (policy.library === 'nginx') {
    if (!/^[ \t]*add_header[ \t]+\S+[ \t]+$/.test(before)) return undefined;
    const rest = /^[^;\n]*;[ \t]*\r?\n/.exec(text.text.slice(range.end));
    if (!rest || range.end + rest[0].length !== next) return undefined;
    return fixOf('safe', 'Add `add_header Vary Origin always;` after it', [text.edit(next, next, `${indent}add_header Vary Origin always;${text.eol}`)]);
  }
  if (policy.library === 'manual' && policy.stack === 'express') {
    const call = /^(\w+)\.(?:setHeader|header|set|append)\(\s*(['"])/.exec(text.text.slice(range.start, range.end));
    if (!call || before.trim() !== '' || !/^[ \t]*;?[ \t]*\r?\n/.test(text.text.slice(range.end, next))) return undefined;
    const q = call[2]!;
    return fixOf('safe', `Add ${call[1]}.vary(${q}Origin${q}) after it`, [text.edit(next, next, `${indent}${call[1]}.vary(${q}Origin${q});${text.eol}`)]);
  }
  const python = /^(\w+)\.headers\[(['"])Access-Control-Allow-Origin\2\]\s*=/i.exec(text.text.slice(range.start, range.end));
  if (policy.library === 'manual' && python && before.trim() === '' && /^[ \t]*(#.*)?\r?\n?$/.test(text.text.slice(range.end, next))) {
    const [, name, q] = python;
    // werkzeug Headers.add and Starlette MutableHeaders.append add one more Vary field, keeping any other.
    const method = policy.stack === 'flask' ? 'add' : policy.stack === 'fastapi' || policy.stack === 'starlette' ? 'append' : undefined;
    const call = method && `${name}.headers.${method}(${q}Vary${q}, ${q}Origin${q})`;
    if (call) return fixOf('safe', `Add ${call} after it`, [text.edit(next, next, `${indent}${call}${text.eol}`)]);
  }
  return undefined;
}
