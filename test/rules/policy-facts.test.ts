import { describe, expect, it } from 'vitest';
import { newPolicy } from '../../src/model/policy.js';
import type { CorsPolicy, Library, Span, Stack } from '../../src/model/types.js';
import { acaoHeaders, addsField, libraryLabel, listedOrigins, originDependsOnRequest, wildcardEchoes } from '../../src/rules/policy-facts.js';

const span = (line: number): Span => ({ file: 'f', line, column: 1, endLine: line, endColumn: 10 });
const policy = (stack: Stack, library: Library): CorsPolicy => newPolicy({ stack, library, span: span(1), scope: { kind: 'app' } });

describe('policy facts', () => {
  it('names library and stack once', () => {
    expect(libraryLabel(policy('fastapi', 'starlette'))).toBe('Starlette CORSMiddleware in FastAPI');
    expect(libraryLabel(policy('starlette', 'starlette'))).toBe('Starlette CORSMiddleware');
    expect(libraryLabel(policy('express', 'cors'))).toBe('npm cors in Express');
    expect(libraryLabel(policy('flask', 'flask-cors'))).toBe('Flask-CORS');
    expect(libraryLabel(policy('nginx', 'nginx'))).toBe('nginx');
  });

  it('splits header values on commas and whitespace', () => {
    expect(listedOrigins(' https://a.com ,https://b.com\thttps://c.com ')).toEqual(['https://a.com', 'https://b.com', 'https://c.com']);
    expect(listedOrigins('https://a.com,')).toEqual(['https://a.com']);
  });

  it('finds Access-Control-Allow-Origin writes case-insensitively and knows which ones add a field', () => {
    const p = policy('nginx', 'nginx');
    p.emittedHeaders = [
      { name: 'access-control-allow-origin', value: '*', span: span(2) },
      { name: 'Vary', value: 'Origin', span: span(3) },
    ];
    expect(acaoHeaders(p).map((h) => h.span.line)).toEqual([2]);
    expect(addsField(p, p.emittedHeaders[0]!)).toBe(true);
    const manual = policy('express', 'manual');
    expect(addsField(manual, { name: 'x', value: 'y', span: span(1) })).toBe(false);
    expect(addsField(manual, { name: 'x', value: 'y', span: span(1), combine: 'add' })).toBe(true);
  });

  it('knows which libraries echo the Origin for *', () => {
    expect(wildcardEchoes(policy('fastapi', 'starlette'))).toBe(true);
    expect(wildcardEchoes(policy('express', 'cors'))).toBe(false);
    const koa = policy('koa', '@koa/cors');
    koa.credentials = { value: true };
    expect(wildcardEchoes(koa)).toBe(true);
    koa.credentials = { value: 'unknown', why: 'function' };
    expect(wildcardEchoes(koa)).toBe('unknown');
    // The Flask scanner turns the echoing '*' into a 'reflect' origin; 'any' is send_wildcard=True.
    expect(wildcardEchoes(policy('flask', 'flask-cors'))).toBe(false);
  });

  it('tells whether Access-Control-Allow-Origin depends on the request Origin', () => {
    const fixed = policy('express', 'cors');
    fixed.origins = [{ kind: 'exact', origin: 'https://a.com', span: span(4) }];
    expect(originDependsOnRequest(fixed)).toEqual({ depends: false });

    const two = policy('express', 'cors');
    two.originsSpan = span(5);
    two.origins = [
      { kind: 'exact', origin: 'https://a.com', span: span(5) },
      { kind: 'exact', origin: 'https://b.com', span: span(5) },
    ];
    expect(originDependsOnRequest(two)).toMatchObject({ depends: true, span: span(5) });

    const starAll = policy('express', 'cors');
    starAll.origins = [{ kind: 'any' }, { kind: 'exact', origin: 'https://a.com' }];
    expect(originDependsOnRequest(starAll)).toEqual({ depends: false });

    const unknown = policy('express', 'cors');
    unknown.origins = [{ kind: 'exact', origin: 'https://a.com' }, { kind: 'unknown', why: 'env' }];
    expect(originDependsOnRequest(unknown)).toEqual({ depends: 'unknown', why: 'env' });

    const reflect = policy('nginx', 'nginx');
    reflect.emittedHeaders = [{ name: 'Access-Control-Allow-Origin', value: '$http_origin', span: span(6), dependsOnOrigin: true }];
    expect(originDependsOnRequest(reflect)).toMatchObject({ depends: true, span: span(6) });
  });
});
