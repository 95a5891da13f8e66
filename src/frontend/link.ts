// Which backend policy a frontend's API URL reaches: a localhost port the backend listens on or
// that its compose service publishes, or the compose service name as host.
import path from 'node:path';
import type { CorsPolicy, ProxyRoute } from '../model/types.js';
import type { DeployedPath } from '../paths/types.js';
import type { EnvSource } from '../environment/types.js';
import { backendAddresses, listenPort, LOOPBACK, nearestTo, reaches, type Address, type LinkReader } from '../paths/addresses.js';
import type { DevProxy, Frontend, FrontendApiUrl, FrontendLink } from './types.js';

export type { LinkReader } from '../paths/addresses.js';

/** Policies that answer browsers (not nginx locations behind which the app is linked separately). */
function linkable(policy: CorsPolicy): boolean {
  return !policy.environment && policy.scope.kind !== 'route';
}

export function linkFrontends(frontends: Frontend[], policies: readonly CorsPolicy[], sources: readonly EnvSource[], io: LinkReader, paths: readonly DeployedPath[] = []): FrontendLink[] {
  const links: FrontendLink[] = [];
  const addresses = new Map<CorsPolicy, Address[]>();
  for (const policy of policies.filter(linkable)) addresses.set(policy, backendAddresses(policy, sources, io));
  // A deployed API host (https://api.example.com) names no port or service; when the repository holds
  // a single backend file, that is the backend.
  const files = new Set([...addresses.keys()].map((p) => p.span.file));
  const only = files.size === 1 ? [...addresses.keys()] : [];
  for (const frontend of frontends) {
    for (const apiUrl of frontend.apiUrls) {
      // An API URL that reaches a proxy: the backends are the applications behind it, reached through it.
      const proxied = paths.flatMap((p) => {
        const how = proxyReached(apiUrl.url, p.route, sources, io);
        return how ? [{ path: p, how }] : [];
      });
      if (proxied.length) {
        for (const { path, how } of proxied) for (const policy of path.apps) links.push({ frontend, apiUrl, policy, how: `${how}, which forwards to it (${path.linked ? path.how : 'no link to one application could be made'})`, through: path.route });
        continue;
      }
      const hits = nearestTo(frontend.absDir, [...addresses].flatMap(([policy, addrs]) => {
        const hit = reaches(apiUrl.url, addrs);
        return hit ? [{ policy, addrs, hit }] : [];
      }), io);
      for (const { policy, addrs, hit } of hits) links.push({ frontend, apiUrl, policy, how: hit.how, proxiedBy: proxyTo(frontend, addrs) });
      if (hits.length || !only.length || isLoopback(apiUrl.url)) continue;
      for (const policy of only) links.push({ frontend, apiUrl, policy, how: `the only backend in the repository (${policy.span.file})` });
    }
    // A frontend whose calls go only through its dev proxy still gets a (proxied) link for `check`.
    for (const proxy of frontend.proxies) {
      if (proxy.target === 'unknown') continue;
      const hits = nearestTo(frontend.absDir, [...addresses].flatMap(([policy, addrs]) => {
        const hit = reaches(proxy.target, addrs);
        return hit ? [{ policy, addrs, hit }] : [];
      }), io);
      for (const { policy, hit } of hits) {
        if (links.some((l) => l.frontend === frontend && l.policy === policy)) continue;
        const apiUrl: FrontendApiUrl = { url: proxy.target, environment: 'development', how: proxy.how, span: proxy.span };
        links.push({ frontend, apiUrl, policy, how: hit.how, proxiedBy: proxy });
      }
    }
  }
  return links;
}

function isLoopback(url: string): boolean {
  try {
    return LOOPBACK.has(new URL(url).hostname);
  } catch {
    return true;
  }
}

function proxyTo(frontend: Frontend, addrs: Address[]): DevProxy | undefined {
  return frontend.proxies.find((p) => p.target === 'unknown' || reaches(p.target, addrs));
}

/** A development origin calls the development API URLs; a production origin the production ones. */
export function originCallsApi(originEnvironment: string, apiEnvironment: string): boolean {
  return apiEnvironment === 'any' || apiEnvironment === originEnvironment;
}

/**
 * Whether a URL reaches a proxy route: its host is one the route serves (server_name, Ingress host),
 * or a loopback port the proxy listens on or that the compose service running it publishes; and its
 * path falls under the route's.
 */
function proxyReached(url: string, route: ProxyRoute, sources: readonly EnvSource[], io: LinkReader): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  // `http://localhost/api` calls under `location /api/` too.
  if (route.path?.startsWith('/') && !`${parsed.pathname}/`.startsWith(route.path)) return undefined;
  const port = Number(parsed.port || (parsed.protocol === 'https:' ? 443 : 80));
  const host = parsed.hostname.toLowerCase();
  if (route.hosts?.some((h) => h.toLowerCase() === host)) return `${route.label} (${route.span.file}), which serves ${host}`;
  if (!LOOPBACK.has(host)) return undefined;
  if ((route.listen ?? []).some((l) => listenPort(l) === port)) return `${route.label} (${route.span.file}), which listens on port ${port}`;
  const routeFile = io.absPath(route.span.file);
  for (const s of sources) {
    if (s.kind !== 'compose' || !s.codeDirs?.some((d) => routeFile === d || !path.relative(d, routeFile).startsWith('..'))) continue;
    if (!(s.publishedPorts ?? []).includes(port)) continue;
    return `${route.label} (${route.span.file}), run by compose service ${s.service} which publishes port ${port}`;
  }
  return undefined;
}
