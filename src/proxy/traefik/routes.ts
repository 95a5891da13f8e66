// Traefik routers -> ProxyRoute: the services they forward to, the headers middlewares on the way
// (the CORS one becomes the route's policy; one that handles CORS answers preflights itself), and the
// Access-Control-* headers that customResponseHeaders "" removes from the application's responses.
import type { CorsPolicy, ProxyRoute, ProxyTarget } from '../../model/types.js';
import { readRule, type MiddlewareDef, type MiddlewareRef, type Provider, type RouterDef, type TraefikConfig } from './config.js';
import { corsResponseHeaders, hasCorsOptions } from './policy.js';

const PROVIDERS: Record<string, Provider> = { docker: 'docker', swarm: 'docker', file: 'file', kubernetescrd: 'kubernetescrd' };

/** Middlewares by provider and name (docker names fold case, as label decoding does). */
class MiddlewareIndex {
  private readonly byKey = new Map<string, MiddlewareDef>();

  constructor(middlewares: readonly MiddlewareDef[]) {
    for (const mw of middlewares) {
      const key = this.key(mw.provider, mw.name, mw.namespace);
      if (!this.byKey.has(key)) this.byKey.set(key, mw);
    }
  }

  private key(provider: Provider, name: string, namespace?: string): string {
    if (provider === 'docker') return `docker:${name.toLowerCase()}`;
    if (provider === 'kubernetescrd') return `crd:${namespace ?? 'default'}/${name}`;
    return `file:${name}`;
  }

  find(ref: MiddlewareRef, router: RouterDef): MiddlewareDef | undefined {
    const provider = ref.provider ? PROVIDERS[ref.provider.toLowerCase()] : router.provider;
    if (!provider) return undefined;
    if (provider === 'kubernetescrd') {
      // A cross-provider reference to a CRD middleware is `<namespace>-<name>@kubernetescrd`.
      return this.byKey.get(this.key(provider, ref.name, ref.namespace ?? router.namespace)) ?? this.crossNamespace(ref.name);
    }
    return this.byKey.get(this.key(provider, ref.name));
  }

  private crossNamespace(qualified: string): MiddlewareDef | undefined {
    for (const mw of this.byKey.values()) if (mw.provider === 'kubernetescrd' && `${mw.namespace}-${mw.name}` === qualified) return mw;
    return undefined;
  }
}

function serviceTargets(config: TraefikConfig, router: RouterDef): ProxyTarget[] {
  if (router.targets) return router.targets;
  if (!router.service) return [];
  const at = router.service.lastIndexOf('@');
  const name = at > 0 ? router.service.slice(0, at) : router.service;
  const provider = at > 0 ? PROVIDERS[router.service.slice(at + 1).toLowerCase()] : router.provider;
  const svc =
    config.services.find((s) => s.provider === provider && (provider === 'docker' ? s.name.toLowerCase() === name.toLowerCase() : s.name === name)) ??
    config.services.find((s) => s.name === name);
  return svc?.targets ?? [];
}

export function buildRoutes(config: TraefikConfig, policies: Map<MiddlewareDef, CorsPolicy>): ProxyRoute[] {
  const index = new MiddlewareIndex(config.middlewares);
  const routes: ProxyRoute[] = [];
  for (const router of config.routers) {
    const { hosts, path } = readRule(router.rule);
    const route: ProxyRoute = {
      stack: 'traefik',
      span: router.span,
      label: router.label,
      ...(path ? { path } : {}),
      ...(hosts ? { hosts } : {}),
      targets: serviceTargets(config, router),
      strips: [],
    };
    // Middlewares run in the order listed, the first outermost: the first that handles CORS answers
    // the preflight before any later one (or the application) sees it.
    for (const mw of expand(index, router.middlewares, router)) {
      for (const h of corsResponseHeaders(mw)) {
        if (h.value === '' && /^access-control-/i.test(h.name)) {
          route.strips.push({ header: h.name.toLowerCase(), span: h.span, how: `customResponseHeaders ${h.name}: "" (Traefik middleware ${mw.name})` });
        }
      }
      const policy = policies.get(mw);
      if (!policy || route.policy) continue;
      route.policy = policy;
      if (hasCorsOptions(mw)) {
        route.answersPreflight = {
          span: policy.originsSpan ?? policy.span,
          status: 200,
          how: `Traefik middleware ${mw.name} sets CORS options, so it answers every preflight with 200`,
          corsHeaders: policy.origins.length > 0,
        };
      }
    }
    routes.push(route);
  }
  return routes;
}

/** The router's middlewares in the order they run, chains expanded (cycles and unknown names skipped). */
function expand(index: MiddlewareIndex, refs: readonly MiddlewareRef[], router: RouterDef, seen = new Set<MiddlewareDef>()): MiddlewareDef[] {
  const out: MiddlewareDef[] = [];
  for (const ref of refs) {
    for (const mw of [index.find(ref, router)].filter((m): m is MiddlewareDef => m !== undefined)) {
      if (mw.rejected || seen.has(mw)) continue;
      seen.add(mw);
      // A chain's members resolve in the chain's own provider and namespace.
      if (mw.chain) out.push(...expand(index, mw.chain, { ...router, provider: mw.provider, ...(mw.namespace ? { namespace: mw.namespace } : {}) }, seen));
      else out.push(mw);
    }
  }
  return out;
}
