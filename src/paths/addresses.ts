// Where an application listens, as the repository states it, and which listening address a URL or
// an upstream host:port reaches: shared by frontends (their API URL) and proxies (their upstream).
import path from 'node:path';
import type { CorsPolicy } from '../model/types.js';
import type { EnvSource } from '../environment/types.js';

export interface LinkReader {
  readText(absPath: string): string | undefined;
  absPath(displayPath: string): string;
  root: string;
}

export interface Address {
  host?: string;
  port: number;
  how: string;
  /** Only the server's default port: used when nothing states a port. */
  weak?: boolean;
}

export const LOOPBACK = new Set(['localhost', '127.0.0.1', '0.0.0.0', '[::1]', '::1', 'host.docker.internal']);

/** Ports the server of a policy's code listens on, as the repository states them. */
export function backendAddresses(policy: CorsPolicy, sources: readonly EnvSource[], io: LinkReader): Address[] {
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
    out.push(...startCommandPorts(dir, io));
    if (dir === io.root || path.dirname(dir) === dir || !dir.startsWith(io.root)) break;
  }
  for (const s of sources) {
    if (s.kind !== 'compose' || !s.codeDirs?.some((d) => !path.relative(d, abs).startsWith('..'))) continue;
    for (const port of s.publishedPorts ?? []) out.push({ port, how: `port ${port} published by compose service ${s.service} (${s.file})` });
    for (const port of s.containerPorts ?? []) out.push({ host: s.service, port, how: `compose service ${s.service} (${s.file})` });
    out.push({ host: s.service, port: 0, how: `compose service ${s.service} (${s.file})` });
    for (const alias of s.aliases ?? []) out.push({ host: alias, port: 0, how: `${alias}, a name of compose service ${s.service} (${s.file})` });
  }
  if (!out.length) {
    // The servers' own defaults: uvicorn and Django's runserver 8000, Flask 5000.
    const fallback = policy.stack === 'fastapi' || policy.stack === 'starlette' || policy.stack === 'django' ? 8000 : policy.stack === 'flask' ? 5000 : undefined;
    if (fallback) out.push({ weak: true, port: fallback, how: `port ${fallback}, the default of ${policy.stack === 'flask' ? 'flask run' : policy.stack === 'django' ? 'manage.py runserver' : 'uvicorn'}` });
  }
  return out;
}

/** Per reader, the ports the start commands of one folder name (many policies share their folders). */
const folderPorts = new WeakMap<LinkReader, Map<string, Address[]>>();

function startCommandPorts(dir: string, io: LinkReader): Address[] {
  let byDir = folderPorts.get(io);
  if (!byDir) folderPorts.set(io, (byDir = new Map()));
  const known = byDir.get(dir);
  if (known) return known;
  const out: Address[] = [];
  for (const name of ['package.json', 'Dockerfile', 'Procfile', 'Makefile']) {
    const body = io.readText(path.join(dir, name));
    if (!body) continue;
    const m = /(?:uvicorn|gunicorn|hypercorn|flask\s+run|manage\.py\s+runserver|fastapi\s+(?:dev|run)|node|nodemon|ts-node|tsx)\b[^\n"]*?(?:--port[=\s]+|-p\s+|--bind[=\s]+\S*:|\s(?:0\.0\.0\.0|127\.0\.0\.1|localhost):)(\d{2,5})\b/.exec(body);
    if (m) out.push({ port: Number(m[1]), how: `port ${m[1]} in ${path.relative(io.root, path.join(dir, name)).split(path.sep).join('/')}` });
  }
  byDir.set(dir, out);
  return out;
}

export function reaches(url: string, addresses: Address[]): Address | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  return reachesHost(parsed.hostname, Number(parsed.port || (parsed.protocol === 'https:' ? 443 : 80)), addresses);
}

/** The port of an nginx `listen` address as written (`80`, `127.0.0.1:8080`, `[::]:443 ssl`). */
export function listenPort(listen: string): number | undefined {
  const m = /(?:^|:)(\d+)(?:\s|$)/.exec(listen);
  return m ? Number(m[1]) : undefined;
}

/** The address a host:port reaches: a compose service by name (any of its ports), or a loopback port. */
export function reachesHost(host: string, port: number | undefined, addresses: Address[]): Address | undefined {
  const h = host.toLowerCase();
  return addresses.find((a) => (a.host ? a.host.toLowerCase() === h && (a.port === 0 || a.port === port) : LOOPBACK.has(h) && a.port === port));
}

/**
 * Of the backends a URL reaches, the nearest to the caller in the tree (many projects scanned as
 * one tree: each frontend or proxy links to its own backend), and of those the ones a stated port or service
 * reaches (a server's default port only when nothing states one).
 */
export function nearestTo<H extends { policy: CorsPolicy; hit: Address }>(fromDir: string, hits: H[], io: LinkReader): H[] {
  if (!hits.length) return [];
  const shared = (h: H) => commonDepth(fromDir, io.absPath(h.policy.span.file));
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

