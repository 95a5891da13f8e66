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
