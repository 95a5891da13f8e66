import { describe, expect, it } from 'vitest';
import { newPolicy } from '../../src/model/policy.js';
import type { CorsPolicy } from '../../src/model/types.js';
import { runRule, scanNginx } from '../../test/extract/nginx/helpers.js';
import rule from './index.js';
import { lint } from '../../src/lint.js';
import { tempTree } from '../../test/helpers/temp-tree.js';

const FASTAPI_APP = `from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

app = FastAPI()
app.add_middleware(CORSMiddleware, allow_origins=["https://app.example.com"])
`;

const COMPOSE = `services:
  app:
    build: ./app
    expose: ["8000"]
  proxy:
    image: nginx:1.27
    volumes: ["./deploy/nginx.conf:/etc/nginx/conf.d/default.conf:ro"]
`;

/** Lints a small repository and returns this rule's findings. */
async function lintTree(files: Record<string, string>) {
  const result = await lint(['.'], { cwd: tempTree(files) });
  expect(result.diagnostics).toEqual([]);
  return result.findings.filter((f) => f.ruleId === 'duplicate-cors-layers');
}

function appPolicy(file: string, line: number): CorsPolicy {
  const p = newPolicy({ stack: 'fastapi', library: 'starlette', span: { file, line, column: 1, endLine: line, endColumn: 70 }, scope: { kind: 'app', name: 'app' } });
  p.origins = [{ kind: 'exact', origin: 'https://app.example.com' }];
  return p;
}

const PROXY = `server {
    listen 80;
    location /api/ {
        add_header Access-Control-Allow-Origin https://app.example.com always;
        proxy_pass http://app:8000;
    }
}
`;

async function nginxPolicies(text: string) {
  const { policies, diagnostics } = await scanNginx({ 'deploy/nginx.conf': text });
  expect(diagnostics).toEqual([]);
  return policies;
}

describe('duplicate-cors-layers', () => {
  it('catches an nginx location that adds ACAO and proxies to the compose service whose app configures CORS too', async () => {
    const findings = await lintTree({ 'deploy/nginx.conf': PROXY, 'app/main.py': FASTAPI_APP, 'docker-compose.yml': COMPOSE, 'worker/app.py': FASTAPI_APP });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'duplicate-cors-layers',
      severity: 'warning',
      location: { file: 'deploy/nginx.conf', line: 4, column: 48, endLine: 4, endColumn: 71 },
    });
    expect(findings[0]!.message).toContain('location /api/ adds Access-Control-Allow-Origin to what Starlette CORSMiddleware in FastAPI (app/main.py:5) already sends');
    expect(findings[0]!.message).toContain('linked by upstream app:8000: compose service app (docker-compose.yml)');
    expect(findings[0]!.message).toContain("'https://app.example.com' and 'https://app.example.com'");
  });

  it('falls back to any application in the repository when the upstream links to none, and says so', async () => {
    const findings = await lintTree({ 'deploy/nginx.conf': PROXY, 'app/main.py': FASTAPI_APP });
    expect(findings.map((f) => f.location.line)).toEqual([4]);
    expect(findings[0]!.message).toContain('no application in the repository could be linked to upstream app:8000, so any application in the repository');
  });

  it('catches a front server proxying to a back server of the same config that adds ACAO too', async () => {
    const findings = runRule(
      rule,
      await nginxPolicies(`http {
  server {
    listen 127.0.0.1:8081;
    add_header Access-Control-Allow-Origin https://app.example.com always;
    location / { return 200; }
  }
  server {
    listen 80;
    location /api/ {
      add_header Access-Control-Allow-Origin https://app.example.com always;
      proxy_pass http://127.0.0.1:8081/;
    }
  }
}
`),
    );
    expect(findings.map((f) => [f.location.line, f.location.column])).toEqual([[10, 46]]);
    expect(findings[0]!.message).toContain('which is server (deploy/nginx.conf:4)');
  });

  describe('catches not', () => {
    it('the same location with proxy_hide_header Access-Control-Allow-Origin (inherited from server)', async () => {
      const policies = await nginxPolicies(`server {
    proxy_hide_header Access-Control-Allow-Origin;
    location /api/ {
        add_header Access-Control-Allow-Origin https://app.example.com always;
        proxy_pass http://app:8000;
    }
}
`);
      expect(runRule(rule, [...policies, appPolicy('app/main.py', 12)])).toEqual([]);
    });

    it('proxy_hide_header of another header at the location level (it replaces the inherited list)', async () => {
      const findings = await lintTree({
        'deploy/nginx.conf': `server {
    proxy_hide_header Access-Control-Allow-Origin;
    location /api/ {
        proxy_hide_header X-Powered-By;
        add_header Access-Control-Allow-Origin https://app.example.com always;
        proxy_pass http://app:8000;
    }
}
`,
        'app/main.py': FASTAPI_APP,
        'docker-compose.yml': COMPOSE,
      });
      // nginx inherits proxy_hide_header only into levels without their own, so ACAO is not hidden here.
      expect(findings.map((f) => f.location.line)).toEqual([5]);
    });

    it('the same path with the upstream header hidden, through the real link', async () => {
      const findings = await lintTree({
        'deploy/nginx.conf': PROXY.replace('    location /api/ {\n', '    location /api/ {\n        proxy_hide_header Access-Control-Allow-Origin;\n'),
        'app/main.py': FASTAPI_APP,
        'docker-compose.yml': COMPOSE,
      });
      expect(findings).toEqual([]);
    });

    it('a proxy to a public host (someone else\'s server), with an application elsewhere in the repository', async () => {
      const findings = await lintTree({ 'deploy/nginx.conf': PROXY.replace('http://app:8000', 'https://storage.googleapis.com'), 'app/main.py': FASTAPI_APP });
      expect(findings).toEqual([]);
    });

    it('the nginx location alone (no application policy in the run)', async () => {
      expect(runRule(rule, await nginxPolicies(PROXY))).toEqual([]);
    });

    it('an nginx location that only proxies', async () => {
      const policies = await nginxPolicies(`server { location /api/ { proxy_pass http://app:8000; } }\n`);
      expect(runRule(rule, [...policies, appPolicy('app/main.py', 12)])).toEqual([]);
    });
  });
});
