import { describe, expect, it } from 'vitest';
import { newPolicy } from '../../src/model/policy.js';
import type { CorsPolicy } from '../../src/model/types.js';
import { runRule, scanNginx } from '../../test/extract/nginx/helpers.js';
import rule from './index.js';

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
  it('catches an nginx location that adds ACAO and proxies, when the app configures CORS too', async () => {
    const findings = runRule(rule, [...(await nginxPolicies(PROXY)), appPolicy('app/main.py', 12), appPolicy('worker/app.py', 3)]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'duplicate-cors-layers',
      severity: 'warning',
      location: { file: 'deploy/nginx.conf', line: 4, column: 48, endLine: 4, endColumn: 71 },
    });
    expect(findings[0]!.message).toContain('location /api/ adds Access-Control-Allow-Origin and proxy_passes to http://app:8000 without proxy_hide_header');
    expect(findings[0]!.message).toContain('(app/main.py:12 and 1 more)');
    expect(findings[0]!.message).toContain('two Access-Control-Allow-Origin fields');
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
      const policies = await nginxPolicies(`server {
    proxy_hide_header Access-Control-Allow-Origin;
    location /api/ {
        proxy_hide_header X-Powered-By;
        add_header Access-Control-Allow-Origin https://app.example.com always;
        proxy_pass http://app:8000;
    }
}
`);
      // nginx inherits proxy_hide_header only into levels without their own, so ACAO is not hidden here.
      expect(runRule(rule, [...policies, appPolicy('app/main.py', 12)]).map((f) => f.location.line)).toEqual([5]);
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
