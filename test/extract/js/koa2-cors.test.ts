import { describe, expect, it } from 'vitest';
import { lint } from '../../../src/lint.js';
import { tempTree } from '../../helpers/temp-tree.js';

const app = (options: string, after = '') =>
  `const Koa = require('koa');\nconst Router = require('@koa/router');\nconst cors = require('koa2-cors');\nconst app = new Koa();\nconst router = new Router();\n${after ? '' : `app.use(cors(${options}));\n`}app.use(router.routes());\n${after ? `app.use(cors(${options}));\n` : ''}app.listen(3000);\n`;

async function lintApp(text: string) {
  const result = await lint(['.'], { cwd: tempTree({ 'server.js': text }), config: {} });
  return { findings: result.findings.map((f) => `${f.ruleId}@${f.location.line}`), policies: result.policies };
}

describe('koa2-cors (not @koa/cors: its own defaults)', () => {
  it('cors() with no origin sends back every request Origin: a reflection, an error with credentials', async () => {
    const plain = await lintApp(app(''));
    expect(plain.policies.map((p) => [p.library, p.origins.map((o) => o.kind)])).toEqual([['koa2-cors', ['reflect']]]);
    expect(plain.findings).toContain('reflected-origin@6');
    const withCredentials = await lintApp(app('{ credentials: true }'));
    expect(withCredentials.findings).toContain('reflected-origin@6');
  });

  it("origin '*' is sent as '*', also with credentials (no echo, unlike @koa/cors)", async () => {
    const { policies, findings } = await lintApp(app("{ origin: '*', credentials: true }"));
    expect(policies[0]!.origins).toEqual([expect.objectContaining({ kind: 'any', sentVerbatim: true })]);
    expect(findings).toContain('credentials-with-wildcard-origin@6');
    expect(findings).not.toContain('reflected-origin@6');
  });

  it('a fixed origin is fine; registered after router.routes() it never runs for matched routes', async () => {
    expect((await lintApp(app("{ origin: 'https://app.example.com' }"))).findings).toEqual([]);
    expect((await lintApp(app("{ origin: 'https://app.example.com' }", 'after'))).findings).toEqual(['middleware-order@7']);
  });

  it('an option koa2-cors does not read is reported', async () => {
    expect((await lintApp(app("{ origin: 'https://app.example.com', allowedHeaders: ['X-A'] }"))).findings).toEqual(['invalid-cors-option@6']);
  });
});
