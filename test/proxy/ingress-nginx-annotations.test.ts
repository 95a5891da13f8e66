// The controller's annotation parsing (internal/ingress/annotations/cors/main.go, controller-v1.15.1).
import { describe, expect, it } from 'vitest';
import { ANNOTATION_PREFIX, DEFAULT_HEADERS, DEFAULT_MAX_AGE, DEFAULT_METHODS, EXPOSE_VALID, METHODS_VALID, originListValid, originPattern, parseCorsAnnotations } from '../../src/proxy/ingress-nginx/annotations.js';

const parse = (a: Record<string, string>) => parseCorsAnnotations(new Map(Object.entries(a).map(([k, v]) => [ANNOTATION_PREFIX + k, v])));

describe('ingress-nginx CORS annotations', () => {
  it('enable-cors alone: origin *, credentials true, the default lists and max-age', () => {
    const c = parse({ 'enable-cors': 'true' });
    expect(c).toMatchObject({ enabled: true, origins: ['*'], credentials: true, methods: DEFAULT_METHODS, headers: DEFAULT_HEADERS, expose: '', maxAge: DEFAULT_MAX_AGE });
    expect(c.outcomes['cors-allow-origin'].status).toBe('default');
  });

  it('reads enable-cors with strconv.ParseBool: True and 1 enable, yes and an empty value do not', () => {
    expect(parse({ 'enable-cors': 'True' }).enabled).toBe(true);
    expect(parse({ 'enable-cors': '1' }).enabled).toBe(true);
    expect(parse({ 'enable-cors': 'yes' }).enabled).toBe(false);
    expect(parse({ 'enable-cors': '' }).enabled).toBe(false);
    expect(parse({}).enabled).toBe(false);
  });

  it('splits the origin list on commas, trims, keeps null and single-label wildcards', () => {
    expect(parse({ 'cors-allow-origin': 'https://a.example.com, http://localhost:3000,null , https://*.example.com' }).origins).toEqual([
      'https://a.example.com',
      'http://localhost:3000',
      'null',
      'https://*.example.com',
    ]);
  });

  it('skips entries without a scheme or with a second wildcard label, keeping the rest', () => {
    const c = parse({ 'cors-allow-origin': 'example.org, https://a.example.com, https://*.*.example.com' });
    expect(c.origins).toEqual(['https://a.example.com']);
    expect(c.skippedOrigins.map((s) => s.origin)).toEqual(['example.org', 'https://*.*.example.com']);
  });

  it('an origin with a trailing slash, a path or an uppercase scheme makes the whole list invalid: *', () => {
    for (const bad of ['https://a.example.com/', 'https://a.example.com, https://b.example.com/api', 'HTTPS://a.example.com']) {
      const c = parse({ 'cors-allow-origin': bad });
      expect(c.origins, bad).toEqual(['*']);
      expect(c.outcomes['cors-allow-origin'].status).toBe('rejected');
    }
    expect(parse({ 'cors-allow-origin': 'https://a.example.com/' }).outcomes['cors-allow-origin'].why).toContain('ends with a slash');
  });

  it('* anywhere is either the whole list or an invalid value: both mean *', () => {
    expect(parse({ 'cors-allow-origin': '*' }).origins).toEqual(['*']);
    expect(parse({ 'cors-allow-origin': 'https://a.example.com,*' }).origins).toEqual(['*']);
  });

  it('two origins separated by a space pass validation but are one entry the controller skips', () => {
    const c = parse({ 'cors-allow-origin': 'https://a.example.com https://b.example.com' });
    expect(c.origins).toEqual([]);
    expect(c.skippedOrigins).toHaveLength(1);
  });

  it('invalid credentials, methods, headers, expose and max-age fall back to the defaults', () => {
    const c = parse({ 'cors-allow-credentials': 'yes', 'cors-allow-methods': '*', 'cors-allow-headers': '*', 'cors-expose-headers': 'X-A;', 'cors-max-age': 'ten' });
    expect(c).toMatchObject({ credentials: true, methods: DEFAULT_METHODS, headers: DEFAULT_HEADERS, expose: '', maxAge: DEFAULT_MAX_AGE });
    for (const name of ['cors-allow-credentials', 'cors-allow-methods', 'cors-allow-headers', 'cors-expose-headers', 'cors-max-age'] as const) expect(c.outcomes[name].status, name).toBe('rejected');
  });

  it('keeps valid values exactly as written', () => {
    const c = parse({ 'cors-allow-credentials': 'false', 'cors-allow-methods': 'GET,  PUT'.replace('  ', ' '), 'cors-allow-headers': 'X-Custom, Content-Type', 'cors-expose-headers': '*', 'cors-max-age': '-1' });
    expect(c).toMatchObject({ credentials: false, methods: 'GET, PUT', headers: 'X-Custom, Content-Type', expose: '*', maxAge: -1 });
  });

  it('two spaces between methods pass validation (spaces removed) but fail the second check: default', () => {
    expect(parse({ 'cors-allow-methods': 'GET,  PUT' }).methods).toBe(DEFAULT_METHODS);
  });

  it('turns origins into the template regex: escaped, the first * one DNS label', () => {
    expect(originPattern('https://a.example.com:8443')).toBe('https://a\\.example\\.com:8443');
    expect(originPattern('https://*.example.com')).toBe('https://[A-Za-z0-9\\-]+\\.example\\.com');
  });

  it('decides the list patterns exactly as the controller\'s regular expressions, in linear time', () => {
    // The controller's patterns, usable as JavaScript regexes on short strings only (they backtrack).
    const goOriginList = /^((((([a-z]+:\/\/)?(\*\.)?[A-Za-z0-9\-.]*(:\d+)?,?)|null)+)|\*)?$/;
    const goMethods = /^([A-Za-z]+,?\s?)+$/;
    const goExpose = /^(([A-Za-z0-9\-_]+|\*),?\s?)+$/;
    const alphabet = ['a', 'h', 'S', '1', ':', '/', '*', '.', ',', ' ', '-', '_', '8', 'n', 'u', 'l', '\t'];
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    for (let k = 0; k < 20000; k++) {
      let s = '';
      const len = rand(9);
      for (let i = 0; i < len; i++) s += alphabet[rand(alphabet.length)];
      expect(originListValid(s), JSON.stringify(s)).toBe(goOriginList.test(s));
      expect(METHODS_VALID.test(s), JSON.stringify(s)).toBe(goMethods.test(s));
      expect(EXPOSE_VALID.test(s), JSON.stringify(s)).toBe(goExpose.test(s));
    }
    for (const s of ['https://a.com', 'http://*.b.com:80,null', 'GET, PUT', 'x://', 'a://b://c']) expect(originListValid(s)).toBe(goOriginList.test(s));
    const hostile = `${'a'.repeat(50_000)}!`;
    const started = Date.now();
    expect(originListValid(hostile)).toBe(false);
    expect(METHODS_VALID.test(hostile)).toBe(false);
    expect(EXPOSE_VALID.test(hostile)).toBe(false);
    expect(parseCorsAnnotations(new Map([[`${ANNOTATION_PREFIX}cors-allow-origin`, hostile]])).origins).toEqual(['*']);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
