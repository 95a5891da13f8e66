// Small repositories with env-driven CORS code and the files that give the variables their values,
// through the public lint() API: each case has a clean counterpart that reports nothing.
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint.js';
import { tempTree } from '../helpers/temp-tree.js';

const FASTAPI_ENV = `import os
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

app = FastAPI()
origins = os.getenv("CORS_ORIGINS", "http://localhost:3000").split(",")
app.add_middleware(CORSMiddleware, allow_origins=origins, allow_credentials=True)
`;

const EXPRESS_ENV = `const express = require('express');
const cors = require('cors');

const app = express();
app.use(cors({ origin: process.env.CORS_ORIGIN, credentials: true }));
app.listen(4000);
`;

async function run(files: Record<string, string>) {
  const cwd = tempTree(files);
  const result = await lint(['.'], { cwd });
  return { ...result, ids: result.findings.map((f) => f.ruleId) };
}

describe('dotenv files', () => {
  it('catches a trailing slash in .env.production and names the environment, the file and the line', async () => {
    const r = await run({ 'api/main.py': FASTAPI_ENV, 'api/.env.production': '# deployed\nCORS_ORIGINS=https://app.example.com/,https://admin.example.com\n' });
    const f = r.findings.find((x) => x.ruleId === 'malformed-origin');
    expect(f, JSON.stringify(r.findings)).toBeDefined();
    expect(f!.location.file).toBe('api/main.py');
    expect(f!.message).toContain("'https://app.example.com/'");
    expect(f!.message).toContain('environment production');
    expect(f!.message).toContain('api/.env.production:2');
    expect(f!.relatedLocations).toEqual([expect.objectContaining({ span: expect.objectContaining({ file: 'api/.env.production', line: 2 }) })]);
    expect(r.policies).toHaveLength(1);
    expect(r.policies[0]!.environments?.map((e) => e.name)).toEqual(['production']);
  });

  it('catchesNot a well-formed .env.production', async () => {
    const r = await run({ 'api/main.py': FASTAPI_ENV, 'api/.env.production': 'CORS_ORIGINS=https://app.example.com,https://admin.example.com\n' });
    expect(r.findings).toEqual([]);
    expect(r.policies[0]!.environments?.[0]!.origins.map((o) => (o.kind === 'exact' ? o.origin : o.kind))).toEqual(['https://app.example.com', 'https://admin.example.com']);
  });

  it('keeps the code default, marked as the default, where nothing sets the variable', async () => {
    const r = await run({ 'api/main.py': FASTAPI_ENV, 'api/.env': 'OTHER=1\n' });
    expect(r.policies[0]!.environments).toBeUndefined();
    expect(r.policies[0]!.origins[0]).toMatchObject({ kind: 'exact', origin: 'http://localhost:3000', envDriven: true, source: 'CORS_ORIGINS' });
  });

  it('applies a dotenv file only to code in or below its folder', async () => {
    const r = await run({ 'api/main.py': FASTAPI_ENV, 'other/.env': 'CORS_ORIGINS=*\n' });
    expect(r.findings).toEqual([]);
  });

  it('reads a pydantic settings field from the variable of the same name, case-insensitively', async () => {
    const r = await run({
      'api/main.py': `from pydantic_settings import BaseSettings
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

class Settings(BaseSettings):
    cors_origins: list[str] = ["http://localhost:3000"]

settings = Settings()
app = FastAPI()
app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins, allow_credentials=True)
`,
      'api/.env': 'CORS_ORIGINS=["https://app.example.com", "*"]\n',
    });
    expect(r.ids).toContain('credentials-with-wildcard-origin');
    expect(r.findings.find((f) => f.ruleId === 'credentials-with-wildcard-origin')!.message).toContain('environment .env:');
  });

  it('a malformed dotenv file is one diagnostic for that file, and the rest of the run goes on', async () => {
    const r = await run({
      'api/main.py': FASTAPI_ENV,
      'api/.env.production': 'CORS_ORIGINS=*\nthis is not an assignment\nnor this\n',
      'web/app.js': "const cors = require('cors');\nrequire('express')().use(cors({ origin: true, credentials: true }));\n",
    });
    const diags = r.diagnostics.filter((d) => d.file === 'api/.env.production');
    expect(diags).toEqual([expect.objectContaining({ kind: 'parse-error', line: 2 })]);
    expect(r.ids).toContain('credentials-with-wildcard-origin');
    expect(r.ids).toContain('reflected-origin');
  });
});

describe('docker compose', () => {
  it('catches CORS_ORIGIN: "*" for code that sends credentials, naming the compose service and line', async () => {
    const r = await run({
      'api/server.js': EXPRESS_ENV,
      'docker-compose.yml': 'services:\n  api:\n    build: ./api\n    environment:\n      CORS_ORIGIN: "*"\n',
    });
    const f = r.findings.find((x) => x.ruleId === 'credentials-with-wildcard-origin');
    expect(f, JSON.stringify(r.findings)).toBeDefined();
    expect(f!.message).toContain('compose service api');
    expect(f!.message).toContain('docker-compose.yml:5');
    expect(f!.relatedLocations![0]!.span).toMatchObject({ file: 'docker-compose.yml', line: 5 });
  });

  it('catchesNot an exact origin set in compose', async () => {
    const r = await run({
      'api/server.js': EXPRESS_ENV,
      'docker-compose.yml': 'services:\n  api:\n    build: ./api\n    environment:\n      - CORS_ORIGIN=https://app.example.com\n',
    });
    expect(r.findings).toEqual([]);
  });

  it('environment: wins over env_file:, as in compose', async () => {
    const files = {
      'api/server.js': EXPRESS_ENV,
      'api/api.env': 'CORS_ORIGIN=*\n',
      'docker-compose.yml': 'services:\n  api:\n    build: ./api\n    env_file: [./api/api.env]\n    environment:\n      CORS_ORIGIN: https://app.example.com\n',
    };
    expect((await run(files)).ids).not.toContain('credentials-with-wildcard-origin');
    const onlyEnvFile = { ...files, 'docker-compose.yml': 'services:\n  api:\n    build: ./api\n    env_file: ./api/api.env\n' };
    const r = await run(onlyEnvFile);
    expect(r.ids).toContain('credentials-with-wildcard-origin');
    expect(r.findings.find((f) => f.ruleId === 'credentials-with-wildcard-origin')!.message).toContain('api/api.env:1');
  });

  it('interpolates ${VAR:-default} from the project .env and falls back to the default', async () => {
    const compose = 'services:\n  api:\n    build: ./api\n    environment:\n      CORS_ORIGIN: ${FRONTEND:-*}\n';
    expect((await run({ 'api/server.js': EXPRESS_ENV, 'docker-compose.yml': compose })).ids).toContain('credentials-with-wildcard-origin');
    expect((await run({ 'api/server.js': EXPRESS_ENV, 'docker-compose.yml': compose, '.env': 'FRONTEND=https://app.example.com\n' })).ids).not.toContain('credentials-with-wildcard-origin');
  });

  it('a service that builds other code does not configure this code', async () => {
    const r = await run({
      'api/server.js': EXPRESS_ENV,
      'docker-compose.prod.yml': 'services:\n  api:\n    build: ./api\n    environment:\n      CORS_ORIGIN: https://app.example.com\n  worker:\n    build: ./worker\n    environment:\n      CORS_ORIGIN: "*"\n',
    });
    expect(r.findings).toEqual([]);
    expect(r.policies[0]!.environments?.map((e) => e.name)).toEqual(['prod (compose service api)']);
  });

  it('a compose profile names the environment', async () => {
    const r = await run({
      'api/server.js': EXPRESS_ENV,
      'docker-compose.yml': 'services:\n  api:\n    build: ./api\n    environment:\n      CORS_ORIGIN: https://app.example.com\n  api-prod:\n    build: ./api\n    profiles: [production]\n    environment:\n      CORS_ORIGIN: https://app.example.com/\n',
    });
    expect(r.policies[0]!.environments?.map((e) => e.name)).toEqual(['compose service api', 'production (compose service api-prod)']);
    expect(r.findings.map((f) => [f.ruleId, f.message.includes('environment production (compose service api-prod)')])).toEqual([['malformed-origin', true]]);
  });

  it('malformed compose YAML is one diagnostic for that file, and the rest of the run goes on', async () => {
    const r = await run({
      'api/server.js': EXPRESS_ENV,
      'docker-compose.yml': 'services:\n  api: [\n    build: ./api\n',
      'api/.env': 'CORS_ORIGIN=*\n',
    });
    expect(r.diagnostics.filter((d) => d.file === 'docker-compose.yml')).toEqual([expect.objectContaining({ kind: 'parse-error' })]);
    expect(r.ids).toContain('credentials-with-wildcard-origin');
  });

  it('reads no environment file when no policy takes its origins from the environment', async () => {
    const r = await run({
      'api/server.js': "const cors = require('cors');\nrequire('express')().use(cors({ origin: 'https://app.example.com' }));\n",
      'docker-compose.yml': 'services:\n  api: [\n',
      '.env': 'not an assignment\n',
    });
    expect(r.diagnostics).toEqual([]);
    expect(r.findings).toEqual([]);
  });
});

describe('Kubernetes and Helm', () => {
  const deployment = (value: string) => `apiVersion: v1
kind: ConfigMap
metadata:
  name: api-config
data:
  CORS_ORIGIN: "${value}"
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: production
spec:
  template:
    spec:
      containers:
        - name: api
          image: example/api
          env:
            - name: CORS_ORIGIN
              valueFrom:
                configMapKeyRef: { name: api-config, key: CORS_ORIGIN }
`;

  it('follows a container env configMapKeyRef to the ConfigMap value', async () => {
    const r = await run({ 'api/server.js': EXPRESS_ENV, 'k8s/api.yaml': deployment('*') });
    const f = r.findings.find((x) => x.ruleId === 'credentials-with-wildcard-origin');
    expect(f, JSON.stringify(r.findings)).toBeDefined();
    expect(f!.message).toContain('environment production (Deployment api, container api)');
    expect(f!.message).toContain('k8s/api.yaml:6');
  });

  it('catchesNot an exact origin in the ConfigMap', async () => {
    expect((await run({ 'api/server.js': EXPRESS_ENV, 'k8s/api.yaml': deployment('https://app.example.com') })).findings).toEqual([]);
  });

  it('reads Helm values per values file and tolerates templates as unknown values', async () => {
    const r = await run({
      'api/server.js': EXPRESS_ENV,
      'chart/Chart.yaml': 'name: api\nversion: 1.0.0\n',
      'chart/values.yaml': 'env:\n  CORS_ORIGIN: https://app.example.com\n',
      'chart/values-staging.yaml': 'extraEnv:\n  - name: CORS_ORIGIN\n    value: "*"\n',
      'chart/templates/deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "api.fullname" . }}
spec:
  template:
    spec:
      containers:
        - name: api
          env:
            {{- range $k, $v := .Values.env }}
            - name: CORS_ORIGIN
              value: {{ $v | quote }}
            {{- end }}
`,
    });
    expect(r.diagnostics).toEqual([]);
    const wild = r.findings.filter((x) => x.ruleId === 'credentials-with-wildcard-origin');
    expect(wild).toHaveLength(1);
    expect(wild[0]!.message).toContain('staging (Helm values)');
    expect(wild[0]!.message).toContain('chart/values-staging.yaml:2');
    expect(r.policies[0]!.environments?.map((e) => e.name)).toEqual(expect.arrayContaining(['helm values', 'staging (Helm values)']));
  });
});

describe('how the code reads the value', () => {
  const config = (origin: string) => `const cors = require('cors');\nrequire('express')().use(cors({ origin: ${origin}, credentials: true }));\n`;

  it('a split value is a list npm cors compares; an unsplit one is a string it sends verbatim', async () => {
    const listed = await run({ 'api/app.js': config(`process.env.CORS_ORIGIN?.split(',') || 'http://localhost:5173'`), 'api/.env': 'CORS_ORIGIN=https://a.example.com,https://b.example.com\n' });
    expect(listed.policies[0]!.environments![0]!.origins.map((o) => [o.kind === 'exact' && o.origin, !!o.sentVerbatim])).toEqual([
      ['https://a.example.com', false],
      ['https://b.example.com', false],
    ]);
    expect(listed.ids).not.toContain('multiple-origin-values');
    const verbatim = await run({ 'api/app.js': config('process.env.CORS_ORIGIN'), 'api/.env': 'CORS_ORIGIN=https://a.example.com,https://b.example.com\n' });
    expect(verbatim.policies[0]!.environments![0]!.origins.map((o) => [o.kind === 'exact' && o.origin, !!o.sentVerbatim])).toEqual([['https://a.example.com,https://b.example.com', true]]);
    expect(verbatim.ids).toContain('multiple-origin-values');
  });
});

describe('splitting follows the code', () => {
  const app = (expr: string) => `import os
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

app = FastAPI()
app.add_middleware(CORSMiddleware, allow_origins=${expr})
`;
  const env = { 'api/.env': 'CORS_ORIGINS=https://a.example.com, https://b.example.com\n' };

  it('catches the space that .split(",") keeps after a comma', async () => {
    const r = await run({ 'api/main.py': app('os.getenv("CORS_ORIGINS", "").split(",")'), ...env });
    expect(r.findings.map((f) => f.ruleId)).toContain('malformed-origin');
    expect(r.findings.find((f) => f.ruleId === 'malformed-origin')!.message).toContain("' https://b.example.com'");
  });

  it('catchesNot the same value when the code strips each origin', async () => {
    const r = await run({ 'api/main.py': app('[o.strip() for o in os.getenv("CORS_ORIGINS", "").split(",")]'), ...env });
    expect(r.findings).toEqual([]);
    expect(r.policies[0]!.environments![0]!.origins.map((o) => o.kind === 'exact' && o.origin)).toEqual(['https://a.example.com', 'https://b.example.com']);
  });
});

describe('nginx templates filled in by envsubst', () => {
  const conf = `server {
    listen 80;
    location /api/ {
        add_header Access-Control-Allow-Origin "https://\${APP_HOST}/" always;
        add_header Access-Control-Allow-Credentials true always;
        proxy_pass http://api:8000;
    }
}
`;
  it('substitutes the compose environment of the nginx service and judges the result', async () => {
    const files = {
      'nginx/templates/default.conf.template': conf,
      'docker-compose.yml': 'services:\n  proxy:\n    image: nginx:1.27\n    environment:\n      APP_HOST: app.example.com\n',
    };
    const r = await run(files);
    const f = r.findings.find((x) => x.ruleId === 'malformed-origin');
    expect(f, JSON.stringify(r.findings)).toBeDefined();
    expect(f!.message).toContain("'https://app.example.com/'");
    expect(f!.message).toContain('APP_HOST="app.example.com" at docker-compose.yml:5');
  });

  it('catchesNot the template without a trailing slash', async () => {
    const r = await run({
      'nginx/templates/default.conf.template': conf.replace('${APP_HOST}/', '${APP_HOST}'),
      'docker-compose.yml': 'services:\n  proxy:\n    image: nginx:1.27\n    environment:\n      APP_HOST: app.example.com\n',
    });
    expect(r.findings.filter((x) => x.ruleId === 'malformed-origin')).toEqual([]);
    expect(r.policies[0]!.environments?.[0]!.origins).toEqual([expect.objectContaining({ kind: 'exact', origin: 'https://app.example.com', sentVerbatim: true })]);
  });
});
