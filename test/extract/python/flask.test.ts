import { describe, expect, test } from 'vitest';
import { at, onePolicy, range, rangeIn, scanPython, shapes } from './helpers.js';

describe('Flask-CORS', () => {
  test('CORS(app) with no options reflects any origin (default origins "*")', async () => {
    const code = `from flask import Flask
from flask_cors import CORS
app = Flask(__name__)
CORS(app)
`;
    const p = await onePolicy(code);
    expect(p.stack).toBe('flask');
    expect(p.library).toBe('flask-cors');
    expect(p.scope).toEqual({ kind: 'app', name: 'app' });
    expect(at(p.span)).toBe(range(code, 'CORS(app)'));
    expect(shapes(p.origins)).toEqual([{ kind: 'reflect' }]);
    expect(at(p.origins[0]!.span)).toBe(range(code, 'CORS(app)'));
    expect(p.notes?.join('\n')).toMatch(/echoes the request Origin/);
    expect(p.credentials).toEqual({ value: false, isDefault: true });
    expect(p.allowMethods).toEqual({ value: ['GET', 'HEAD', 'POST', 'OPTIONS', 'PUT', 'PATCH', 'DELETE'], isDefault: true });
    expect(p.allowHeaders).toEqual({ value: ['*'], isDefault: true });
    expect(p.varyOrigin.value).toBe(true);
    expect(p.headersOnErrors.value).toBe(true);
  });

  test('every option, spans at keywords and literals', async () => {
    const code = `from flask_cors import CORS
CORS(app, origins=["https://a.example", "https://b.example"], supports_credentials=True, methods=["get", "post"],
     allow_headers=["Content-Type"], expose_headers="X-Total", max_age=600)
`;
    const p = await onePolicy(code);
    expect(shapes(p.origins)).toEqual([
      { kind: 'exact', origin: 'https://a.example' },
      { kind: 'exact', origin: 'https://b.example' },
    ]);
    expect(at(p.origins[1]!.span)).toBe(range(code, '"https://b.example"'));
    expect(at(p.originsSpan)).toBe(range(code, 'origins=["https://a.example", "https://b.example"]'));
    expect(p.credentials.value).toBe(true);
    expect(at(p.credentials.span)).toBe(range(code, 'supports_credentials=True'));
    expect(p.allowMethods.value).toEqual(['GET', 'POST']);
    expect(p.allowHeaders.value).toEqual(['Content-Type']);
    expect(p.exposeHeaders.value).toEqual(['X-Total']);
    expect(p.maxAge.value).toBe(600);
    expect(p.varyOrigin.value).toBe(true);
  });

  test('a single exact origin: a plain string is one origin, and Vary: Origin is not added', async () => {
    const p = await onePolicy(`from flask_cors import CORS
CORS(app, origins="https://a.example")
`);
    expect(shapes(p.origins)).toEqual([{ kind: 'exact', origin: 'https://a.example' }]);
    expect(p.varyOrigin.value).toBe(false);
  });

  test('"*" with send_wildcard=True is a real wildcard', async () => {
    const p = await onePolicy(`from flask_cors import CORS
CORS(app, origins="*", send_wildcard=True)
`);
    expect(shapes(p.origins)).toEqual([{ kind: 'any' }]);
  });

  test('regex-looking strings are re.match patterns, case-insensitive; a dot alone is not a regex', async () => {
    const code = `import re
from flask_cors import CORS
CORS(app, origins=[r"https://.*\\.example\\.com", "https://*.example.org", "https://plain.example", re.compile(r"https://x\\.example")])
`;
    const p = await onePolicy(code);
    expect(shapes(p.origins)).toEqual([
      { kind: 'regex', pattern: 'https://.*\\.example\\.com', flavor: 'python', mode: 'match', ignoreCase: true },
      { kind: 'regex', pattern: 'https://*.example.org', flavor: 'python', mode: 'match', ignoreCase: true },
      { kind: 'exact', origin: 'https://plain.example' },
      { kind: 'regex', pattern: 'https://x\\.example', flavor: 'python', mode: 'match', ignoreCase: false },
    ]);
  });

  test('resources: one policy per path pattern, resource options over top-level options', async () => {
    const code = `from flask_cors import CORS
CORS(app, supports_credentials=True, resources={
    r"/api/*": {"origins": ["https://a.example"]},
    r"/public/*": {"origins": "*", "supports_credentials": False},
})
`;
    const r = await scanPython({ 'app.py': code });
    expect(r.policies).toHaveLength(2);
    const [api, pub] = r.policies;
    expect(api!.scope).toEqual({ kind: 'route', name: '/api/*', path: '/api/*' });
    expect(shapes(api!.origins)).toEqual([{ kind: 'exact', origin: 'https://a.example' }]);
    expect(api!.credentials.value).toBe(true);
    expect(at(api!.credentials.span)).toBe(range(code, 'supports_credentials=True'));
    expect(at(api!.origins[0]!.span)).toBe(range(code, '"https://a.example"'));
    expect(pub!.scope.path).toBe('/public/*');
    expect(shapes(pub!.origins)).toEqual([{ kind: 'reflect' }]);
    expect(pub!.credentials.value).toBe(false);
    expect(at(pub!.credentials.span)).toBe(range(code, '"supports_credentials": False'));
  });

  test('CORS() then cors.init_app(app, ...) merges both option sets; span at init_app', async () => {
    const code = `from flask_cors import CORS
cors = CORS(origins=["https://a.example"])

def create_app():
    app = Flask(__name__)
    cors.init_app(app, supports_credentials=True)
    return app
`;
    const p = await onePolicy(code);
    expect(at(p.span)).toBe(range(code, 'cors.init_app(app, supports_credentials=True)'));
    expect(shapes(p.origins)).toEqual([{ kind: 'exact', origin: 'https://a.example' }]);
    expect(p.credentials.value).toBe(true);
  });

  test('init_app in another module that imports the extension object', async () => {
    const ext = `from flask_cors import CORS
cors = CORS(resources={r"/api/*": {"origins": "https://a.example"}})
`;
    const factory = `from .extensions import cors
def create_app():
    app = Flask(__name__)
    cors.init_app(app)
    return app
`;
    // The factory does not mention CORS itself: the prefilter leaves it out and the policy is reported at CORS().
    const r = await scanPython({ 'app/extensions.py': ext, 'app/__init__.py': factory });
    expect(r.policies).toHaveLength(1);
    expect(at(r.policies[0]!.span)).toBe(range(ext, 'CORS(resources={r"/api/*": {"origins": "https://a.example"}})'));
    expect(r.policies[0]!.scope.path).toBe('/api/*');
    expect(r.policies[0]!.notes?.join('\n')).toMatch(/init_app/);
  });

  test('@cross_origin on a view takes the route path and methods from @app.route', async () => {
    const code = `from flask_cors import cross_origin

@app.route("/api/items", methods=["GET", "POST"])
@cross_origin(origins=["https://a.example"], supports_credentials=True)
def items():
    return "ok"

@app.get("/open")
@cross_origin
def open_view():
    return "ok"
`;
    const r = await scanPython({ 'views.py': code });
    expect(r.policies).toHaveLength(2);
    const [first, second] = r.policies;
    expect(first!.scope).toEqual({ kind: 'route', name: 'items', path: '/api/items', methods: ['GET', 'POST'] });
    expect(at(first!.span)).toBe(range(code, '@cross_origin(origins=["https://a.example"], supports_credentials=True)'));
    expect(shapes(first!.origins)).toEqual([{ kind: 'exact', origin: 'https://a.example' }]);
    expect(first!.credentials.value).toBe(true);
    expect(first!.headersOnErrors.value).toBe(false);
    expect(first!.notes).toBeUndefined();
    expect(second!.scope).toEqual({ kind: 'route', name: 'open_view', path: '/open', methods: ['GET'] });
    expect(shapes(second!.origins)).toEqual([{ kind: 'reflect' }]);
  });

  test('@cross_origin above the route decorator gets a note that it has no effect', async () => {
    const p = await onePolicy(`from flask_cors import cross_origin
@cross_origin()
@app.route("/x")
def x():
    return "ok"
`);
    expect(p.notes?.join('\n')).toMatch(/never added/);
  });

  test('origins through a constant: span at the use, definedAt at the literal', async () => {
    const code = `from flask_cors import CORS
ALLOWED = ["https://a.example"]
CORS(app, origins=ALLOWED)
`;
    const p = await onePolicy(code);
    expect(at(p.origins[0]!.span)).toBe(rangeIn(code, 'origins=ALLOWED', 'ALLOWED'));
    expect(at(p.origins[0]!.definedAt)).toBe(range(code, '"https://a.example"'));
  });

  test('vary_header=False and intercept_exceptions=False are reflected in the model', async () => {
    const p = await onePolicy(`import flask_cors
flask_cors.CORS(app, origins=["https://a.example", "https://b.example"], vary_header=False, intercept_exceptions=False)
`);
    expect(p.varyOrigin.value).toBe(false);
    expect(p.headersOnErrors.value).toBe(false);
  });

  test('a CORS class from elsewhere is not Flask-CORS', async () => {
    const r = await scanPython({ 'app.py': 'from mylib import CORS\nCORS(app)\n' });
    expect(r.policies).toEqual([]);
  });

  test('app.config CORS_* keys sit below keyword arguments', async () => {
    const code = `from flask_cors import CORS
app.config["CORS_SUPPORTS_CREDENTIALS"] = True
app.config.update(CORS_ORIGINS=["https://config.example"], CORS_MAX_AGE=60)
CORS(app, max_age=120)
`;
    const p = await onePolicy(code);
    expect(p.credentials.value).toBe(true);
    expect(at(p.credentials.span)).toBe(range(code, 'app.config["CORS_SUPPORTS_CREDENTIALS"] = True'));
    expect(shapes(p.origins)).toEqual([{ kind: 'exact', origin: 'https://config.example' }]);
    expect(p.maxAge.value).toBe(120);
  });

  test('CORS(blueprint) is scoped to the blueprint', async () => {
    const p = await onePolicy(`from flask import Blueprint
from flask_cors import CORS
api = Blueprint("api", __name__)
CORS(api, origins=["https://a.example"])
`);
    expect(p.scope).toEqual({ kind: 'router', name: 'api' });
  });

  test('app.config.from_object with a config class (inherited) or a dotted name', async () => {
    const config = `class Config:
    CORS_ORIGINS = ["https://a.example"]

class ProdConfig(Config):
    CORS_SUPPORTS_CREDENTIALS = True
`;
    const main = `from flask_cors import CORS
from app.config import ProdConfig
app.config.from_object(ProdConfig)
CORS(app)
`;
    const r = await scanPython({ 'app/__init__.py': main, 'app/config.py': config });
    const p = r.policies[0]!;
    expect(shapes(p.origins)).toEqual([{ kind: 'exact', origin: 'https://a.example' }]);
    expect(at(p.origins[0]!.span)).toBe(range(main, 'app.config.from_object(ProdConfig)'));
    expect(p.origins[0]!.definedAt?.file).toBe('app/config.py');
    expect(at(p.origins[0]!.definedAt)).toBe(range(config, '"https://a.example"'));
    expect(p.credentials.value).toBe(true);

    const dotted = await scanPython({ 'app/__init__.py': main.replace('app.config.from_object(ProdConfig)', 'app.config.from_object("app.config.Config")'), 'app/config.py': config });
    expect(shapes(dotted.policies[0]!.origins)).toEqual([{ kind: 'exact', origin: 'https://a.example' }]);
    expect(dotted.policies[0]!.credentials.value).toBe(false);
  });

  test('resources that cannot be resolved may set origins and credentials per path: nothing is assumed', async () => {
    const code = `from flask import Flask
from flask_cors import CORS
from settings import PER_PATH

app = Flask(__name__)
CORS(app, resources={r"/v1/*": {"origins": ["https://portal.example"]}, **PER_PATH})
`;
    const p = await onePolicy(code);
    expect(p.origins.map((o) => o.kind)).toEqual(['unknown']);
    expect(p.origins[0]!.kind === 'unknown' && p.origins[0]!.why).toMatch(/resources/);
    expect(at(p.origins[0]!.span)).toBe(range(code, 'CORS(app, resources={r"/v1/*": {"origins": ["https://portal.example"]}, **PER_PATH})'));
    expect(p.credentials.value).toBe('unknown');
  });
});
