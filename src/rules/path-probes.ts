// What a browser gets through a deployed path compared with what the application behind it sends:
// the facts the path rules (proxy-strips-cors-headers, preflight-not-handled, duplicate-cors-layers)
// judge. Each probe is one request from an origin the application allows, sent once straight to the
// application and once through the proxy (src/paths/respond.ts).
import type { CorsPolicy, Span } from '../model/types.js';
import type { DeployedPath } from '../paths/types.js';
import { respondThroughRoute, type PathResponse } from '../paths/respond.js';
import { respond } from '../simulate/respond.js';
import { browserRequests } from '../simulate/simulate.js';
import type { HttpRequest, HttpResponse, SimRequest } from '../simulate/types.js';
import { UnknownBehaviour } from '../simulate/types.js';

export interface PathProbe {
  path: DeployedPath;
  app: CorsPolicy;
  origin: string;
  kind: 'preflight' | 'actual';
  request: HttpRequest;
  direct: HttpResponse;
  through: PathResponse;
}

/** An origin a page may call from that no configuration names (for applications that allow any origin). */
const ANY_ORIGIN = 'https://cross-origin.example';

/** Origins the application lets in, as written: its exact origins, else a stand-in when it allows any. */
function allowedOrigins(app: CorsPolicy): string[] {
  const exact = app.origins.filter((o) => o.kind === 'exact').map((o) => (o as { origin: string }).origin);
  const valid = exact.filter((o) => /^https?:\/\/[^/\s]+$/.test(o));
  if (valid.length) return valid.slice(0, 1);
  if (app.origins.some((o) => o.kind === 'any' || o.kind === 'reflect')) return [ANY_ORIGIN];
  return [];
}

function safely<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch (error) {
    if (error instanceof UnknownBehaviour) return undefined;
    throw error;
  }
}

/** Probes per path and application, shared by the three path rules of one run. */
const cache = new WeakMap<DeployedPath, Map<CorsPolicy, PathProbe[]>>();

/**
 * For one application behind the path: a credentialed (when the application allows credentials)
 * GET, and the preflight of a PUT with a JSON body, from an allowed origin. Requests whose answer
 * depends on values the scanner could not resolve are left out.
 */
export function appProbes(path: DeployedPath, app: CorsPolicy): PathProbe[] {
  let byApp = cache.get(path);
  if (!byApp) cache.set(path, (byApp = new Map()));
  const known = byApp.get(app);
  if (known) return known;
  const out: PathProbe[] = [];
  const requestPath = path.route.path && path.route.path.startsWith('/') ? path.route.path : '/';
  const credentials = app.credentials.value === true;
  for (const origin of allowedOrigins(app)) {
    const actual: SimRequest = { origin, method: 'GET', credentials, requestHeaders: [], path: requestPath };
    const preflighted: SimRequest = { origin, method: 'PUT', credentials, requestHeaders: ['Content-Type: application/json'], path: requestPath };
    const sent = [
      { kind: 'actual' as const, request: browserRequests(actual).actual },
      { kind: 'preflight' as const, request: browserRequests(preflighted).preflight! },
    ];
    for (const { kind, request } of sent) {
      const direct = safely(() => respond(app, request, { status: 200 }));
      const through = safely(() => respondThroughRoute(path.route, app, request, 200));
      if (direct && through) out.push({ path, app, origin, kind, request, direct, through });
    }
  }
  byApp.set(app, out);
  return out;
}

/** Every probe of every application behind the path. */
export function pathProbes(path: DeployedPath): PathProbe[] {
  return path.apps.flatMap((app) => appProbes(path, app));
}

/**
 * One finding per path: the first probe that shows the problem, and how many other applications
 * behind the path show it too. A route linked to none stands in front of every application of the
 * repository as a guess: there the first application that shows it is named, and the others are
 * not all probed.
 */
export function firstOfPath(path: DeployedPath, shows: (probe: PathProbe) => boolean): { probe: PathProbe; more: string } | undefined {
  if (!path.linked) {
    for (const app of path.apps) {
      const probe = appProbes(path, app).find(shows);
      if (probe) return { probe, more: path.apps.length > 1 ? `, one of ${path.apps.length} applications in the repository` : '' };
    }
    return undefined;
  }
  const failing = pathProbes(path).filter(shows);
  const first = failing[0];
  if (!first) return undefined;
  const others = new Set(failing.map((p) => p.app).filter((a) => a !== first.app)).size;
  return { probe: first, more: others ? ` and ${others} more` : '' };
}

/** Access-Control-Allow-Origin fields of a response. */
export function acaoFields(response: HttpResponse): string[] {
  const v = response.headers['access-control-allow-origin'];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** "app/main.py:6 (Starlette CORSMiddleware in FastAPI)". */
export function where(span: Span): string {
  return `${span.file}:${span.line}`;
}

/** How the route was linked, for messages: "linked by upstream api:8000: compose service api (docker-compose.yml)". */
export function linkText(path: DeployedPath): string {
  return path.linked ? `linked by ${path.how}` : path.how;
}

