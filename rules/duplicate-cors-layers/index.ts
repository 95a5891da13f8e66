import type { CorsPolicy, EmittedHeader, Span } from '../../src/model/types.js';
import { defineRule } from '../../src/rules/define-rule.js';
import { libraryLabel } from '../../src/rules/policy-facts.js';
import { acaoFields, firstOfPath, linkText } from '../../src/rules/path-probes.js';

const ACAO = /^access-control-allow-origin$/i;

export default defineRule({
  meta: {
    id: 'duplicate-cors-layers',
    docs: {
      description:
        'Two layers both emit CORS headers for the same traffic: an nginx location adds Access-Control-Allow-Origin and proxy_passes to an upstream that sends its own, without proxy_hide_header.',
      cwe: [16],
      securitySeverity: 2.0,
    },
    defaultSeverity: 'warning',
    messages: {
      throughPath:
        '{{proxy}} adds Access-Control-Allow-Origin to what {{app}} already sends ({{link}}): {{request}} from {{origin}} gets the fields {{fields}} through the proxy, which is not one origin, so the browser rejects the response with a CORS error. Let one layer own CORS: drop the proxy\'s add_header lines, or add proxy_hide_header Access-Control-Allow-Origin (and the other Access-Control-* headers) next to them.',
      withNginxUpstream:
        '{{scope}} adds Access-Control-Allow-Origin and proxy_passes to {{target}}, which is {{upstream}} ({{app}}) and adds its own, without proxy_hide_header Access-Control-Allow-Origin: responses carry two Access-Control-Allow-Origin fields, which browsers reject with a CORS error. Let one layer own CORS, or add proxy_hide_header Access-Control-Allow-Origin in {{scope}}.',
    },
  },
  check({ policies, settings, report }) {
    const seen = new Set<string>();
    const onPath = new Set<string>();
    for (const path of settings.paths ?? []) {
      if (path.route.blockSpan) onPath.add(key(path.route.blockSpan));
      // Only a proxy with CORS headers of its own can add a second field.
      if (!path.route.policy) continue;
      const found = firstOfPath(path, (probe) => acaoFields(probe.through).length >= 2);
      if (found) {
        const { probe, more } = found;
        const fields = acaoFields(probe.through);
        const span = probe.through.headerSpans?.['access-control-allow-origin'] ?? path.route.span;
        if (seen.has(key(span))) continue;
        seen.add(key(span));
        report({
          messageId: 'throughPath',
          data: {
            proxy: path.route.label,
            app: `${libraryLabel(probe.app)} (${where(probe.app.originsSpan ?? probe.app.span)}${more})`,
            link: linkText(path),
            request: probe.kind === 'preflight' ? 'the preflight of a PUT' : 'a GET',
            origin: probe.origin,
            fields: fields.map((f) => `'${f}'`).join(' and '),
          },
          span,
          policy: path.route.policy ?? probe.app,
          fingerprintText: `${path.route.label}\u0000${probe.app.span.file}`,
          relatedLocations: [{ span: probe.app.originsSpan ?? probe.app.span, message: `${libraryLabel(probe.app)} sends Access-Control-Allow-Origin too` }],
        });
      }
    }
    for (const policy of policies) {
      if (policy.stack !== 'nginx' || !policy.proxy || onPath.has(key(policy.span))) continue;
      const header = acao(policy);
      if (!header) continue;
      if (policy.proxy.hiddenHeaders.some((h) => ACAO.test(h))) continue;
      if (seen.has(key(policy.span))) continue;
      const scope = policy.scope.name ?? policy.scope.kind;
      const target = policy.proxy.target;
      const upstream = nginxUpstream(policy, policies);
      if (upstream) {
        seen.add(key(policy.span));
        report({
          messageId: 'withNginxUpstream',
          data: { scope, target, upstream: upstream.scope.name ?? 'another server block', app: where(upstream.originsSpan ?? upstream.span) },
          span: header.span,
          policy,
          fingerprintText: `${scope}\u0000${target}`,
        });
      }
    }
  },
});

function key(span: Span): string {
  return `${span.file}:${span.line}:${span.column}`;
}

function where(span: Span): string {
  return `${span.file}:${span.line}`;
}

/** An Access-Control-Allow-Origin the location sends on proxied responses (not only in a returning branch). */
function acao(policy: CorsPolicy): EmittedHeader | undefined {
  return (policy.emittedHeaders ?? []).find((h) => ACAO.test(h.name) && h.fixedStatus === undefined);
}

/** `proxy_pass http://127.0.0.1:8081` to a server block of the same run that listens there and adds CORS headers. */
function nginxUpstream(policy: CorsPolicy, policies: readonly CorsPolicy[]): CorsPolicy | undefined {
  const m = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(?::(\d+))?(?:\/|$)/i.exec(policy.proxy!.target);
  if (!m) return undefined;
  const port = m[2] ?? (policy.proxy!.target.startsWith('https') ? '443' : '80');
  return policies.find(
    (other) =>
      other !== policy &&
      other.stack === 'nginx' &&
      !sameListen(other, policy) &&
      (other.scope.listen ?? []).some((l) => listensOn(l, port)) &&
      (other.emittedHeaders ?? []).some((h) => ACAO.test(h.name)),
  );
}

function sameListen(a: CorsPolicy, b: CorsPolicy): boolean {
  return JSON.stringify(a.scope.listen ?? []) === JSON.stringify(b.scope.listen ?? []);
}

function listensOn(listen: string, port: string): boolean {
  const m = /^(?:(?:localhost|127\.0\.0\.1|\*|0\.0\.0\.0|\[::1?\]):)?(\d+)$/.exec(listen);
  return m?.[1] === port;
}
