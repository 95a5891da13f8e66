// `cors-lint check`: lint() for the policies, then simulate() each one for the given request.
import path from 'node:path';
import { lint, scanRoot } from '../lint.js';
import type { CorsPolicy, Diagnostic, Span } from '../model/types.js';
import { corsHeadersOf, type HeaderBag } from '../simulate/header-bag.js';
import { attachNginxContexts } from '../simulate/nginx-context.js';
import { simulate } from '../simulate/simulate.js';
import type { HttpRequest, SimRequest, SimResult } from '../simulate/types.js';
import { simulatePath, type PathResponse } from '../paths/respond.js';
import type { DeployedPath } from '../paths/types.js';
import { libraryLabel } from '../rules/policy-facts.js';
import { newPolicy } from '../model/policy.js';
import { annotateVersions } from '../version/find-version.js';
import { environmentVariants } from '../environment/index.js';
import { FRAMEWORK_LABEL } from '../frontend/types.js';
import { originCallsApi } from '../frontend/link.js';
import { environmentFitsOrigin } from '../environment/types.js';
import { CheckUsageError, validateCheckArgs, type CheckArgs } from './args.js';

export const CHECK_EXIT_ALLOWED = 0;
export const CHECK_EXIT_BLOCKED = 1;
export const CHECK_EXIT_USAGE = 2;

/** One policy's answer. The first six fields are the JSON output; `detail` feeds the text output. */
export interface CheckResult {
  location: { file: string; line: number };
  stack: string;
  allowed: boolean;
  reason: string;
  preflight: { status: number | null; headers: HeaderBag } | null;
  response: { headers: HeaderBag };
  /** Set when the origin comes from a frontend found in the repository (no --origin given). */
  caller?: { origin: string; frontend: string; environment?: string };
  /** Set for a deployed path: the layers the request passes and which one answered. */
  path?: {
    layers: Array<{ role: 'proxy' | 'app'; label: string; file: string; line: number }>;
    how: string;
    linked: boolean;
    preflightDecidedBy?: 'proxy' | 'app';
    actualDecidedBy?: 'proxy' | 'app';
  };
  detail: {
    column: number;
    library: string;
    libraryVersion?: string;
    libraryVersionSource?: string;
    scope: string;
    /** The allowed verdict was 'unknown' (reported as allowed: false). */
    unknown: boolean;
    responsible?: Span;
    preflightRequest?: HttpRequest;
    preflightProducedBy?: string;
    actualRequest?: HttpRequest;
    actualStatus?: number | null;
    actualProducedBy?: string;
  };
}

export interface CheckRun {
  results: CheckResult[];
  exitCode: number;
  /** Parse errors and skipped files from the scan. */
  diagnostics: Diagnostic[];
  /** The simulated request, as given. */
  request: SimRequest;
  /** Set when exitCode is 2. */
  error?: string;
  /**
   * No --origin was given and the repository holds frontends: their origins were used, one request
   * per frontend and backend policy its API URL reaches. `proxied`: same-origin through a dev proxy.
   */
  fromFrontends?: Array<{ origin: string; frontend: string; how: string; backend: string; proxied?: string }>;
}

function scopeLabel(p: CorsPolicy): string {
  const s = p.scope;
  const name = s.name ?? s.path;
  if (name && name.startsWith(s.kind)) return name;
  return [s.kind, name].filter(Boolean).join(' ');
}

export function checkPolicy(policy: CorsPolicy, request: SimRequest, sim: SimResult = simulate(policy, request)): CheckResult {
  const unknown = sim.verdict.allowed === 'unknown';
  return {
    location: { file: policy.span.file, line: policy.span.line },
    stack: policy.stack,
    allowed: sim.verdict.allowed === true,
    reason: sim.verdict.reason,
    preflight: sim.preflight ? { status: sim.preflight.response.status, headers: corsHeadersOf(sim.preflight.response.headers) } : null,
    response: { headers: sim.actual ? corsHeadersOf(sim.actual.response.headers) : {} },
    detail: {
      column: policy.span.column,
      library: policy.library,
      libraryVersion: policy.libraryVersion,
      libraryVersionSource: policy.libraryVersionSource,
      scope: scopeLabel(policy),
      unknown,
      responsible: sim.verdict.span,
      preflightRequest: sim.preflight?.request,
      preflightProducedBy: sim.preflight?.response.producedBy,
      actualRequest: sim.actual?.request,
      actualStatus: sim.actual?.response.status,
      actualProducedBy: sim.actual?.response.producedBy,
    },
  };
}

/**
 * Runs the check: every CORS policy under args.paths against the request. Exit code 0 when every
 * policy allows it, 1 when any does not (or no policy is found), 2 for usage errors.
 */
export async function runCheck(args: CheckArgs): Promise<CheckRun> {
  const request: SimRequest = {
    origin: args.origin,
    method: args.method || 'GET',
    credentials: args.credentials,
    cookie: args.noCookie ? false : undefined,
    requestHeaders: args.headers,
    path: args.path,
    appStatus: args.appStatus,
  };
  try {
    validateCheckArgs(args);
  } catch (error) {
    if (error instanceof CheckUsageError) return { results: [], exitCode: CHECK_EXIT_USAGE, diagnostics: [], request, error: error.message };
    throw error;
  }
  const cwd = path.resolve(args.cwd ?? process.cwd());
  let linted;
  try {
    linted = await lint(args.paths, { cwd, configFile: args.config });
  } catch (error) {
    return { results: [], exitCode: CHECK_EXIT_USAGE, diagnostics: [], request, error: (error as Error).message };
  }
  const needVersion = linted.policies.filter((p) => !p.libraryVersion);
  const root = scanRoot(cwd, args.paths);
  if (needVersion.length) annotateVersions(needVersion, { root, cwd });
  attachNginxContexts(linted.policies, { root, cwd });
  const links = args.origin === undefined ? linted.frontends?.links ?? [] : [];
  const viaFrontends = links.length ? checkFrontends(links, request, linted.diagnostics) : undefined;
  if (viaFrontends?.fromFrontends?.length) return viaFrontends;
  // An application behind a linked proxy is reached through the proxy: its answer is the path's.
  const paths = linted.paths ?? [];
  // A proxy's own policy on a route with a path is part of the path's answer.
  const behindProxy = new Set([...paths.filter((p) => p.linked).flatMap((p) => p.apps), ...paths.flatMap((p) => (p.route.policy ? [p.route.policy] : []))]);
  const results = [...linted.policies.filter((p) => !behindProxy.has(p)).map((p) => checkPolicy(p, request)), ...paths.flatMap((p) => checkPath(p, request))];
  const exitCode = results.length > 0 && results.every((r) => r.allowed) ? CHECK_EXIT_ALLOWED : CHECK_EXIT_BLOCKED;
  return { results, exitCode, diagnostics: linted.diagnostics, request };
}

/** One result per application behind the path (the proxy alone when it forwards to none the scan found). */
export function checkPath(path: DeployedPath, request: SimRequest): CheckResult[] {
  const apps: Array<CorsPolicy | undefined> = path.apps.length ? path.apps : [undefined];
  return apps.map((app) => {
    const sim = simulatePath(path.route, app, request);
    const blamed = app ?? path.route.policy;
    const base = blamed ? checkPolicy(blamed, request, sim) : undefined;
    const layers: NonNullable<CheckResult['path']>['layers'] = [
      { role: 'proxy', label: `${path.route.stack} ${path.route.label}`, file: path.route.span.file, line: (path.route.blockSpan ?? path.route.span).line },
    ];
    if (app) layers.push({ role: 'app', label: libraryLabel(app), file: app.span.file, line: app.span.line });
    const decided = (e: SimResult['preflight']) => (e ? (e.response as PathResponse).decidedBy : undefined);
    const result: CheckResult = base ?? checkPolicy(routeStandIn(path), request, sim);
    return {
      ...result,
      location: { file: path.route.span.file, line: path.route.span.line },
      stack: 'path',
      path: { layers, how: path.how, linked: path.linked, preflightDecidedBy: decided(sim.preflight), actualDecidedBy: decided(sim.actual) },
      detail: { ...result.detail, column: path.route.span.column, scope: layers.map((l) => l.label).join(' -> ') },
    };
  });
}

function routeStandIn(path: DeployedPath): CorsPolicy {
  return newPolicy({ stack: path.route.stack, library: path.route.stack, span: path.route.span, scope: { kind: 'location', name: path.route.label } });
}

/**
 * `check` without --origin in a repository with frontends: each frontend's dev origin against each
 * backend policy its API URL reaches, in the code's default and in each environment that origin meets
 * (development origins: not production or staging values). Calls a dev proxy forwards are same-origin and listed, not simulated.
 */
function checkFrontends(links: NonNullable<Awaited<ReturnType<typeof lint>>['frontends']>['links'], request: SimRequest, diagnostics: Diagnostic[]): CheckRun {
  const results: CheckResult[] = [];
  const fromFrontends: NonNullable<CheckRun['fromFrontends']> = [];
  const seen = new Set<string>();
  for (const link of links) {
    const frontend = `${FRAMEWORK_LABEL[link.frontend.framework]} app ${link.frontend.name} (${link.frontend.packageJson.file})`;
    for (const origin of link.frontend.origins) {
      if (!originCallsApi(origin.environment, link.apiUrl.environment)) continue;
      const key = `${origin.origin}\u0000${link.policy.span.file}:${link.policy.span.line}:${link.policy.span.column}`;
      if (seen.has(key)) continue;
      seen.add(key);
      fromFrontends.push({ origin: origin.origin, frontend, how: origin.how, backend: `${link.policy.span.file}:${link.policy.span.line} via ${link.apiUrl.url} (${link.how})`, proxied: link.proxiedBy ? `${link.proxiedBy.how} forwards ${link.proxiedBy.prefix} to ${link.proxiedBy.target}` : undefined });
      if (link.proxiedBy) continue;
      for (const policy of [link.policy, ...environmentVariants(link.policy).filter((v) => environmentFitsOrigin(v.environment!, origin.environment))]) {
        const req = { ...request, origin: origin.origin };
        const result = link.through ? checkPolicy(policy, req, simulatePath(link.through, policy, req)) : checkPolicy(policy, req);
        results.push({ ...result, caller: { origin: origin.origin, frontend, environment: policy.environment?.name } });
      }
    }
  }
  const exitCode = results.every((r) => r.allowed) ? CHECK_EXIT_ALLOWED : CHECK_EXIT_BLOCKED;
  return { results, exitCode, diagnostics, request, fromFrontends };
}
