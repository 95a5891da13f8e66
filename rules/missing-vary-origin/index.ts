import type { CorsPolicy } from '../../src/model/types.js';
import { defineRule } from '../../src/rules/define-rule.js';
import { libraryLabel, originDependsOnRequest, scopeLabel } from '../../src/rules/policy-facts.js';

const PYTHON_STACKS = new Set(['fastapi', 'starlette', 'flask', 'django']);

/** The change that makes the responses carry Vary: Origin, in the policy's own terms. */
function fixFor(policy: CorsPolicy): string {
  switch (policy.library) {
    case 'nginx':
      return 'Add `add_header Vary Origin always;` in the same block.';
    case 'flask-cors':
      return 'Drop vary_header=False: Flask-CORS then adds Vary: Origin itself.';
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
      });
    }
  },
});

/** Every Access-Control-Allow-Origin is sent only on answers to OPTIONS, which caches do not store. */
function onlyOnPreflights(policy: CorsPolicy): boolean {
  const acao = (policy.emittedHeaders ?? []).filter((h) => /^access-control-allow-origin$/i.test(h.name));
  return acao.length > 0 && acao.every((h) => h.preflightOnly === true);
}
