// Which backend policy a frontend's API URL reaches: a localhost port the backend listens on or
// that its compose service publishes, or the compose service name as host.
import path from 'node:path';
import type { CorsPolicy } from '../model/types.js';
import type { EnvSource } from '../environment/types.js';
import type { DevProxy, Frontend, FrontendApiUrl, FrontendLink } from './types.js';

export interface LinkReader {
  readText(absPath: string): string | undefined;
  absPath(displayPath: string): string;
  root: string;
}

interface Address {
  host?: string;
  port: number;
  how: string;
  /** Only the server's default port: used when nothing states a port. */
  weak?: boolean;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '0.0.0.0', '[::1]', '::1']);

/** Ports the server of a policy's code listens on, as the repository states them. */
function backendAddresses(policy: CorsPolicy, sources: readonly EnvSource[], io: LinkReader): Address[] {
  const out: Address[] = [];
  const abs = io.absPath(policy.span.file);
  const text = io.readText(abs) ?? '';
  const code = [
    /uvicorn\.run\([^)]*?\bport\s*=\s*(\d{2,5})/,
    /\.run\([^)]*?\bport\s*=\s*(\d{2,5})/,
    /\.listen\(\s*(\d{2,5})\b/,
    /\blisten\(\s*\{[^}]*port\s*:\s*(\d{2,5})/,
    /\bPORT\b[^\n]{0,40}?(?:\|\||\?\?|,)\s*['"]?(\d{2,5})\b/,
    /\bport\s*[=:]\s*(\d{2,5})\b/,
  ];
  for (const re of code) {
    const m = re.exec(text);
    if (m) {
      out.push({ port: Number(m[1]), how: `port ${m[1]} in ${policy.span.file}` });
      break;
    }
  }
  // Start commands near the code: package.json scripts, Dockerfile, Procfile (up to the scan root).
  for (let dir = path.dirname(abs); ; dir = path.dirname(dir)) {
    for (const name of ['package.json', 'Dockerfile', 'Procfile', 'Makefile']) {
      const body = io.readText(path.join(dir, name));
      if (!body) continue;
      const m = /(?:uvicorn|gunicorn|hypercorn|flask\s+run|manage\.py\s+runserver|fastapi\s+(?:dev|run)|node|nodemon|ts-node|tsx)\b[^\n"]*?(?:--port[=\s]+|-p\s+|--bind[=\s]+\S*:|\s(?:0\.0\.0\.0|127\.0\.0\.1|localhost):)(\d{2,5})\b/.exec(body);
      if (m) out.push({ port: Number(m[1]), how: `port ${m[1]} in ${path.relative(io.root, path.join(dir, name)).split(path.sep).join('/')}` });
    }
    if (dir === io.root || path.dirname(dir) === dir || !dir.startsWith(io.root)) break;
  }
  for (const s of sources) {
    if (s.kind !== 'compose' || !s.codeDirs?.some((d) => !path.relative(d, abs).startsWith('..'))) continue;
    for (const port of s.publishedPorts ?? []) out.push({ port, how: `port ${port} published by compose service ${s.service} (${s.file})` });
    for (const port of s.containerPorts ?? []) out.push({ host: s.service, port, how: `compose service ${s.service} (${s.file})` });
    out.push({ host: s.service, port: 0, how: `compose service ${s.service} (${s.file})` });
  }
  if (!out.length) {
    // The servers' own defaults: uvicorn and Django's runserver 8000, Flask 5000.
    const fallback = policy.stack === 'fastapi' || policy.stack === 'starlette' || policy.stack === 'django' ? 8000 : policy.stack === 'flask' ? 5000 : undefined;
    if (fallback) out.push({ weak: true, port: fallback, how: `port ${fallback}, the default of ${policy.stack === 'flask' ? 'flask run' : policy.stack === 'django' ? 'manage.py runserver' : 'uvicorn'}` });
  }
  return out;
}

function reaches(url: string, addresses: Address[]): Address | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const port = Number(parsed.port || (parsed.protocol === 'https:' ? 443 : 80));
  const host = parsed.hostname;
  return addresses.find((a) => (a.host ? a.host === host && (a.port === 0 || a.port === port) : LOOPBACK.has(host) && a.port === port));
}

/** Policies that answer browsers (not nginx locations behind which the app is linked separately). */
function linkable(policy: CorsPolicy): boolean {
  return !policy.environment && policy.scope.kind !== 'route';
}

export function linkFrontends(frontends: Frontend[], policies: readonly CorsPolicy[], sources: readonly EnvSource[], io: LinkReader): FrontendLink[] {
  const links: FrontendLink[] = [];
  const addresses = new Map<CorsPolicy, Address[]>();
  for (const policy of policies.filter(linkable)) addresses.set(policy, backendAddresses(policy, sources, io));
  // A deployed API host (https://api.example.com) names no port or service; when the repository holds
  // a single backend file, that is the backend.
  const files = new Set([...addresses.keys()].map((p) => p.span.file));
  const only = files.size === 1 ? [...addresses.keys()] : [];
  for (const frontend of frontends) {
    for (const apiUrl of frontend.apiUrls) {
      const hits = nearest(frontend, [...addresses].flatMap(([policy, addrs]) => {
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
      const hits = nearest(frontend, [...addresses].flatMap(([policy, addrs]) => {
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

type Hit = { policy: CorsPolicy; addrs: Address[]; hit: Address };

/**
 * Of the backends a URL reaches, the nearest to the frontend in the tree (many projects scanned as
 * one tree: each frontend links to its own backend), and of those the ones a stated port or service
 * reaches (a server's default port only when nothing states one).
 */
function nearest(frontend: Frontend, hits: Hit[], io: LinkReader): Hit[] {
  if (!hits.length) return [];
  const shared = (h: Hit) => commonDepth(frontend.absDir, io.absPath(h.policy.span.file));
  const best = Math.max(...hits.map(shared));
  const near = hits.filter((h) => shared(h) === best);
  const strong = near.filter((h) => !h.hit.weak);
  if (strong.length) return strong;
  // Default ports link only one backend file: with several, which one listens is a guess.
  return new Set(near.map((h) => h.policy.span.file)).size > 1 ? [] : near;
}

function commonDepth(a: string, b: string): number {
  const x = a.split(path.sep);
  const y = b.split(path.sep);
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  return i;
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
