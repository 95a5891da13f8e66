// Differential test: the @fastify/cors model against real Fastify 5 + @fastify/cors on 127.0.0.1.
import type { AddressInfo } from 'node:net';
import fastifyCors from '@fastify/cors';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import type { CorsPolicy } from '../../src/model/types.js';
import { printTally, type Tally } from './compare.js';
import { EXPRESS_FIXTURES, evaluateOptions, type ExpressFixture } from './express-fixtures.js';
import { send } from './http-client.js';
import { wireCases } from './matrix.js';
import { compareConfig, type RealAnswer } from './run-model.js';
import { policiesViaScanner, scannerRegistered } from './via-scanner.js';

// npm cors and @fastify/cors share their option names; these add the Fastify-only ones.
const FASTIFY_FIXTURES: ExpressFixture[] = [
  ...EXPRESS_FIXTURES,
  { options: `{ origin: 'https://app.example.com', strictPreflight: false }` },
  { options: `{ origin: true, preflight: false }` },
  { options: `{ origin: ['https://app.example.com', '*'] }` },
  { options: `{ origin: true, credentials: true, allowedHeaders: 'X-Custom, Authorization', methods: 'GET, PUT, DELETE', exposedHeaders: [] }` },
];

function source(f: ExpressFixture): string {
  return `const fastify = require('fastify')();\nconst cors = require('@fastify/cors');\n\nfastify.register(cors${f.options ? `, ${f.options}` : ''});\nfastify.listen({ port: 3000 });\n`;
}

async function serve(options: unknown) {
  const app = Fastify({ logger: false });
  // Bodies do not matter here: accept any (or none) without parsing.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_req, _payload, done) => done(null));
  await app.register(fastifyCors, (options ?? {}) as never);
  app.route({
    method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    url: '/*',
    handler: async (req, reply) => {
      const m = /^\/status\/(\d+)$/.exec(req.url);
      reply.code(m ? Number(m[1]) : 200).send('app');
    },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return app;
}

describe('@fastify/cors conformance', () => {
  it.skipIf(!scannerRegistered('js'))('the model answers every request exactly as fastify + @fastify/cors does', async () => {
    const cases = wireCases();
    const scanned = await policiesViaScanner(FASTIFY_FIXTURES.map((f, i) => ({ id: String(i), name: 'server.js', text: source(f) })));
    const gaps: string[] = [];
    const tally: Tally = { stack: 'Fastify 5 + @fastify/cors 11', configs: 0, browserRequests: 0, httpRequests: 0, mismatches: [], viaScanner: 0 };
    for (const [i, fixture] of FASTIFY_FIXTURES.entries()) {
      const app = await serve(evaluateOptions(fixture.options));
      const port = (app.server.address() as AddressInfo).port;
      const real: RealAnswer[] = [];
      try {
        for (const c of cases) real.push(await send(port, c.request));
      } finally {
        await app.close();
      }
      const found = scanned.get(String(i))!.filter((p) => p.library === '@fastify/cors');
      let policy: CorsPolicy | string = found.length === 1 ? found[0]! : `the scanner produced ${found.length} @fastify/cors policies`;
      // A string list option is sent as written; the model needs it in Valued.raw to keep the spacing.
      if (typeof policy !== 'string') {
        const o = (evaluateOptions(fixture.options) ?? {}) as Record<string, unknown>;
        const fields = [['methods', 'allowMethods'], ['allowedHeaders', 'allowHeaders'], ['exposedHeaders', 'exposeHeaders']] as const;
        for (const [option, field] of fields) {
          if (typeof o[option] === 'string' && policy[field].raw === undefined) {
            gaps.push(`${option}: ${JSON.stringify(o[option])} has no Valued.raw from the scanner; compared with raw taken from the fixture`);
            policy = { ...policy, [field]: { ...policy[field], raw: o[option] as string } };
          }
        }
      }
      tally.viaScanner++;
      compareConfig(tally, `fastify.register(cors, ${fixture.options || '{}'})`, policy, cases, real);
    }
    printTally(tally);
    for (const g of gaps) console.log(`[conformance] scanner gap: ${g}`);
    expect(tally.configs).toBeGreaterThanOrEqual(40);
    expect(tally.mismatches).toEqual([]);
  }, 180_000);
});
