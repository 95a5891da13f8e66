import type { CorsPolicy, Span } from '../../src/model/types.js';
import { policyVariables } from '../../src/environment/apply.js';
import { environmentFitsOrigin, isProductionName } from '../../src/environment/types.js';
import { originCallsApi } from '../../src/frontend/link.js';
import { FRAMEWORK_LABEL, type FrontendLink } from '../../src/frontend/types.js';
import { defineRule } from '../../src/rules/define-rule.js';
import { actorLabel } from '../../src/rules/library-effects.js';
import { simulate } from '../../src/simulate/simulate.js';
import { simulatePath } from '../../src/paths/respond.js';

export default defineRule({
  meta: {
    id: 'frontend-origin-not-allowed',
    docs: {
      description: 'A frontend in the repository calls a backend from an origin that the backend\'s CORS policy does not allow, so the browser blocks every response it gets.',
      cwe: [942],
      securitySeverity: 3.1,
    },
    defaultSeverity: 'warning',
    messages: {
      blocked:
        "{{framework}} app '{{frontend}}' runs on {{origin}} ({{originHow}}) and calls {{apiUrl}} ({{apiHow}}), which reaches this {{library}} policy through {{link}}; the policy does not allow {{origin}}{{allowed}}{{environment}}, so the browser blocks every response to that page: add {{origin}} to the allowed origins or proxy the calls through the dev server",
    },
  },
  check({ policies, settings, report }) {
    const links = settings.frontends?.links ?? [];
    if (!links.length) return;
    const byPlace = new Map<string, CorsPolicy[]>();
    for (const p of policies) byPlace.set(placeKey(p.span), [...(byPlace.get(placeKey(p.span)) ?? []), p]);
    const seen = new Set<string>();
    for (const link of links) {
      if (link.proxiedBy) continue;
      const versions = byPlace.get(placeKey(link.policy.span));
      if (!versions) continue;
      for (const origin of link.frontend.origins) {
        if (!originCallsApi(origin.environment, link.apiUrl.environment)) continue;
        if (sameOrigin(origin.origin, link.apiUrl.url)) continue;
        // The code's default and the environments a developer runs with; production values only for production origins.
        // A production origin meets the code's default only where the origins are not env-driven: the
        // deployment may set them from somewhere the repository does not show.
        const productionOrigin = isProductionName(origin.environment);
        const candidates = versions.filter((p) => (p.environment ? environmentFitsOrigin(p.environment, origin.environment) : !productionOrigin || !policyVariables(p).length));
        const request = { origin: origin.origin, method: 'GET', credentials: false, requestHeaders: [] };
        const verdicts = candidates.map((p) => ({ p, allowed: (link.through ? simulatePath(link.through, p, request) : simulate(p, request)).verdict.allowed }));
        const envAllows = verdicts.some((v) => v.p.environment && v.allowed !== false);
        for (const { p, allowed } of verdicts) {
          if (allowed !== false) continue;
          if (!p.environment && envAllows) continue;
          const key = [link.frontend.absDir, origin.origin, placeKey(p.span), p.environment?.name ?? ''].join('\u0000');
          if (seen.has(key)) continue;
          seen.add(key);
          const production = isProductionName(origin.environment) || (p.environment && isProductionName(p.environment.name.split(' ')[0]!));
          report({
            messageId: 'blocked',
            data: {
              framework: FRAMEWORK_LABEL[link.frontend.framework],
              frontend: link.frontend.dir === '.' ? link.frontend.name : link.frontend.dir,
              origin: origin.origin,
              originHow: origin.how,
              apiUrl: link.apiUrl.url,
              apiHow: `${link.apiUrl.how}, ${place(link.apiUrl.span)}`,
              library: actorLabel(p),
              link: link.how,
              allowed: allowedList(p),
              environment: p.environment ? ` in environment ${p.environment.name}` : '',
            },
            span: p.originsSpan ?? p.span,
            severity: production ? 'error' : 'warning',
            policy: p,
            fingerprintText: `${link.frontend.dir}\u0000${origin.origin}\u0000${p.environment?.name ?? ''}`,
            relatedLocations: relatedOf(link, origin.span),
          });
        }
      }
    }
  },
});

function placeKey(span: Span): string {
  return `${span.file}:${span.line}:${span.column}`;
}

function place(span: Span): string {
  return `${span.file}:${span.line}`;
}

function sameOrigin(origin: string, url: string): boolean {
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}

function allowedList(p: CorsPolicy): string {
  const exact = p.origins.flatMap((o) => (o.kind === 'exact' ? [o.origin] : o.kind === 'regex' ? [`/${o.pattern}/`] : []));
  if (!exact.length) return '';
  const shown = exact.slice(0, 4).join(', ');
  return ` (it allows ${shown}${exact.length > 4 ? ', …' : ''})`;
}

function relatedOf(link: FrontendLink, originSpan: Span | undefined): Array<{ span: Span; message: string }> {
  const out = [{ span: link.apiUrl.span, message: `API base URL ${link.apiUrl.url}` }];
  out.push({ span: originSpan ?? link.frontend.packageJson, message: `${FRAMEWORK_LABEL[link.frontend.framework]} app ${link.frontend.name}` });
  return out;
}
