import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint.js';
import { FASTAPI_WILDCARD_CREDENTIALS, tempTree } from '../helpers/temp-tree.js';

describe('one run over a repository with several stacks', () => {
  it('reports Python, TypeScript and nginx findings together, sorted by file', async () => {
    const dir = tempTree({
      'api/main.py': FASTAPI_WILDCARD_CREDENTIALS,
      'web/server.ts': `import express from 'express';
import cors from 'cors';

const app = express();
app.use(cors({ origin: true, credentials: true }));
`,
      'deploy/nginx/site.conf': `server {
    listen 80;
    location / {
        add_header Access-Control-Allow-Origin "https://app.example.com/" always;
    }
}
`,
    });
    const result = await lint(['.'], { cwd: dir, config: {} });
    const seen = result.findings.map((f) => [f.location.file, f.location.line, f.ruleId]);
    expect(seen).toContainEqual(['api/main.py', 5, 'credentials-with-wildcard-origin']);
    expect(seen).toContainEqual(['web/server.ts', 5, 'reflected-origin']);
    expect(seen).toContainEqual(['deploy/nginx/site.conf', 4, 'malformed-origin']);
    expect(new Set(result.policies.map((p) => p.stack))).toEqual(new Set(['fastapi', 'express', 'nginx']));
    const files = result.findings.map((f) => f.location.file);
    expect(files).toEqual([...files].sort());
  });
});

describe('findings shared by several policies', () => {
  it('reports a line once when several locations inherit the same header', async () => {
    const dir = tempTree({
      'nginx.conf': `server {
    listen 80;
    add_header Access-Control-Allow-Origin $http_origin always;
    add_header Vary Origin always;
    location /a/ { proxy_pass http://127.0.0.1:8001; }
    location /b/ { proxy_pass http://127.0.0.1:8002; }
}
`,
    });
    const result = await lint(['.'], { cwd: dir, config: {} });
    expect(result.policies.length).toBeGreaterThan(1);
    const reflected = result.findings.filter((f) => f.ruleId === 'reflected-origin');
    expect(reflected.map((f) => f.location.line)).toEqual([3]);
  });
});
