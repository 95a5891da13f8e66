// Dispatch: the CORS layer of the policy's library answers one HTTP request.
import type { CorsPolicy, Library } from '../model/types.js';
import { djangoCorsResponder } from './responders/django-cors-headers.js';
import { fastifyCorsResponder } from './responders/fastify-cors.js';
import { flaskCorsResponder } from './responders/flask-cors.js';
import { koaCorsResponder } from './responders/koa-cors.js';
import { koa2CorsResponder } from './responders/koa2-cors.js';
import { manualHeadersResponder } from './responders/manual-headers.js';
import { ingressNginxResponder } from './responders/ingress-nginx.js';
import { nginxResponder } from './responders/nginx.js';
import { traefikResponder } from './responders/traefik.js';
import { npmCorsResponder } from './responders/npm-cors.js';
import type { AppBehind, Responder } from './responders/responder.js';
import { starletteResponder } from './responders/starlette.js';
import type { HttpRequest, HttpResponse } from './types.js';

const RESPONDERS: Record<Library, Responder> = {
  starlette: starletteResponder,
  cors: npmCorsResponder,
  '@fastify/cors': fastifyCorsResponder,
  '@koa/cors': koaCorsResponder,
  'koa2-cors': koa2CorsResponder,
  'flask-cors': flaskCorsResponder,
  'django-cors-headers': djangoCorsResponder,
  manual: manualHeadersResponder,
  nginx: nginxResponder,
  'ingress-nginx': ingressNginxResponder,
  traefik: traefikResponder,
};

/**
 * The response the policy's CORS layer gives to one HTTP request (header names lowercase).
 * `app.status` is what the handler behind the CORS layer answers. Throws UnknownBehaviour when the
 * answer depends on a value the scanner could not resolve.
 */
export function respond(policy: CorsPolicy, request: HttpRequest, app: AppBehind = { status: 200 }): HttpResponse {
  const normalized: HttpRequest = {
    method: request.method,
    path: request.path,
    headers: Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), v])),
  };
  return RESPONDERS[policy.library](policy, normalized, app);
}
