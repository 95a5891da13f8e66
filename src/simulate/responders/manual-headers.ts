// Access-Control-* headers written by application code (res.setHeader, res.header, ...): the
// response carries what the code writes. A value that stands for the request Origin is the Origin
// when the policy's origin entries accept it; a header written under a condition the scanner could
// not relate to the Origin makes the answer unknown.
import type { CorsPolicy, EmittedHeader } from '../../model/types.js';
import { addHeader, setHeader, type HeaderBag } from '../header-bag.js';
import { compileOriginRegex } from '../origin-regex.js';
import { knownOrigins, libraryOption } from '../options.js';
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

function appliesToMethod(policy: CorsPolicy, method: string): boolean {
  const methods = policy.scope.methods;
  return !methods || methods.length === 0 || methods.some((m) => m.toUpperCase() === method || m === '*');
}

export const manualHeadersResponder: Responder = (policy, request, app) => {
  const origin = request.headers['origin'];
  const isOptions = request.method === 'OPTIONS';
  const headers: HeaderBag = {};
  const headerSpans: Record<string, NonNullable<HttpResponse['headerSpans']>[string]> = {};
  const emitted: EmittedHeader[] = policy.emittedHeaders ?? [];
  const routeMatches = appliesToMethod(policy, request.method);
  if (routeMatches) {
    for (const h of emitted) {
      if (h.conditional) {
        if (!/origin/i.test(h.conditional)) {
          throw new UnknownBehaviour(`${h.name} is only sent when \`${h.conditional}\` holds`, h.span);
        }
        if (origin === undefined || !originAccepted(policy, origin)) continue;
      }
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
  if (isOptions) {
    const handled = policy.preflight.value;
    const preflightStatus = policy.libraryOptions?.preflightStatus;
    if (handled === 'handled' && typeof preflightStatus === 'number') status = preflightStatus;
    else if (handled === 'handled') {
      status = null;
      producedBy = 'application code answers OPTIONS (status not visible to the linter)';
    } else {
      const fallback = libraryOption<number | null>(policy, 'optionsFallbackStatus', null);
      status = fallback;
      producedBy = 'OPTIONS is not answered by the code that writes the CORS headers (the framework decides the status)';
      if (!routeMatches) return { status, headers: {}, producedBy };
    }
  }
  return { status, headers, headerSpans, producedBy };
};
