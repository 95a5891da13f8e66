import type { CorsPolicy, EmittedHeader, Span } from '../../src/model/types.js';
import { defineRule } from '../../src/rules/define-rule.js';

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
      withApp:
        '{{scope}} adds Access-Control-Allow-Origin and proxy_passes to {{target}} without proxy_hide_header Access-Control-Allow-Origin, while the application configures CORS too ({{app}}{{more}}): responses that pass through carry two Access-Control-Allow-Origin fields, which browsers reject with a CORS error. Let one layer own CORS: drop the add_header lines, or add proxy_hide_header Access-Control-Allow-Origin (and the other Access-Control-* headers) in {{scope}}.',
      withNginxUpstream:
        '{{scope}} adds Access-Control-Allow-Origin and proxy_passes to {{target}}, which is {{upstream}} ({{app}}) and adds its own, without proxy_hide_header Access-Control-Allow-Origin: responses carry two Access-Control-Allow-Origin fields, which browsers reject with a CORS error. Let one layer own CORS, or add proxy_hide_header Access-Control-Allow-Origin in {{scope}}.',
    },
  },
  check({ policies, report }) {
    const apps = policies
      .filter((p) => p.stack !== 'nginx')
      .sort((a, b) => a.span.file.localeCompare(b.span.file) || a.span.line - b.span.line);
    const seen = new Set<string>();
    for (const policy of policies) {
      if (policy.stack !== 'nginx' || !policy.proxy) continue;
      const header = acao(policy);
      if (!header) continue;
      if (policy.proxy.hiddenHeaders.some((h) => ACAO.test(h))) continue;
      const key = `${policy.span.file}:${policy.span.line}:${policy.span.column}`;
      if (seen.has(key)) continue;
      const scope = policy.scope.name ?? policy.scope.kind;
      const target = policy.proxy.target;
      if (apps.length) {
        seen.add(key);
        report({
          messageId: 'withApp',
          data: { scope, target, app: `${apps[0]!.span.file}:${apps[0]!.span.line}`, more: apps.length > 1 ? ` and ${apps.length - 1} more` : '' },
          span: header.span,
          policy,
          fingerprintText: `${scope}\u0000${target}`,
        });
        continue;
      }
      const upstream = nginxUpstream(policy, policies);
      if (upstream) {
        seen.add(key);
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
