// JavaScript witnesses against the real @fastify/cors plugin through fastify.inject (no network).
// @fastify/cors resets lastIndex, so a /g pattern answers the same on every request.

import Fastify from 'fastify';
import fastifyCors from '@fastify/cors';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeOriginPattern } from '../../src/regex/witness.js';

const apps: Array<ReturnType<typeof Fastify>> = [];
afterAll(async () => {
  await Promise.all(apps.map((a) => a.close()));
});

async function appFor(origin: RegExp) {
  const app = Fastify();
  apps.push(app);
  await app.register(fastifyCors, { origin });
  app.get('/', async () => 'ok');
  await app.ready();
  return app;
}

async function allowOrigin(app: Awaited<ReturnType<typeof appFor>>, origin: string): Promise<string | undefined> {
  const res = await app.inject({ method: 'GET', url: '/', headers: { origin } });
  const value = res.headers['access-control-allow-origin'];
  return typeof value === 'string' ? value : undefined;
}

describe('@fastify/cors accepts the witnesses', () => {
  it.each([
    [String.raw`example\.com$`, ''],
    [String.raw`^https:\/\/.*\.example\.com`, ''],
    [String.raw`^https:\/\/app.example.com$`, ''],
    [String.raw`example\.com`, 'g'],
  ])('/%s/%s', async (pattern, flags) => {
    const verdict = analyzeOriginPattern({ pattern, flavor: 'js', mode: 'search', ignoreCase: false, flags });
    expect(verdict.verdict).toBe('permissive');
    if (verdict.verdict !== 'permissive') return;
    const app = await appFor(new RegExp(pattern, flags));
    expect(await allowOrigin(app, verdict.witness)).toBe(verdict.witness);
    // lastIndex is reset per request: the same answer again.
    expect(await allowOrigin(app, verdict.witness)).toBe(verdict.witness);
  });
});
