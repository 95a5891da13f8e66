import type { CorsPolicy } from '../../src/model/types.js';
import type { DeployedPath } from '../../src/paths/types.js';
import { defineRule } from '../../src/rules/define-rule.js';
import { libraryLabel, scopeLabel } from '../../src/rules/policy-facts.js';
import { acaoFields, firstOfPath, linkText, where } from '../../src/rules/path-probes.js';

export interface PreflightOptions {
  /** Also report OPTIONS that go to something cors-lint cannot see (an upstream, preflightContinue). */
  reportPassthrough: boolean;
}

/** Methods a browser sends cross-origin without a preflight (Fetch: CORS-safelisted methods). */
const SAFELISTED_METHODS = new Set(['GET', 'HEAD', 'POST']);

/** "PUT /items/:id", "location /api/": what the preflight is for. */
function target(policy: CorsPolicy): string {
  const { scope } = policy;
  if (scope.kind === 'route' && scope.path) {
    const methods = scope.methods?.length ? `${scope.methods.map((m) => m.toUpperCase()).join('/')} ` : '';
    return `${methods}${scope.path}`;
  }
  return scopeLabel(policy);
}

/** Which requests the browser holds back while the preflight fails. */
function heldBack(policy: CorsPolicy): string {
  const nonSimple = (policy.scope.methods ?? []).map((m) => m.toUpperCase()).filter((m) => !SAFELISTED_METHODS.has(m) && m !== 'OPTIONS');
  if (nonSimple.length) return `${nonSimple.join('/')} requests`;
  return 'non-simple requests (PUT, PATCH, DELETE, JSON bodies, custom headers such as Authorization)';
}

/**
 * Headers written by hand (nginx add_header, application code) that name neither allowed methods nor
 * allowed headers serve simple requests only — fonts, images, plain GETs — which browsers send
 * without a preflight. A middleware answers preflights by design, so there the answer always counts;
 * so does a FastAPI app's own CORS middleware (its API takes JSON bodies).
 */
function expectsPreflights(policy: CorsPolicy): boolean {
  if (policy.library !== 'nginx' && policy.library !== 'manual') return true;
  // FastAPI reads request bodies as JSON, and application/json is no CORS-safelisted content type:
  // headers written around every request (a middleware, no route methods) serve an API whose
  // cross-origin POST/PUT calls are preflighted.
  if (policy.stack === 'fastapi' && policy.library === 'manual' && !policy.scope.methods?.length) return true;
  if (policy.scope.methods?.some((m) => !SAFELISTED_METHODS.has(m.toUpperCase()) && m.toUpperCase() !== 'OPTIONS')) return true;
  const configured = (v: CorsPolicy['allowMethods']) => v.value === 'unknown' || (v.value.length > 0 && !v.isDefault);
  return configured(policy.allowMethods) || configured(policy.allowHeaders);
}

const rule = defineRule<'notHandled' | 'passthrough' | 'proxyAnswers', PreflightOptions>({
  meta: {
    id: 'preflight-not-handled',
    docs: {
      description:
        'Preflight (OPTIONS) requests get no CORS answer, so the browser never sends non-simple cross-origin requests.',
      cwe: [942],
      securitySeverity: 2.0,
    },
    defaultSeverity: 'warning',
    defaultOptions: { reportPassthrough: false },
    messages: {
      notHandled:
        'Preflight requests for {{target}} cannot succeed: {{why}}. The browser sends an OPTIONS preflight before cross-origin {{requests}} and, unless that answer is a 2xx with matching CORS headers, never sends the real request, so the CORS settings of {{library}} never take effect for it.',
      proxyAnswers:
        '{{proxy}} answers OPTIONS itself ({{how}}) and never forwards the preflight to {{app}} ({{appAt}}), which owns CORS on this path ({{link}}): the preflight of a cross-origin {{request}} from {{origin}} gets {{answer}}, so the browser never sends the real request. {{advice}}',
      passthrough:
        'OPTIONS requests for {{target}} are passed on ({{why}}) to something cors-lint cannot see: unless it answers them with the CORS headers, the browser never sends cross-origin {{requests}} here.',
    },
  },
  check(context) {
    checkPaths(context);
    for (const policy of context.policies) {
      const { preflight } = policy;
      if (preflight.value === 'not-handled' && expectsPreflights(policy)) {
        context.report({
          messageId: 'notHandled',
          data: {
            target: target(policy),
            why: preflight.why ?? 'no CORS layer answers OPTIONS here',
            requests: heldBack(policy),
            library: libraryLabel(policy),
          },
          span: preflight.span ?? policy.span,
          policy,
          fingerprintText: `${target(policy)}\u0000${preflight.why ?? ''}`,
        });
      } else if (preflight.value === 'passthrough' && context.options.reportPassthrough) {
        context.report({
          messageId: 'passthrough',
          data: { target: target(policy), why: preflight.why ?? 'forwarded', requests: heldBack(policy) },
          span: preflight.span ?? policy.span,
          policy,
          fingerprintText: `${target(policy)}\u0000${preflight.why ?? ''}`,
        });
      }
    }
  },
});

/** What to change, in the proxy's own terms. */
const ADVICE: Record<DeployedPath['route']['stack'], string> = {
  nginx: 'Let the preflight through to the application (remove the OPTIONS branch or the access rule that refuses it), or answer it with the same CORS headers the application sends.',
  'ingress-nginx': 'Let one layer own CORS: turn enable-cors off so preflights reach the application, or give the Ingress the origins, methods and headers the application allows.',
  traefik: 'The headers middleware answers every preflight itself once it has any CORS option: give it the origins, methods and headers the application allows, or remove its CORS options so preflights reach the application.',
};

/** A proxy in front of an application answers the preflights the application would have answered. */
function checkPaths(context: Parameters<(typeof rule)['check']>[0]): void {
  for (const path of context.settings.paths ?? []) {
    const answer = path.route.answersPreflight;
    if (!answer || answer.corsHeaders) continue;
    const found = firstOfPath(path, (probe) => probe.kind === 'preflight' && probe.through.decidedBy === 'proxy' && acaoFields(probe.direct).length > 0 && acaoFields(probe.through).length === 0);
    if (found) {
      const { probe, more } = found;
      context.report({
        messageId: 'proxyAnswers',
        severity: 'error',
        data: {
          proxy: path.route.label,
          how: answer.how,
          app: libraryLabel(probe.app),
          appAt: `${where(probe.app.span)}${more}`,
          link: linkText(path),
          request: 'PUT with a JSON body',
          origin: probe.origin,
          answer: `${probe.through.status ?? 'no response'} without Access-Control-Allow-Origin`,
          advice: ADVICE[path.route.stack],
        },
        span: answer.span,
        policy: probe.app,
        fingerprintText: `${path.route.label}\u0000${answer.how}`,
        relatedLocations: [
          { span: path.route.span, message: `forwards other requests to ${path.route.targets.map((t) => t.raw).join(', ') || 'the application'}` },
          { span: probe.app.span, message: `${libraryLabel(probe.app)} answers preflights` },
        ],
      });
    }
  }
}

export default rule;
