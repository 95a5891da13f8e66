// A frontend whose API URL reaches a proxy: the applications behind it are judged through it.
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint.js';
import { runCheck } from '../../src/check/run-check.js';
import { tempTree } from '../helpers/temp-tree.js';

const web = (apiUrl: string) => ({
  'web/package.json': JSON.stringify({ name: 'web', scripts: { dev: 'vite' }, devDependencies: { vite: '^5.4.0' } }),
  'web/.env.development': `VITE_API_URL=${apiUrl}\n`,
});

const app = (origin: string) => `from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

app = FastAPI()
app.add_middleware(CORSMiddleware, allow_origins=["${origin}"])
`;

const nginx = (extra = '') => `server {
    listen 80;
    location /api/ {
        ${extra}
        proxy_pass http://api:8000;
    }
}
`;

const compose = `services:
  api:
    build: ./api
    expose: ["8000"]
  proxy:
    image: nginx:1.27
    ports: ["8080:80"]
    volumes: ["./deploy/nginx.conf:/etc/nginx/conf.d/default.conf:ro"]
`;

async function frontendFindings(files: Record<string, string>) {
  const result = await lint(['.'], { cwd: tempTree(files) });
  expect(result.diagnostics).toEqual([]);
  return { result, found: result.findings.filter((f) => f.ruleId === 'frontend-origin-not-allowed') };
}

describe('a frontend calling the backend through a proxy', () => {
  it('links through the port the proxy\'s compose service publishes, and reports the dev origin the app does not allow', async () => {
    const { result, found } = await frontendFindings({ ...web('http://localhost:8080/api'), 'api/main.py': app('http://localhost:3000'), 'deploy/nginx.conf': nginx(), 'docker-compose.yml': compose });
    expect(result.frontends?.links.map((l) => [l.policy.span.file, l.through?.label])).toEqual([['api/main.py', 'location /api/']]);
    expect(found.map((f) => f.location.file)).toEqual(['api/main.py']);
    expect(found[0]!.message).toContain('run by compose service proxy which publishes port 8080');
  });

  it('the app allows the dev origin but the proxy strips the header: the frontend is blocked through the path', async () => {
    const files = { ...web('http://localhost:8080/api'), 'api/main.py': app('http://localhost:5173'), 'deploy/nginx.conf': nginx('proxy_hide_header Access-Control-Allow-Origin;'), 'docker-compose.yml': compose };
    const { found, result } = await frontendFindings(files);
    expect(found).toHaveLength(1);
    expect(result.findings.map((f) => f.ruleId)).toContain('proxy-strips-cors-headers');
    const run = await runCheck({ paths: ['.'], cwd: tempTree(files), method: 'GET', credentials: false, headers: [], noCookie: false, format: 'text' } as never);
    expect(run.fromFrontends?.map((f) => f.origin)).toEqual(['http://localhost:5173']);
    expect(run.results.map((r) => r.allowed)).toEqual([false]);
  });

  it('clean: the app allows the dev origin and the proxy passes its headers', async () => {
    const { found, result } = await frontendFindings({ ...web('http://localhost:8080/api'), 'api/main.py': app('http://localhost:5173'), 'deploy/nginx.conf': nginx(), 'docker-compose.yml': compose });
    expect(found).toEqual([]);
    expect(result.findings).toEqual([]);
  });
});
