import type { CorsPolicy, Span } from '../../src/model/types.js';
import { defineRule } from '../../src/rules/define-rule.js';
import { LIBRARY_NAMES, STACK_NAMES } from '../../src/rules/policy-facts.js';

/** How many names a message lists before "and N more". */
const LISTED = 5;

function listNames(items: Array<{ label: string; span: Span }>): string {
  const shown = items.slice(0, LISTED).map((item) => `${item.label} (line ${item.span.line})`);
  const more = items.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}

/**
 * Middleware that never answer a request themselves: they only transform what the app returns
 * (Starlette's gzip.py compresses, sessions.py sets a cookie header, uvicorn's ProxyHeadersMiddleware
 * rewrites the scope), so CORS headers added inside them reach the browser unchanged.
 */
const PASS_THROUGH = new Set(['GZipMiddleware', 'SessionMiddleware', 'ProxyHeadersMiddleware']);

/** Why the middleware named in `addedAfter` end up outside the CORS layer, per library. */
function wrappingRule(policy: CorsPolicy): { layer: string; order: string; fix: string } {
  switch (policy.library) {
    case 'starlette':
      return {
        layer: 'CORSMiddleware',
        order: 'in Starlette the last add_middleware() call, or the first entry of middleware=[...], is the outermost layer',
        fix: 'Add CORSMiddleware last (or list it first in middleware=[...]).',
      };
    case 'django-cors-headers':
      return {
        layer: 'CorsMiddleware',
        order: 'Django runs MIDDLEWARE entries listed earlier outside the later ones',
        fix: 'Move corsheaders.middleware.CorsMiddleware above them in MIDDLEWARE.',
      };
    default:
      return {
        layer: LIBRARY_NAMES[policy.library],
        order: `${STACK_NAMES[policy.stack]} runs them outside it`,
        fix: 'Register the CORS layer so that it wraps everything else.',
      };
  }
}

export default defineRule({
  meta: {
    id: 'middleware-order',
    docs: {
      description:
        'The CORS layer does not wrap the whole app: middleware outside it (Starlette/FastAPI) or routes registered before it (Express) answer without CORS headers.',
      cwe: [696],
      securitySeverity: 3.0,
    },
    defaultSeverity: 'warning',
    messages: {
      wrappedByLater:
        '{{layer}} is wrapped by {{names}}: {{order}}, so responses those middleware produce themselves — an authentication 401, a rejected host, an error they raise — leave the app without CORS headers, and the browser reports a CORS error instead of the real status, which the page cannot read. {{fix}}',
      shadowedByCors:
        'CORSMiddleware is added more than once: {{names}} {{verb}} outside this one. Starlette answers every preflight from the outermost CORSMiddleware alone, so the origins, methods and headers of this one never apply to preflights, while on other requests every layer runs and sets its own headers (an origin that any of them allows gets Access-Control-Allow-Origin). Keep one CORSMiddleware with the settings you mean.',
      routesBefore:
        '{{library}} is registered after {{routes}}: {{framework}} runs handlers in registration order, so these routes answer before the CORS middleware runs and their responses carry no Access-Control-Allow-Origin; browsers block them for every other origin. Register the CORS middleware before the routes.',
    },
  },
  check(context) {
    for (const policy of context.policies) {
      const order = policy.order;
      if (!order) continue;
      const outside = (order.addedAfter ?? []).filter((m) => !PASS_THROUGH.has(m.name.split('.').pop()!));
      // Another CORSMiddleware outside this one does answer with CORS headers: not an order problem,
      // but a second policy that takes over the preflights.
      const isCorsLayer = (name: string) => policy.library === 'starlette' && name.split('.').pop() === 'CORSMiddleware';
      const corsLayers = outside.filter((m) => isCorsLayer(m.name));
      const wrappers = outside.filter((m) => !isCorsLayer(m.name));
      if (corsLayers.length) {
        context.report({
          messageId: 'shadowedByCors',
          data: { names: listNames(corsLayers.map((m) => ({ label: 'CORSMiddleware', span: m.span }))), verb: corsLayers.length === 1 ? 'is' : 'are' },
          span: policy.span,
          policy,
          fingerprintText: `cors-layers:${corsLayers.length}`,
        });
      }
      if (wrappers.length) {
        const { layer, order: why, fix } = wrappingRule(policy);
        context.report({
          messageId: 'wrappedByLater',
          data: { layer, names: listNames(wrappers.map((m) => ({ label: m.name, span: m.span }))), order: why, fix },
          span: policy.span,
          policy,
          fingerprintText: wrappers.map((m) => m.name).join(','),
        });
      }
      const routes = order.routesBefore ?? [];
      if (routes.length) {
        context.report({
          messageId: 'routesBefore',
          data: {
            library: LIBRARY_NAMES[policy.library],
            framework: STACK_NAMES[policy.stack],
            routes: listNames(routes.map((r) => ({ label: `${r.method.toUpperCase()} ${r.path}`, span: r.span }))),
          },
          span: policy.span,
          policy,
          fingerprintText: routes.map((r) => `${r.method.toUpperCase()} ${r.path}`).join(','),
        });
      }
    }
  },
});
