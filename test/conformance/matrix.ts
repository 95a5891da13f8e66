// The request matrix every conformance fixture answers: browser requests (expanded into the
// preflight and actual HTTP requests a browser sends) plus raw requests no browser would send.
import { browserRequests } from '../../src/simulate/simulate.js';
import type { HttpRequest, SimRequest } from '../../src/simulate/types.js';

export const APP = 'https://app.example.com';
export const EVIL = 'https://evil.example.net';
export const SUFFIX = 'https://app.example.com.evil.net';
export const LOCAL = 'http://localhost:3000';
export const SUB = 'https://api.example.com';
export const UPPER = 'https://APP.example.com';

export const BROWSER_MATRIX: Array<{ label: string; request: SimRequest }> = [
  { label: 'GET from an allowed origin', request: { origin: APP, method: 'GET', credentials: false, requestHeaders: [] } },
  { label: 'GET from a foreign origin', request: { origin: EVIL, method: 'GET', credentials: false, requestHeaders: [] } },
  { label: 'GET from the null origin', request: { origin: 'null', method: 'GET', credentials: false, requestHeaders: [] } },
  { label: 'GET without Origin', request: { method: 'GET', credentials: false, requestHeaders: [] } },
  { label: 'credentialed GET (Cookie) from an allowed origin', request: { origin: APP, method: 'GET', credentials: true, requestHeaders: [] } },
  { label: 'credentialed GET (Cookie) from a foreign origin', request: { origin: EVIL, method: 'GET', credentials: true, requestHeaders: [] } },
  { label: 'simple POST text/plain', request: { origin: APP, method: 'POST', credentials: false, requestHeaders: ['Content-Type: text/plain'] } },
  { label: 'preflighted PUT', request: { origin: APP, method: 'PUT', credentials: false, requestHeaders: [] } },
  { label: 'preflighted GET with X-Custom', request: { origin: APP, method: 'GET', credentials: false, requestHeaders: ['X-Custom: 1'] } },
  { label: 'credentialed DELETE with Authorization', request: { origin: APP, method: 'DELETE', credentials: true, requestHeaders: ['Authorization: Bearer t'] } },
  { label: 'preflighted PUT from a foreign origin', request: { origin: EVIL, method: 'PUT', credentials: false, requestHeaders: [] } },
  { label: 'credentialed JSON POST from localhost', request: { origin: LOCAL, method: 'POST', credentials: true, requestHeaders: ['Content-Type: application/json', 'X-Requested-With: XMLHttpRequest'] } },
  { label: 'GET from a suffix-extended origin', request: { origin: SUFFIX, method: 'GET', credentials: false, requestHeaders: [] } },
  { label: 'credentialed PATCH with X-Custom from a sibling subdomain', request: { origin: SUB, method: 'PATCH', credentials: true, requestHeaders: ['X-Custom: 1'] } },
  { label: 'GET from an upper-case host', request: { origin: UPPER, method: 'GET', credentials: false, requestHeaders: [] } },
  { label: 'GET answered 500 by the app', request: { origin: APP, method: 'GET', credentials: false, requestHeaders: [], appStatus: 500 } },
  { label: 'credentialed GET answered 404 by the app', request: { origin: APP, method: 'GET', credentials: true, requestHeaders: [], appStatus: 404 } },
];

export interface WireCase {
  label: string;
  request: HttpRequest;
  appStatus: number;
}

/** Paths the test servers understand: /status/<code> answers that status, `/` answers 200. */
export function pathFor(appStatus: number): string {
  return appStatus === 200 ? '/' : `/status/${appStatus}`;
}

/** Every HTTP request of the matrix, in a fixed order. */
export function wireCases(): WireCase[] {
  const out: WireCase[] = [];
  for (const { label, request } of BROWSER_MATRIX) {
    const appStatus = request.appStatus ?? 200;
    const sent = browserRequests({ ...request, path: pathFor(appStatus) });
    if (sent.preflight) out.push({ label: `${label} — preflight`, request: sent.preflight, appStatus: 200 });
    out.push({ label: sent.preflight ? `${label} — actual` : label, request: sent.actual, appStatus });
  }
  out.push({
    label: 'OPTIONS without Access-Control-Request-Method',
    request: { method: 'OPTIONS', path: '/', headers: { origin: APP } },
    appStatus: 200,
  });
  out.push({
    label: 'preflight without Origin',
    request: { method: 'OPTIONS', path: '/', headers: { 'access-control-request-method': 'PUT' } },
    appStatus: 200,
  });
  return out;
}
