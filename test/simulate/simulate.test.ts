// simulate(): scanner output -> the exchange a browser has -> the verdict, with the span responsible.
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/simulate/simulate.js';
import { onePolicy } from './helpers.js';

const FASTAPI_STAR_CREDENTIALS = `from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

app = FastAPI()
app.add_middleware(
    CORSMiddleware,
    allow_origins=["*"],
    allow_credentials=True,
)
`;

const LOCAL = 'http://localhost:3000';

describe('simulate: Starlette', () => {
  it('before 1.0, a credentialed request (Cookie) gets its Origin echoed: any site reads authenticated responses', async () => {
    const policy = { ...(await onePolicy('main.py', FASTAPI_STAR_CREDENTIALS)), libraryVersion: '0.26.1' };
    const r = simulate(policy, { origin: 'https://evil.example', method: 'GET', credentials: true, requestHeaders: [] });
    expect(r.preflight).toBeNull();
    expect(r.actual!.response.headers['access-control-allow-origin']).toBe('https://evil.example');
    expect(r.actual!.response.headers['vary']).toBe('Origin');
    expect(r.verdict.allowed).toBe(true);
  });

  it('before 1.0, without credentials the same config answers *', async () => {
    const policy = { ...(await onePolicy('main.py', FASTAPI_STAR_CREDENTIALS)), libraryVersion: '0.26.1' };
    const r = simulate(policy, { origin: LOCAL, method: 'GET', credentials: false, requestHeaders: [] });
    expect(r.actual!.response.headers).toEqual({ 'access-control-allow-origin': '*', 'access-control-allow-credentials': 'true' });
    expect(r.verdict.allowed).toBe(true);
  });

  it('from 1.0 the Origin is echoed whenever allow_credentials=True', async () => {
    const policy = { ...(await onePolicy('main.py', FASTAPI_STAR_CREDENTIALS)), libraryVersion: '1.0.0' };
    const r = simulate(policy, { origin: LOCAL, method: 'GET', credentials: false, requestHeaders: [] });
    expect(r.actual!.response.headers['access-control-allow-origin']).toBe(LOCAL);
  });

  it('a disallowed origin fails the preflight with 400 and no Allow-Origin, blamed on allow_origins', async () => {
    const policy = await onePolicy(
      'main.py',
      `from fastapi import FastAPI\nfrom fastapi.middleware.cors import CORSMiddleware\n\napp = FastAPI()\napp.add_middleware(\n    CORSMiddleware,\n    allow_origins=["https://app.example.com"],\n    allow_methods=["GET", "POST"],\n)\n`,
    );
    const r = simulate(policy, { origin: LOCAL, method: 'PUT', credentials: false, requestHeaders: [] });
    expect(r.preflight!.response.status).toBe(400);
    expect(r.verdict).toMatchObject({
      allowed: false,
      reason: "Response to preflight request doesn't pass access control check: No 'Access-Control-Allow-Origin' header is present on the requested resource.",
    });
    expect(r.verdict.span).toMatchObject({ file: 'main.py', line: 7 });
  });

  it('a method outside allow_methods gets 400 with Allow-Origin: "It does not have HTTP ok status", blamed on allow_methods', async () => {
    const policy = await onePolicy(
      'main.py',
      `from fastapi import FastAPI\nfrom fastapi.middleware.cors import CORSMiddleware\n\napp = FastAPI()\napp.add_middleware(\n    CORSMiddleware,\n    allow_origins=["http://localhost:3000"],\n    allow_methods=["GET", "POST"],\n)\n`,
    );
    const r = simulate(policy, { origin: LOCAL, method: 'DELETE', credentials: false, requestHeaders: [] });
    expect(r.preflight!.response).toMatchObject({ status: 400, statusCause: 'methods' });
    expect(r.verdict.reason).toBe("Response to preflight request doesn't pass access control check: It does not have HTTP ok status.");
    expect(r.verdict.span).toMatchObject({ file: 'main.py', line: 8 });
  });

  it('says unknown, never guesses, when the origins come from the environment', async () => {
    const policy = await onePolicy(
      'main.py',
      `import os\nfrom fastapi import FastAPI\nfrom fastapi.middleware.cors import CORSMiddleware\n\napp = FastAPI()\napp.add_middleware(CORSMiddleware, allow_origins=os.environ["ORIGINS"].split(","))\n`,
    );
    const r = simulate(policy, { origin: LOCAL, method: 'GET', credentials: false, requestHeaders: [] });
    expect(r.verdict.allowed).toBe('unknown');
    expect(r.verdict.reason).toMatch(/^Cannot tell: the allowed origins are not known statically/);
  });

  it('a request without Origin is not a CORS request', async () => {
    const policy = await onePolicy('main.py', FASTAPI_STAR_CREDENTIALS);
    const r = simulate(policy, { method: 'GET', credentials: false, requestHeaders: [] });
    expect(r.verdict.allowed).toBe(true);
    expect(r.actual!.response.headers).toEqual({});
  });
});

describe('simulate: npm cors', () => {
  it("origin '*' with credentials sends both headers and the browser refuses, blamed on the origin option", async () => {
    const policy = await onePolicy('server.js', `const cors = require('cors');\nconst app = require('express')();\napp.use(cors({\n  origin: '*',\n  credentials: true,\n}));\n`);
    const r = simulate(policy, { origin: LOCAL, method: 'GET', credentials: true, requestHeaders: [] });
    expect(r.actual!.response.headers).toEqual({ 'access-control-allow-origin': '*', 'access-control-allow-credentials': 'true' });
    expect(r.verdict).toMatchObject({
      allowed: false,
      reason: "The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'.",
    });
    expect(r.verdict.span).toMatchObject({ file: 'server.js', line: 4 });
  });

  it('answers every OPTIONS with 204, even for a refused origin', async () => {
    const policy = await onePolicy('server.js', `const cors = require('cors');\nconst app = require('express')();\napp.use(cors({ origin: ['https://app.example.com'] }));\n`);
    const r = simulate(policy, { origin: LOCAL, method: 'PUT', credentials: false, requestHeaders: [] });
    expect(r.preflight!.response.status).toBe(204);
    expect(r.preflight!.response.headers['access-control-allow-origin']).toBeUndefined();
    expect(r.verdict.reason).toContain("No 'Access-Control-Allow-Origin' header");
  });

  it('a /g RegExp makes the answer depend on earlier requests: unknown', async () => {
    const policy = await onePolicy('server.js', `const cors = require('cors');\nconst app = require('express')();\napp.use(cors({ origin: /example\\.com$/g }));\n`);
    const r = simulate(policy, { origin: 'https://app.example.com', method: 'GET', credentials: false, requestHeaders: [] });
    expect(r.verdict.allowed).toBe('unknown');
    expect(r.verdict.reason).toContain('lastIndex');
  });
});

describe('simulate: other libraries', () => {
  it('Flask-CORS CORS(app) reflects any origin', async () => {
    const policy = await onePolicy('app.py', `from flask import Flask\nfrom flask_cors import CORS\n\napp = Flask(__name__)\nCORS(app, supports_credentials=True)\n`);
    const r = simulate(policy, { origin: 'https://evil.example', method: 'GET', credentials: true, requestHeaders: [] });
    expect(r.actual!.response.headers).toMatchObject({ 'access-control-allow-origin': 'https://evil.example', 'access-control-allow-credentials': 'true' });
    expect(r.verdict.allowed).toBe(true);
  });

  it('django-cors-headers before 4.3 adds Allow-Credentials even for a refused origin, but no Allow-Origin', async () => {
    const policy = { ...(await onePolicy('settings.py', `CORS_ALLOWED_ORIGINS = ["https://app.example.com"]\nCORS_ALLOW_CREDENTIALS = True\n`)), libraryVersion: '3.14.0' };
    const r = simulate(policy, { origin: LOCAL, method: 'GET', credentials: true, requestHeaders: [] });
    expect(r.actual!.response.headers).toEqual({ vary: 'Origin', 'access-control-allow-credentials': 'true' });
    expect(r.verdict.allowed).toBe(false);
  });

  it('django-cors-headers from 4.3 sends nothing but Vary to a refused origin', async () => {
    const policy = await onePolicy('settings.py', `CORS_ALLOWED_ORIGINS = ["https://app.example.com"]\nCORS_ALLOW_CREDENTIALS = True\n`);
    const r = simulate(policy, { origin: LOCAL, method: 'GET', credentials: true, requestHeaders: [] });
    expect(r.actual!.response.headers).toEqual({ vary: 'origin' });
  });

  it('@koa/cors with credentials turns * into the request Origin', async () => {
    const policy = await onePolicy('app.js', `const Koa = require('koa');\nconst cors = require('@koa/cors');\nconst app = new Koa();\napp.use(cors({ credentials: true }));\n`);
    const r = simulate(policy, { origin: 'https://evil.example', method: 'GET', credentials: true, requestHeaders: [] });
    expect(r.actual!.response.headers).toMatchObject({ 'access-control-allow-origin': 'https://evil.example', 'access-control-allow-credentials': 'true', vary: 'Origin' });
  });
});
