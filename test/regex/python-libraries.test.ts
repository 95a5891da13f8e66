// Python-dialect witnesses against the real libraries (Debian python3-starlette, python3-flask-cors,
// python3-django-cors-headers), all in one /usr/bin/python3 process fed JSON on stdin: each library
// must answer the witness with Access-Control-Allow-Origin, and refuse hostile probes of safe patterns.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeOriginPattern } from '../../src/regex/witness.js';
import { oracleMissing, PYTHON } from './oracles.js';
import { ROWS, specOfRow } from './pattern-table.js';

const SCRIPT = String.raw`
import json, sys
cases = json.load(sys.stdin)

def starlette_allows(pattern, origin):
    from starlette.applications import Starlette
    from starlette.middleware.cors import CORSMiddleware
    from starlette.responses import PlainTextResponse
    from starlette.routing import Route
    from starlette.testclient import TestClient
    app = Starlette(routes=[Route("/", lambda request: PlainTextResponse("ok"))])
    app.add_middleware(CORSMiddleware, allow_origin_regex=pattern)
    return TestClient(app).get("/", headers={"Origin": origin}).headers.get("access-control-allow-origin")

def flask_allows(pattern, origin):
    from flask import Flask
    from flask_cors import CORS
    app = Flask(__name__)
    CORS(app, origins=[pattern])
    app.add_url_rule("/", "index", lambda: "ok")
    return app.test_client().get("/", headers={"Origin": origin}).headers.get("Access-Control-Allow-Origin")

django_ready = False
def django_allows(pattern, origin):
    global django_ready
    from django.conf import settings
    if not django_ready:
        settings.configure(SECRET_KEY="x", ALLOWED_HOSTS=["*"], INSTALLED_APPS=["corsheaders"], USE_TZ=True)
        import django
        django.setup()
        django_ready = True
    from django.http import HttpResponse
    from django.test import RequestFactory
    from corsheaders.middleware import CorsMiddleware
    settings.CORS_ALLOWED_ORIGIN_REGEXES = [pattern]
    response = CorsMiddleware(lambda request: HttpResponse("ok"))(RequestFactory().get("/", HTTP_ORIGIN=origin))
    return response.headers.get("Access-Control-Allow-Origin")

run = {"starlette": starlette_allows, "flask-cors": flask_allows, "django-cors-headers": django_allows}
print(json.dumps([[run[c["library"]](c["pattern"], o) for o in c["origins"]] for c in cases]))
`;

const HOSTILE = ['https://evilexample.com', 'https://app.example.com.evil.net', 'https://app-example.com', 'https://evil.net', 'http://app.example.com'];

const cases = ROWS.filter((r) => r[0] === 'python').map((row) => {
  const spec = specOfRow(row);
  const library = spec.mode === 'fullmatch' ? 'starlette' : spec.ignoreCase ? 'flask-cors' : 'django-cors-headers';
  const verdict = analyzeOriginPattern(spec, { budgetMs: 200 });
  const origins = verdict.verdict === 'permissive' ? [verdict.witness] : HOSTILE;
  return { library, pattern: spec.pattern, origins, verdict: verdict.verdict };
});

describe('the real Python libraries', () => {
  it('send Access-Control-Allow-Origin for every witness and for no hostile probe of a safe pattern', () => {
    if (!existsSync(PYTHON) && oracleMissing(PYTHON)) return;
    const run = spawnSync(PYTHON, ['-c', SCRIPT], { input: JSON.stringify(cases), encoding: 'utf8', timeout: 60_000 });
    if (run.status !== 0 && /ModuleNotFoundError/.test(run.stderr) && oracleMissing('python3-starlette / python3-flask-cors / python3-django-cors-headers')) return;
    expect(run.status, run.stderr).toBe(0);
    const answers = JSON.parse(run.stdout) as Array<Array<string | null>>;
    expect(cases.length).toBeGreaterThan(25);
    cases.forEach((c, i) => {
      if (c.verdict === 'permissive') expect(answers[i], `${c.library} ${c.pattern}`).toEqual(c.origins);
      else expect(answers[i], `${c.library} ${c.pattern}`).toEqual(c.origins.map(() => null));
    });
  }, 90_000);
});
