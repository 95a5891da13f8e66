import { describe, expect, it } from 'vitest';
import { at, scan, scanOne, shapes } from './helpers.js';
import { variants } from './variants.js';

describe('npm cors: recognised however it is imported', () => {
  const imports: Array<[string, string]> = [
    ['require', "const cors = require('cors');"],
    ['default import', "import cors from 'cors';"],
    ['renamed default import', "import { default as cors } from 'cors';"],
    ['namespace import', "import * as cors from 'cors';"],
    ['dynamic import .default', "const cors = (await import('cors')).default;"],
    ['destructured dynamic import', "const { default: cors } = await import('cors');"],
  ];
  for (const [label, line] of imports) {
    for (const v of variants(`${line}\nconst app = express();\napp.use(cors({ origin: 'https://app.example.com' }));\n`)) {
      it(`${label} (${v.lang})`, async () => {
        const policy = await scanOne(v.code, v.file.replace('app.', 'server.m'));
        expect(policy.library).toBe('cors');
        expect(policy.stack).toBe('express');
        expect(at(policy.span)).toBe('3:9');
        expect(policy.span.endColumn).toBe(52);
        expect(shapes(policy)).toEqual([{ kind: 'exact', origin: 'https://app.example.com', sentVerbatim: true }]);
        expect(at(policy.origins[0]!.span)).toBe('3:24');
      });
    }
  }

  it('a renamed local binding (import corsMiddleware from "cors")', async () => {
    const policy = await scanOne("import corsMiddleware from 'cors';\napp.use(corsMiddleware());\n", 'app.ts');
    expect(shapes(policy)).toEqual([{ kind: 'any', sentVerbatim: true }]);
  });

  it('ignores a local function that happens to be called cors', async () => {
    expect(await scan("function cors() { return 1 }\napp.use(cors({ origin: true }));\n")).toEqual([]);
  });
});

describe('npm cors: where the middleware is mounted', () => {
  for (const v of variants(`import express from 'express';
import cors from 'cors';
const app = express();
const router = express.Router();
router.use(cors({ origin: true }));
app.use('/api', cors({ origin: 'https://a.example.com' }));
app.get('/items', cors({ origin: 'https://b.example.com' }), (req/*:any*/, res/*:any*/) => res.json([]));
app.options('/items', cors({ origin: 'https://b.example.com' }));
`)) {
    it(`router.use, app.use(path), route-level and app.options (${v.lang})`, async () => {
      const policies = await scan(v.code, v.file);
      expect(policies.map((p) => [p.scope.kind, p.scope.path, p.scope.methods, at(p.span)])).toEqual([
        ['router', undefined, undefined, '5:12'],
        ['app', '/api', undefined, '6:17'],
        ['route', '/items', ['GET'], '7:19'],
        ['route', '/items', ['OPTIONS'], '8:23'],
      ]);
      expect(policies[0]!.scope.name).toBe('router');
      expect(shapes(policies[0]!)).toEqual([{ kind: 'reflect' }]);
    });
  }

  for (const v of variants(`const cors = require('cors');
const corsOptions/*:CorsOptions*/ = { origin: ['https://a.example.com'], credentials: true };
const corsMw = cors(corsOptions);
app.get('/x', corsMw, handler);
app.delete('/x', corsMw, handler);
`)) {
    it(`a middleware kept in a variable and used later (${v.lang})`, async () => {
      const policy = await scanOne(`${v.lang === 'ts' ? 'type CorsOptions = object;' : ''}\n${v.code}`, v.file);
      expect(at(policy.span)).toBe('4:16');
      expect(policy.scope).toMatchObject({ kind: 'route', path: '/x', methods: ['GET', 'DELETE'] });
      expect(shapes(policy)).toEqual([{ kind: 'exact', origin: 'https://a.example.com' }]);
      expect(at(policy.origins[0]!.span)).toBe('3:48');
      expect(policy.origins[0]!.definedAt).toBeDefined();
      expect(policy.credentials).toMatchObject({ value: true });
      expect(at(policy.credentials.span)).toBe('3:87');
    });
  }

  it('a middleware variable that is never mounted still yields its policy', async () => {
    const policy = await scanOne("const cors = require('cors');\nexport const corsMw = cors({ origin: '*' });\n");
    expect(policy.scope).toEqual({ kind: 'app', name: 'corsMw' });
  });
});

describe('npm cors: library defaults and option semantics (cors/lib/index.js 2.8)', () => {
  it('cors() with no options: *, default methods, no Vary, preflight answered', async () => {
    const policy = await scanOne("const cors = require('cors');\napp.use(cors());\n");
    expect(shapes(policy)).toEqual([{ kind: 'any', sentVerbatim: true }]);
    expect(policy.allowMethods).toEqual({ value: ['GET', 'HEAD', 'PUT', 'PATCH', 'POST', 'DELETE'], isDefault: true });
    expect(policy.credentials).toEqual({ value: false, isDefault: true });
    expect(policy.varyOrigin.value).toBe(false);
    expect(policy.preflight.value).toBe('handled');
    expect(policy.allowHeaders.why).toMatch(/Access-Control-Request-Headers are echoed/);
  });

  it("origin '*' with credentials: both sent, no reflection", async () => {
    const policy = await scanOne("const cors = require('cors');\napp.use(cors({ origin: '*', credentials: true }));\n");
    expect(shapes(policy)).toEqual([{ kind: 'any', sentVerbatim: true }]);
    expect(at(policy.origins[0]!.span)).toBe('2:24');
    expect(policy.credentials.value).toBe(true);
    expect(policy.notes?.join(' ')).toMatch(/sends both Access-Control-Allow-Origin: \* and Access-Control-Allow-Credentials: true/);
  });

  it('a string origin is sent verbatim and adds Vary: Origin', async () => {
    const policy = await scanOne("const cors = require('cors');\napp.use(cors({ origin: 'https://a.com, https://b.com' }));\n");
    expect(shapes(policy)).toEqual([{ kind: 'exact', origin: 'https://a.com, https://b.com', sentVerbatim: true }]);
    expect(policy.varyOrigin.value).toBe(true);
  });

  it('origin: true reflects; the string "null" is the null origin', async () => {
    const [a, b] = await scan("const cors = require('cors');\napp.use(cors({ origin: true }));\napp.use(cors({ origin: ['null', 'https://a.com'] }));\n");
    expect(shapes(a!)).toEqual([{ kind: 'reflect' }]);
    expect(shapes(b!)).toEqual([{ kind: 'null' }, { kind: 'exact', origin: 'https://a.com' }]);
  });

  it('origin: false switches CORS off', async () => {
    const policy = await scanOne("const cors = require('cors');\napp.use(cors({ origin: false }));\n");
    expect(policy.origins).toEqual([]);
    expect(policy.libraryOptions).toMatchObject({ disabled: true });
  });

  it('a RegExp is an unanchored search; flags are kept and /g is noted', async () => {
    for (const v of variants("const cors = require('cors');\napp.use(cors({ origin: /example\\.com$/gi }));\n")) {
      const policy = await scanOne(v.code, v.file);
      expect(shapes(policy)).toEqual([{ kind: 'regex', pattern: 'example\\.com$', flavor: 'js', mode: 'search', ignoreCase: true, flags: 'gi' }]);
      expect(at(policy.origins[0]!.span)).toBe('2:24');
      expect(policy.notes?.join(' ')).toMatch(/alternately accepted and refused/);
    }
  });

  it('methods, allowedHeaders, exposedHeaders, maxAge, preflightContinue', async () => {
    const policy = await scanOne(`const cors = require('cors');
app.use(cors({
  origin: 'https://a.com',
  methods: 'GET, POST',
  allowedHeaders: ['Content-Type', 'Authorization'],
  exposedHeaders: 'X-Total',
  maxAge: 600,
  preflightContinue: true,
  optionsSuccessStatus: 200,
}));
`);
    expect(policy.allowMethods).toMatchObject({ value: ['GET', 'POST'], raw: 'GET, POST' });
    expect(at(policy.allowMethods.span)).toBe('4:12');
    expect(policy.allowHeaders.value).toEqual(['Content-Type', 'Authorization']);
    expect(policy.exposeHeaders.value).toEqual(['X-Total']);
    expect(policy.maxAge.value).toBe(600);
    expect(policy.preflight.value).toBe('passthrough');
    expect(policy.libraryOptions).toMatchObject({ preflightContinue: true, optionsSuccessStatus: 200 });
  });

  it('options delegate: one options object handed back is modelled, anything else is unknown', async () => {
    const [simple, dynamic] = await scan(`const cors = require('cors');
app.use(cors((req, cb) => cb(null, { origin: true, credentials: true })));
app.use(cors((req, cb) => { const o = lookup(req); cb(null, o); }));
`);
    expect(shapes(simple!)).toEqual([{ kind: 'reflect' }]);
    expect(simple!.credentials.value).toBe(true);
    expect(dynamic!.origins).toHaveLength(1);
    expect(dynamic!.origins[0]!.kind).toBe('unknown');
    expect(dynamic!.credentials.value).toBe('unknown');
  });
});

describe('npm cors: the options-delegate pattern of the cors README', () => {
  for (const v of variants(`const cors = require('cors');
const allowlist/*:string[]*/ = ['http://example1.com', 'http://example2.com'];
const corsOptionsDelegate = function (req/*:any*/, callback/*:any*/) {
  let corsOptions;
  if (allowlist.indexOf(req.header('Origin')) !== -1) {
    corsOptions = { origin: true, credentials: true };
  } else {
    corsOptions = { origin: false };
  }
  callback(null, corsOptions);
};
app.get('/products/:id', cors(corsOptionsDelegate), handler);
`)) {
    it(`a membership test on req.header('Origin') choosing origin true/false (${v.lang})`, async () => {
      const policy = await scanOne(v.code, v.file);
      expect(shapes(policy)).toEqual([
        { kind: 'exact', origin: 'http://example1.com' },
        { kind: 'exact', origin: 'http://example2.com' },
      ]);
      expect(at(policy.origins[0]!.span)).toBe('2:33');
      expect(policy.credentials.value).toBe(true);
      expect(policy.notes?.join(' ')).toMatch(/delegate/);
    });
  }
});

describe('npm cors: module flavours', () => {
  const cases: Array<[string, string]> = [
    ['server.cjs', "const cors = require('cors');\napp.use(cors({ origin: true }));\n"],
    ['server.cts', "import cors = require('cors');\napp.use(cors({ origin: true }));\n"],
    ['server.mts', "import cors from 'cors';\napp.use(cors({ origin: true }));\n"],
    ['server.jsx', "import cors from 'cors';\napp.use(cors({ origin: true }));\nexport const A = () => <div />;\n"],
    ['server.tsx', "import cors from 'cors';\napp.use(cors({ origin: true }));\nexport const A = (): JSX.Element => <div />;\n"],
  ];
  for (const [file, code] of cases) {
    it(file, async () => {
      const policy = await scanOne(code, file);
      expect(at(policy.span)).toBe('2:9');
      expect(shapes(policy)).toEqual([{ kind: 'reflect' }]);
    });
  }
});

describe('npm cors: lists', () => {
  it("'*' inside a list is an exact string, with a note", async () => {
    const policy = await scanOne("const cors = require('cors');\napp.use(cors({ origin: ['*', 'https://a.com'] }));\n");
    expect(shapes(policy)).toEqual([
      { kind: 'exact', origin: '*' },
      { kind: 'exact', origin: 'https://a.com' },
    ]);
    expect(policy.notes?.join(' ')).toMatch(/matches no real Origin/);
  });

  it('res.set({...}) object form in Express', async () => {
    const policy = await scanOne("const express = require('express');\napp.use((req, res, next) => { res.set({ 'Access-Control-Allow-Origin': 'https://a.com', Vary: 'Origin' }); next(); });\n");
    expect(shapes(policy)).toEqual([{ kind: 'exact', origin: 'https://a.com', sentVerbatim: true }]);
    expect(at(policy.span)).toBe('2:41');
    expect(policy.varyOrigin.value).toBe(true);
  });
});
