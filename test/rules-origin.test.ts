import { describe, expect, it } from 'vitest';
import credentialsWithWildcardOrigin from '../rules/credentials-with-wildcard-origin/index.js';
import insecureOriginScheme from '../rules/insecure-origin-scheme/index.js';
import malformedOrigin from '../rules/malformed-origin/index.js';
import nullOrigin from '../rules/null-origin/index.js';
import reflectedOrigin from '../rules/reflected-origin/index.js';
import unresolvedOrigin from '../rules/unresolved-origin/index.js';
import wildcardOrigin from '../rules/wildcard-origin/index.js';
import { policy, run, span } from './helpers/rule-harness.js';

const at = span(7, 19, 24);

describe('credentials-with-wildcard-origin', () => {
  it('catches Starlette * with credentials and says it echoes the origin', () => {
    const [f, ...rest] = run(credentialsWithWildcardOrigin, [policy('starlette', [{ kind: 'any', span: at }], { credentials: true })]);
    expect(rest).toHaveLength(0);
    expect(f).toMatchObject({ ruleId: 'credentials-with-wildcard-origin', severity: 'error', location: at });
    expect(f!.message).toContain('answers with the requesting Origin');
    expect(f!.message).toContain('Cookie');
  });
  it('uses the pinned Starlette version', () => {
    const [f] = run(credentialsWithWildcardOrigin, [policy('starlette', [{ kind: 'any', span: at }], { credentials: true, libraryVersion: '1.0.0' })]);
    expect(f!.message).toContain('for every request (Starlette >= 1.0)');
  });
  it.each(['cors', 'nginx', 'manual', '@fastify/cors'] as const)('says %s sends * + true, which browsers refuse', (library) => {
    const [f] = run(credentialsWithWildcardOrigin, [policy(library, [{ kind: 'any', span: at }], { credentials: true })]);
    expect(f!.message).toContain('which browsers refuse');
  });
  it('says django-cors-headers and @koa/cors echo', () => {
    for (const library of ['django-cors-headers', '@koa/cors'] as const) {
      const [f] = run(credentialsWithWildcardOrigin, [policy(library, [{ kind: 'any', span: at }], { credentials: true })]);
      expect(f!.message).toContain('answers with the requesting Origin');
    }
  });
  it('catches not * without credentials, or exact origins with credentials', () => {
    expect(run(credentialsWithWildcardOrigin, [policy('starlette', [{ kind: 'any', span: at }], { credentials: false })])).toEqual([]);
    expect(run(credentialsWithWildcardOrigin, [policy('cors', [{ kind: 'exact', origin: 'https://a.example', span: at }], { credentials: true })])).toEqual([]);
  });
  it('names the environment default it came from', () => {
    const [f] = run(credentialsWithWildcardOrigin, [policy('starlette', [{ kind: 'any', span: at, envDriven: true, source: 'CORS_ORIGINS' }], { credentials: true })]);
    expect(f!.message).toContain('default of CORS_ORIGINS');
  });
});

describe('reflected-origin', () => {
  it('says a caller-chosen value (a query parameter) lets any page send its own origin', () => {
    const entry = { kind: 'reflect' as const, from: 'req.query.site', sentVerbatim: true, span: at };
    const [withCreds, ...rest] = run(reflectedOrigin, [policy('manual', [entry], { credentials: true })]);
    expect(rest).toHaveLength(0);
    expect(withCreds).toMatchObject({ ruleId: 'reflected-origin', severity: 'error', location: at });
    expect(withCreds!.message).toContain('req.query.site, a value the caller chooses');
    expect(withCreds!.message).toContain('any website can send its own origin there');
    expect(withCreds!.message).not.toContain('echoes any requesting Origin');
    const [without] = run(reflectedOrigin, [policy('manual', [entry], { credentials: false })]);
    expect(without).toMatchObject({ severity: 'warning', location: at });
  });
  it('is an error with credentials and a warning without', () => {
    const [withCreds] = run(reflectedOrigin, [policy('cors', [{ kind: 'reflect', span: at }], { credentials: true })]);
    const [without] = run(reflectedOrigin, [policy('cors', [{ kind: 'reflect', span: at }], { credentials: false })]);
    expect(withCreds).toMatchObject({ severity: 'error', location: at });
    expect(without).toMatchObject({ severity: 'warning', location: at });
    expect(withCreds!.message).toContain('origin: true');
  });
  it('names the Flask-CORS default and nginx $http_origin', () => {
    expect(run(reflectedOrigin, [policy('flask-cors', [{ kind: 'reflect', span: at }])])[0]!.message).toContain('send_wildcard');
    expect(run(reflectedOrigin, [policy('nginx', [{ kind: 'reflect', span: at }])])[0]!.message).toContain('$http_origin');
  });
  it('catches a regex that matches every origin', () => {
    const [f] = run(reflectedOrigin, [policy('starlette', [{ kind: 'regex', pattern: '.*', flavor: 'python', mode: 'fullmatch', ignoreCase: false, span: at }], { credentials: true })]);
    expect(f).toMatchObject({ severity: 'error', location: at });
  });
  it('catches not a guarded reflection or a specific regex', () => {
    expect(run(reflectedOrigin, [policy('manual', [{ kind: 'reflect', condition: 'allowed.includes(origin)', span: at }])])).toEqual([]);
    expect(run(reflectedOrigin, [policy('starlette', [{ kind: 'regex', pattern: 'https://app\\.example\\.com', flavor: 'python', mode: 'fullmatch', ignoreCase: false, span: at }])])).toEqual([]);
  });
});

describe('null-origin', () => {
  it('catches a literal null origin and the null matcher', () => {
    expect(run(nullOrigin, [policy('django-cors-headers', [{ kind: 'exact', origin: 'null', span: at }])])[0]).toMatchObject({ severity: 'error', location: at });
    expect(run(nullOrigin, [policy('cors', [{ kind: 'null', span: at }], { credentials: true })])[0]!.message).toContain('including authenticated ones');
  });
  it('catches not an origin that merely contains null', () => {
    expect(run(nullOrigin, [policy('cors', [{ kind: 'exact', origin: 'https://null.example', span: at }])])).toEqual([]);
  });
});

describe('wildcard-origin', () => {
  it('notes * without credentials', () => {
    expect(run(wildcardOrigin, [policy('cors', [{ kind: 'any', span: at }])])[0]).toMatchObject({ severity: 'note', location: at });
  });
  it('leaves * with credentials to credentials-with-wildcard-origin', () => {
    expect(run(wildcardOrigin, [policy('cors', [{ kind: 'any', span: at }], { credentials: true })])).toEqual([]);
  });
});

describe('insecure-origin-scheme', () => {
  it('catches http on a public host; error with credentials', () => {
    expect(run(insecureOriginScheme, [policy('starlette', [{ kind: 'exact', origin: 'http://app.example.com', span: at }])])[0]).toMatchObject({ severity: 'warning', location: at });
    expect(run(insecureOriginScheme, [policy('starlette', [{ kind: 'exact', origin: 'http://app.example.com', span: at }], { credentials: true })])[0]!.severity).toBe('error');
  });
  it.each(['http://localhost:3000', 'http://127.0.0.1:8000', 'http://[::1]:5173', 'http://app.localhost', 'https://app.example.com'])('catches not %s', (origin) => {
    expect(run(insecureOriginScheme, [policy('cors', [{ kind: 'exact', origin, span: at }])])).toEqual([]);
  });
  const pcre = (pattern: string) => ({ kind: 'regex' as const, pattern, flavor: 'pcre' as const, mode: 'search' as const, ignoreCase: true, span: at });
  it('catches a pattern whose optional s admits the plain-http origin, with that origin as witness', () => {
    const [f, ...rest] = run(insecureOriginScheme, [policy('nginx', [pcre('^https?://(www\\.)?shop\\.example\\.net$')], { credentials: true })]);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ ruleId: 'insecure-origin-scheme', severity: 'error', location: at, witness: 'http://shop.example.net' });
    expect(f!.message).toBe(
      "nginx regex '^https?://(www\\.)?shop\\.example\\.net$' accepts the plain-http origin 'http://shop.example.net': anyone on the network path to shop.example.net can inject script into that origin and read these responses with the user's credentials",
    );
  });
  it('catches a subdomain pattern over http, trying one ordinary label for the wildcard', () => {
    const [f] = run(insecureOriginScheme, [policy('starlette', [{ kind: 'regex', pattern: 'http://[a-z]+\\.corp\\.example\\.org', flavor: 'python', mode: 'fullmatch', ignoreCase: false, span: at }])]);
    expect(f).toMatchObject({ severity: 'warning', witness: 'http://app.corp.example.org' });
  });
  it.each(['^https://(www\\.)?shop\\.example\\.net$', '^https?://(localhost|127\\.0\\.0\\.1)(:[0-9]+)?$', '^https?://.*$'])('catches not the pattern %s', (pattern) => {
    expect(run(insecureOriginScheme, [policy('nginx', [pcre(pattern)])])).toEqual([]);
  });
});

describe('malformed-origin', () => {
  const one = (origin: string, library: Parameters<typeof policy>[0] = 'starlette', sentVerbatim?: boolean) =>
    run(malformedOrigin, [policy(library, [{ kind: 'exact', origin, span: at, sentVerbatim }])]);
  const pattern = (source: string) => run(malformedOrigin, [policy('nginx', [{ kind: 'regex', pattern: source, flavor: 'pcre', mode: 'search', ignoreCase: true, span: at }])]);
  it('catches a pattern that requires a path after the host, naming the origin it was meant for', () => {
    const [f, ...rest] = pattern('^https://(api|www)\\.shop\\.example\\.net/');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ ruleId: 'malformed-origin', severity: 'error', location: at });
    expect(f!.message).toBe(
      "nginx regex '^https://(api|www)\\.shop\\.example\\.net/' requires a path after the host ('https://api.shop.example.net/'), but the Origin a browser sends never has one ('https://api.shop.example.net'), so nginx never allows any origin through it",
    );
  });
  it.each(['^https://shop\\.example\\.net(/|$)', '^https://shop\\.example\\.net', '^https://[a-z]+\\.example\\.net/', '^https?://([^/]+\\.)?example\\.net/?$'])('catches not the pattern %s', (source) => {
    expect(pattern(source)).toEqual([]);
  });
  it.each([
    ['https://app.example.com/', 'ends with a slash', "did you mean 'https://app.example.com'"],
    ['https://app.example.com/login', 'has a path', "did you mean 'https://app.example.com'"],
    ['app.example.com', 'has no scheme', "did you mean 'https://app.example.com'"],
    ['https://app.example.com:443', 'default port :443', "did you mean 'https://app.example.com'"],
    ['https://App.Example.com', 'uppercase', "did you mean 'https://app.example.com'"],
    ['https://*.example.com', "contains '*'", ''],
    [' https://app.example.com', 'whitespace', "did you mean 'https://app.example.com'"],
    ['https://user@app.example.com', 'user-info', "did you mean 'https://app.example.com'"],
    ['https://a.example.com,https://b.example.com', 'several origins', ''],
  ])('catches %s', (origin, problem, suggestion) => {
    const [f, ...rest] = one(origin);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'error', location: at });
    expect(f!.message).toContain(problem);
    if (suggestion) expect(f!.message).toContain(suggestion);
  });
  it('says django-cors-headers matches a trailing slash at run time but its system check refuses it', () => {
    const [f] = one('https://app.example.com/', 'django-cors-headers');
    expect(f!.message).toContain('compares only scheme and host at run time');
    expect(f!.message).toContain('corsheaders.E014');
    expect(f!.message).not.toContain('never allows it');
    expect(one('https://App.example.com', 'django-cors-headers')[0]!.message).toContain('never allows it');
    expect(one('app.example.com', 'django-cors-headers')[0]!.message).toContain('corsheaders.E013');
  });
  it.each(['https://app.example.com', 'http://localhost:3000', 'https://app.example.com:8443', '*', 'null'])('catches not %s', (origin) => {
    expect(one(origin)).toEqual([]);
  });
  it('leaves verbatim multi-origin values to multiple-origin-values and nginx map case to nginx', () => {
    expect(one('https://a.example.com https://b.example.com', 'cors', true)).toEqual([]);
    expect(one('https://App.example.com', 'nginx', false)).toEqual([]);
    expect(one('https://App.example.com', 'nginx', true)).toHaveLength(1);
  });
  it('catches the Starlette substring test with a witness the string contains', () => {
    const [f] = run(malformedOrigin, [policy('starlette', [{ kind: 'substring', haystack: 'https://example.com', span: at }])]);
    expect(f).toMatchObject({ location: at, witness: 'https://example.co' });
    expect('https://example.com'.includes(f!.witness!)).toBe(true);
  });
});

describe('unresolved-origin', () => {
  it('reports what it could not resolve', () => {
    const [f] = run(unresolvedOrigin, [policy('starlette', [{ kind: 'unknown', why: 'os.environ["ORIGINS"] has no default', span: at }])]);
    expect(f).toMatchObject({ severity: 'note', location: at });
    expect(f!.message).toContain('os.environ["ORIGINS"]');
  });
  it('is off by default', () => {
    expect(unresolvedOrigin.meta.offByDefault).toBe(true);
  });
});
