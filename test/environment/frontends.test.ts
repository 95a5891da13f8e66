// Frontends next to backends: every framework detected with its dev origin, API URL and proxies, and
// the rule frontend-origin-not-allowed from small monorepos, each with a clean counterpart.
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint.js';
import { tempTree } from '../helpers/temp-tree.js';

const fastapi = (origins: string[]) => `from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

app = FastAPI()
app.add_middleware(CORSMiddleware, allow_origins=${JSON.stringify(origins)})
`;
const express = (origins: string[], port = 4000) => `const express = require('express');
const cors = require('cors');

const app = express();
app.use(cors({ origin: ${JSON.stringify(origins)} }));
app.listen(${port});
`;
const pkg = (deps: Record<string, string>, scripts: Record<string, string> = {}, extra: Record<string, unknown> = {}) => JSON.stringify({ name: 'web', scripts, dependencies: deps, ...extra }, null, 2);

async function run(files: Record<string, string>) {
  const cwd = tempTree(files);
  const result = await lint(['.'], { cwd });
  const own = result.findings.filter((f) => f.ruleId === 'frontend-origin-not-allowed');
  return { ...result, own, frontends: result.frontends?.frontends ?? [], links: result.frontends?.links ?? [] };
}

describe('frontend detection: framework, dev origin, API URL, proxy', () => {
  const backend = { 'api/main.py': fastapi(['https://app.example.com']) };
  it.each([
    ['Vite (default port)', { 'web/package.json': pkg({ vite: '^5' }, { dev: 'vite' }) }, 'vite', 'http://localhost:5173'],
    ['Vite (--port)', { 'web/package.json': pkg({ vite: '^5' }, { dev: 'vite --port 3001' }) }, 'vite', 'http://localhost:3001'],
    ['Vite (server.port)', { 'web/package.json': pkg({ vite: '^5' }, { dev: 'vite' }), 'web/vite.config.ts': "export default { server: { host: true, port: 5000 } };\n" }, 'vite', 'http://localhost:5000'],
    ['Next.js (default port)', { 'web/package.json': pkg({ next: '14' }, { dev: 'next dev' }) }, 'next', 'http://localhost:3000'],
    ['Next.js (-p)', { 'web/package.json': pkg({ next: '14' }, { dev: 'next dev -p 3001' }) }, 'next', 'http://localhost:3001'],
    ['Create React App (default port)', { 'web/package.json': pkg({ 'react-scripts': '5' }, { start: 'react-scripts start' }) }, 'cra', 'http://localhost:3000'],
    ['Create React App (PORT in .env)', { 'web/package.json': pkg({ 'react-scripts': '5' }, { start: 'react-scripts start' }), 'web/.env': 'PORT=3005\n' }, 'cra', 'http://localhost:3005'],
    ['Angular (default port)', { 'web/package.json': pkg({ '@angular/core': '17' }, { start: 'ng serve' }) }, 'angular', 'http://localhost:4200'],
    ['Angular (ng serve --port)', { 'web/package.json': pkg({ '@angular/core': '17' }, { start: 'ng serve --port 4300' }) }, 'angular', 'http://localhost:4300'],
    ['Angular (angular.json port)', { 'web/package.json': pkg({ '@angular/core': '17' }, { start: 'ng serve' }), 'web/angular.json': JSON.stringify({ projects: { web: { architect: { serve: { options: { port: 4400 } } } } } }) }, 'angular', 'http://localhost:4400'],
    ['Vue CLI (default port)', { 'web/package.json': pkg({ '@vue/cli-service': '5' }, { serve: 'vue-cli-service serve' }) }, 'vue-cli', 'http://localhost:8080'],
    ['Vue CLI (devServer.port)', { 'web/package.json': pkg({ '@vue/cli-service': '5' }, { serve: 'vue-cli-service serve' }), 'web/vue.config.js': 'module.exports = { devServer: { port: 8081 } };\n' }, 'vue-cli', 'http://localhost:8081'],
    ['SvelteKit (Vite default port)', { 'web/package.json': pkg({ '@sveltejs/kit': '2', vite: '5' }, { dev: 'vite dev' }) }, 'sveltekit', 'http://localhost:5173'],
    ['Nuxt (default port)', { 'web/package.json': pkg({ nuxt: '3' }, { dev: 'nuxt dev' }) }, 'nuxt', 'http://localhost:3000'],
    ['Nuxt (devServer.port)', { 'web/package.json': pkg({ nuxt: '3' }, { dev: 'nuxt dev' }), 'web/nuxt.config.ts': 'export default defineNuxtConfig({ devServer: { port: 3002 } });\n' }, 'nuxt', 'http://localhost:3002'],
  ] as const)('%s', async (_name, files, framework, origin) => {
    const r = await run({ ...backend, ...files });
    expect(r.frontends.map((f) => [f.framework, f.origins[0]!.origin])).toEqual([[framework, origin]]);
  });

  it.each([
    ['Vite', 'VITE_API_URL', 'vite', 'vite'],
    ['Next.js', 'NEXT_PUBLIC_API_URL', 'next', 'next dev'],
    ['Create React App', 'REACT_APP_API_URL', 'react-scripts', 'react-scripts start'],
    ['Vue CLI', 'VUE_APP_API_BASE_URL', '@vue/cli-service', 'vue-cli-service serve'],
    ['SvelteKit', 'PUBLIC_API_URL', '@sveltejs/kit', 'vite dev'],
    ['Nuxt', 'NUXT_PUBLIC_API_BASE', 'nuxt', 'nuxt dev'],
  ])('%s reads its API base URL from %s in .env', async (_name, variable, dep, script) => {
    const r = await run({ ...backend, 'web/package.json': pkg({ [dep]: '1' }, { dev: script }), 'web/.env.development': `${variable}=http://localhost:8000\nSECRET_API_URL=http://localhost:9999\n` });
    expect(r.frontends[0]!.apiUrls.map((a) => [a.url, a.span.file, a.span.line])).toEqual([['http://localhost:8000', 'web/.env.development', 1]]);
  });

  it('Angular reads apiUrl from src/environments and a literal axios baseURL from code', async () => {
    const r = await run({
      ...backend,
      'web/package.json': pkg({ '@angular/core': '17', axios: '1' }, { start: 'ng serve' }),
      'web/src/environments/environment.ts': "export const environment = { production: false, apiUrl: 'http://localhost:8000/api' };\n",
      'web/src/api.ts': "import axios from 'axios';\nexport const api = axios.create({ baseURL: 'http://127.0.0.1:8000' });\nfetch('https://api.github.com/repos');\n",
    });
    expect(r.frontends[0]!.apiUrls.map((a) => a.url).sort()).toEqual(['http://127.0.0.1:8000', 'http://localhost:8000/api']);
  });

  it.each([
    ['Vite server.proxy', { 'web/package.json': pkg({ vite: '5' }, { dev: 'vite' }), 'web/vite.config.js': "export default { server: { proxy: { '/api': { target: 'http://localhost:8000', changeOrigin: true } } } };\n" }],
    ['Create React App proxy', { 'web/package.json': pkg({ 'react-scripts': '5' }, { start: 'react-scripts start' }, { proxy: 'http://localhost:8000' }) }],
    ['Create React App setupProxy.js', { 'web/package.json': pkg({ 'react-scripts': '5' }, { start: 'react-scripts start' }), 'web/src/setupProxy.js': "const { createProxyMiddleware } = require('http-proxy-middleware');\nmodule.exports = (app) => app.use('/api', createProxyMiddleware({ target: 'http://localhost:8000' }));\n" }],
    ['Next.js rewrites', { 'web/package.json': pkg({ next: '14' }, { dev: 'next dev' }), 'web/next.config.js': "module.exports = { async rewrites() { return [{ source: '/api/:path*', destination: 'http://localhost:8000/:path*' }]; } };\n" }],
    ['Vue CLI devServer.proxy', { 'web/package.json': pkg({ '@vue/cli-service': '5' }, { serve: 'vue-cli-service serve' }), 'web/vue.config.js': "module.exports = { devServer: { proxy: 'http://localhost:8000' } };\n" }],
    ['Angular proxy.conf.json', { 'web/package.json': pkg({ '@angular/core': '17' }, { start: 'ng serve --proxy-config proxy.conf.json' }), 'web/proxy.conf.json': '{ "/api": { "target": "http://localhost:8000", "secure": false } }\n' }],
  ])('%s is a same-origin dev proxy to the backend', async (_name, files) => {
    const r = await run({ 'api/main.py': fastapi(['http://localhost:1234']), ...files });
    expect(r.frontends[0]!.proxies.map((p) => p.target)).toEqual(['http://localhost:8000']);
    expect(r.links.map((l) => !!l.proxiedBy)).toEqual([true]);
    expect(r.own).toEqual([]);
  });
});

describe('frontend-origin-not-allowed', () => {
  const vite = { 'web/package.json': pkg({ vite: '^5' }, { dev: 'vite' }), 'web/.env': 'VITE_API_URL=http://localhost:8000\n' };

  it('catches a Vite app on 5173 calling a FastAPI backend that allows only 3000', async () => {
    const r = await run({ ...vite, 'api/main.py': fastapi(['http://localhost:3000']) });
    expect(r.own).toHaveLength(1);
    const f = r.own[0]!;
    expect(f.severity).toBe('warning');
    expect(f.location.file).toBe('api/main.py');
    expect(f.message).toContain("Vite app 'web' runs on http://localhost:5173");
    expect(f.message).toContain('VITE_API_URL in .env, web/.env:1');
    expect(f.message).toContain('port 8000, the default of uvicorn');
    expect(f.message).toContain('it allows http://localhost:3000');
    expect(f.relatedLocations!.map((l) => l.span.file)).toEqual(['web/.env', 'web/package.json']);
  });

  it('catchesNot the same app when the backend allows its origin', async () => {
    expect((await run({ ...vite, 'api/main.py': fastapi(['http://localhost:5173']) })).own).toEqual([]);
  });

  it('catchesNot a frontend whose API URL reaches no backend of the repository', async () => {
    expect((await run({ ...vite, 'web/.env': 'VITE_API_URL=http://localhost:9999\n', 'api/main.py': fastapi(['http://localhost:3000']) })).own).toEqual([]);
  });

  it('links through the port the backend listens on (Express app.listen) and a -p dev script', async () => {
    const files = { 'web/package.json': pkg({ next: '14' }, { dev: 'next dev -p 3001' }), 'web/.env.local': 'NEXT_PUBLIC_API_URL=http://localhost:4000/api\n', 'api/server.js': express(['http://localhost:3000']) };
    const r = await run(files);
    expect(r.own.map((f) => f.message)).toEqual([expect.stringContaining('port 4000 in api/server.js')]);
    expect((await run({ ...files, 'api/server.js': express(['http://localhost:3000', 'http://localhost:3001']) })).own).toEqual([]);
  });

  it('links a frontend to the nearest backend that reaches its URL, and guesses nothing between default ports', async () => {
    const web = { 'a/web/package.json': pkg({ vite: '^5' }, { dev: 'vite' }), 'a/web/.env': 'VITE_API_URL=http://localhost:8000\n' };
    const far = `${fastapi(['http://localhost:3000'])}\nimport uvicorn\nuvicorn.run(app, port=8000)\n`;
    const r = await run({ ...web, 'a/api/main.py': fastapi(['http://localhost:5173']), 'b/api/main.py': far });
    expect(r.links.map((l) => l.policy.span.file)).toEqual(['a/api/main.py']);
    expect(r.own).toEqual([]);
    const two = await run({ ...web, 'a/api/main.py': fastapi(['http://localhost:3000']), 'a/admin/main.py': fastapi(['http://localhost:3000']) });
    expect(two.links).toEqual([]);
  });

  it('links through a compose service name and its environment values', async () => {
    const files = {
      'web/package.json': pkg({ vite: '^5' }, { dev: 'vite' }),
      'web/.env': 'VITE_API_URL=http://api:8000\n',
      'api/main.py': `import os
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

app = FastAPI()
app.add_middleware(CORSMiddleware, allow_origins=os.getenv("ORIGINS", "http://localhost:5173").split(","))
`,
      'docker-compose.yml': 'services:\n  api:\n    build: ./api\n    environment:\n      ORIGINS: http://localhost:3000\n  web:\n    build: ./web\n',
    };
    const r = await run(files);
    expect(r.own).toHaveLength(1);
    expect(r.own[0]!.message).toContain('compose service api');
    expect(r.own[0]!.message).toContain('in environment compose service api');
    const fixed = await run({ ...files, 'docker-compose.yml': files['docker-compose.yml'].replace('http://localhost:3000', 'http://localhost:3000,http://localhost:5173') });
    expect(fixed.own).toEqual([]);
  });

  it('reports a production origin blocked by the production environment as an error', async () => {
    const files = {
      'web/package.json': pkg({ 'react-scripts': '5' }, { start: 'react-scripts start' }, { homepage: 'https://app.example.com' }),
      'web/.env.production': 'REACT_APP_API_URL=https://api.example.com\n',
      'api/server.js': "const cors = require('cors');\nrequire('express')().use(cors({ origin: process.env.CORS_ORIGIN }));\n",
      'api/.env.production': 'CORS_ORIGIN=https://www.example.com\n',
    };
    const r = await run(files);
    expect(r.own.map((f) => [f.severity, f.message.includes('in environment production')])).toEqual([['error', true]]);
    expect((await run({ ...files, 'api/.env.production': 'CORS_ORIGIN=https://app.example.com\n' })).own).toEqual([]);
    // Without production values the deployment's origins are unknown: the code's default is not judged for it.
    const { 'api/.env.production': _gone, ...withoutProductionValues } = files;
    expect((await run({ ...withoutProductionValues, 'api/server.js': "const cors = require('cors');\nrequire('express')().use(cors({ origin: process.env.CORS_ORIGIN || 'http://localhost:3000' }));\n" })).own).toEqual([]);
    // A literal allowlist is what production runs with.
    const literal = await run({ ...withoutProductionValues, 'api/server.js': "const cors = require('cors');\nrequire('express')().use(cors({ origin: ['https://www.example.com'] }));\n" });
    expect(literal.own.map((f) => f.severity)).toEqual(['error']);
  });
});
