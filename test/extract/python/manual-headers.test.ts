import { describe, expect, test } from 'vitest';
import { at, onePolicy, range, rangeIn, scanPython, shapes } from './helpers.js';

describe('hand-written Access-Control-* headers in Python', () => {
  test('Flask after_request echoing the request Origin with credentials', async () => {
    const code = `from flask import Flask, request

app = Flask(__name__)

@app.after_request
def add_cors(resp):
    resp.headers["Access-Control-Allow-Origin"] = request.headers.get("Origin")
    resp.headers["Access-Control-Allow-Credentials"] = "true"
    return resp
`;
    const p = await onePolicy(code);
    expect(p.stack).toBe('flask');
    expect(p.library).toBe('manual');
    expect(p.scope).toEqual({ kind: 'route', name: 'add_cors' });
    expect(at(p.span)).toBe(range(code, 'resp.headers["Access-Control-Allow-Origin"] = request.headers.get("Origin")'));
    expect(shapes(p.origins)).toEqual([{ kind: 'reflect' }]);
    expect(at(p.origins[0]!.span)).toBe(range(code, 'request.headers.get("Origin")'));
    expect(p.credentials.value).toBe(true);
    expect(at(p.credentials.span)).toBe(range(code, 'resp.headers["Access-Control-Allow-Credentials"] = "true"'));
    expect(p.varyOrigin.value).toBe(false);
    expect(p.emittedHeaders!.map((h) => [h.value, h.expression ?? false])).toEqual([
      ['request.headers.get("Origin")', true],
      ['true', false],
    ]);
  });

  test('Django: the origin read into a name first, and a check around the write keeps it conditional', async () => {
    const code = `from django.http import JsonResponse

TRUSTED = {"https://shop.example"}

def unchecked(request):
    origin = request.META.get("HTTP_ORIGIN")
    out = JsonResponse({})
    out["Access-Control-Allow-Origin"] = origin
    return out

def checked(request):
    origin = request.META.get("HTTP_ORIGIN")
    out = JsonResponse({})
    if origin in TRUSTED:
        out["Access-Control-Allow-Origin"] = origin
        out["Vary"] = "Origin"
    return out
`;
    const { policies } = await scanPython({ 'shop/views.py': code });
    expect(policies.map((p) => [p.stack, p.scope.name])).toEqual([
      ['django', 'unchecked'],
      ['django', 'checked'],
    ]);
    expect(shapes(policies[0]!.origins)).toEqual([{ kind: 'reflect' }]);
    expect(at(policies[0]!.origins[0]!.span)).toBe(rangeIn(code, 'out["Access-Control-Allow-Origin"] = origin', 'origin'));
    expect(shapes(policies[1]!.origins)).toEqual([{ kind: 'reflect', condition: 'origin in TRUSTED' }]);
    expect(policies[1]!.varyOrigin.value).toBe(true);
  });

  test('literal values: "*" is sent as is, header dicts given to response constructors count', async () => {
    const code = `from starlette.responses import JSONResponse

def public(request):
    return JSONResponse({"ok": True}, headers={"Access-Control-Allow-Origin": "*"})
`;
    const p = await onePolicy(code);
    expect(p.stack).toBe('starlette');
    expect(shapes(p.origins)).toEqual([{ kind: 'any' }]);
    expect(p.origins[0]!.sentVerbatim).toBe(true);
    expect(at(p.origins[0]!.span)).toBe(range(code, '"*"'));
    expect(p.credentials.value).toBe(false);
  });

  test('werkzeug Headers methods, make_response tuples, and a list header value', async () => {
    const code = `from flask import make_response
from werkzeug.datastructures import Headers

def feed():
    h = Headers()
    h.set("Access-Control-Allow-Origin", "https://reader.example")
    h.add("Access-Control-Allow-Methods", "GET, POST")
    return make_response(("[]", 200, h))

def other():
    return make_response(("[]", {"Access-Control-Allow-Origin": "https://b.example"}))
`;
    const { policies } = await scanPython({ 'app/feed.py': code });
    expect(policies).toHaveLength(2);
    expect(shapes(policies[0]!.origins)).toEqual([{ kind: 'exact', origin: 'https://reader.example' }]);
    expect(policies[0]!.allowMethods.value).toEqual(['GET', 'POST']);
    expect(at(policies[0]!.span)).toBe(range(code, 'h.set("Access-Control-Allow-Origin", "https://reader.example")'));
    expect(shapes(policies[1]!.origins)).toEqual([{ kind: 'exact', origin: 'https://b.example' }]);
  });

  test('not header writes: client request headers, tuple keys, files without a web framework', async () => {
    const client = `import requests
from flask import Flask

def call_api():
    return requests.get("https://api.example", headers={"Access-Control-Allow-Origin": "*"})

def table(r):
    r["Access-Control-Allow-Origin", 1] = "*"
`;
    expect((await scanPython({ 'app/client.py': client })).policies).toEqual([]);
    const plain = `def build(d):
    d["Access-Control-Allow-Origin"] = "*"
`;
    expect((await scanPython({ 'tools/build.py': plain })).policies).toEqual([]);
  });

  test('a query or form parameter is an origin the caller chooses; under a check it is left undecided', async () => {
    const code = `from flask import Flask, request

app = Flask(__name__)

@app.route("/embed")
def embed():
    parent = request.args.get("parent")
    body = "ok"
    return body, 200, {"Access-Control-Allow-Origin": parent}

@app.route("/embed2")
def embed2():
    resp = app.make_response("ok")
    if request.args.get("parent") in ("https://a.example",):
        resp.headers["Access-Control-Allow-Origin"] = request.args.get("parent")
    return resp
`;
    const { policies } = await scanPython({ 'app/embed.py': code });
    expect(policies.map((p) => p.scope.name)).toEqual(['embed', 'embed2']);
    expect(shapes(policies[0]!.origins)).toEqual([{ kind: 'reflect', from: 'request.args.get("parent")' }]);
    expect(at(policies[0]!.origins[0]!.span)).toBe(rangeIn(code, '{"Access-Control-Allow-Origin": parent}', 'parent'));
    expect(policies[1]!.origins.map((o) => o.kind)).toEqual(['unknown']);
  });
});
