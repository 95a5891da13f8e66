import { describe, expect, test } from 'vitest';
import { at, onePolicy, range, scanPython, shapes } from './helpers.js';

describe('Flask-CORS: old import path, unknown options, resources the scanner cannot resolve', () => {
  test('from flask.ext.cors import CORS is Flask-CORS (default origins reflect)', async () => {
    const p = await onePolicy(`from flask import Flask
from flask.ext.cors import CORS
app = Flask(__name__)
cors = CORS(app, resources={r"/*": {"origins": "*"}})
`);
    expect(p.library).toBe('flask-cors');
    expect(shapes(p.origins)).toEqual([{ kind: 'reflect' }]);
  });

  test('import flask.ext.cors and the dotted call', async () => {
    const p = await onePolicy(`import flask
import flask.ext.cors
app = flask.Flask(__name__)
flask.ext.cors.CORS(app, origins=["https://a.example"])
`);
    expect(shapes(p.origins)).toEqual([{ kind: 'exact', origin: 'https://a.example' }]);
  });

  test('unknown keyword options and app.config keys are ignored, with the default that applies', async () => {
    const code = `from flask import Flask
from flask_cors import CORS
app = Flask(__name__)
CORS(app, support_credentials=True, headers=["Content-Type"], whatever=1)
app.config['CORS_HEADERS'] = 'Content-Type'
app.config['CORS_SUPPORTS_CREDENTIALS'] = False
`;
    const p = await onePolicy(code);
    expect(p.invalidOptions?.map((o) => [o.name, o.problem, o.effect, o.suggestion])).toEqual([
      ['CORS_HEADERS', 'unknown-option', 'ignored', 'CORS_ALLOW_HEADERS'],
      ['support_credentials', 'unknown-option', 'ignored', 'supports_credentials'],
      ['headers', 'unknown-option', 'ignored', 'allow_headers'],
      ['whatever', 'unknown-option', 'ignored', undefined],
    ]);
    const cred = p.invalidOptions!.find((o) => o.name === 'support_credentials')!;
    expect(cred.consequence).toMatch(/supports_credentials stays False/);
    expect(at(cred.span)).toBe(range(code, 'support_credentials=True'));
    expect(p.credentials.value).toBe(false);
  });

  test('unknown options in @cross_origin and in a resource entry', async () => {
    const { policies } = await scanPython({
      'app.py': `from flask import Flask
from flask_cors import CORS, cross_origin
app = Flask(__name__)
CORS(app, resources={r"/api/*": {"origin": "https://a.example"}})

@app.route("/x")
@cross_origin(allow_credentials=True)
def x():
    return "x"
`,
    });
    expect(policies.flatMap((p) => (p.invalidOptions ?? []).map((o) => [o.name, o.suggestion]))).toEqual([
      ['origin', 'origins'],
      ['allow_credentials', 'supports_credentials'],
    ]);
    // The misspelled key leaves the default origins '*', which Flask-CORS echoes.
    expect(shapes(policies[0]!.origins)).toEqual([{ kind: 'reflect' }]);
  });

  test('resources keyed by a compiled pattern built from app.config: one policy with an unknown path', async () => {
    const p = await onePolicy(`import re
from flask_cors import CORS
from openods import app
regEx = re.compile(app.config['API_URL'] + "/*")
CORS(app, resources={regEx: {"origins": "*"}})
`);
    expect(shapes(p.origins)).toEqual([{ kind: 'reflect' }]);
    expect(p.scope.kind).toBe('route');
    expect(p.scope.path).toBeUndefined();
    expect(p.scope.name).toMatch(/could not resolve/);
  });
});

describe('django-cors-headers: misspelled settings', () => {
  test('a name close to a real setting is ignored; helper variables the module reads are not reported', async () => {
    const code = `CORS_ORIGIN_ALLOW_ALL = True
CORS_ORIGIN_ALLOW_HEADER = ["username"]
CORS_ORIGINS = ["https://a.example"]
CORS_ALLOWED_ORIGINS = CORS_ORIGINS
CORS_ALLOW_CREDENTIAL = True
`;
    const p = await onePolicy(code, 'proj/settings.py');
    expect(p.invalidOptions?.map((o) => [o.name, o.suggestion, o.effect])).toEqual([
      ['CORS_ORIGIN_ALLOW_HEADER', 'CORS_ALLOW_HEADERS', 'ignored'],
      ['CORS_ALLOW_CREDENTIAL', 'CORS_ALLOW_CREDENTIALS', 'ignored'],
    ]);
    expect(p.credentials.value).toBe(false);
    expect(at(p.invalidOptions![0]!.span)).toBe(range(code, 'CORS_ORIGIN_ALLOW_HEADER = ["username"]'));
  });

  test('a settings module with only misspelled names counts when it uses corsheaders', async () => {
    const { policies } = await scanPython({ 'proj/settings.py': 'INSTALLED_APPS = ["corsheaders"]\nCORS_ALLOWED_ORIGIN = ["https://a.example"]\n' });
    expect(policies).toHaveLength(1);
    const none = await scanPython({ 'proj/config.py': 'CORS_ALLOWED_ORIGIN = ["https://a.example"]\n' });
    expect(none.policies).toHaveLength(0);
  });
});

describe('Starlette: star re-exports and conditional origins', () => {
  test('CORSMiddleware re-exported by a same-repository module through a star import', async () => {
    const { policies } = await scanPython({
      'app/core/middlewares/__init__.py': 'from fastapi.middleware.cors import CORSMiddleware\nfrom .auth import AuthMiddleware\n',
      'app/core/app.py': `from fastapi import FastAPI
from .middlewares import *
app = FastAPI()
app.add_middleware(CORSMiddleware, allow_origins=["https://a.example"])
`,
    });
    expect(policies).toHaveLength(1);
    expect(policies[0]!.stack).toBe('fastapi');
  });

  test('os.getenv(X).split(",") if os.getenv(X) else ["*"]: both branches, the literal one as the default of X', async () => {
    const { policies } = await scanPython({
      'app/config/api.py': 'import os\norigins: list[str] = os.getenv("API_ORIGINS").split(",") if os.getenv("API_ORIGINS") else ["*"]\nallow_credentials: bool = True\n',
      'app/main.py': `from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from .config.api import origins, allow_credentials
app = FastAPI()
app.add_middleware(CORSMiddleware, allow_origins=origins, allow_credentials=allow_credentials)
`,
    });
    const p = policies[0]!;
    expect(p.origins.map((o) => [o.kind, o.envDriven, o.source])).toEqual([
      ['unknown', true, 'API_ORIGINS'],
      ['any', true, 'API_ORIGINS'],
    ]);
    expect(p.credentials.value).toBe(true);
  });

  test('a conditional on something that is not the environment keeps both literal lists', async () => {
    const p = await onePolicy(`from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
DEBUG = load()
app = FastAPI()
app.add_middleware(CORSMiddleware, allow_origins=["http://localhost:3000"] if DEBUG else ["https://a.example"])
`);
    expect(shapes(p.origins)).toEqual([
      { kind: 'exact', origin: 'http://localhost:3000' },
      { kind: 'exact', origin: 'https://a.example' },
    ]);
    expect(p.origins.some((o) => o.envDriven)).toBe(false);
  });
});

describe('hand-written CORS middleware: what a preflight gets', () => {
  test('BaseHTTPMiddleware adding headers after call_next, no OPTIONS answer: not handled', async () => {
    const code = `from fastapi import Request
from starlette.middleware.base import BaseHTTPMiddleware

class CORSMiddleware(BaseHTTPMiddleware):
    async def dispatch(self, request: Request, call_next):
        response = await call_next(request)
        response.headers["Access-Control-Allow-Origin"] = "*"
        response.headers["Access-Control-Allow-Methods"] = "*"
        return response
`;
    const p = await onePolicy(code);
    expect(p.preflight.value).toBe('not-handled');
    expect(p.preflight.why).toMatch(/405/);
  });

  test('an OPTIONS short-circuit that returns before the headers are written: not handled', async () => {
    const code = `from starlette.middleware.base import BaseHTTPMiddleware
from starlette.responses import Response
class OptionsMiddleware(BaseHTTPMiddleware):
    async def dispatch(self, request, call_next):
        if request.method == "OPTIONS":
            return Response(status_code=200)
        response = await call_next(request)
        response.headers['Access-Control-Allow-Origin'] = "*"
        response.headers['Access-Control-Allow-Credentials'] = 'false'
        return response
`;
    const p = await onePolicy(code);
    expect(p.preflight.value).toBe('not-handled');
    expect(at(p.preflight.span)).toBe(range(code, 'return Response(status_code=200)'));
    expect(p.credentials.value).toBe(false);
  });

  test('an OPTIONS branch whose response then gets the headers: handled', async () => {
    const p = await onePolicy(`from fastapi import Request, Response
from starlette.middleware.base import BaseHTTPMiddleware
class CrossOriginMiddleware(BaseHTTPMiddleware):
    async def dispatch(self, request: Request, call_next) -> Response:
        if request.method.lower() == "options":
            response = Response()
        else:
            response = await call_next(request)
        response.headers["Access-Control-Allow-Origin"] = "*"
        return response
`);
    expect(p.preflight.value).toBe('handled');
  });

  test('an OPTIONS branch that returns a response carrying the CORS headers: handled', async () => {
    const p = await onePolicy(`from fastapi import FastAPI
from fastapi.responses import Response
app = FastAPI()
@app.middleware("http")
async def cors(request, call_next):
    if request.method == "OPTIONS":
        return Response(headers={"Access-Control-Allow-Origin": "*", "Access-Control-Allow-Methods": "GET, PUT"})
    response = await call_next(request)
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response
`);
    expect(p.preflight.value).toBe('handled');
  });

  test('@app.middleware("http") without an OPTIONS answer: not handled', async () => {
    const p = await onePolicy(`from fastapi import FastAPI
app = FastAPI()
@app.middleware("http")
async def add_cors(request, call_next):
    response = await call_next(request)
    response.headers["Access-Control-Allow-Origin"] = "https://a.example"
    response.headers["Access-Control-Allow-Headers"] = "Authorization"
    return response
`);
    expect(p.preflight.value).toBe('not-handled');
  });

  test('pure ASGI middleware appending raw header tuples in its send wrapper', async () => {
    const code = `from starlette.types import ASGIApp, Receive, Scope, Send
class CorsASGI:
    def __init__(self, app: ASGIApp):
        self.app = app
    async def __call__(self, scope: Scope, receive: Receive, send: Send):
        async def send_wrapper(message):
            if message["type"] == "http.response.start":
                headers = message.setdefault("headers", [])
                headers.append((b"access-control-allow-origin", b"*"))
                headers.append((b"access-control-allow-headers", b"*"))
            await send(message)
        await self.app(scope, receive, send_wrapper)
`;
    const p = await onePolicy(code);
    expect(shapes(p.origins)).toEqual([{ kind: 'any' }]);
    expect(p.allowHeaders.value).toEqual(['*']);
    expect(p.preflight.value).toBe('not-handled');
    expect(at(p.origins[0]!.span)).toBe(range(code, 'b"*"'));
  });

  test('Flask after_request hooks: Flask answers OPTIONS itself, so the preflight is not judged here', async () => {
    const p = await onePolicy(`from flask import Flask
app = Flask(__name__)
@app.after_request
def cors(resp):
    resp.headers["Access-Control-Allow-Origin"] = "*"
    return resp
`);
    expect(p.preflight.value).toBe('unknown');
  });
});

describe('hand-written headers: conditions, bools, and code that never runs', () => {
  test('an echo guarded by another request field keeps the condition; presence and method tests do not restrict', async () => {
    const { policies } = await scanPython({
      'app.py': `from flask import Flask, request
app = Flask(__name__)

@app.after_request
def a(resp):
    origin = request.headers.get("Origin")
    host = request.host
    if not is_local(host):
        resp.headers["Access-Control-Allow-Origin"] = origin
    return resp

@app.after_request
def b(resp):
    origin = request.headers.get("Origin")
    if origin and request.method == "OPTIONS":
        resp.headers["Access-Control-Allow-Origin"] = origin
    return resp
`,
    });
    expect(shapes(policies[0]!.origins)).toEqual([{ kind: 'reflect', condition: 'not is_local(host)' }]);
    expect(shapes(policies[1]!.origins)).toEqual([{ kind: 'reflect' }]);
  });

  test('fnmatch against settings patterns whose default is "*" accepts every origin', async () => {
    const { policies } = await scanPython({
      'app/settings.py': 'import os\nclass Settings:\n    CORS_ORIGINS = os.getenv("CORS_ORIGINS", "*").split(",")\nsettings = Settings()\n',
      'app/mw.py': `from fnmatch import fnmatch
from starlette.middleware.base import BaseHTTPMiddleware
from .settings import settings
class Cors(BaseHTTPMiddleware):
    async def dispatch(self, request, call_next):
        origin = request.headers.get("origin")
        response = await call_next(request)
        if origin and any(fnmatch(origin, p) for p in settings.CORS_ORIGINS):
            response.headers["Access-Control-Allow-Origin"] = origin
        return response
`,
    });
    expect(shapes(policies[0]!.origins)).toEqual([{ kind: 'reflect' }]);
  });

  test('fnmatch against specific patterns stays a condition', async () => {
    const p = await onePolicy(`from fnmatch import fnmatch
from flask import Flask, request
app = Flask(__name__)
ALLOWED = ["https://*.a.example"]
@app.after_request
def cors(resp):
    origin = request.headers.get("Origin")
    for pattern in ALLOWED:
        if fnmatch(origin, pattern):
            resp.headers["Access-Control-Allow-Origin"] = origin
    return resp
`);
    expect(shapes(p.origins)).toEqual([{ kind: 'reflect', condition: 'fnmatch(origin, pattern)' }]);
  });

  test("a Python True for Allow-Credentials is sent as 'True': credentials asked for, with that raw value", async () => {
    const code = `def afterRequest(response):
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Access-Control-Allow-Credentials"] = True
    return response
`;
    const p = await onePolicy(code, 'src/middlewares/after_request.py');
    expect(p.stack).toBe('flask');
    expect(p.credentials).toMatchObject({ value: true, raw: 'True' });
    expect(p.emittedHeaders?.map((h) => [h.name, h.value, h.expression ?? false])).toEqual([
      ['Access-Control-Allow-Origin', '*', false],
      ['Access-Control-Allow-Credentials', 'True', false],
    ]);
  });

  test('a hook in the module that creates the app, never registered nor referenced: no policy', async () => {
    const { policies } = await scanPython({
      'index.py': `from app import create_app
from flask import request
app = create_app()

def after_request_func(response):
    origin = request.headers.get('Origin')
    response.headers.add('Access-Control-Allow-Credentials', 'true')
    if origin:
        response.headers.add('Access-Control-Allow-Origin', origin)
    return response

if __name__ == '__main__':
    app.run()
`,
    });
    expect(policies).toEqual([]);
  });

  test('the same hook registered by a call, or imported by another module, is live', async () => {
    const hook = `def after_request_func(response):
    response.headers['Access-Control-Allow-Origin'] = '*'
    return response
`;
    const registered = await scanPython({ 'index.py': `from flask import Flask\napp = Flask(__name__)\n${hook}app.after_request(after_request_func)\n` });
    expect(registered.policies).toHaveLength(1);
    const imported = await scanPython({
      'index.py': `from flask import Flask\napp = Flask(__name__)\n${hook}`,
      'wsgi.py': 'from index import app, after_request_func\napp.after_request(after_request_func)\n',
    });
    expect(imported.policies).toHaveLength(1);
  });
});

describe('hand-written echo guards', () => {
  const hook = (guard: string, pre = '') => `from flask import Flask, request
app = Flask(__name__)
TRUSTED = {"https://a.example"}
@app.after_request
def cors(resp):
    origin = request.headers.get("Origin")
${pre}    if ${guard}:
        resp.headers["Access-Control-Allow-Origin"] = origin
    return resp
`;
  test.each([
    ['origin', undefined],
    ['origin is not None', undefined],
    ['request.headers.get("Origin")', undefined],
    ['"Origin" in request.headers', undefined],
    ['origin in TRUSTED', 'origin in TRUSTED'],
    ['ok', 'ok'],
  ])('if %s: the condition kept is %s', async (guard, condition) => {
    const p = await onePolicy(hook(guard, '    ok = origin in TRUSTED\n'));
    expect(shapes(p.origins)).toEqual([condition ? { kind: 'reflect', condition } : { kind: 'reflect' }]);
  });
});

describe('more never-registered code and Flask-CORS resources', () => {
  test('a middleware class in the module that creates the app, never added: no policy; added: a policy', async () => {
    const cls = `class Cors(BaseHTTPMiddleware):
    async def dispatch(self, request, call_next):
        response = await call_next(request)
        response.headers["Access-Control-Allow-Origin"] = "*"
        return response
`;
    const head = 'from fastapi import FastAPI\nfrom starlette.middleware.base import BaseHTTPMiddleware\napp = FastAPI()\n';
    expect((await scanPython({ 'main.py': head + cls })).policies).toEqual([]);
    expect((await scanPython({ 'main.py': `${head}${cls}app.add_middleware(Cors)\n` })).policies).toHaveLength(1);
  });

  test('resources as a compiled pattern, and a list with an item the scanner cannot resolve', async () => {
    const { policies } = await scanPython({
      'app.py': `import re
from flask import Flask
from flask_cors import CORS
from settings import PREFIX
app = Flask(__name__)
CORS(app, resources=re.compile(r"/api/.*"), origins="*")
CORS(app, resources=[PREFIX + "/*"], origins=["https://a.example"])
`,
    });
    expect(policies.map((p) => [p.scope.path, shapes(p.origins)])).toEqual([
      ['/api/.*', [{ kind: 'reflect' }]],
      [undefined, [{ kind: 'exact', origin: 'https://a.example' }]],
    ]);
  });
});

describe('conditional expressions on an environment variable', () => {
  const app = (expr: string) => `import os
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
app = FastAPI()
app.add_middleware(CORSMiddleware, allow_origins=${expr})
`;
  test('only the branch taken while the variable is unset is its default', async () => {
    const p = await onePolicy(app('["*"] if os.getenv("DEV_MODE") else ["https://a.example"]'));
    expect(p.origins.map((o) => [o.kind, o.envDriven ?? false])).toEqual([
      ['any', false],
      ['exact', true],
    ]);
    const q = await onePolicy(app('["https://a.example"] if not os.environ.get("ORIGINS") else os.environ["ORIGINS"].split(",")'));
    expect(q.origins.map((o) => [o.kind, o.envDriven ?? false, o.source])).toEqual([
      ['unknown', true, 'ORIGINS'],
      ['exact', true, 'ORIGINS'],
    ]);
  });
});

test('response.headers.update({...}) writes each header', async () => {
  const p = await onePolicy(`from fastapi import FastAPI
app = FastAPI()
@app.middleware("http")
async def cors(request, call_next):
    response = await call_next(request)
    response.headers.update({"Access-Control-Allow-Origin": "https://a.example", "Access-Control-Allow-Methods": "GET, PUT"})
    return response
`);
  expect(shapes(p.origins)).toEqual([{ kind: 'exact', origin: 'https://a.example' }]);
  expect(p.allowMethods.value).toEqual(['GET', 'PUT']);
  expect(p.preflight.value).toBe('not-handled');
});
