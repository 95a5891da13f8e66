import { describe, expect, it } from 'vitest';
import { compilePattern } from '../../src/regex/engine.js';
import { intendedOrigins, isMeant } from '../../src/regex/intended.js';
import { isAttackerReachable, normalizeOrigin, parseSerializedOrigin } from '../../src/regex/origin-syntax.js';
import { templatesOf } from '../../src/regex/skeleton.js';

function intended(pattern: string, flavor: 'python' | 'js' | 'pcre' = 'js') {
  const c = compilePattern({ pattern, flavor, mode: 'search', ignoreCase: false });
  if (!c.ok) throw new Error(c.reason);
  return intendedOrigins(templatesOf(c.compiled.ast, c.compiled.flags).templates);
}

describe('what the author meant', () => {
  it('reads the literal skeleton with wildcards', () => {
    expect(intended(String.raw`^https:\/\/app\.example\.com$`).map((i) => i.display)).toEqual(['https://app.example.com']);
    expect(intended(String.raw`^https:\/\/[a-z0-9-]+\.example\.com$`).map((i) => i.display)).toEqual(['https://*.example.com']);
    expect(intended(String.raw`^https?:\/\/(www\.)?example\.com(:\d+)?$`).map((i) => i.display)).toContain('http://www.example.com:*');
  });
  it('counts the same site as meant, and look-alikes as not', () => {
    const i = intended(String.raw`^https:\/\/app\.example\.com$`);
    expect(isMeant('https://app.example.com', i)).toBe(true);
    expect(isMeant('https://other.example.com', i)).toBe(true);
    expect(isMeant('http://app.example.com', i)).toBe(false);
    expect(isMeant('https://app-example.com', i)).toBe(false);
    expect(isMeant('https://app.example.com.evil.net', i)).toBe(false);
    expect(isMeant('null', i)).toBe(false);
  });
  it('hangs a wildcard on the domain it precedes', () => {
    const partial = intended(String.raw`https:\/\/.*example\.com`);
    expect(partial[0]!.base).toBe('example.com');
    expect(isMeant('https://evilexample.com', partial)).toBe(false);
    expect(isMeant('https://a.example.com', partial)).toBe(true);
    const suffix = intended(String.raw`https:\/\/.*\.com`);
    expect(suffix[0]!.baseKind).toBe('icann-suffix');
    expect(isMeant('https://evil.com', suffix)).toBe(false);
    const hosting = intended(String.raw`https:\/\/.*\.vercel\.app`);
    expect(hosting[0]!.baseKind).toBe('private-suffix');
    expect(isMeant('https://x.vercel.app', hosting)).toBe(true);
  });
  it('gives scheme-less parts the schemes written elsewhere', () => {
    const i = intended(String.raw`(https:\/\/)?app\.example\.com$`);
    expect(isMeant('http://app.example.com', i)).toBe(false);
    expect(isMeant('https://app.example.com', i)).toBe(true);
    expect(isMeant('http://app.example.com', intended(String.raw`app\.example\.com$`))).toBe(true);
  });
});

describe('origin syntax', () => {
  it('accepts only what a browser sends', () => {
    expect(parseSerializedOrigin('https://app.example.com')).toEqual({ scheme: 'https', host: 'app.example.com' });
    expect(parseSerializedOrigin('https://app.example.com:443')).toBeUndefined();
    expect(parseSerializedOrigin('https://app.example.com/')).toBeUndefined();
    expect(parseSerializedOrigin('https://evil.net/?https://app.example.com')).toBeUndefined();
    expect(parseSerializedOrigin('https://App.example.com')).toBeUndefined();
    expect(parseSerializedOrigin('http://localhost:3000')).toEqual({ scheme: 'http', host: 'localhost', port: 3000 });
  });
  it('normalizes configured origins like browsers serialize them', () => {
    expect(normalizeOrigin('HTTPS://App.Example.com:443/')).toBe('https://app.example.com');
    expect(normalizeOrigin('https://app.example.com/path')).toBeUndefined();
  });
  it('treats only registrable hosts as attacker-reachable', () => {
    expect(isAttackerReachable('https://evilexample.com')).toBe(true);
    expect(isAttackerReachable('https://example.comevil')).toBe(false);
    expect(isAttackerReachable('http://localhost:3000')).toBe(false);
    expect(isAttackerReachable('null')).toBe(true);
  });
});
