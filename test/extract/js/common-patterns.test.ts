// Shapes of hand-written CORS code that are common in real projects (written fresh for these tests).
import { describe, expect, it } from 'vitest';
import { at, scanOne, shapes } from './helpers.js';

describe('common hand-written middleware', () => {
  it("req.headers.origin || '*' with credentials: reflection, plus a note on the fallback", async () => {
    const policy = await scanOne(`module.exports = function corsHeaders(req, res, next) {
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin || '*');
  res.setHeader('Access-Control-Allow-Credentials', true);
  next();
};
`);
    expect(shapes(policy)).toEqual([{ kind: 'reflect' }]);
    expect(at(policy.origins[0]!.span)).toBe('2:48');
    expect(policy.credentials.value).toBe(true);
    expect(policy.notes?.join(' ')).toMatch(/fallback is used only for requests without an Origin/);
  });

  it('includes(origin) !== -1 is always true: the Origin is echoed unconditionally', async () => {
    const policy = await scanOne(`const allowed = ['https://a.example.com'];
const withCredentials = (req, res, next) => {
  const origin = req.headers.origin;
  if (allowed.includes(origin) !== -1) {
    res.header('Access-Control-Allow-Origin', origin);
  }
  next();
};
`);
    expect(shapes(policy)).toEqual([{ kind: 'reflect' }]);
  });

  it('chained res.header(...).header(...) calls are all read', async () => {
    const policy = await scanOne(`const express = require('express');
app.use((req, res, next) => {
  res.header('Access-Control-Allow-Origin', 'https://a.example.com').header('Vary', 'Origin').header('Access-Control-Allow-Methods', 'GET');
  next();
});
`);
    expect(policy.emittedHeaders!.map((h) => [h.name, at(h.span)])).toEqual([
      ['Access-Control-Allow-Origin', '3:3'],
      ['Vary', '3:70'],
      ['Access-Control-Allow-Methods', '3:95'],
    ]);
    expect(policy.varyOrigin.value).toBe(true);
  });

  it('an early return for a refused Origin guards the writes after it', async () => {
    const policy = await scanOne(`const ALLOWED = new Set(['https://a.example.com', 'https://b.example.com']);
export function cors(req, res, next) {
  const origin = req.get('Origin');
  if (!origin || !ALLOWED.has(origin)) return next();
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Vary', 'Origin');
  next();
}
`);
    expect(shapes(policy)).toEqual([
      { kind: 'exact', origin: 'https://a.example.com' },
      { kind: 'exact', origin: 'https://b.example.com' },
    ]);
    expect(policy.emittedHeaders![0]!.conditional).toBe('!(!origin || !ALLOWED.has(origin))');
    expect(policy.varyOrigin.value).toBe(true);
  });

  it('an allow-list from an environment variable with a default', async () => {
    const policy = await scanOne(`const LIST = (process.env.CORS_ALLOWED ?? 'https://a.example.com,https://b.example.com').split(',').map((s) => s.trim()).filter(Boolean);
export function allowList(req, res, next) {
  const origin = req.headers.origin;
  if (origin && LIST.includes(origin)) res.setHeader('Access-Control-Allow-Origin', origin);
  next();
}
`);
    expect(shapes(policy)).toEqual([
      { kind: 'exact', origin: 'https://a.example.com' },
      { kind: 'exact', origin: 'https://b.example.com' },
    ]);
    expect(policy.origins[0]).toMatchObject({ envDriven: true, source: 'CORS_ALLOWED' });
  });

  it('a helper that decides the origin is unknown, not a guess', async () => {
    const policy = await scanOne(`const { isAllowedOrigin } = require('cors-allow');
function corsMiddleware(req, res, next) {
  const origin = req.get('Origin');
  if (!isAllowedOrigin(origin)) return next();
  res.setHeader('Access-Control-Allow-Origin', origin);
  next();
}
`);
    expect(policy.origins).toEqual([expect.objectContaining({ kind: 'reflect', condition: expect.stringMatching(/isAllowedOrigin\(origin\)/) })]);
  });
});
