// The semantic facts the Python scanner encodes, checked against the real frameworks
// (Debian python3-starlette, python3-flask-cors, python3-django-cors-headers under /usr/bin/python3).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { onePolicy, shapes } from './helpers.js';

const PYTHON = '/usr/bin/python3';
const HERE = path.dirname(fileURLToPath(import.meta.url));

/** Why the oracle cannot run, or undefined when it can. */
function missing(modules: string[]): string | undefined {
  if (!fs.existsSync(PYTHON)) return `${PYTHON} is not installed`;
  const r = spawnSync(PYTHON, ['-c', modules.map((m) => `import ${m}`).join('; ')], { encoding: 'utf8' });
  return r.status === 0 ? undefined : `${PYTHON} cannot import ${modules.join(', ')}: ${r.stderr.trim().split('\n').pop()}`;
}

function facts(script: string): Record<string, unknown> {
  const r = spawnSync(PYTHON, [path.join(HERE, 'oracle', script)], { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`${script} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

/** A describe block that skips with a printed reason when the package is absent, and fails in CI. */
function oracle(name: string, modules: string[], body: (get: () => Record<string, unknown>) => void): void {
  const reason = missing(modules);
  if (reason && process.env.CI !== 'true') {
    console.log(`skipping the ${name} oracle: ${reason}`);
    describe.skip(name, () => body(() => ({})));
    return;
  }
  describe(name, () => {
    let result: Record<string, unknown> = {};
    beforeAll(() => {
      if (reason) throw new Error(`the ${name} oracle must run in CI: ${reason}`);
      result = facts(`${modules[0]}_facts.py`);
    }, 60_000);
    body(() => result);
  });
}

oracle('starlette', ['starlette', 'httpx'], (get) => {
  test('a plain string allow_origins is a substring test: "https://example.co" is admitted', async () => {
    const p = await onePolicy('from starlette.middleware.cors import CORSMiddleware\napp.add_middleware(CORSMiddleware, allow_origins="https://example.com")\n');
    expect(shapes(p.origins)).toEqual([{ kind: 'substring', haystack: 'https://example.com' }]);
    expect(get().substring).toBe('https://example.co');
  });

  test('allow_origin_regex is a case-sensitive fullmatch', async () => {
    const p = await onePolicy('from starlette.middleware.cors import CORSMiddleware\napp.add_middleware(CORSMiddleware, allow_origin_regex=r"https://a\\.example")\n');
    expect(p.origins[0]).toMatchObject({ kind: 'regex', mode: 'fullmatch', ignoreCase: false });
    expect(get().fullmatch_suffix).toBeNull();
    expect(get().fullmatch_upper).toBeNull();
  });

  test('"*" answers * without a Cookie, echoes the Origin with one (and on credentialed preflights), adding Vary: Origin', async () => {
    const p = await onePolicy('from starlette.middleware.cors import CORSMiddleware\napp.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True)\n');
    expect(shapes(p.origins)).toEqual([{ kind: 'any' }]);
    expect(p.varyOrigin.value).toBe(true);
    expect(get().star_nocookie).toBe('*');
    expect(get().star_cookie).toEqual(['https://evil.example', 'Origin']);
    expect(get().star_preflight).toBe('https://evil.example');
    expect(get().vary_exact).toBe('Origin');
  });

  test('the last add_middleware is the outermost layer', async () => {
    const p = await onePolicy('from starlette.middleware.cors import CORSMiddleware\napp.add_middleware(CORSMiddleware)\napp.add_middleware(GZipMiddleware)\n');
    expect(p.order?.addedAfter?.map((a) => a.name)).toEqual(['GZipMiddleware']);
    expect(get().outermost).toBe('B');
  });

  test('an unhandled exception gives a 500 without CORS headers', async () => {
    const p = await onePolicy('from starlette.middleware.cors import CORSMiddleware\napp.add_middleware(CORSMiddleware, allow_origins=["https://a.example"])\n');
    expect(p.headersOnErrors.value).toBe(false);
    expect(get().error).toEqual([500, null]);
  });

  test('defaults: only GET, max age 600', async () => {
    const p = await onePolicy('from starlette.middleware.cors import CORSMiddleware\napp.add_middleware(CORSMiddleware, allow_origins=["https://a.example"])\n');
    expect(p.allowMethods.value).toEqual(['GET']);
    expect(p.maxAge.value).toBe(600);
    expect(get().default_methods).toEqual([400, 'GET', '600']);
  });
});

oracle('flask_cors', ['flask_cors', 'flask'], (get) => {
  test('CORS(app) reflects any Origin and adds Vary: Origin', async () => {
    const p = await onePolicy('from flask_cors import CORS\nCORS(app)\n');
    expect(shapes(p.origins)).toEqual([{ kind: 'reflect' }]);
    expect(p.varyOrigin.value).toBe(true);
    expect(get().default).toEqual(['https://evil.example', 'Origin']);
  });

  test('send_wildcard=True sends a literal *', async () => {
    const p = await onePolicy('from flask_cors import CORS\nCORS(app, send_wildcard=True)\n');
    expect(shapes(p.origins)).toEqual([{ kind: 'any' }]);
    expect(get().send_wildcard).toBe('*');
  });

  test('regex-looking origins are re.match (prefix) and case-insensitive', async () => {
    const p = await onePolicy('from flask_cors import CORS\nCORS(app, origins=[r"https://.*\\.example\\.com"])\n');
    expect(p.origins[0]).toMatchObject({ kind: 'regex', mode: 'match', ignoreCase: true });
    expect(get().regex_match_ci).toBe('HTTPS://X.EXAMPLE.COM.evil.net');
  });

  test('a "*" inside a literal makes it a regex; a dot alone does not', async () => {
    const p = await onePolicy('from flask_cors import CORS\nCORS(app, origins=["https://*.example.org", "https://a.example"])\n');
    expect(shapes(p.origins)).toEqual([
      { kind: 'regex', pattern: 'https://*.example.org', flavor: 'python', mode: 'match', ignoreCase: true },
      { kind: 'exact', origin: 'https://a.example' },
    ]);
    expect(get().star_in_literal).toBe('https://Xexample.org');
    expect(get().dot_literal).toBeNull();
  });

  test('one exact origin: no Vary: Origin', async () => {
    const p = await onePolicy('from flask_cors import CORS\nCORS(app, origins="https://a.example")\n');
    expect(p.varyOrigin.value).toBe(false);
    expect(get().single_exact).toEqual(['https://a.example', null]);
  });

  test('error responses carry the headers (intercept_exceptions)', async () => {
    const p = await onePolicy('from flask_cors import CORS\nCORS(app, origins="https://a.example")\n');
    expect(p.headersOnErrors.value).toBe(true);
    expect(get().error).toEqual([500, 'https://a.example']);
  });

  test('an exception in a @cross_origin view gives an error response without CORS headers', async () => {
    const p = await onePolicy('from flask_cors import cross_origin\n@app.route("/c")\n@cross_origin()\ndef c():\n    raise RuntimeError()\n');
    expect(p.headersOnErrors.value).toBe(false);
    expect(get().decorator_error).toEqual([500, null]);
  });

  test('@cross_origin above @app.route has no effect', async () => {
    const p = await onePolicy('from flask_cors import cross_origin\n@cross_origin()\n@app.route("/b")\ndef b():\n    return "b"\n');
    expect(p.notes?.join('\n')).toMatch(/never added/);
    expect(get().decorator_below_route).toBe('https://e.example');
    expect(get().decorator_above_route).toBeNull();
  });
});

oracle('django', ['django', 'corsheaders'], (get) => {
  test('CORS_ALLOW_ALL_ORIGINS echoes the Origin with credentials, * without; Vary: Origin', async () => {
    const p = await onePolicy('CORS_ALLOW_ALL_ORIGINS = True\nCORS_ALLOW_CREDENTIALS = True\n', 'settings.py');
    expect(shapes(p.origins)).toEqual([{ kind: 'any' }]);
    expect(p.notes?.join('\n')).toMatch(/echoes the request Origin/);
    expect(get().allow_all_credentials).toEqual(['https://evil.example', 'Origin']);
    expect(get().allow_all).toBe('*');
  });

  test('regexes are re.match: a prefix match, case-sensitive', async () => {
    const p = await onePolicy('CORS_ALLOWED_ORIGIN_REGEXES = [r"https://a\\.example"]\n', 'settings.py');
    expect(p.origins[0]).toMatchObject({ kind: 'regex', mode: 'match', ignoreCase: false });
    expect(get().regex_prefix).toBe('https://a.example.evil.net');
    expect(get().regex_case).toBeNull();
  });

  test('a trailing slash still matches at run time (scheme + host compare) but fails system check E014', async () => {
    const p = await onePolicy('CORS_ALLOWED_ORIGINS = ["https://a.example/"]\n', 'settings.py');
    expect(p.notes?.join('\n')).toMatch(/E014/);
    expect(get().trailing_slash_runtime).toBe('https://a.example');
    expect(get().trailing_slash_check).toEqual(['corsheaders.E014']);
  });

  test('error responses carry the headers; preflight defaults', async () => {
    const p = await onePolicy('CORS_ALLOWED_ORIGINS = ["https://a.example"]\n', 'settings.py');
    expect(p.headersOnErrors.value).toBe(true);
    expect(p.maxAge.value).toBe(86400);
    expect(get().error).toEqual([500, 'https://a.example']);
    expect(get().preflight).toEqual([200, '86400', (p.allowMethods.value as string[]).join(', ')]);
  });
});
