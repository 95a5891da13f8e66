import { describe, expect, test } from 'vitest';
import { at, onePolicy, range, scanPython, shapes } from './helpers.js';

describe('django-cors-headers settings', () => {
  test('current names: allowed origins, regexes, credentials, methods, headers, max age', async () => {
    const code = `INSTALLED_APPS = ["corsheaders"]
CORS_ALLOWED_ORIGINS = [
    "https://a.example",
    "null",
]
CORS_ALLOWED_ORIGIN_REGEXES = [r"^https://\\w+\\.example\\.com$"]
CORS_ALLOW_CREDENTIALS = True
CORS_ALLOW_METHODS = ("GET", "POST")
CORS_ALLOW_HEADERS = ["x-token"]
CORS_EXPOSE_HEADERS = ["x-total"]
CORS_PREFLIGHT_MAX_AGE = 3600
`;
    const p = await onePolicy(code, 'mysite/settings.py');
    expect(p.stack).toBe('django');
    expect(p.library).toBe('django-cors-headers');
    expect(p.scope).toEqual({ kind: 'settings', name: 'mysite.settings' });
    expect(at(p.span)).toBe('2:1-5:2');
    expect(shapes(p.origins)).toEqual([
      { kind: 'exact', origin: 'https://a.example' },
      { kind: 'null' },
      { kind: 'regex', pattern: '^https://\\w+\\.example\\.com$', flavor: 'python', mode: 'match', ignoreCase: false },
    ]);
    expect(at(p.origins[0]!.span)).toBe(range(code, '"https://a.example"'));
    expect(at(p.origins[2]!.span)).toBe(range(code, 'r"^https://\\w+\\.example\\.com$"'));
    expect(at(p.originsSpan)).toBe('2:1-5:2');
    expect(p.credentials.value).toBe(true);
    expect(at(p.credentials.span)).toBe(range(code, 'CORS_ALLOW_CREDENTIALS = True'));
    expect(p.allowMethods.value).toEqual(['GET', 'POST']);
    expect(p.allowHeaders.value).toEqual(['x-token']);
    expect(p.exposeHeaders.value).toEqual(['x-total']);
    expect(p.maxAge.value).toBe(3600);
    expect(p.varyOrigin.value).toBe(true);
  });

  test('old names: CORS_ORIGIN_ALLOW_ALL, CORS_ORIGIN_WHITELIST, CORS_ORIGIN_REGEX_WHITELIST', async () => {
    const code = `CORS_ORIGIN_ALLOW_ALL = True
CORS_ORIGIN_WHITELIST = ("https://a.example",)
CORS_ORIGIN_REGEX_WHITELIST = (r"^https://.*\\.example\\.org$",)
`;
    const p = await onePolicy(code, 'proj/settings/base.py');
    expect(p.scope.name).toBe('proj.settings.base');
    expect(shapes(p.origins)).toEqual([
      { kind: 'any' },
      { kind: 'exact', origin: 'https://a.example' },
      { kind: 'regex', pattern: '^https://.*\\.example\\.org$', flavor: 'python', mode: 'match', ignoreCase: false },
    ]);
    expect(at(p.span)).toBe(range(code, 'CORS_ORIGIN_ALLOW_ALL = True'));
    expect(p.notes?.join('\n')).toMatch(/Access-Control-Allow-Origin: \*/);
  });

  test('CORS_ALLOW_ALL_ORIGINS with credentials: a note says the origin is echoed', async () => {
    const p = await onePolicy('CORS_ALLOW_ALL_ORIGINS = True\nCORS_ALLOW_CREDENTIALS = True\n', 'settings.py');
    expect(shapes(p.origins)).toEqual([{ kind: 'any' }]);
    expect(p.credentials.value).toBe(true);
    expect(p.notes?.join('\n')).toMatch(/echoes the request Origin/);
  });

  test('the new name wins over the old alias', async () => {
    const p = await onePolicy('CORS_ORIGIN_ALLOW_ALL = True\nCORS_ALLOW_ALL_ORIGINS = False\n', 'settings.py');
    expect(p.origins).toEqual([]);
  });

  test('defaults from corsheaders/conf.py and defaults.py', async () => {
    const p = await onePolicy('CORS_ALLOWED_ORIGINS = ["https://a.example"]\n', 'settings.py');
    expect(p.credentials).toEqual({ value: false, isDefault: true });
    expect(p.allowMethods).toEqual({ value: ['DELETE', 'GET', 'OPTIONS', 'PATCH', 'POST', 'PUT'], isDefault: true });
    expect(p.allowHeaders.value).toEqual(['accept', 'accept-encoding', 'authorization', 'content-type', 'dnt', 'origin', 'user-agent', 'x-csrftoken', 'x-requested-with']);
    expect(p.maxAge).toEqual({ value: 86400, isDefault: true });
  });

  test('+= appends, and a star import supplies the base list', async () => {
    const prod = `from .base import *
CORS_ALLOWED_ORIGINS += ["https://prod.example"]
`;
    const r = await scanPython({
      'proj/settings/base.py': 'CORS_ALLOWED_ORIGINS = ["https://base.example"]\n',
      'proj/settings/prod.py': prod,
    });
    expect(r.policies).toHaveLength(2);
    const p = r.policies.find((x) => x.scope.name === 'proj.settings.prod')!;
    expect(shapes(p.origins)).toEqual([
      { kind: 'exact', origin: 'https://base.example' },
      { kind: 'exact', origin: 'https://prod.example' },
    ]);
    expect(p.origins[0]!.span?.file).toBe('proj/settings/base.py');
    expect(at(p.origins[1]!.span)).toBe(range(prod, '"https://prod.example"'));
  });

  test('environment-driven origins through split', async () => {
    const p = await onePolicy(`import os
CORS_ALLOWED_ORIGINS = os.environ.get("CORS_ALLOWED_ORIGINS", "https://a.example,https://b.example").split(",")
`, 'settings.py');
    expect(shapes(p.origins)).toEqual([
      { kind: 'exact', origin: 'https://a.example' },
      { kind: 'exact', origin: 'https://b.example' },
    ]);
    expect(p.origins[0]).toMatchObject({ envDriven: true, source: 'CORS_ALLOWED_ORIGINS' });
  });

  test('django-environ env.list with a default', async () => {
    const p = await onePolicy(`import environ
env = environ.Env()
CORS_ALLOWED_ORIGINS = env.list("CORS_ALLOWED_ORIGINS", default=["https://a.example"])
CORS_ALLOW_CREDENTIALS = env.bool("CORS_CREDENTIALS", default=True)
`, 'settings.py');
    expect(p.origins[0]).toMatchObject({ kind: 'exact', origin: 'https://a.example', envDriven: true, source: 'CORS_ALLOWED_ORIGINS' });
    expect(p.credentials).toMatchObject({ value: true, envDriven: true, source: 'CORS_CREDENTIALS' });
  });

  test('a trailing slash is kept as written, with the system check noted', async () => {
    const p = await onePolicy('CORS_ALLOWED_ORIGINS = ["https://a.example/"]\n', 'settings.py');
    expect(shapes(p.origins)).toEqual([{ kind: 'exact', origin: 'https://a.example/' }]);
    expect(p.notes?.join('\n')).toMatch(/E014/);
  });

  test('CORS_URLS_REGEX narrows the scope', async () => {
    const p = await onePolicy('CORS_ALLOWED_ORIGINS = ["https://a.example"]\nCORS_URLS_REGEX = r"^/api/.*$"\n', 'settings.py');
    expect(p.scope.path).toBe('^/api/.*$');
  });

  test('Flask-CORS config keys alone (CORS_ORIGINS) do not make a Django policy', async () => {
    const r = await scanPython({ 'config.py': 'CORS_ORIGINS = ["https://a.example"]\nCORS_SUPPORTS_CREDENTIALS = True\n' });
    expect(r.policies).toEqual([]);
  });

  test('settings assigned inside a function are not module settings', async () => {
    const r = await scanPython({ 'settings.py': 'def f():\n    CORS_ALLOW_ALL_ORIGINS = True\n' });
    expect(r.policies).toEqual([]);
  });
});
