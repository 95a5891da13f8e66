// Shapes of CORS setups seen in real projects (socket.io servers, options modules, origin callbacks,
// serverless handlers), written fresh for these tests.
import { describe, expect, it } from 'vitest';
import { at, scan, scanFiles, scanOne, shapes } from './helpers.js';

describe('socket.io servers hand their cors option to npm cors', () => {
  it('new Server(httpServer, { cors }) from a renamed import is an npm cors policy naming socket.io', async () => {
    const policy = await scanOne(`import { Server as IoServer } from 'socket.io';
export const io = new IoServer(httpServer, {
  cors: { origin: 'http://localhost:3000', methods: ['GET', 'POST'], allowedHeaders: ['*'], credentials: true },
});
`);
    expect(policy.library).toBe('cors');
    expect(policy.scope.name).toBe('socket.io server io');
    expect(shapes(policy)).toEqual([{ kind: 'exact', origin: 'http://localhost:3000', sentVerbatim: true }]);
    expect(policy.credentials.value).toBe(true);
    expect(policy.allowHeaders.value).toEqual(['*']);
    expect(policy.notes?.join(' ')).toMatch(/socket\.io/);
  });

  it("require('socket.io')(server, opts): an `origins` key inside cors is ignored and the default '*' applies", async () => {
    const policy = await scanOne(`const io = require('socket.io')(server, {
  cors: {
    origins: 'localhost:8081',
    methods: ['GET', 'POST'],
  },
});
`);
    expect(shapes(policy)).toEqual([{ kind: 'any', sentVerbatim: true }]);
    expect(policy.invalidOptions).toEqual([
      expect.objectContaining({ name: 'origins', problem: 'unknown-option', effect: 'ignored', suggestion: 'origin', consequence: expect.stringMatching(/default origin '\*'/) }),
    ]);
    expect(at(policy.invalidOptions![0]!.span)).toBe('3:5');
  });

  it('new Server({ cors }) with the options first, and an io = socketIo(server, opts) factory through a variable', async () => {
    const policies = await scan(`const { Server } = require('socket.io');
const socketIo = require('socket.io');
const a = new Server({ cors: { origin: ['https://a.example.com', '*'] } });
const opts = { cors: { origin: true, credentials: true } };
let io;
io = socketIo(server, opts);
`);
    expect(policies.map((p) => p.scope.name)).toEqual(['socket.io server a', 'socket.io server io']);
    expect(shapes(policies[0]!)).toEqual([
      { kind: 'exact', origin: 'https://a.example.com' },
      { kind: 'exact', origin: '*' },
    ]);
    expect(policies[0]!.notes?.join(' ')).toMatch(/'\*' inside the origin list is compared as a string/);
    expect(shapes(policies[1]!)).toEqual([{ kind: 'reflect' }]);
  });

  it('cors: true is cors() with its defaults; no cors option installs no CORS layer', async () => {
    const policies = await scan(`import { Server } from 'socket.io';
const open = new Server(server, { cors: true });
const plain = new Server(server, { path: '/ws' });
`);
    expect(policies).toHaveLength(1);
    expect(shapes(policies[0]!)).toEqual([{ kind: 'any', sentVerbatim: true }]);
  });

  it('a top-level socket.io 2 `origins` option under socket.io 4 is reported as dead configuration', async () => {
    const { policies } = await scanFiles({
      'package.json': JSON.stringify({ dependencies: { 'socket.io': '^4.7.0' } }),
      'io.js': `const { Server } = require('socket.io');\nconst io = new Server(server, { origins: 'https://a.example.com:*' });\n`,
    });
    expect(policies).toHaveLength(1);
    expect(policies[0]!.origins).toEqual([]);
    expect(policies[0]!.invalidOptions).toEqual([expect.objectContaining({ name: 'origins', suggestion: 'cors', consequence: expect.stringMatching(/no CORS headers are sent/) })]);
  });

  it('the same top-level `origins` with no declared version (or 2.x) is left alone', async () => {
    expect(await scan(`const { Server } = require('socket.io');\nconst io = new Server(server, { origins: '*:*' });\n`)).toEqual([]);
  });
});

describe('option keys npm cors, @fastify/cors and @koa/cors do not read', () => {
  it('misspellings and header names as keys: nearest real option and what applies instead', async () => {
    const policy = await scanOne(`const cors = require('cors');
app.use(cors({
  origin: 'https://app.example.com',
  optionSuccessStatus: 200,
  exposeHeaders: ['Date'],
  'Access-Control-Allow-Credentials': true,
  headers: ['Content-Type'],
}));
`);
    expect(policy.invalidOptions?.map((o) => [o.name, o.suggestion, at(o.span)])).toEqual([
      ['optionSuccessStatus', 'optionsSuccessStatus', '4:3'],
      ['exposeHeaders', 'exposedHeaders', '5:3'],
      ['Access-Control-Allow-Credentials', 'credentials', '6:3'],
    ]);
    expect(policy.invalidOptions![0]!.consequence).toMatch(/default status 204/);
    expect(policy.invalidOptions![2]!.consequence).toMatch(/no Access-Control-Allow-Credentials header/);
    // `headers` is npm cors' alias of allowedHeaders.
    expect(policy.allowHeaders.value).toEqual(['Content-Type']);
    expect(policy.credentials.value).toBe(false);
  });

  it('origins next to a real origin: the real one applies', async () => {
    const policy = await scanOne(`const cors = require('cors');\napp.use(cors({ origin: 'https://a.example.com', origins: ['https://b.example.com'] }));\n`);
    expect(policy.invalidOptions?.[0]).toMatchObject({ name: 'origins', suggestion: 'origin', consequence: '`origin` is set separately and applies' });
  });

  it('a key with no near option gets no suggestion; every real option is accepted', async () => {
    const policy = await scanOne(`const cors = require('cors');
app.use(cors({ origin: true, methods: 'GET', allowedHeaders: 'X', exposedHeaders: 'Y', credentials: true, maxAge: 5, preflightContinue: false, optionsSuccessStatus: 200, whitelist: ['x'] }));
`);
    expect(policy.invalidOptions).toEqual([expect.objectContaining({ name: 'whitelist' })]);
    expect(policy.invalidOptions![0]!.suggestion).toBeUndefined();
  });

  it('NestJS enableCors and NestFactory.create cors options are npm cors options', async () => {
    const policies = await scan(`import { NestFactory } from '@nestjs/core';
async function bootstrap() {
  const app = await NestFactory.create(AppModule, { cors: { origin: ['https://a.example.com'], credential: true } });
  app.enableCors({ origins: ['https://b.example.com'] });
}
`, 'main.ts');
    expect(policies.map((p) => p.invalidOptions?.map((o) => [o.name, o.suggestion]))).toEqual([[['credential', 'credentials']], [['origins', 'origin']]]);
  });

  it('@fastify/cors knows its plugin-level options; @koa/cors has its own names', async () => {
    const fastify = await scanOne(`import Fastify from 'fastify';
import cors from '@fastify/cors';
const app = Fastify();
await app.register(cors, { origin: true, hook: 'preHandler', strictPreflight: false, hideOptionsRoute: true, logLevel: 'warn', prefix: '/api', cacheControl: 600, allowHeaders: ['X'] });
`);
    expect(fastify.invalidOptions?.map((o) => [o.name, o.suggestion])).toEqual([['allowHeaders', 'allowedHeaders']]);
    const koa = await scanOne(`const Koa = require('koa');
const cors = require('@koa/cors');
const app = new Koa();
app.use(cors({ origin: 'https://a.example.com', allowMethods: 'GET', exposedHeaders: ['X'], privateNetworkAccess: true }));
`);
    expect(koa.invalidOptions?.map((o) => [o.name, o.suggestion])).toEqual([['exposedHeaders', 'exposeHeaders']]);
  });
});

describe('cors options defined in one module', () => {
  const options = `const allowed = require('./allowed');
const corsOptions = {
  origin: function (origin, cb) {
    if (allowed.indexOf(origin) !== -1) cb(null, true);
    else cb(new Error('Not allowed by CORS'));
  },
  credentials: true,
};
module.exports = corsOptions;
`;
  const allowed = `const list = ['https://app.example.com', 'http://partner.example.com'];\nmodule.exports = list;\n`;

  it('are read through the cors() call in another module, once', async () => {
    const { policies } = await scanFiles({
      'config/corsOptions.js': options,
      'config/allowed.js': allowed,
      'server.js': `const cors = require('cors');\nconst corsOptions = require('./config/corsOptions');\napp.use(cors(corsOptions));\n`,
    });
    expect(policies).toHaveLength(1);
    expect(policies[0]!.span.file).toBe('server.js');
    expect(shapes(policies[0]!)).toEqual([
      { kind: 'exact', origin: 'https://app.example.com' },
      { kind: 'exact', origin: 'http://partner.example.com' },
    ]);
    expect(policies[0]!.origins[1]!.span?.file).toBe('config/allowed.js');
  });

  it('require() is module.exports: a module that assigns it a list gives the list; added members stay readable', async () => {
    const { policies } = await scanFiles({
      'list.js': `module.exports = ['https://a.example.com'];\n`,
      'more.js': `module.exports = { a: ['https://a.example.com'] };\nmodule.exports.b = ['https://b.example.com'];\n`,
      'app.js': `const cors = require('cors');\nconst list = require('./list');\nconst more = require('./more');\napp.use(cors({ origin: (o, cb) => cb(null, list.includes(o)) }));\napp.use(cors({ origin: more.b }));\n`,
    });
    expect(policies.map((p) => shapes(p))).toEqual([[{ kind: 'exact', origin: 'https://a.example.com' }], [{ kind: 'exact', origin: 'https://b.example.com' }]]);
  });

  it('without the consumer in the scan, are described as npm cors options with a note', async () => {
    const { policies } = await scanFiles({ 'config/corsOptions.js': options, 'config/allowed.js': allowed });
    expect(policies).toHaveLength(1);
    const [policy] = policies;
    expect(policy!.library).toBe('cors');
    expect(policy!.span.file).toBe('config/corsOptions.js');
    expect(policy!.credentials.value).toBe(true);
    expect(shapes(policy!).map((e) => (e as { origin: string }).origin)).toEqual(['https://app.example.com', 'http://partner.example.com']);
    expect(policy!.notes?.join(' ')).toMatch(/options exported from config\/corsOptions\.js; the cors\(\) call that uses them was not found/);
  });

  it('export default / exports.x / a named const that is never used all count; koa-style and unrelated objects do not', async () => {
    const { policies } = await scanFiles({
      'a.js': `// cors settings\nexport default { origin: (origin, callback) => callback(null, true), credentials: true };\n`,
      'b.js': `exports.corsOptions = { origin: (origin, callback) => { callback(null, true); }, methods: ['GET'] };\n`,
      'c-cors.js': `const WHITELIST = ['http://localhost:3000, http://localhost:3001'];\nconst corsOptions = { origin(origin, callback) { if (WHITELIST.indexOf(origin) !== -1) callback(null, true); else callback(new Error('no')); }, optionSuccessStatus: 200 };\n`,
      'd.js': `module.exports = { corsConfig: { origin: 'https://a.example.com', allowMethods: 'GET' } };\n`,
      'e.js': `export const settings = { origin: 'https://a.example.com', port: 3000 }; // cors\n`,
    });
    expect(policies.map((p) => [p.span.file, p.scope.name])).toEqual([
      ['a.js', 'exported options'],
      ['b.js', 'corsOptions'],
      ['c-cors.js', 'corsOptions'],
    ]);
    expect(shapes(policies[0]!)).toEqual([{ kind: 'reflect' }]);
    expect(shapes(policies[2]!)).toEqual([{ kind: 'exact', origin: 'http://localhost:3000, http://localhost:3001' }]);
    expect(policies[2]!.invalidOptions?.[0]).toMatchObject({ name: 'optionSuccessStatus', suggestion: 'optionsSuccessStatus' });
    expect(policies[2]!.notes?.join(' ')).toMatch(/options defined in c-cors\.js/);
  });

  it('a socket.io-style { cors: {...} } options object exported for a server elsewhere', async () => {
    const { policies } = await scanFiles({
      'socket.config.js': `const socketConfig = { cors: { origin: function (origin, callback) { callback(null, true); }, credentials: true } };\nexport default socketConfig;\n`,
    });
    expect(policies).toHaveLength(1);
    expect(policies[0]!.scope.name).toBe('socketConfig.cors');
    expect(shapes(policies[0]!)).toEqual([{ kind: 'reflect' }]);
  });

  it('options spread into the object a cors() call gets are not described again', async () => {
    const { policies } = await scanFiles({
      'corsOptions.js': `module.exports = { origin: (origin, cb) => cb(null, true), credentials: true };\n`,
      'app.js': `const cors = require('cors');\nconst base = require('./corsOptions');\napp.use(cors({ ...base, maxAge: 600 }));\napp.use(cors(Object.assign({}, base, { credentials: false })));\n`,
    });
    expect(policies.map((p) => p.span.file)).toEqual(['app.js', 'app.js']);
  });

  it('options a fastify plugin registers elsewhere are not described again', async () => {
    const { policies } = await scanFiles({
      'cors-options.js': `module.exports = { origin: (origin, cb) => cb(null, true), credentials: true };\n`,
      'app.js': `const fastify = require('fastify')();\nfastify.register(require('@fastify/cors'), require('./cors-options'));\n`,
    });
    expect(policies.map((p) => p.library)).toEqual(['@fastify/cors']);
  });
});

describe('origin callbacks and checks', () => {
  async function originsOf(fn: string, prelude = ''): Promise<unknown[]> {
    return shapes(await scanOne(`const cors = require('cors');\n${prelude}\napp.use(cors({ origin: ${fn} }));\n`));
  }

  it('always accepting: callback(null, true) and an echo of the origin', async () => {
    expect(await originsOf('(origin, callback) => callback(null, true)')).toEqual([{ kind: 'reflect' }]);
    expect(await originsOf('function (origin, cb) { cb(null, origin); }')).toEqual([{ kind: 'reflect' }]);
  });

  it('startsWith over a list in a for-of loop is a prefix pattern (http://localhost.evil.com passes)', async () => {
    expect(
      await originsOf(
        `function (origin, callback) {
  for (const item of whitelist) {
    if (origin.startsWith(item)) return callback(null, true);
  }
  return callback(new Error('no'));
}`,
        "const whitelist = ['http://localhost', 'http://127.0.0.1'];",
      ),
    ).toEqual([
      { kind: 'regex', pattern: '^http:\\/\\/localhost', flavor: 'js', mode: 'search', ignoreCase: false, flags: '', writtenAs: "origin.startsWith('http://localhost')" },
      { kind: 'regex', pattern: '^http:\\/\\/127\\.0\\.0\\.1', flavor: 'js', mode: 'search', ignoreCase: false, flags: '', writtenAs: "origin.startsWith('http://127.0.0.1')" },
    ]);
  });

  it("('.' + origin).endsWith(domain): a domain without a leading dot needs no dot boundary", async () => {
    const entries = (await originsOf(
      `(origin, callback) => callback(null, domains.some((d) => ('.' + origin).endsWith(d)))`,
      "const domains = ['example.com', '.example.org'];",
    )) as Array<{ pattern: string }>;
    expect(entries.map((e) => e.pattern)).toEqual(['example\\.com$', '(?:\\.example\\.org|^example\\.org)$']);
    expect(new RegExp(entries[0]!.pattern).test('https://evilexample.com')).toBe(true);
    expect(new RegExp(entries[1]!.pattern).test('https://evilexample.org')).toBe(false);
    expect(new RegExp(entries[1]!.pattern).test('https://a.example.org')).toBe(true);
  });

  it('an origin callback built by a factory from another module keeps the list the factory was given', async () => {
    const { policies } = await scanFiles({
      'lib/corsWithSubdomains.js': `module.exports = function corsWithSubdomains(domains) {
  if (!domains) {
    throw new Error('domains are required');
  }
  return function (origin, callback) {
    var ok = domains.some((d) => ('.' + origin).endsWith(d));
    callback(null, ok);
  };
};
`,
      'server.js': `var cors = require('cors');
var corsWithSubdomains = require('./lib/corsWithSubdomains');
const domains = ['example.com'];
app.use(cors({ origin: corsWithSubdomains(domains), credentials: true }));
`,
    });
    expect(policies).toHaveLength(1);
    expect(shapes(policies[0]!)).toEqual([{ kind: 'regex', pattern: 'example\\.com$', flavor: 'js', mode: 'search', ignoreCase: false, flags: '', writtenAs: "('.' + origin).endsWith('example.com')" }]);
  });

  it('indexOf / includes on a comma-joined string is a substring test; on a raw env value it stays unresolved', async () => {
    expect(
      await originsOf(
        `(origin, cb) => { if (allowed.indexOf(origin) !== -1) cb(null, true); else cb(new Error('no')); }`,
        "const allowed = ['https://a.example.com', 'https://b.example.com'].join(',');",
      ),
    ).toEqual([{ kind: 'substring', haystack: 'https://a.example.com,https://b.example.com' }]);
    const env = (await originsOf(`(origin, cb) => { const list = process.env.WHITE_LIST; if (list.includes(origin)) cb(null, true); else cb(new Error('no')); }`)) as Array<{ kind: string; why: string; substringOfEnv?: string }>;
    expect(env[0]!.kind).toBe('unknown');
    expect(env[0]!.why).toMatch(/substring test: .* environment variable WHITE_LIST/);
    expect(env[0]!.substringOfEnv).toBe('WHITE_LIST');
  });

  it('new RegExp("^https://app\\.example\\.com$") in a plain string literal: the escapes are gone, dots match anything', async () => {
    const entries = (await originsOf(`(origin, cb) => cb(null, new RegExp("^https://app\\.example\\.com$").test(origin))`)) as Array<{ pattern: string }>;
    expect(entries[0]!.pattern).toBe('^https://app.example.com$');
    const tpl = (await originsOf('(origin, cb) => cb(null, new RegExp(`^https://${host}$`).test(origin))', "const host = 'api.example.com';")) as Array<{ pattern: string }>;
    expect(tpl[0]!.pattern).toBe('^https://api.example.com$');
  });

  it('origins.length ? origins : true over an empty environment default reflects, marked as env-driven', async () => {
    const policy = await scanOne(`const cors = require('cors');
const origins = (process.env.CORS_ORIGINS || '').split(',').map((s) => s.trim()).filter(Boolean);
app.use(cors({ origin: origins.length ? origins : true, credentials: true }));
`);
    expect(policy.origins).toEqual([expect.objectContaining({ kind: 'reflect', envDriven: true, source: 'CORS_ORIGINS' })]);
  });

  it('a condition that cannot be decided describes every branch', async () => {
    const policy = await scanOne(`const cors = require('cors');
const origin = process.env.NODE_ENV === 'production' ? ['https://app.example.com'] : true;
app.use(cors({ origin }));
`);
    expect(shapes(policy)).toEqual([{ kind: 'exact', origin: 'https://app.example.com' }, { kind: 'reflect' }]);
    expect(policy.notes?.join(' ')).toMatch(/every branch is described/);
  });

  it("values that never match are kept as written: '*' in a list, a split env default, trailing slash, no scheme", async () => {
    const policy = await scanOne(`const cors = require('cors');
const extra = (process.env.ORIGINS || '*').split(',');
app.use(cors({ origin: ['http://localhost:3000/', 'app.example.com', ...extra] }));
`);
    expect(shapes(policy)).toEqual([
      { kind: 'exact', origin: 'http://localhost:3000/' },
      { kind: 'exact', origin: 'app.example.com' },
      { kind: 'exact', origin: '*' },
    ]);
    expect(policy.origins[2]).toMatchObject({ envDriven: true, source: 'ORIGINS' });
  });
});

describe('hand-written headers in handlers', () => {
  it("res.setHeader(ACAO, null) sends the string 'null': the null origin", async () => {
    const policy = await scanOne(`const http = require('http');
http.createServer((req, res) => {
  res.setHeader('Access-Control-Allow-Origin', null);
  res.end('ok');
}).listen(3000);
`);
    expect(shapes(policy)).toEqual([{ kind: 'null', sentVerbatim: true }]);
  });

  it('a presence-only check of the Origin is reflection', async () => {
    const policy = await scanOne(`const http = require('http');
http.createServer((req, res) => {
  if (req.headers.origin) res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
  res.end('ok');
}).listen(3000);
`);
    expect(shapes(policy)).toEqual([{ kind: 'reflect' }]);
  });

  it('an AWS Lambda result whose headers echo event.headers.origin with credentials', async () => {
    const policy = await scanOne(`export const handler = async (event) => {
  const origin = event.headers.origin;
  let headers = { 'Access-Control-Allow-Credentials': 'true', 'Access-Control-Allow-Origin': origin };
  return { statusCode: 200, headers, body: '{}' };
};
`, 'index.mjs');
    expect(shapes(policy)).toEqual([{ kind: 'reflect' }]);
    expect(policy.credentials.value).toBe(true);
    expect(policy.emittedHeaders?.find((h) => h.name === 'Access-Control-Allow-Origin')?.dependsOnOrigin).toBe(true);
  });

  it("'*' written only when origin.includes('localhost'): the test's origins get in, and the header varies with the Origin", async () => {
    const policy = await scanOne(`module.exports = function cors(req, res, next) {
  const origin = req.header('origin');
  if (origin && origin.includes('localhost')) {
    res.set('Access-Control-Allow-Origin', '*');
  }
  next();
};
`);
    expect(shapes(policy)).toEqual([
      { kind: 'regex', pattern: 'localhost', flavor: 'js', mode: 'search', ignoreCase: false, flags: '', writtenAs: "origin.includes('localhost')" },
      { kind: 'any', sentVerbatim: true },
    ]);
    expect(policy.emittedHeaders?.[0]?.dependsOnOrigin).toBe(true);
  });
});

describe('Koa middleware order', () => {
  it('@koa/cors after router.routes() on the same app: the router is recorded as routes before it', async () => {
    const policy = await scanOne(`const Koa = require('koa');
const Router = require('@koa/router');
const cors = require('@koa/cors');
const app = new Koa();
const router = new Router();
app.use(router.routes());
app.use(cors());
`);
    expect(policy.order?.routesBefore).toEqual([{ method: 'ALL', path: 'router.routes()', span: expect.objectContaining({ line: 6 }) }]);
  });

  it('@koa/cors before the router: nothing to record', async () => {
    const policy = await scanOne(`const Koa = require('koa');
const Router = require('@koa/router');
const cors = require('@koa/cors');
const app = new Koa();
const router = new Router();
app.use(cors());
app.use(router.routes()).use(router.allowedMethods());
`);
    expect(policy.order?.routesBefore).toBeUndefined();
  });
});
