// Links each proxy route to the application policies behind it: an upstream host:port to the port an
// application listens on or to a compose service (its build context holds the code), an Ingress
// backend through its Service to the pods' port. Where nothing links, a route to an internal host
// stands in front of "any application in the repository", and says so.
import path from 'node:path';
import type { EnvSource } from '../environment/types.js';
import type { CorsPolicy, ProxyRoute, ProxyTarget } from '../model/types.js';
import { backendAddresses, listenPort, LOOPBACK, nearestTo, reachesHost, type Address, type LinkReader } from './addresses.js';
import { podPort, type KubeIndex } from './kubernetes-services.js';
import type { DeployedPath } from './types.js';

export const PROXY_STACKS: ReadonlySet<CorsPolicy['stack']> = new Set(['nginx', 'ingress-nginx', 'traefik']);

/** Application policies: CORS set by the code a proxy forwards to (not a proxy's own, not an environment copy). */
export function isAppPolicy(policy: CorsPolicy): boolean {
  return !PROXY_STACKS.has(policy.stack) && !policy.environment;
}

export function linkRoutes(routes: readonly ProxyRoute[], policies: readonly CorsPolicy[], sources: readonly EnvSource[], kube: KubeIndex, io: LinkReader): DeployedPath[] {
  const apps = policies.filter(isAppPolicy);
  const addresses = new Map<CorsPolicy, Address[]>();
  for (const app of apps) addresses.set(app, backendAddresses(app, sources, io));
  const paths: DeployedPath[] = [];
  // Ports nginx itself listens on: a proxy_pass to one of them reaches another server block, not an application.
  const nginxPorts = new Set(
    [...routes.flatMap((r) => r.listen ?? []), ...policies.flatMap((p) => (p.stack === 'nginx' ? p.scope.listen ?? [] : []))].map(listenPort),
  );
  for (const route of routes) {
    const hits: Array<{ policy: CorsPolicy; hit: Address; target: ProxyTarget; via?: string }> = [];
    for (const target of route.targets.flatMap((t) => (t.templated ? fillTemplate(t, route, sources, io) : [t]))) {
      for (const [policy, addrs] of addresses) {
        const direct = reachesHost(target.host, target.port, addrs);
        if (direct) {
          hits.push({ policy, hit: direct, target });
          continue;
        }
        const svc = target.kubernetesService;
        if (!svc) continue;
        const pod = podPort(kube, svc.name, svc.port);
        if (!pod) continue;
        const listening = addrs.find((a) => !a.host && a.port === pod.port);
        if (listening) hits.push({ policy, hit: listening, target, via: pod.how });
      }
    }
    const near = nearestTo(path.dirname(io.absPath(route.span.file)), hits, io);
    if (near.length) {
      const first = near[0]!;
      const via = first.via ? `${first.via}, ` : '';
      paths.push({ route, apps: unique(near.map((h) => h.policy)), linked: true, how: `${describeTarget(first.target)}: ${via}${first.hit.how}` });
      continue;
    }
    const candidates = route.targets.filter((t) => mayBeTheApplication(t) && !(LOOPBACK.has(t.host) && t.port !== undefined && nginxPorts.has(t.port)));
    if (!apps.length || !candidates.length) continue;
    const shown = route.targets.map(describeTarget).join(', ') || 'its upstream';
    paths.push({ route, apps, linked: false, how: `no application in the repository could be linked to ${shown}, so any application in the repository` });
  }
  return paths;
}

function unique<T>(list: T[]): T[] {
  return [...new Set(list)];
}

function describeTarget(t: ProxyTarget): string {
  if (t.kubernetesService) return `Service ${t.kubernetesService.name}${t.kubernetesService.port !== undefined ? `:${t.kubernetesService.port}` : ''}`;
  return `upstream ${t.host}${t.port !== undefined ? `:${t.port}` : ''}`;
}

/**
 * An upstream that can be this repository's own application: a loopback address, a container or
 * Service name (one label, or a cluster-internal domain). A public host name (an S3 bucket, a
 * third-party API) is someone else's server.
 */
function mayBeTheApplication(t: ProxyTarget): boolean {
  // A host filled in from the container's environment names a container of the deployment.
  if (t.kubernetesService || t.templated) return true;
  const host = t.host.toLowerCase();
  if (LOOPBACK.has(host) || /^(?:10|127|192\.168|172\.(?:1[6-9]|2\d|3[01]))\./.test(host)) return true;
  if (!host.includes('.')) return true;
  return /\.(?:local|internal|svc|cluster\.local|docker|lan|localhost)$/.test(host);
}

/**
 * `uwsgi_pass ${APP_HOST}:${APP_PORT}` in a template that envsubst fills in when the proxy's container
 * starts: the variables come from the environment of the compose service whose build context or
 * mounted folders hold the template.
 */
function fillTemplate(target: ProxyTarget, route: ProxyRoute, sources: readonly EnvSource[], io: LinkReader): ProxyTarget[] {
  const file = io.absPath(route.span.file);
  const out: ProxyTarget[] = [];
  for (const s of sources) {
    if (s.kind !== 'compose' || !s.codeDirs?.some((d) => d === file || !path.relative(d, file).startsWith('..'))) continue;
    let unresolved = false;
    const image = dockerfileEnv(s, io);
    const filled = target.raw.replace(/\$\{(\w+)\}|\$(\w+)/g, (_, a?: string, b?: string) => {
      const name = (a ?? b)!;
      const v = s.vars.get(name);
      const value = v && v.value !== 'unknown' ? v.value : image.get(name);
      if (value === undefined) {
        unresolved = true;
        return '';
      }
      return value;
    });
    if (unresolved) continue;
    const m = /^(?:(https?):\/\/)?(\[[^\]]+\]|[^/:]+)(?::(\d+))?/i.exec(filled);
    if (m) out.push({ raw: `${target.raw} (${filled} in compose service ${s.service})`, host: m[2]!.toLowerCase(), ...(m[3] ? { port: Number(m[3]) } : {}), scheme: m[1]?.toLowerCase() === 'https' ? 'https' : 'http' });
  }
  return out;
}

/** `ENV NAME=value` / `ENV NAME value` in the Dockerfile of a compose service's build context. */
function dockerfileEnv(source: EnvSource, io: LinkReader): Map<string, string> {
  const out = new Map<string, string>();
  for (const dir of source.codeDirs ?? []) {
    const text = io.readText(path.join(dir, 'Dockerfile'));
    if (!text) continue;
    for (const m of text.matchAll(/^\s*ENV\s+(.+)$/gim)) {
      const body = m[1]!.trim();
      const pairs = [...body.matchAll(/(\w+)=("[^"]*"|'[^']*'|\S+)/g)];
      if (pairs.length) for (const p of pairs) out.set(p[1]!, p[2]!.replace(/^["']|["']$/g, ''));
      else {
        const [name, ...rest] = body.split(/\s+/);
        if (name && rest.length) out.set(name, rest.join(' '));
      }
    }
  }
  return out;
}
