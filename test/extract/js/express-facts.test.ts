import { describe, expect, it } from 'vitest';
import { at, scan, scanFiles, scanOne } from './helpers.js';
import { variants } from './variants.js';

const HEAD = "import express from 'express';\nimport cors from 'cors';\nconst app = express();\n";

describe('preflight facts for route-level cors()', () => {
  for (const v of variants(`${HEAD}app.put('/items/:id', cors({ origin: 'https://a.com' }), (req/*:any*/, res/*:any*/) => res.sendStatus(204));\n`)) {
    it(`PUT route with cors() and no OPTIONS handler: not handled (${v.lang})`, async () => {
      const policy = await scanOne(v.code, v.file);
      expect(policy.preflight.value).toBe('not-handled');
      expect(at(policy.preflight.span)).toBe('4:1');
      expect(policy.preflight.why).toMatch(/OPTIONS preflight/);
    });
  }

  it('a GET route without custom headers needs no preflight', async () => {
    const policy = await scanOne(`${HEAD}app.get('/items', cors(), handler);\n`);
    expect(policy.preflight.value).toBe('handled');
  });

  it('any route needs a preflight when allowedHeaders is configured', async () => {
    const policy = await scanOne(`${HEAD}app.post('/items', cors({ allowedHeaders: ['Authorization'] }), handler);\n`);
    expect(policy.preflight.value).toBe('not-handled');
  });

  const covered: Array<[string, string]> = [
    ['same path', "app.options('/items/:id', cors());"],
    ["'*' (Express 4)", "app.options('*', cors());"],
    ["'/{*splat}'", "app.options('/{*splat}', cors());"],
    ['/.*/', 'app.options(/.*/, cors());'],
    ['global app.use(cors())', 'app.use(cors());'],
  ];
  for (const [label, line] of covered) {
    it(`covered by ${label}`, async () => {
      const files = {
        'package.json': JSON.stringify({ dependencies: { express: '^4.21.0' } }),
        'app.js': `${HEAD}app.delete('/items/:id', cors({ origin: 'https://a.com' }), handler);\n${line}\n`,
      };
      const { policies } = await scanFiles(files);
      expect(policies[0]!.preflight.value).toBe('handled');
    });
  }

  it('an OPTIONS handler on another app object does not count', async () => {
    const policies = await scan(`${HEAD}const other = express();\napp.patch('/x', cors(), handler);\nother.options('/x', cors());\n`);
    expect(policies[0]!.preflight.value).toBe('not-handled');
  });
});

describe("Express 5 and app.options('*', cors())", () => {
  const code = `${HEAD}app.options('*', cors());\napp.use(cors());\n`;
  it('Express 5 declared in the nearest package.json: not handled, with the start-up error', async () => {
    const { policies } = await scanFiles({ 'package.json': JSON.stringify({ dependencies: { express: '^5.1.0' } }), 'src/app.js': code });
    expect(policies[0]!.preflight).toMatchObject({ value: 'not-handled', why: expect.stringMatching(/Express 5 .*rejects the path '\*' when the app starts/) });
    expect(at(policies[0]!.preflight.span)).toBe('4:1');
  });

  it('Express 4: fine', async () => {
    const { policies } = await scanFiles({ 'package.json': JSON.stringify({ dependencies: { express: '4.19.2' } }), 'app.js': code });
    expect(policies[0]!.preflight.value).toBe('handled');
    expect(policies[0]!.notes?.join(' ') ?? '').not.toMatch(/Express 5/);
  });

  it('no version known: a note about the risk only', async () => {
    const policies = await scan(code);
    expect(policies[0]!.preflight.value).toBe('handled');
    expect(policies[0]!.notes?.join(' ')).toContain("app.options('*', ...): Express 5 rejects this path at start-up");
  });
});

describe('middleware order', () => {
  for (const v of variants(`${HEAD}app.get('/a', (req/*:any*/, res/*:any*/) => res.send('a'));
app.post('/b', handler);
app.use(cors({ origin: 'https://a.com' }));
app.get('/c', handler);
`)) {
    it(`routes registered before app.use(cors()) on the same app (${v.lang})`, async () => {
      const policy = await scanOne(v.code, v.file);
      expect(policy.order?.routesBefore?.map((r) => [r.method, r.path, at(r.span)])).toEqual([
        ['GET', '/a', '4:1'],
        ['POST', '/b', '5:1'],
      ]);
    });
  }

  it('routes on another router do not count; cors() first means no routesBefore', async () => {
    const policies = await scan(`${HEAD}const router = express.Router();\nrouter.get('/a', handler);\napp.use(cors());\napp.get('/b', handler);\n`);
    expect(policies[0]!.order).toBeUndefined();
    expect(policies[0]!.scope.kind).toBe('app');
  });
});

describe('Express 5 path syntax on other cors registrations', () => {
  it("app.use('/api/*', cors()) under Express 5: a note that the app does not start", async () => {
    const { policies } = await scanFiles({
      'package.json': JSON.stringify({ dependencies: { express: '5.1.0' } }),
      'app.js': `${HEAD}app.use('/api/*', cors());\n`,
    });
    expect(policies[0]!.notes?.join(' ')).toMatch(/Express 5 .*rejects the path '\/api\/\*' when the app starts/);
    expect(policies[0]!.preflight.value).toBe('handled');
  });
});

describe('middleware order under a mount path', () => {
  it("app.use('/api', cors()) after /api routes lists only those routes", async () => {
    const policy = await scanOne(`${HEAD}app.get('/api/items', handler);\napp.get('/health', handler);\napp.use('/api', cors());\n`);
    expect(policy.order?.routesBefore?.map((r) => [r.method, r.path, at(r.span)])).toEqual([['GET', '/api/items', '4:1']]);
  });
});

describe('middleware order with mounted routers', () => {
  it('a router mounted before app.use(cors()) is listed (method USE); plain middleware is not', async () => {
    const policy = await scanOne(`${HEAD}const api = express.Router();
app.use(express.json());
app.use('/api', api);
app.use(cors());
`);
    expect(policy.order?.routesBefore?.map((r) => [r.method, r.path, at(r.span)])).toEqual([['USE', '/api', '6:1']]);
  });
});

describe('route-level cors() on routers', () => {
  it('an app-wide cors() in the same file covers router routes', async () => {
    const policies = await scan(`${HEAD}const router = express.Router();\nrouter.put('/x', cors(), handler);\napp.use(cors());\napp.use('/api', router);\n`);
    expect(policies[0]!.preflight.value).toBe('handled');
  });

  it('a router mounted elsewhere: a note, not a verdict', async () => {
    const policies = await scan(`${HEAD}const router = express.Router();\nrouter.delete('/x', cors(), handler);\nexport default router;\n`);
    expect(policies[0]!.preflight.value).toBe('handled');
    expect(policies[0]!.notes?.join(' ')).toMatch(/depends on where router is mounted/);
  });

  it('a router mounted in this file with no cors() for OPTIONS: not handled', async () => {
    const policies = await scan(`${HEAD}const router = express.Router();\nrouter.patch('/x', cors(), handler);\napp.use('/api', router);\n`);
    expect(policies[0]!.preflight.value).toBe('not-handled');
  });
});
