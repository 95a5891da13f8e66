// Access-Control-* headers written by application code (res.setHeader, res.header, ...): the
// response carries what the code writes. A value that stands for the request Origin is the Origin
// when the policy's origin entries accept it; a header written under a condition the scanner could
// not relate to the Origin makes the answer unknown.
import type { CorsPolicy, EmittedHeader } from '../../model/types.js';
import { addHeader, setHeader, type HeaderBag } from '../header-bag.js';
import { compileOriginRegex } from '../origin-regex.js';
import { knownOrigins } from '../options.js';
import { UnknownBehaviour, type HttpResponse } from '../types.js';
import type { Responder } from './responder.js';

function originAccepted(policy: CorsPolicy, origin: string | undefined): boolean {
  const entries = knownOrigins(policy);
  return entries.some((e) => {
    switch (e.kind) {
      case 'any':
        return true;
      case 'reflect':
        if (e.condition) throw new UnknownBehaviour(`the origin check is not known statically (${e.condition})`, e.span ?? policy.originsSpan);
        return true;
      case 'exact':
        return origin === e.origin;
      case 'null':
        return origin === 'null';
      case 'substring':
        return origin !== undefined && e.haystack.includes(origin);
      case 'regex':
        return compileOriginRegex(e).test(String(origin));
      default:
        return false;
    }
  });
}

/** A request-method test the scanner wrote as guard text: `req.method === 'OPTIONS'`, negated or not. */
function methodGuard(text: string, method: string): boolean | undefined {
  const m = /^(!\()?\s*[\w$.]+\.method\s*(===|==|!==|!=)\s*(['"`])([A-Za-z]+)\3\s*(\))?$/.exec(text.trim());
  if (!m || Boolean(m[1]) !== Boolean(m[5])) return undefined;
  const equal = method.toUpperCase() === m[4]!.toUpperCase();
  const holds = m[2]!.startsWith('=') ? equal : !equal;
  return m[1] ? !holds : holds;
}

/**
 * Whether a header written under guards is sent: the scanner joins the guards with ` && `; method
 * tests are evaluated, tests on the Origin are what the policy's origin entries describe, anything
 * else is unknown.
 */
function guardHolds(h: EmittedHeader, policy: CorsPolicy, method: string, origin: string | undefined): boolean {
  for (const guard of h.conditional!.split(' && ')) {
    const byMethod = methodGuard(guard, method);
    if (byMethod === false) return false;
    if (byMethod === true) continue;
    if (/origin/i.test(guard)) {
      if (origin === undefined || !originAccepted(policy, origin)) return false;
      continue;
    }
    throw new UnknownBehaviour(`${h.name} is only sent when \`${h.conditional}\` holds`, h.span);
  }
  return true;
}

function appliesToMethod(policy: CorsPolicy, method: string): boolean {
  const methods = policy.scope.methods;
  return !methods || methods.length === 0 || methods.some((m) => m.toUpperCase() === method || m === '*');
}

export const manualHeadersResponder: Responder = (policy, request, app) => {
  if (policy.origins.some((e) => e.kind === 'reflect' && e.from)) knownOrigins(policy);
  const origin = request.headers['origin'];
  const isOptions = request.method === 'OPTIONS';
  const headers: HeaderBag = {};
  const headerSpans: Record<string, NonNullable<HttpResponse['headerSpans']>[string]> = {};
  const emitted: EmittedHeader[] = policy.emittedHeaders ?? [];
  const routeMatches = appliesToMethod(policy, request.method);
  if (routeMatches) {
    for (const h of emitted) {
      if (h.conditional && !guardHolds(h, policy, request.method, origin)) continue;
      let value = h.value;
      if (h.dependsOnOrigin) {
        if (!h.conditional && !originAccepted(policy, origin)) continue;
        // Express res.set/res.header stringify a missing Origin as "undefined".
        value = origin ?? 'undefined';
      }
      if (value === '') continue;
      if (h.combine === 'add') addHeader(headers, h.name, value);
      else setHeader(headers, h.name, value);
      headerSpans[h.name.toLowerCase()] = h.span;
    }
  }
  let status: number | null = app.status;
  let producedBy = 'application code';
  if (isOptions && policy.preflight.value === 'handled') {
    // The handler answers OPTIONS itself (res.sendStatus(204), res.end()): its status is not modelled.
    const preflightStatus = policy.libraryOptions?.preflightStatus;
    status = typeof preflightStatus === 'number' ? preflightStatus : null;
    producedBy = typeof preflightStatus === 'number' ? 'application code answers OPTIONS' : 'application code answers OPTIONS (status not visible to the linter)';
  } else if (isOptions) {
    producedBy = 'OPTIONS goes on to the rest of the application';
  }
  return { status, headers, headerSpans, producedBy };
};
