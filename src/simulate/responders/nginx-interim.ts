// Nginx from the policy's emitted headers: add_header without `always` only on 200, 201, 204, 206,
// 301, 302, 303, 304, 307, 308; `$http_origin` is the request Origin and an empty value adds no
// header. Used until the nginx scanner provides its own per-request prediction.
import type { EmittedHeader } from '../../model/types.js';
import { addHeader, setHeader, type HeaderBag } from '../header-bag.js';
import { UnknownBehaviour, type HttpResponse } from '../types.js';
import type { Responder } from './responder.js';

export const NGINX_ADD_HEADER_STATUSES = [200, 201, 204, 206, 301, 302, 303, 304, 307, 308];

function expand(h: EmittedHeader, origin: string | undefined): string {
  return h.value.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (_m, name: string) => {
    if (name === 'http_origin') return origin ?? '';
    throw new UnknownBehaviour(`${h.name} uses $${name}, which the linter does not evaluate`, h.span);
  });
}

export const nginxInterimResponder: Responder = (policy, request, app) => {
  const origin = request.headers['origin'];
  let status: number | null = app.status;
  if (request.method === 'OPTIONS') {
    const s = policy.libraryOptions?.preflightStatus;
    status = typeof s === 'number' ? s : policy.preflight.value === 'handled' ? null : app.status;
  }
  const headers: HeaderBag = {};
  const headerSpans: NonNullable<HttpResponse['headerSpans']> = {};
  for (const h of policy.emittedHeaders ?? []) {
    if (h.conditional) throw new UnknownBehaviour(`${h.name} is only sent when \`${h.conditional}\` holds`, h.span);
    if (!h.always && (status === null || !NGINX_ADD_HEADER_STATUSES.includes(status))) {
      if (status === null) throw new UnknownBehaviour('the status of this response is not known, and add_header without `always` depends on it', h.span);
      continue;
    }
    const value = expand(h, origin);
    if (value === '') continue;
    if (h.combine === 'replace') setHeader(headers, h.name, value);
    else addHeader(headers, h.name, value);
    headerSpans[h.name.toLowerCase()] = h.span;
  }
  return { status, headers, headerSpans, producedBy: 'nginx add_header' };
};
