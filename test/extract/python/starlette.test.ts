import { describe, expect, test } from 'vitest';
import { at, onePolicy, range, rangeIn, scanPython, shapes } from './helpers.js';

describe('Starlette / FastAPI CORSMiddleware', () => {
  test('app.add_middleware with every keyword, spans at the call, keywords and literals', async () => {
    const code = `from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

app = FastAPI()
app.add_middleware(
    CORSMiddleware,
    allow_origins=["https://app.example.com", "*"],
    allow_origin_regex=r"https://.*\\.example\\.org",
    allow_credentials=True,
    allow_methods=["GET", "POST"],
    allow_headers=["X-Token"],
    expose_headers=("X-Total",),
    max_age=120,
)
`;
    const p = await onePolicy(code);
    expect(p.stack).toBe('fastapi');
    expect(p.library).toBe('starlette');
    expect(p.scope).toEqual({ kind: 'app', name: 'app' });
    expect(at(p.span)).toBe('5:1-14:2');
    expect(shapes(p.origins)).toEqual([
      { kind: 'exact', origin: 'https://app.example.com' },
      { kind: 'any' },
      { kind: 'regex', pattern: 'https://.*\\.example\\.org', flavor: 'python', mode: 'fullmatch', ignoreCase: false },
    ]);
    expect(at(p.origins[0]!.span)).toBe(range(code, '"https://app.example.com"'));
    expect(at(p.origins[1]!.span)).toBe(range(code, '"*"'));
    expect(at(p.origins[2]!.span)).toBe(range(code, 'r"https://.*\\.example\\.org"'));
    expect(p.origins[0]!.definedAt).toBeUndefined();
    expect(at(p.originsSpan)).toBe(range(code, 'allow_origins=["https://app.example.com", "*"]'));
    expect(p.credentials).toMatchObject({ value: true });
    expect(at(p.credentials.span)).toBe(range(code, 'allow_credentials=True'));
    expect(p.allowMethods.value).toEqual(['GET', 'POST']);
    expect(p.allowHeaders.value).toEqual(['X-Token']);
    expect(p.exposeHeaders.value).toEqual(['X-Total']);
    expect(p.maxAge).toMatchObject({ value: 120 });
    expect(at(p.maxAge.span)).toBe(range(code, 'max_age=120'));
  });

  test('defaults come from CORSMiddleware.__init__', async () => {
    const p = await onePolicy(`from starlette.middleware.cors import CORSMiddleware
app.add_middleware(CORSMiddleware)
`);
    expect(p.stack).toBe('starlette');
    expect(p.origins).toEqual([]);
    expect(p.credentials).toEqual({ value: false, isDefault: true });
    expect(p.allowMethods).toEqual({ value: ['GET'], isDefault: true });
    expect(p.allowHeaders).toEqual({ value: [], isDefault: true });
    expect(p.exposeHeaders).toEqual({ value: [], isDefault: true });
    expect(p.maxAge).toEqual({ value: 600, isDefault: true });
    expect(p.varyOrigin.value).toBe(true);
    expect(p.preflight.value).toBe('handled');
    expect(p.headersOnErrors.value).toBe(false);
    expect(p.headersOnErrors.why).toMatch(/ServerErrorMiddleware/);
  });

  test('import alias: from starlette.middleware.cors import CORSMiddleware as C', async () => {
    const code = `from starlette.applications import Starlette
from starlette.middleware.cors import CORSMiddleware as C
app = Starlette()
app.add_middleware(C, allow_origins=["https://a.example"])
`;
    const p = await onePolicy(code);
    expect(p.stack).toBe('starlette');
    expect(shapes(p.origins)).toEqual([{ kind: 'exact', origin: 'https://a.example' }]);
    expect(at(p.span)).toBe(range(code, 'app.add_middleware(C, allow_origins=["https://a.example"])'));
  });

  test('module alias: import starlette.middleware.cors as m -> m.CORSMiddleware', async () => {
    const p = await onePolicy(`import starlette.middleware.cors as m
app.add_middleware(m.CORSMiddleware, allow_origins=["https://a.example"])
`);
    expect(shapes(p.origins)).toEqual([{ kind: 'exact', origin: 'https://a.example' }]);
  });

  test('a class that merely shares the name is not CORSMiddleware', async () => {
    const r = await scanPython({
      'app/main.py': `from mylib import CORSMiddleware
app.add_middleware(CORSMiddleware, allow_origins=["*"])
`,
    });
    expect(r.policies).toEqual([]);
  });

  test('Middleware(CORSMiddleware, ...) inside FastAPI(middleware=[...]), outer entries wrap it', async () => {
    const code = `from fastapi import FastAPI
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.middleware.gzip import GZipMiddleware

app = FastAPI(middleware=[
    Middleware(GZipMiddleware),
    Middleware(CORSMiddleware, allow_origins=["https://a.example"], allow_credentials=True),
])
app.add_middleware(TrustedHostMiddleware, allowed_hosts=["a.example"])
`;
    const p = await onePolicy(code);
    expect(p.stack).toBe('fastapi');
    expect(p.scope.name).toBe('app');
    expect(at(p.span)).toBe(range(code, 'Middleware(CORSMiddleware, allow_origins=["https://a.example"], allow_credentials=True)'));
    expect(p.credentials.value).toBe(true);
    expect(p.order?.addedAfter?.map((a) => a.name)).toEqual(['GZipMiddleware', 'TrustedHostMiddleware']);
    expect(at(p.order!.addedAfter![1]!.span)).toBe(range(code, 'app.add_middleware(TrustedHostMiddleware, allowed_hosts=["a.example"])'));
  });

  test('Middleware list held in a variable and passed to Starlette(middleware=...)', async () => {
    const code = `from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware

middleware = [Middleware(CORSMiddleware, allow_origins=["*"])]
api = Starlette(routes=[], middleware=middleware)
`;
    const p = await onePolicy(code);
    expect(p.stack).toBe('starlette');
    expect(p.scope.name).toBe('api');
    expect(shapes(p.origins)).toEqual([{ kind: 'any' }]);
    expect(at(p.origins[0]!.span)).toBe(range(code, '"*"'));
  });

  test('middleware added after CORS wraps it (last add_middleware is outermost)', async () => {
    const code = `from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
app = FastAPI()
app.add_middleware(CORSMiddleware, allow_origins=["https://a.example"])
app.add_middleware(GZipMiddleware)

@app.middleware("http")
async def timing(request, call_next):
    return await call_next(request)
`;
    const p = await onePolicy(code);
    expect(p.order?.addedAfter?.map((a) => a.name)).toEqual(['GZipMiddleware', 'BaseHTTPMiddleware (@middleware)']);
    expect(at(p.order!.addedAfter![0]!.span)).toBe(range(code, 'app.add_middleware(GZipMiddleware)'));
    expect(at(p.order!.addedAfter![1]!.span)).toBe(range(code, '@app.middleware("http")'));
  });

  test('CORS added last has nothing wrapping it', async () => {
    const p = await onePolicy(`from fastapi.middleware.cors import CORSMiddleware
app.add_middleware(GZipMiddleware)
app.add_middleware(CORSMiddleware, allow_origins=["https://a.example"])
`);
    expect(p.order?.addedAfter).toEqual([]);
  });

  test('a plain string allow_origins is a substring test; "*" as a string still allows all', async () => {
    const code = `from fastapi.middleware.cors import CORSMiddleware
app.add_middleware(CORSMiddleware, allow_origins="https://example.com")
other.add_middleware(CORSMiddleware, allow_origins="*")
`;
    const r = await scanPython({ 'main.py': code });
    expect(shapes(r.policies[0]!.origins)).toEqual([{ kind: 'substring', haystack: 'https://example.com' }]);
    expect(at(r.policies[0]!.origins[0]!.span)).toBe(range(code, '"https://example.com"'));
    expect(shapes(r.policies[1]!.origins)).toEqual([{ kind: 'any' }]);
  });

  test('"null" in allow_origins is the null origin', async () => {
    const p = await onePolicy(`from fastapi.middleware.cors import CORSMiddleware
app.add_middleware(CORSMiddleware, allow_origins=["null"])
`);
    expect(shapes(p.origins)).toEqual([{ kind: 'null' }]);
  });

  test('**{...} dict literal: each option spans its dict entry', async () => {
    const code = `from fastapi.middleware.cors import CORSMiddleware
app.add_middleware(CORSMiddleware, **{"allow_origins": ["https://a.example"], "allow_credentials": True})
`;
    const p = await onePolicy(code);
    expect(shapes(p.origins)).toEqual([{ kind: 'exact', origin: 'https://a.example' }]);
    expect(at(p.origins[0]!.span)).toBe(range(code, '"https://a.example"'));
    expect(p.credentials.value).toBe(true);
    expect(at(p.credentials.span)).toBe(range(code, '"allow_credentials": True'));
  });

  test('**kwargs variable: spans at the splat, definedAt at the literal', async () => {
    const code = `from fastapi.middleware.cors import CORSMiddleware
CORS_KW = dict(allow_credentials=False)
CORS_OPTIONS = {
    "allow_origins": ["https://a.example"],
    "allow_credentials": True,
}
app.add_middleware(CORSMiddleware, **CORS_OPTIONS)
`;
    const p = await onePolicy(code);
    expect(shapes(p.origins)).toEqual([{ kind: 'exact', origin: 'https://a.example' }]);
    expect(at(p.origins[0]!.span)).toBe(range(code, '**CORS_OPTIONS'));
    expect(at(p.origins[0]!.definedAt)).toBe(range(code, '"https://a.example"'));
    expect(p.credentials.value).toBe(true);
    expect(at(p.credentials.span)).toBe(range(code, '**CORS_OPTIONS'));
    expect(at(p.credentials.definedAt)).toBe(range(code, '"allow_credentials": True'));
  });

  test('an unresolvable **kwargs makes unset options unknown instead of defaults', async () => {
    const p = await onePolicy(`from fastapi.middleware.cors import CORSMiddleware
def setup(app, options):
    app.add_middleware(CORSMiddleware, **options)
`);
    expect(p.origins).toHaveLength(1);
    expect(p.origins[0]!.kind).toBe('unknown');
    expect(p.credentials.value).toBe('unknown');
    expect(p.credentials.why).toMatch(/\*\*options/);
  });

  test('allow_origin_regex through re.compile keeps fullmatch semantics', async () => {
    const p = await onePolicy(`import re
from fastapi.middleware.cors import CORSMiddleware
app.add_middleware(CORSMiddleware, allow_origin_regex=re.compile(r"https://(a|b)\\.example\\.com"))
`);
    expect(shapes(p.origins)).toEqual([{ kind: 'regex', pattern: 'https://(a|b)\\.example\\.com', flavor: 'python', mode: 'fullmatch', ignoreCase: false }]);
  });

  test('allow_methods / allow_headers "*" are kept as written, with a note on what Starlette does', async () => {
    const p = await onePolicy(`from fastapi.middleware.cors import CORSMiddleware
app.add_middleware(CORSMiddleware, allow_origins=["https://a.example"], allow_methods=["*"], allow_headers=["*"])
`);
    expect(p.allowMethods.value).toEqual(['*']);
    expect(p.allowHeaders.value).toEqual(['*']);
    expect(p.notes?.join('\n')).toMatch(/mirrors the requested headers/);
  });

  test('inside an application factory, local variables are followed', async () => {
    const code = `from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

def create_app():
    app = FastAPI()
    origins = ["https://a.example"]
    origins += ["https://b.example"]
    app.add_middleware(CORSMiddleware, allow_origins=origins, allow_credentials=True)
    return app
`;
    const p = await onePolicy(code);
    expect(shapes(p.origins)).toEqual([
      { kind: 'exact', origin: 'https://a.example' },
      { kind: 'exact', origin: 'https://b.example' },
    ]);
    expect(at(p.origins[1]!.span)).toBe(rangeIn(code, 'allow_origins=origins', 'origins'));
    expect(at(p.origins[1]!.definedAt)).toBe(range(code, '"https://b.example"'));
  });

  test('inside the library repository itself, its classes are recognised by module and name', async () => {
    const r = await scanPython({
      'starlette/middleware/__init__.py': 'class Middleware:\n    pass\n',
      'starlette/middleware/cors.py': 'class CORSMiddleware:\n    pass\n',
      'starlette/applications.py': 'class Starlette:\n    pass\n',
      'tests/test_cors.py': `from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
app = Starlette(middleware=[Middleware(CORSMiddleware, allow_origins=["*"])])
`,
    });
    expect(r.policies).toHaveLength(1);
    expect(r.policies[0]!.stack).toBe('starlette');
    expect(r.policies[0]!.span.file).toBe('tests/test_cors.py');
  });
});
