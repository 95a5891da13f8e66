// The library facts the JavaScript scanner encodes, checked against the real packages on 127.0.0.1:
// the scanner reads a snippet, the same options run in the real middleware, and the headers must
// agree with what the model claims (sources: cors/lib/index.js, @fastify/cors/index.js, @koa/cors/index.js).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import cors from 'cors';
import express from 'express';
import fastifyCors from '@fastify/cors';
import Fastify from 'fastify';
import Koa from 'koa';
import koaCors from '@koa/cors';
import { afterEach, describe, expect, it } from 'vitest';
import type { CorsPolicy } from '../../../src/model/types.js';
import { express5Rejects } from '../../../src/extract/js/express-facts.js';
import type { Registration } from '../../../src/extract/js/registrations.js';
import { scan, scanOne } from './helpers.js';

type Answer = { status: number; headers: Record<string, string | string[]> };

function request(port: number, method: string, headers: Record<string, string> = {}, path = '/'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const r = http.request({ host: '127.0.0.1', port, method, path, headers, agent: false }, (res) => {
      const out: Record<string, string | string[]> = {};
      for (let i = 0; i < res.rawHeaders.length; i += 2) {
        const name = res.rawHeaders[i]!.toLowerCase();
        const old = out[name];
        const value = res.rawHeaders[i + 1]!;
        out[name] = old === undefined ? value : [...(Array.isArray(old) ? old : [old]), value];
      }
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: out }));
    });
    r.on('error', reject);
    r.end();
  });
}

const closers: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

function listen(server: http.Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

/** The options as the test runs them (the scanner only ever reads them as text). */
function optionsOf(source: string): unknown {
  return new Function(`return (${source});`)();
}

async function expressWith(setup: (app: express.Express) => void): Promise<number> {
  const app = express();
  setup(app);
  app.use((_req, res) => {
    res.send('ok');
  });
  const server = http.createServer(app);
  closers.push(() => new Promise<void>((r) => server.close(() => r())));
  return listen(server);
}

const varyHas = (a: Answer, token: string) => String(a.headers.vary ?? '').toLowerCase().split(/\s*,\s*/).includes(token.toLowerCase());

describe('npm cors against express + cors', () => {
  async function both(optionsSource: string): Promise<{ policy: CorsPolicy; port: number }> {
    const policy = await scanOne(`const cors = require('cors');\napp.use(cors(${optionsSource}));\n`);
    const port = await expressWith((app) => app.use(cors(optionsOf(optionsSource || 'undefined') as cors.CorsOptions)));
    return { policy, port };
  }

  it('a string origin is sent verbatim for any request Origin, with Vary: Origin', async () => {
    const { policy, port } = await both("{ origin: 'https://a.example.com, https://b.example.com' }");
    expect(policy.origins[0]).toMatchObject({ kind: 'exact', sentVerbatim: true });
    const a = await request(port, 'GET', { Origin: 'https://evil.example.net' });
    expect(a.headers['access-control-allow-origin']).toBe((policy.origins[0] as { origin: string }).origin);
    expect(varyHas(a, 'Origin')).toBe(policy.varyOrigin.value);
  });

  it("'*' with credentials sends both headers, no reflection", async () => {
    const { policy, port } = await both("{ origin: '*', credentials: true }");
    expect(policy.origins).toEqual([expect.objectContaining({ kind: 'any' })]);
    expect(policy.credentials.value).toBe(true);
    const a = await request(port, 'GET', { Origin: 'https://evil.example.net', Cookie: 'sid=1' });
    expect(a.headers['access-control-allow-origin']).toBe('*');
    expect(a.headers['access-control-allow-credentials']).toBe('true');
    expect(varyHas(a, 'Origin')).toBe(policy.varyOrigin.value);
  });

  it('cors() defaults: *, no Vary: Origin, every OPTIONS answered 204 with the default methods and echoed request headers', async () => {
    const { policy, port } = await both('');
    const pre = await request(port, 'OPTIONS', { Origin: 'https://x.example', 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'x-token' });
    expect(pre.status).toBe(204);
    expect(policy.preflight.value).toBe('handled');
    expect(pre.headers['access-control-allow-methods']).toBe((policy.allowMethods.value as string[]).join(','));
    expect(pre.headers['access-control-allow-headers']).toBe('x-token');
    expect(policy.allowHeaders.why).toMatch(/echoed/);
    expect(varyHas(pre, 'Origin')).toBe(false);
    expect(policy.varyOrigin.value).toBe(false);
    // Even a plain OPTIONS without preflight headers is answered by cors.
    expect((await request(port, 'OPTIONS')).status).toBe(204);
  });

  it('origin: true echoes the Origin (also null) with Vary: Origin, and sends nothing without one', async () => {
    const { policy, port } = await both('{ origin: true }');
    expect(policy.origins).toEqual([expect.objectContaining({ kind: 'reflect' })]);
    expect((await request(port, 'GET', { Origin: 'https://evil.example.net' })).headers['access-control-allow-origin']).toBe('https://evil.example.net');
    expect((await request(port, 'GET', { Origin: 'null' })).headers['access-control-allow-origin']).toBe('null');
    const none = await request(port, 'GET');
    expect(none.headers['access-control-allow-origin']).toBeUndefined();
    expect(varyHas(none, 'Origin')).toBe(policy.varyOrigin.value);
  });

  it('a RegExp is tested unanchored, exactly as the model regex (flavor js, search)', async () => {
    const { policy, port } = await both('{ origin: /example\\.com/ }');
    const entry = policy.origins[0] as { pattern: string; flags: string; mode: string };
    expect(entry.mode).toBe('search');
    for (const origin of ['https://app.example.com', 'https://example.com.evil.net', 'https://evilexample.com', 'https://example.org']) {
      const a = await request(port, 'GET', { Origin: origin });
      expect(a.headers['access-control-allow-origin'] === origin).toBe(new RegExp(entry.pattern, entry.flags).test(origin));
    }
  });

  it('a /g RegExp alternates allow and refuse for the same Origin (the note)', async () => {
    const { policy, port } = await both('{ origin: /example\\.com/g }');
    expect(policy.notes?.join(' ')).toMatch(/alternately accepted and refused/);
    const first = await request(port, 'GET', { Origin: 'https://app.example.com' });
    const second = await request(port, 'GET', { Origin: 'https://app.example.com' });
    expect([first.headers['access-control-allow-origin'], second.headers['access-control-allow-origin']]).toEqual(['https://app.example.com', undefined]);
  });

  it('an origin function with a membership test accepts exactly the listed origins', async () => {
    const list = "['https://a.example.com', 'https://b.example.com']";
    const source = `{ origin: (origin, cb) => cb(null, ${list}.includes(origin)) }`;
    const policy = await scanOne(`const cors = require('cors');\nconst allowed = ${list};\napp.use(cors({ origin: (origin, cb) => cb(null, allowed.includes(origin)) }));\n`);
    const port = await expressWith((app) => app.use(cors(optionsOf(source) as cors.CorsOptions)));
    const modelled = new Set(policy.origins.map((o) => (o as { origin: string }).origin));
    for (const origin of ['https://a.example.com', 'https://b.example.com', 'https://c.example.com']) {
      const a = await request(port, 'GET', { Origin: origin });
      expect(a.headers['access-control-allow-origin'] === origin).toBe(modelled.has(origin));
    }
  });

  it('route-level cors() on PUT without an OPTIONS handler: the preflight gets no CORS headers', async () => {
    const [policy] = await scan("const cors = require('cors');\napp.put('/items', cors({ origin: 'https://a.example.com' }), handler);\n");
    expect(policy!.preflight.value).toBe('not-handled');
    const port = await expressWith((app) => app.put('/items', cors({ origin: 'https://a.example.com' }), (_q, r) => r.send('ok')));
    const pre = await request(port, 'OPTIONS', { Origin: 'https://a.example.com', 'Access-Control-Request-Method': 'PUT' }, '/items');
    expect(pre.headers['access-control-allow-origin']).toBeUndefined();
  });

  it("Express 5 rejects app.options('*', ...) when the routes are registered", () => {
    const app = express();
    expect(() => app.options('*', cors())).toThrow(/Missing parameter name/);
    expect(() => app.options('/{*path}', cors())).not.toThrow();
  });

  it('the scanner predicts exactly which paths Express 5 refuses at registration', () => {
    const paths = ['*', '/*', '/api/*', '*splat', '/{*splat}', '/(.*)', '/a?', '/a+', '/:id', '/items/:id', '/a/:b?', '/x!', '/[a]', '/files/*name'];
    for (const path of paths) {
      const app = express();
      let threw = false;
      try {
        app.options(path, cors());
      } catch {
        threw = true;
      }
      const predicted = express5Rejects({ path, pathIsRegex: false } as Registration) !== undefined;
      expect([path, predicted]).toEqual([path, threw]);
    }
  });

  it("res.header('Access-Control-Allow-Origin', req.headers.origin) sends 'undefined' without an Origin", async () => {
    const policy = await scanOne("const express = require('express');\napp.use((req, res, next) => { res.header('Access-Control-Allow-Origin', req.headers.origin); next(); });\n");
    expect(policy.notes?.join(' ')).toMatch(/literal string 'undefined'/);
    const port = await expressWith((app) =>
      app.use((req, res, next) => {
        res.header('Access-Control-Allow-Origin', req.headers.origin as string);
        next();
      }),
    );
    expect((await request(port, 'GET')).headers['access-control-allow-origin']).toBe('undefined');
  });
});

describe('@fastify/cors against fastify', () => {
  async function both(optionsSource: string): Promise<{ policy: CorsPolicy; port: number }> {
    const policy = await scanOne(`import cors from '@fastify/cors';\nfastify.register(cors, ${optionsSource});\n`, 'server.ts');
    const app = Fastify();
    await app.register(fastifyCors, optionsOf(optionsSource) as object);
    app.all('/', async () => 'ok');
    await app.listen({ port: 0, host: '127.0.0.1' });
    closers.push(() => app.close());
    return { policy, port: (app.server.address() as AddressInfo).port };
  }

  it('a string origin is sent as is and adds no Vary', async () => {
    const { policy, port } = await both("{ origin: 'https://a.example.com' }");
    const a = await request(port, 'GET', { Origin: 'https://evil.example.net' });
    expect(a.headers['access-control-allow-origin']).toBe('https://a.example.com');
    expect(policy.origins[0]).toMatchObject({ kind: 'exact', sentVerbatim: true });
    expect(varyHas(a, 'Origin')).toBe(policy.varyOrigin.value);
    expect(policy.varyOrigin.value).toBe(false);
  });

  it('a /g RegExp is reset before every test (no alternation) and adds Vary: Origin', async () => {
    const { policy, port } = await both('{ origin: /example\\.com/g }');
    expect(policy.notes?.join(' ') ?? '').not.toMatch(/alternately/);
    const first = await request(port, 'GET', { Origin: 'https://app.example.com' });
    const second = await request(port, 'GET', { Origin: 'https://app.example.com' });
    expect([first.headers['access-control-allow-origin'], second.headers['access-control-allow-origin']]).toEqual(['https://app.example.com', 'https://app.example.com']);
    expect(varyHas(first, 'Origin')).toBe(policy.varyOrigin.value);
  });

  it("'*' with credentials sends both headers; strict preflight answers 400 without Access-Control-Request-Method", async () => {
    const { policy, port } = await both("{ origin: '*', credentials: true }");
    const a = await request(port, 'GET', { Origin: 'https://evil.example.net' });
    expect([a.headers['access-control-allow-origin'], a.headers['access-control-allow-credentials']]).toEqual(['*', 'true']);
    expect(policy.credentials.value).toBe(true);
    expect(policy.libraryOptions?.strictPreflight).toBe(true);
    expect((await request(port, 'OPTIONS', { Origin: 'https://x.example' })).status).toBe(400);
    const pre = await request(port, 'OPTIONS', { Origin: 'https://x.example', 'Access-Control-Request-Method': 'GET' });
    expect(pre.status).toBe(204);
    expect(String(pre.headers['access-control-allow-methods']).split(/\s*,\s*/)).toEqual(policy.allowMethods.value);
  });
});

describe('@koa/cors against koa', () => {
  async function both(optionsSource: string): Promise<{ policy: CorsPolicy; port: number }> {
    const policy = await scanOne(`import cors from '@koa/cors';\napp.use(cors(${optionsSource}));\n`, 'server.js');
    const app = new Koa();
    app.use(koaCors(optionsOf(optionsSource || 'undefined') as koaCors.Options));
    app.use((ctx) => {
      ctx.body = 'ok';
    });
    const server = http.createServer(app.callback());
    closers.push(() => new Promise<void>((r) => server.close(() => r())));
    return { policy, port: await listen(server) };
  }

  it('credentials with the default origin echo the request Origin, with Vary: Origin', async () => {
    const { policy, port } = await both('{ credentials: true }');
    expect(policy.origins).toEqual([expect.objectContaining({ kind: 'reflect' })]);
    const a = await request(port, 'GET', { Origin: 'https://evil.example.net' });
    expect(a.headers['access-control-allow-origin']).toBe('https://evil.example.net');
    expect(a.headers['access-control-allow-credentials']).toBe('true');
    expect(varyHas(a, 'Origin')).toBe(policy.varyOrigin.value);
  });

  it("'*' without credentials is sent as is, and Vary: Origin is still added", async () => {
    const { policy, port } = await both("{ origin: '*' }");
    expect(policy.origins).toEqual([expect.objectContaining({ kind: 'any', sentVerbatim: true })]);
    const a = await request(port, 'GET', { Origin: 'https://evil.example.net' });
    expect(a.headers['access-control-allow-origin']).toBe('*');
    expect(varyHas(a, 'Origin')).toBe(true);
    expect(policy.varyOrigin.value).toBe(true);
    const pre = await request(port, 'OPTIONS', { Origin: 'https://x.example', 'Access-Control-Request-Method': 'DELETE' });
    expect(pre.status).toBe(204);
    expect(pre.headers['access-control-allow-methods']).toBe((policy.allowMethods.value as string[]).join(','));
  });
});
