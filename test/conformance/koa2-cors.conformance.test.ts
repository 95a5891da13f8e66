// Differential test: the koa2-cors model against real Koa 3 + koa2-cors on 127.0.0.1.
import type { Server } from 'node:http';
import koa2Cors from 'koa2-cors';
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
const FIXTURES: string[] = [
  '',
  `{ origin: '*' }`,
  `{ credentials: true }`,
  `{ origin: '*', credentials: true }`,
  `{ origin: ${q(APP)} }`,
  `{ origin: ${q(APP)}, credentials: true }`,
  `{ origin: (ctx) => ctx.get('Origin') }`,
  `{ origin: (ctx) => ctx.get('Origin'), credentials: true }`,
  `{ origin: (ctx) => (ctx.get('Origin') === ${q(APP)} ? ctx.get('Origin') : '') }`,
  `{ origin: (ctx) => (/\\.example\\.com$/.test(ctx.get('Origin')) ? ctx.get('Origin') : false), credentials: true }`,
  `{ origin: 'null' }`,
  `{ allowMethods: ['GET', 'POST'] }`,
  `{ allowMethods: [] }`,
  `{ allowHeaders: ['X-Custom', 'Authorization'] }`,
  `{ exposeHeaders: ['X-Total', 'X-Page'] }`,
  `{ maxAge: 600 }`,
  `{ maxAge: '86400', credentials: true }`,
  `{ maxAge: 0 }`,
  `{ origin: ${q(LOCAL)}, credentials: true, allowMethods: ['GET', 'POST', 'PUT', 'DELETE'], allowHeaders: ['Content-Type', 'X-Requested-With', 'Authorization'] }`,
  `{ origin: ${q(SUB)}, allowMethods: ['PATCH'], allowHeaders: ['X-Custom'], credentials: true }`,
  `{ credentials: true, exposeHeaders: ['X-Total'], maxAge: 10 }`,
  `{ origin: ${q(APP + '/')} }`,
  `{ credentials: false, origin: ${q(APP)} }`,
  `{ origin: ${q(EVIL)} }`,
  `{ origin: 'null', credentials: true }`,
];

function source(options: string): string {
  return `const Koa = require('koa');\nconst cors = require('koa2-cors');\n\nconst app = new Koa();\napp.use(cors(${options}));\napp.listen(3000);\n`;
}

function serve(options: unknown): Promise<Server> {
  return serveKoa(koa2Cors(options as never));
}

describe('koa2-cors conformance', () => {
  it.skipIf(!scannerRegistered('js'))('the model answers every request exactly as koa + koa2-cors does', async () => {
    const cases = wireCases();
    const scanned = await policiesViaScanner(FIXTURES.map((f, i) => ({ id: String(i), name: 'app.js', text: source(f) })));
    const tally: Tally = { stack: 'Koa 3 + koa2-cors 2.0', configs: 0, browserRequests: 0, httpRequests: 0, mismatches: [], viaScanner: 0 };
    for (const [i, options] of FIXTURES.entries()) {
      const real: RealAnswer[] = await answersOf(await serve(evaluateOptions(options)), cases.map((c) => c.request));
      const found = scanned.get(String(i))!.filter((p) => p.library === 'koa2-cors');
      const policy: CorsPolicy | string = found.length === 1 ? found[0]! : `the scanner produced ${found.length} koa2-cors policies`;
      tally.viaScanner++;
      compareConfig(tally, `cors(${options})`, policy, cases, real);
    }
    printTally(tally);
    expect(tally.configs).toBe(FIXTURES.length);
    expect(tally.mismatches).toEqual([]);
  }, 180_000);
});
