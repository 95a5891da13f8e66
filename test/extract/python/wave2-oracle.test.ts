// The library behaviour behind unknown options, compiled-regex resources and bool header values,
// checked against the real packages under /usr/bin/python3 (skipped with a reason when absent,
// failing in CI).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { oracleMissing, pythonHas } from '../../conformance/oracle.js';
import { onePolicy, scanPython, shapes } from './helpers.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const skip = oracleMissing(pythonHas(['starlette', 'httpx', 'flask', 'flask_cors']), 'Starlette / Flask-CORS option handling');

describe.skipIf(skip !== null)('unknown options and value types, as the real libraries treat them', () => {
  let facts: Record<string, unknown> = {};
  beforeAll(() => {
    const r = spawnSync('/usr/bin/python3', [path.join(HERE, 'oracle', 'wave2_facts.py')], { encoding: 'utf8', timeout: 60_000 });
    if (r.status !== 0) throw new Error(`wave2_facts.py failed: ${r.stderr}`);
    facts = JSON.parse(r.stdout.trim().split('\n').pop()!);
  }, 60_000);

  test('Starlette raises TypeError for an unknown keyword and for a list given to allow_origin_regex', async () => {
    const p = await onePolicy(`from starlette.applications import Starlette
from starlette.middleware.cors import CORSMiddleware
app = Starlette()
app.add_middleware(CORSMiddleware, allow_origin=["https://a.example"], allow_origin_regex=[r"https?://localhost(:\\d+)?"])
`);
    expect(p.invalidOptions?.map((o) => [o.name, o.problem, o.effect])).toEqual([
      ['allow_origin', 'unknown-option', 'raises'],
      ['allow_origin_regex', 'wrong-type', 'raises'],
    ]);
    expect(facts.starlette_unknown_keyword).toMatch(/unexpected keyword argument 'allow_origin'/);
    expect(facts.starlette_unknown_keyword_middleware).toMatch(/unexpected keyword argument 'allow_credantials'/);
    expect(facts.starlette_regex_list).toEqual(expect.any(String));
    expect(facts.starlette_known).toBeNull();
  });

  test('hand-written BaseHTTPMiddleware: headers after call_next leave preflights to the router (405); a bare OPTIONS answer has no CORS header', async () => {
    const after = await onePolicy(`from starlette.middleware.base import BaseHTTPMiddleware
class After(BaseHTTPMiddleware):
    async def dispatch(self, request, call_next):
        response = await call_next(request)
        response.headers["Access-Control-Allow-Origin"] = "*"
        return response
`);
    expect(after.preflight.value).toBe('not-handled');
    expect(facts.starlette_manual_after_call_next).toEqual([405, '*']);
    const short = await onePolicy(`from starlette.middleware.base import BaseHTTPMiddleware
from starlette.responses import Response
class ShortCircuit(BaseHTTPMiddleware):
    async def dispatch(self, request, call_next):
        if request.method == "OPTIONS":
            return Response(status_code=200)
        response = await call_next(request)
        response.headers["Access-Control-Allow-Origin"] = "*"
        return response
`);
    expect(short.preflight.value).toBe('not-handled');
    expect(facts.starlette_manual_options_short_circuit).toEqual([200, null]);
  });

  test('Flask-CORS only logs an unknown option; the default origins "*" echo the Origin, credentials stay off', async () => {
    const p = await onePolicy(`from flask import Flask
from flask_cors import CORS
app = Flask(__name__)
CORS(app, support_credentials=True, headers=["Content-Type"])
`);
    expect(p.invalidOptions?.map((o) => [o.name, o.effect, o.suggestion])).toEqual([
      ['support_credentials', 'ignored', 'supports_credentials'],
      ['headers', 'ignored', 'allow_headers'],
    ]);
    expect(shapes(p.origins)).toEqual([{ kind: 'reflect' }]);
    expect(p.credentials.value).toBe(false);
    expect(facts.flask_unknown_logged).toEqual(expect.arrayContaining(['Unknown option passed to Flask-CORS: support_credentials', 'Unknown option passed to Flask-CORS: headers']));
    expect(facts.flask_unknown_acao).toBe('https://evil.example');
    expect(facts.flask_unknown_acac).toBeNull();
  });

  test('Flask-CORS resources keyed by a compiled regex with origins "*" echo the Origin', async () => {
    const p = await onePolicy(`import re
from flask import Flask
from flask_cors import CORS
app = Flask(__name__)
CORS(app, resources={re.compile(app.config["API_URL"] + "/*"): {"origins": "*"}})
`);
    expect(shapes(p.origins)).toEqual([{ kind: 'reflect' }]);
    expect(facts.flask_regex_resource_acao).toBe('https://evil.example');
  });

  test('an after_request hook registered after Flask-CORS that sets the origin switches Flask-CORS off for preflights', async () => {
    const { policies } = await scanPython({
      'app.py': `from flask import Flask
from flask_cors import CORS
app = Flask(__name__)
CORS(app, origins=["https://a.example"], supports_credentials=True)
@app.after_request
def hook(response):
    response.headers["Access-Control-Allow-Origin"] = "https://a.example"
    return response
`,
    });
    const cors = policies.find((p) => p.library === 'flask-cors')!;
    expect(cors.preflight.value).toBe('not-handled');
    expect(facts.flask_hook_after_cors).toEqual([200, null]);
    expect(facts.flask_hook_before_cors).toEqual([200, expect.stringContaining('PUT')]);
    const before = await scanPython({
      'app.py': `from flask import Flask
from flask_cors import CORS
app = Flask(__name__)
@app.after_request
def hook(response):
    response.headers["Access-Control-Allow-Origin"] = "https://a.example"
    return response
CORS(app, origins=["https://a.example"], supports_credentials=True)
`,
    });
    expect(before.policies.find((p) => p.library === 'flask-cors')!.preflight.value).toBe('handled');
  });

  test("Werkzeug sends a Python True header value as 'True', which is not the 'true' browsers require", async () => {
    const p = await onePolicy(`from flask import Flask
app = Flask(__name__)
@app.after_request
def hook(response):
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Access-Control-Allow-Credentials"] = True
    return response
`);
    expect(p.emittedHeaders?.find((h) => h.name === 'Access-Control-Allow-Credentials')?.value).toBe('True');
    expect(facts.werkzeug_bool_header).toBe('True');
  });

  test('Starlette response headers take str only: a bool value raises, so the model sends nothing for it', async () => {
    const p = await onePolicy(`from starlette.middleware.base import BaseHTTPMiddleware
class Cors(BaseHTTPMiddleware):
    async def dispatch(self, request, call_next):
        response = await call_next(request)
        response.headers["Access-Control-Allow-Origin"] = "*"
        response.headers["Access-Control-Allow-Credentials"] = True
        return response
`);
    expect(p.credentials.value).toBe('unknown');
    expect(p.notes?.[0]).toMatch(/AttributeError/);
    expect(facts.starlette_bool_header).toBe('AttributeError');
  });
});

const skipDjango = oracleMissing(pythonHas(['django', 'corsheaders']), 'django-cors-headers string settings');

describe.skipIf(skipDjango !== null)('django-cors-headers given a string where it wants a sequence, as the real library treats it', () => {
  let facts: Record<string, unknown> = {};
  beforeAll(() => {
    const r = spawnSync('/usr/bin/python3', [path.join(HERE, 'oracle', 'django_strings_facts.py')], { encoding: 'utf8', timeout: 60_000 });
    if (r.status !== 0) throw new Error(`django_strings_facts.py failed: ${r.stderr}`);
    facts = JSON.parse(r.stdout.trim().split('\n').pop()!);
  }, 60_000);

  test("('localhost:4200') allows nothing and fails check E013; the model keeps it as a malformed origin", async () => {
    const p = await onePolicy(`CORS_ORIGIN_WHITELIST = (\n    'localhost:4200'\n)\n`, 'config/settings.py');
    expect(shapes(p.origins)).toEqual([{ kind: 'exact', origin: 'localhost:4200' }]);
    expect(p.invalidOptions).toEqual([expect.objectContaining({ name: 'CORS_ORIGIN_WHITELIST', problem: 'wrong-type', effect: 'ignored' })]);
    expect(facts.str_whitelist_checks).toEqual(['corsheaders.E013']);
    expect(facts.str_whitelist_acao).toBeNull();
  });

  test('a string with a scheme allows nothing either: no origin entry', async () => {
    const p = await onePolicy(`CORS_ALLOWED_ORIGINS = ("https://a.example")\n`, 'config/settings.py');
    expect(p.origins).toEqual([]);
    expect(facts.str_allowed_acao).toBeNull();
  });

  test('a regex string is iterated: each character is a pattern, so "^" admits every origin', async () => {
    const p = await onePolicy(`CORS_ALLOWED_ORIGIN_REGEXES = (r"^https://\\w+\\.a\\.example$")\n`, 'config/settings.py');
    expect(p.origins[0]).toMatchObject({ kind: 'regex', pattern: '^', mode: 'match' });
    expect(facts.str_regexes_acao).toBe('https://evil.example');
  });

  test('a regex string whose first character is no pattern on its own raises (500), and the model stops there', async () => {
    const p = await onePolicy(`CORS_ALLOWED_ORIGIN_REGEXES = (r"(https://a\\.example)")\n`, 'config/settings.py');
    expect(p.origins).toEqual([]);
    expect(p.notes?.some((n) => n.includes('re.error'))).toBe(true);
    expect(facts.str_regexes_invalid_status).toBe(500);
  });

  test('a misspelled setting is not read', async () => {
    const p = await onePolicy(`INSTALLED_APPS = ["corsheaders"]\nCORS_ALLOWED_ORIGIN = ["https://a.example"]\n`, 'config/settings.py');
    expect(p.invalidOptions).toEqual([expect.objectContaining({ name: 'CORS_ALLOWED_ORIGIN', suggestion: 'CORS_ALLOWED_ORIGINS', effect: 'ignored' })]);
    expect(p.origins).toEqual([]);
    expect(facts.misspelled_acao).toBeNull();
  });
});
