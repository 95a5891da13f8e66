// simulate(policy, request): what the browser sends, what the policy's CORS layer answers, and
// whether the browser lets the page read the response.
import type { CorsPolicy, Span } from '../model/types.js';
import { corsCheck, preflightCheck, type Blame } from './browser-verdict.js';
import { isForbiddenRequestHeader, needsPreflight, normalizeMethod, parsePageHeader, unsafeHeaderNames, type PageHeader } from './fetch-rules.js';
import { getCombined } from './header-bag.js';
import { respond } from './respond.js';
import { UnknownBehaviour, type Exchange, type HttpRequest, type HttpResponse, type SimRequest, type SimResult, type Verdict } from './types.js';

/** The cookie a credentialed browser request carries (its value does not matter to any CORS layer). */
export const SIMULATED_COOKIE = 'session=1';

export interface BrowserRequests {
  preflight: HttpRequest | null;
  actual: HttpRequest;
  method: string;
  unsafeHeaders: string[];
  /** Headers the page asked for that the browser will not send. */
  dropped: string[];
}

/** The HTTP requests a browser sends for a fetch() (Fetch standard: main fetch, CORS-preflight fetch). */
export function browserRequests(req: SimRequest): BrowserRequests {
  const method = normalizeMethod(req.method);
  const path = req.path ?? '/';
  const dropped: string[] = [];
  const pageHeaders: PageHeader[] = [];
  for (const text of req.requestHeaders) {
    const h = parsePageHeader(text);
    if (!h.name) continue;
    if (isForbiddenRequestHeader(h.name)) dropped.push(h.name);
    else pageHeaders.push(h);
  }
  const unsafeHeaders = unsafeHeaderNames(pageHeaders);
  const actualHeaders: Record<string, string> = {};
  for (const h of pageHeaders) actualHeaders[h.name.toLowerCase()] = h.value ?? (h.name.toLowerCase() === 'content-type' ? 'application/json' : '1');
  if (req.origin !== undefined) actualHeaders['origin'] = req.origin;
  if (req.credentials && req.cookie !== false) actualHeaders['cookie'] = SIMULATED_COOKIE;
  const actual: HttpRequest = { method, path, headers: actualHeaders };
  const wantsPreflight = req.origin !== undefined && (req.preflight ?? needsPreflight(method, pageHeaders));
  let preflight: HttpRequest | null = null;
  if (wantsPreflight) {
    const headers: Record<string, string> = { origin: req.origin!, 'access-control-request-method': method, accept: '*/*' };
    if (unsafeHeaders.length) headers['access-control-request-headers'] = unsafeHeaders.join(',');
    preflight = { method: 'OPTIONS', path, headers };
  }
  return { preflight, actual, method, unsafeHeaders, dropped };
}

function blameSpan(policy: CorsPolicy, blame: Blame | 'allowed', response?: HttpResponse): Span {
  const spans = response?.headerSpans ?? {};
  const cause = blame === 'status' ? (response?.statusCause ?? 'origin') : blame;
  switch (cause) {
    case 'credentials':
      return spans['access-control-allow-credentials'] ?? policy.credentials.span ?? spans['access-control-allow-origin'] ?? policy.originsSpan ?? policy.span;
    case 'methods':
      return spans['access-control-allow-methods'] ?? policy.allowMethods.span ?? policy.span;
    case 'headers':
      return spans['access-control-allow-headers'] ?? policy.allowHeaders.span ?? policy.span;
    default:
      return spans['access-control-allow-origin'] ?? policy.originsSpan ?? policy.span;
  }
}

/** For '*' with credentials the wildcard is the problem: point at the origins. */
function wildcardSpan(policy: CorsPolicy, response: HttpResponse): Span {
  return response.headerSpans?.['access-control-allow-origin'] ?? policy.originsSpan ?? policy.credentials.span ?? policy.span;
}

function failure(policy: CorsPolicy, message: string, blame: Blame, response: HttpResponse): Verdict {
  const span = message.includes("must not be the wildcard '*'") ? wildcardSpan(policy, response) : blameSpan(policy, blame, response);
  return { allowed: false, reason: message, span };
}

/** Who answers the HTTP requests: the policy's own CORS layer, or a whole path (src/paths). */
export type Answerer = (request: HttpRequest, status: number) => HttpResponse;

function safely(answer: Answerer, request: HttpRequest, status: number): HttpResponse | UnknownBehaviour {
  try {
    return answer(request, status);
  } catch (error) {
    if (error instanceof UnknownBehaviour) return error;
    throw error;
  }
}

/**
 * The request path when none is given: a location's own path (so the request reaches the block the
 * policy describes), else `/`.
 */
export function defaultPath(policy: CorsPolicy): string {
  const p = policy.scope.path;
  if (policy.library === 'nginx' && policy.scope.kind === 'location' && p && p.startsWith('/')) return p;
  if (p && /^\/[\w\-./]*$/.test(p)) return p;
  return '/';
}

/**
 * Simulates one browser request against one policy. Never guesses: unresolved values give allowed
 * 'unknown'. `answer` replaces the policy's own CORS layer (a proxy in front of it); the policy still
 * names the configuration a verdict points at when the response does not.
 */
export function simulate(policy: CorsPolicy, req: SimRequest, answer: Answerer = (r, status) => respond(policy, r, { status })): SimResult {
  const sent = browserRequests({ ...req, path: req.path ?? defaultPath(policy) });
  const credentials = req.credentials;
  const actualResponse = safely(answer, sent.actual, req.appStatus ?? 200);
  const actual: Exchange | null = actualResponse instanceof UnknownBehaviour ? null : { request: sent.actual, response: actualResponse };
  let preflight: Exchange | null = null;
  let preflightUnknown: UnknownBehaviour | undefined;
  if (sent.preflight) {
    const r = safely(answer, sent.preflight, 200);
    if (r instanceof UnknownBehaviour) preflightUnknown = r;
    else preflight = { request: sent.preflight, response: r };
  }
  const unknown = (u: UnknownBehaviour): SimResult => ({
    preflight,
    actual,
    verdict: { allowed: 'unknown', reason: `Cannot tell: ${u.why}.`, span: u.span ?? policy.span },
  });

  if (req.origin === undefined) {
    if (actualResponse instanceof UnknownBehaviour) return unknown(actualResponse);
    return {
      preflight: null,
      actual,
      verdict: { allowed: true, reason: 'No Origin header is sent, so this is not a cross-origin browser request and CORS does not apply.', span: policy.span },
    };
  }
  const origin = req.origin;

  if (sent.preflight) {
    if (preflightUnknown) return unknown(preflightUnknown);
    const pr = preflight!.response;
    const problem = preflightCheck(pr.status ?? 200, pr.headers, origin, credentials, sent.method, sent.unsafeHeaders);
    if (problem) return { preflight, actual, verdict: failure(policy, problem.message, problem.blame, pr) };
    if (pr.status === null) {
      return {
        preflight,
        actual,
        verdict: {
          allowed: 'unknown',
          reason: `Cannot tell: the preflight's CORS headers pass, but its status is set by code the linter cannot see (${pr.producedBy ?? 'the application'}); it must be 2xx.`,
          span: policy.span,
        },
      };
    }
  }
  if (actualResponse instanceof UnknownBehaviour) return unknown(actualResponse);
  const problem = corsCheck(actualResponse.headers, origin, credentials);
  if (problem) return { preflight, actual, verdict: failure(policy, problem.message, problem.blame, actualResponse) };
  const acao = getCombined(actualResponse.headers, 'access-control-allow-origin');
  const parts = [`Access-Control-Allow-Origin: ${acao}`];
  if (credentials) parts.push('Access-Control-Allow-Credentials: true');
  const lead = sent.preflight
    ? `The preflight allows ${sent.method}${sent.unsafeHeaders.length ? ` with ${sent.unsafeHeaders.join(', ')}` : ''} and the response`
    : 'The response';
  const dropped = sent.dropped.length ? ` (the browser does not let the page set ${sent.dropped.join(', ')})` : '';
  return {
    preflight,
    actual,
    verdict: {
      allowed: true,
      reason: `${lead} carries ${parts.join(' and ')}${credentials ? ', so the page can read it with credentials' : ''}${dropped}.${actualResponse.note ? ` ${actualResponse.note}` : ''}`,
      span: blameSpan(policy, 'allowed', actualResponse),
    },
  };
}
