// Small repositories (a proxy + an application) through lint() and check to the path findings, each
// with a clean counterpart.
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint.js';
import { runCheck } from '../../src/check/run-check.js';
import { tempTree } from '../helpers/temp-tree.js';

const FASTAPI = `from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
import uvicorn

app = FastAPI()
app.add_middleware(CORSMiddleware, allow_origins=["https://app.example.com"], allow_credentials=True, allow_methods=["*"], allow_headers=["*"])

if __name__ == "__main__":
    uvicorn.run(app, host="0.0.0.0", port=8000)
`;

const EXPRESS = `const express = require('express');
const cors = require('cors');
const app = express();
app.use(cors({ origin: ['https://app.example.com'], credentials: true }));
app.get('/api/items', (req, res) => res.json([]));
app.listen(4000);
`;

function nginx(location: string, target = 'http://127.0.0.1:8000/'): string {
  return `events {}
http {
  server {
    listen 80;
    server_name api.example.com;
    location /api/ {
${location
  .split('\n')
  .filter(Boolean)
  .map((l) => `      ${l}`)
  .join('\n')}
      proxy_pass ${target};
    }
  }
}
`;
}

async function findings(files: Record<string, string>) {
  const result = await lint(['.'], { cwd: tempTree(files) });
  expect(result.diagnostics).toEqual([]);
  return { result, findings: result.findings.filter((f) => ['proxy-strips-cors-headers', 'preflight-not-handled', 'duplicate-cors-layers'].includes(f.ruleId)) };
}

describe('a proxy that strips the application\'s CORS headers', () => {
  it('proxy_hide_header Access-Control-Allow-Origin: an error at the directive, naming the app and the link', async () => {
    const { findings: found } = await findings({ 'deploy/nginx.conf': nginx('proxy_hide_header Access-Control-Allow-Origin;'), 'main.py': FASTAPI });
    expect(found.map((f) => [f.ruleId, f.severity, f.location.file, f.location.line])).toEqual([['proxy-strips-cors-headers', 'error', 'deploy/nginx.conf', 7]]);
    expect(found[0]!.message).toContain('Starlette CORSMiddleware in FastAPI sends (main.py:6)');
    expect(found[0]!.message).toContain('linked by upstream 127.0.0.1:8000: port 8000 in main.py');
    expect(found[0]!.relatedLocations?.map((r) => `${r.span.file}:${r.span.line}`)).toEqual(['deploy/nginx.conf:8', 'main.py:6']);
  });

  it('more_clear_headers with a prefix pattern in front of an Express app linked through compose', async () => {
    const { findings: found } = await findings({
      'nginx/default.conf': nginx("more_clear_headers 'Access-Control-*';", 'http://api:4000'),
      'api/server.js': EXPRESS,
      'docker-compose.yml': 'services:\n  api:\n    build: ./api\n  web:\n    image: nginx\n    ports: ["80:80"]\n',
    });
    expect(found.map((f) => [f.ruleId, f.location.line])).toEqual([['proxy-strips-cors-headers', 7]]);
    expect(found[0]!.message).toContain('npm cors in Express');
    expect(found[0]!.message).toContain('compose service api (docker-compose.yml)');
  });

  it('check --origin says BLOCKED through the proxy and names the directive', async () => {
    const dir = tempTree({ 'deploy/nginx.conf': nginx('proxy_hide_header Access-Control-Allow-Origin;'), 'main.py': FASTAPI });
    const run = await runCheck({ paths: ['.'], cwd: dir, origin: 'https://app.example.com', method: 'GET', credentials: false, headers: [], noCookie: false, format: 'text' } as never);
    expect(run.exitCode).toBe(1);
    const path = run.results.find((r) => r.path);
    expect(path).toMatchObject({ allowed: false, stack: 'path', path: { linked: true, actualDecidedBy: 'app' } });
    expect(path!.detail.responsible).toMatchObject({ file: 'deploy/nginx.conf', line: 7 });
    // The application behind a linked proxy is not also reported as reachable directly.
    expect(run.results.filter((r) => !r.path)).toEqual([]);
  });

  describe('clean counterparts', () => {
    it('the proxy passes the headers through: no finding, and check says ALLOWED', async () => {
      const files = { 'deploy/nginx.conf': nginx('proxy_set_header Host $host;'), 'main.py': FASTAPI };
      expect((await findings(files)).findings).toEqual([]);
      const run = await runCheck({ paths: ['.'], cwd: tempTree(files), origin: 'https://app.example.com', method: 'GET', credentials: true, headers: [], noCookie: false, format: 'text' } as never);
      expect(run.results.map((r) => [r.stack, r.allowed])).toEqual([['path', true]]);
      expect(run.exitCode).toBe(0);
    });

    it('more_clear_headers of an unrelated header', async () => {
      expect((await findings({ 'deploy/nginx.conf': nginx('more_clear_headers X-Powered-By;'), 'main.py': FASTAPI })).findings).toEqual([]);
    });

    it('the proxy hides the header and sends its own', async () => {
      const files = {
        'deploy/nginx.conf': nginx('proxy_hide_header Access-Control-Allow-Origin;\nadd_header Access-Control-Allow-Origin https://app.example.com always;\nadd_header Vary Origin always;'),
        'main.py': FASTAPI,
      };
      expect((await findings(files)).findings).toEqual([]);
    });

    it('a proxy to a public host is someone else\'s server, whatever the repository\'s application does', async () => {
      const { findings: found, result } = await findings({ 'deploy/nginx.conf': nginx('proxy_hide_header Access-Control-Allow-Origin;', 'https://storage.googleapis.com/bucket/'), 'main.py': FASTAPI });
      expect(found).toEqual([]);
      expect(result.paths).toEqual([]);
    });
  });
});

describe('a proxy that answers preflights for an application that owns CORS', () => {
  it('if ($request_method = OPTIONS) { return 204; } before proxy_pass: an error at the return', async () => {
    const { findings: found } = await findings({ 'deploy/nginx.conf': nginx('if ($request_method = OPTIONS) { return 204; }'), 'main.py': FASTAPI });
    expect(found.map((f) => [f.ruleId, f.severity, f.location.line])).toEqual([['preflight-not-handled', 'error', 7]]);
    expect(found[0]!.message).toContain('answers OPTIONS itself');
    expect(found[0]!.message).toContain('gets 204 without Access-Control-Allow-Origin');
  });

  it('limit_except that refuses OPTIONS', async () => {
    const { findings: found } = await findings({ 'deploy/nginx.conf': nginx('limit_except GET POST PUT { deny all; }'), 'main.py': FASTAPI });
    expect(found.map((f) => [f.ruleId, f.location.line])).toEqual([['preflight-not-handled', 7]]);
    expect(found[0]!.message).toContain('gets 403');
  });

  it('basic authentication in front: the preflight, which carries no credentials, gets 401', async () => {
    const { findings: found } = await findings({ 'deploy/nginx.conf': nginx('auth_basic "staff";\nauth_basic_user_file /etc/nginx/htpasswd;'), 'main.py': FASTAPI });
    expect(found.map((f) => [f.ruleId, f.location.line])).toEqual([['preflight-not-handled', 7]]);
    expect(found[0]!.message).toContain('gets 401');
  });

  describe('clean counterparts', () => {
    it('basic authentication off for the API location', async () => {
      expect((await findings({ 'deploy/nginx.conf': nginx('auth_basic off;').replace('  server {', '  auth_basic "staff";\n  auth_basic_user_file /etc/nginx/htpasswd;\n  server {'), 'main.py': FASTAPI })).findings).toEqual([]);
    });

    it('the preflight reaches the application', async () => {
      expect((await findings({ 'deploy/nginx.conf': nginx(''), 'main.py': FASTAPI })).findings).toEqual([]);
    });

    it('the OPTIONS branch answers with CORS headers of its own (the proxy owns preflights)', async () => {
      const branch = `if ($request_method = OPTIONS) {
  add_header Access-Control-Allow-Origin https://app.example.com;
  add_header Access-Control-Allow-Credentials true;
  add_header Access-Control-Allow-Methods "GET, PUT, POST, DELETE";
  add_header Access-Control-Allow-Headers "Content-Type, Authorization";
  add_header Vary Origin;
  return 204;
}`;
      const { findings: found } = await findings({ 'deploy/nginx.conf': nginx(branch), 'main.py': FASTAPI });
      expect(found.filter((f) => f.ruleId === 'preflight-not-handled')).toEqual([]);
    });
  });
});

describe('linking a proxy to the application behind it', () => {
  it('an upstream block whose server is the compose service', async () => {
    const conf = `upstream backend { server api:4000; }
server {
  listen 80;
  location / { proxy_hide_header Access-Control-Allow-Origin; proxy_pass http://backend; }
}
`;
    const { result } = await findings({ 'nginx/nginx.conf': conf, 'api/server.js': EXPRESS, 'compose.yaml': 'services:\n  api:\n    build: ./api\n' });
    expect(result.paths?.map((p) => [p.linked, p.apps.map((a) => a.span.file), p.how])).toEqual([[true, ['api/server.js'], 'upstream api:4000: compose service api (compose.yaml)']]);
  });

  it('with two applications, the one on the upstream\'s port', async () => {
    const { result } = await findings({ 'deploy/nginx.conf': nginx('', 'http://127.0.0.1:4000'), 'main.py': FASTAPI, 'web/server.js': EXPRESS });
    expect(result.paths?.map((p) => p.apps.map((a) => a.span.file))).toEqual([['web/server.js']]);
  });

  it('a compose links alias with a dot in it (`links: ["api:api.net"]`)', async () => {
    const { result } = await findings({
      'proxy/default.conf': 'server {\n  listen 80;\n  location / { proxy_pass http://api.net:4000; }\n}\n',
      'api/server.js': EXPRESS,
      'docker-compose.yml': 'services:\n  api:\n    build: ./api\n  proxy:\n    build: ./proxy\n    links:\n      - "api:api.net"\n',
    });
    expect(result.paths?.map((p) => [p.linked, p.how])).toEqual([[true, 'upstream api.net:4000: api.net, a name of compose service api (docker-compose.yml)']]);
  });

  it('an envsubst template whose upstream comes from the proxy service\'s environment, or its Dockerfile', async () => {
    const conf = 'server {\n  listen 80;\n  location / { uwsgi_pass ${APP_HOST}:${APP_PORT}; }\n}\n';
    const compose = (env: string) => `services:\n  api:\n    build: ./api\n  proxy:\n    build:\n      context: ./proxy\n${env}`;
    const viaCompose = await findings({ 'proxy/default.conf.tpl': conf, 'api/server.js': EXPRESS, 'docker-compose.yml': compose('    environment:\n      APP_HOST: api\n      APP_PORT: "4000"\n') });
    expect(viaCompose.result.paths?.map((p) => [p.linked, p.apps.map((a) => a.span.file)])).toEqual([[true, ['api/server.js']]]);
    const viaDockerfile = await findings({ 'proxy/default.conf.tpl': conf, 'proxy/Dockerfile': 'FROM nginx\nENV APP_HOST=api APP_PORT=4000\n', 'api/server.js': EXPRESS, 'docker-compose.yml': compose('') });
    expect(viaDockerfile.result.paths?.map((p) => p.linked)).toEqual([true]);
    const unknown = await findings({ 'proxy/default.conf.tpl': conf, 'api/server.js': EXPRESS, 'docker-compose.yml': compose('') });
    expect(unknown.result.paths?.map((p) => p.linked)).toEqual([false]);
  });

  it('no link: any application in the repository, and the message says so', async () => {
    const { findings: found, result } = await findings({ 'deploy/nginx.conf': nginx('proxy_hide_header Access-Control-Allow-Origin;', 'http://backend-svc:9000'), 'main.py': FASTAPI });
    expect(result.paths?.[0]).toMatchObject({ linked: false });
    expect(found[0]!.message).toContain('no application in the repository could be linked to upstream backend-svc:9000, so any application in the repository');
  });
});
