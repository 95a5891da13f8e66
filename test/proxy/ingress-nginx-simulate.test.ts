// simulate() on the policies the reader makes: what a browser gets from the controller's template.
import { describe, expect, it } from 'vitest';
import { readFile } from '../../src/proxy/ingress-nginx/index.js';
import { respond } from '../../src/simulate/respond.js';
import { simulate } from '../../src/simulate/simulate.js';
import { UnknownBehaviour } from '../../src/simulate/types.js';

function policyOf(annotations: Record<string, string>, spec = '') {
  const lines = Object.entries({ 'enable-cors': 'true', ...annotations }).map(([k, v]) => `    nginx.ingress.kubernetes.io/${k}: ${JSON.stringify(v)}`);
  const got = readFile(['apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata:', '  name: api', '  annotations:', ...lines, spec].join('\n'), 'i.yaml');
  return got.policies[0];
}

describe('ingress-nginx responder', () => {
  it('enable-cors alone: * and true on every response, so a credentialed fetch fails and a plain one works', () => {
    const p = policyOf({})!;
    expect(simulate(p, { origin: 'https://evil.example', method: 'GET', credentials: true, requestHeaders: [] }).verdict.allowed).toBe(false);
    expect(simulate(p, { origin: 'https://evil.example', method: 'GET', credentials: false, requestHeaders: [] }).verdict.allowed).toBe(true);
    // Even without Origin the headers are there ($cors is 'true' for every request).
    expect(respond(p, { method: 'GET', path: '/', headers: {} }).headers['access-control-allow-origin']).toBe('*');
  });

  it('an origin list: the allowed origin is echoed as sent (case-insensitive), a preflight is 204, others go to the service bare', () => {
    const p = policyOf({ 'cors-allow-origin': 'https://app.example.com' })!;
    const upper = respond(p, { method: 'GET', path: '/', headers: { origin: 'https://APP.example.com' } }, { status: 500 });
    expect(upper).toMatchObject({ status: 500, headers: { 'access-control-allow-origin': 'https://APP.example.com', 'access-control-allow-credentials': 'true' } });
    expect(respond(p, { method: 'OPTIONS', path: '/', headers: { origin: 'https://app.example.com' } }).status).toBe(204);
    expect(respond(p, { method: 'OPTIONS', path: '/', headers: { origin: 'https://evil.example' } }, { status: 405 })).toMatchObject({ status: 405, headers: {} });
    const r = simulate(p, { origin: 'https://app.example.com', method: 'PUT', credentials: true, requestHeaders: ['Authorization: x'] });
    expect(r.verdict.allowed).toBe(true);
  });

  it('a single-label wildcard admits one label, not two', () => {
    const p = policyOf({ 'cors-allow-origin': 'https://*.example.com' })!;
    const acao = (origin: string) => respond(p, { method: 'GET', path: '/', headers: { origin } }).headers['access-control-allow-origin'];
    expect(acao('https://a-b.example.com')).toBe('https://a-b.example.com');
    expect(acao('https://a.b.example.com')).toBeUndefined();
    expect(acao('https://example.com')).toBeUndefined();
  });

  it('a templated origin list is unknown, never a guess', () => {
    const text = ['apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata:', '  name: api', '  annotations:', '    nginx.ingress.kubernetes.io/enable-cors: "true"', '    nginx.ingress.kubernetes.io/cors-allow-origin: {{ .Values.origins | quote }}', ''].join('\n');
    const p = readFile(text, 'templates/i.yaml').policies[0]!;
    expect(() => respond(p, { method: 'GET', path: '/', headers: { origin: 'https://a.example' } })).toThrow(UnknownBehaviour);
    expect(simulate(p, { origin: 'https://a.example', method: 'GET', credentials: false, requestHeaders: [] }).verdict.allowed).toBe('unknown');
  });

  it('Ingresses of another controller class are not ingress-nginx', () => {
    expect(policyOf({}, 'spec:\n  ingressClassName: traefik')).toBeUndefined();
    expect(policyOf({}, 'spec:\n  ingressClassName: nginx-internal')).toBeDefined();
  });

  it('a canary Ingress (its CORS annotations are ignored) and ssl-passthrough make no policy', () => {
    expect(policyOf({ canary: 'true' })).toBeUndefined();
    expect(policyOf({ 'ssl-passthrough': 'true' })).toBeUndefined();
    expect(policyOf({ canary: 'false' })).toBeDefined();
  });
});
