// JavaScript witnesses against the real npm `cors` middleware (called in-process, no network):
// the library must send the witness back as Access-Control-Allow-Origin.

import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { analyzeOriginPattern } from '../../src/regex/witness.js';

const require = createRequire(import.meta.url);
const cors = require('cors') as (options: { origin: RegExp }) => (req: unknown, res: unknown, next: () => void) => void;

/** Runs one GET through the middleware and returns the Access-Control-Allow-Origin it set. */
function allowOrigin(middleware: ReturnType<typeof cors>, origin: string): string | undefined {
  const headers = new Map<string, string>();
  const res = {
    setHeader: (k: string, v: string) => headers.set(k.toLowerCase(), String(v)),
    getHeader: (k: string) => headers.get(k.toLowerCase()),
    end: () => undefined,
  };
  let passed = false;
  middleware({ method: 'GET', headers: { origin } }, res, () => (passed = true));
  expect(passed).toBe(true);
  return headers.get('access-control-allow-origin');
}

const PATTERNS: Array<[string, string]> = [
  [String.raw`example\.com$`, ''],
  [String.raw`\.example\.com`, ''],
  [String.raw`^https:\/\/app\.example\.com`, ''],
  ['app.example.com', ''],
  [String.raw`^https:\/\/(app|admin).example.com$`, ''],
  [String.raw`^https:\/\/[\w-]+\.com$`, ''],
  [String.raw`(https:\/\/)?app\.example\.com$`, ''],
  [String.raw`example\.com`, 'g'],
  [String.raw`EXAMPLE\.COM$`, 'i'],
];

describe('npm cors accepts the witnesses', () => {
  it.each(PATTERNS)('/%s/%s', (pattern, flags) => {
    const verdict = analyzeOriginPattern({ pattern, flavor: 'js', mode: 'search', ignoreCase: flags.includes('i'), flags });
    expect(verdict.verdict).toBe('permissive');
    if (verdict.verdict !== 'permissive') return;
    expect(allowOrigin(cors({ origin: new RegExp(pattern, flags) }), verdict.witness)).toBe(verdict.witness);
  });

  it('with the g flag the first request is accepted and the repeated one is refused (lastIndex carries over)', () => {
    const regex = /example\.com/g;
    const middleware = cors({ origin: regex });
    expect(allowOrigin(middleware, 'https://evilexample.com')).toBe('https://evilexample.com');
    expect(allowOrigin(middleware, 'https://evilexample.com')).toBeUndefined();
    expect(allowOrigin(middleware, 'https://evilexample.com')).toBe('https://evilexample.com');
  });

  it('refuses what the analysis calls safe', () => {
    const pattern = String.raw`^https:\/\/([a-z0-9-]+\.)*example\.com$`;
    expect(analyzeOriginPattern({ pattern, flavor: 'js', mode: 'search', ignoreCase: false }).verdict).toBe('safe');
    const middleware = cors({ origin: new RegExp(pattern) });
    for (const o of ['https://evilexample.com', 'https://app.example.com.evil.net', 'https://app-example.com']) {
      expect(allowOrigin(middleware, o)).toBeUndefined();
    }
  });
});
