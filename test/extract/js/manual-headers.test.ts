import { describe, expect, it } from 'vitest';
import { at, scan, scanOne, shapes } from './helpers.js';
import { variants } from './variants.js';

const EXPRESS = "const express = require('express');\nconst app = express();\n";

describe('manual headers: literal values', () => {
  for (const v of variants(`${EXPRESS}app.use((req/*:any*/, res/*:any*/, next/*:any*/) => {
  res.header('Access-Control-Allow-Origin', 'https://a.com https://b.com');
  res.set('access-control-allow-credentials', 'true');
  res.setHeader('ACCESS-CONTROL-ALLOW-METHODS', 'GET, POST');
  res.append('Access-Control-Allow-Headers', 'Content-Type');
  next();
});
`)) {
    it(`res.header / res.set / res.setHeader / res.append, any letter case (${v.lang})`, async () => {
      const policy = await scanOne(v.code, v.file);
      expect(policy).toMatchObject({ stack: 'express', library: 'manual', scope: { kind: 'app', name: 'app' } });
      expect(at(policy.span)).toBe('4:3');
      expect(shapes(policy)).toEqual([{ kind: 'exact', origin: 'https://a.com https://b.com', sentVerbatim: true }]);
      expect(at(policy.origins[0]!.span)).toBe('4:45');
      expect(policy.credentials).toMatchObject({ value: true });
      expect(at(policy.credentials.span)).toBe('5:3');
      expect(policy.allowMethods.value).toEqual(['GET', 'POST']);
      expect(policy.allowHeaders.value).toEqual(['Content-Type']);
      expect(policy.emittedHeaders!.map((h) => [h.name, h.value, at(h.span), h.combine])).toEqual([
        ['Access-Control-Allow-Origin', 'https://a.com https://b.com', '4:3', 'replace'],
        ['access-control-allow-credentials', 'true', '5:3', 'replace'],
        ['ACCESS-CONTROL-ALLOW-METHODS', 'GET, POST', '6:3', 'replace'],
        ['Access-Control-Allow-Headers', 'Content-Type', '7:3', 'add'],
      ]);
      expect(policy.varyOrigin.value).toBe(false);
    });
  }

  it("'*' is any, sent verbatim; two unconditional writes both appear", async () => {
    const policy = await scanOne(`${EXPRESS}app.use((req, res, next) => {\n  res.append('Access-Control-Allow-Origin', '*');\n  res.append('Access-Control-Allow-Origin', 'https://a.com');\n  next();\n});\n`);
    expect(shapes(policy)).toEqual([
      { kind: 'any', sentVerbatim: true },
      { kind: 'exact', origin: 'https://a.com', sentVerbatim: true },
    ]);
    expect(policy.emittedHeaders!.filter((h) => /allow-origin/i.test(h.name)).map((h) => [at(h.span), h.conditional, h.combine])).toEqual([
      ['4:3', undefined, 'add'],
      ['5:3', undefined, 'add'],
    ]);
  });

  for (const v of variants(`import http from 'node:http';
http.createServer((req/*:any*/, res/*:any*/) => {
  res.writeHead(200, { 'Access-Control-Allow-Origin': '*', 'Access-Control-Max-Age': '600', Vary: 'Origin' });
  res.end('ok');
}).listen(8080);
`)) {
    it(`res.writeHead(status, {...}) in a plain http server (${v.lang})`, async () => {
      const policy = await scanOne(v.code, v.file);
      expect(policy.stack).toBe('node');
      expect(shapes(policy)).toEqual([{ kind: 'any', sentVerbatim: true }]);
      expect(at(policy.span)).toBe('3:24');
      expect(policy.maxAge.value).toBe(600);
      expect(policy.varyOrigin).toMatchObject({ value: true });
      expect(at(policy.varyOrigin.span)).toBe('3:93');
    });
  }

  it('res.set({...}) object form and Koa ctx.set / Fastify reply.header', async () => {
    const policies = await scan(`import Koa from 'koa';
app.use(async (ctx, next) => { ctx.set({ 'Access-Control-Allow-Origin': 'https://k.com' }); await next(); });
fastify.get('/x', async (request, reply) => { reply.header('Access-Control-Allow-Origin', 'https://f.com'); return 1; });
`);
    expect(policies.map((p) => [p.stack, shapes(p)])).toEqual([
      ['koa', [{ kind: 'exact', origin: 'https://k.com', sentVerbatim: true }]],
      ['fastify', [{ kind: 'exact', origin: 'https://f.com', sentVerbatim: true }]],
    ]);
    expect(policies[1]!.scope).toMatchObject({ kind: 'route', path: '/x', methods: ['GET'] });
  });
});

describe('manual headers: reflection and guards', () => {
  const reflections = [
    'req.headers.origin',
    "req.headers['origin']",
    "req.get('origin')",
    "req.header('Origin')",
  ];
  for (const expr of reflections) {
    for (const v of variants(`${EXPRESS}app.use((req/*:any*/, res/*:any*/, next/*:any*/) => {\n  res.header('Access-Control-Allow-Origin', ${expr});\n  next();\n});\n`)) {
      it(`${expr} is reflection (${v.lang})`, async () => {
        const policy = await scanOne(v.code, v.file);
        expect(shapes(policy)).toEqual([{ kind: 'reflect' }]);
        expect(at(policy.origins[0]!.span)).toBe('4:45');
        expect(policy.emittedHeaders![0]).toMatchObject({ dependsOnOrigin: true, value: expr });
        expect(policy.notes?.join(' ')).toMatch(/literal string 'undefined'/);
        expect(policy.varyOrigin.value).toBe(false);
      });
    }
  }

  it('Koa ctx.get("Origin") and ctx.request.header.origin, through a variable', async () => {
    const policies = await scan(`import Koa from 'koa';
app.use(async (ctx, next) => { const o = ctx.get('Origin'); ctx.set('Access-Control-Allow-Origin', o); ctx.vary('Origin'); await next(); });
app.use(async (ctx, next) => { ctx.set('Access-Control-Allow-Origin', ctx.request.header.origin); await next(); });
`);
    expect(policies.map((p) => [p.stack, shapes(p), p.varyOrigin.value])).toEqual([
      ['koa', [{ kind: 'reflect' }], true],
      ['koa', [{ kind: 'reflect' }], false],
    ]);
  });

  for (const v of variants(`${EXPRESS}const allowed/*:string[]*/ = ['https://a.com', 'https://b.com'];
app.use((req/*:any*/, res/*:any*/, next/*:any*/) => {
  const origin = req.headers.origin;
  if (allowed.includes(origin)) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Vary', 'Origin');
  }
  next();
});
`)) {
    it(`guarded by allowed.includes(origin): modelled as that check (${v.lang})`, async () => {
      const policy = await scanOne(v.code, v.file);
      expect(shapes(policy)).toEqual([
        { kind: 'exact', origin: 'https://a.com' },
        { kind: 'exact', origin: 'https://b.com' },
      ]);
      expect(at(policy.origins[0]!.span)).toBe('3:31');
      expect(policy.emittedHeaders![0]).toMatchObject({ conditional: 'allowed.includes(origin)', dependsOnOrigin: true });
      expect(policy.varyOrigin.value).toBe(true);
    });
  }

  it('guarded by a regex test; a ternary with a fallback literal', async () => {
    const policies = await scan(`${EXPRESS}app.use((req, res, next) => {
  if (/^https:\\/\\/\\w+\\.example\\.com$/.test(req.headers.origin)) res.header('Access-Control-Allow-Origin', req.headers.origin);
  next();
});
const LIST = ['https://a.com'];
app.use((req, res, next) => {
  res.header('Access-Control-Allow-Origin', LIST.includes(req.get('origin')) ? req.get('origin') : 'https://a.com');
  next();
});
`);
    expect(shapes(policies[0]!)).toEqual([{ kind: 'regex', pattern: '^https:\\/\\/\\w+\\.example\\.com$', flavor: 'js', mode: 'search', ignoreCase: false, flags: '' }]);
    // The fallback literal is sent as is to every origin outside the list.
    expect(shapes(policies[1]!)).toEqual([
      { kind: 'exact', origin: 'https://a.com' },
      { kind: 'exact', origin: 'https://a.com', sentVerbatim: true },
    ]);
  });

  it('an unrecognised guard is kept as the reflect condition; an unknown value is unknown', async () => {
    const policies = await scan(`${EXPRESS}app.use((req, res, next) => {
  if (isTrusted(req.headers.origin)) res.header('Access-Control-Allow-Origin', req.headers.origin);
  next();
});
app.use((req, res, next) => { res.header('Access-Control-Allow-Origin', config.origin); next(); });
`);
    expect(shapes(policies[0]!)).toEqual([{ kind: 'reflect', condition: 'condition `isTrusted(req.headers.origin)`' }]);
    expect(policies[1]!.origins[0]!.kind).toBe('unknown');
  });

  it('res.setHeader with the request Origin: Node throws when it is missing', async () => {
    const policy = await scanOne(`import http from 'node:http';\nhttp.createServer((req, res) => { res.setHeader('Access-Control-Allow-Origin', req.headers.origin); res.end(); });\n`);
    expect(policy.notes?.join(' ')).toMatch(/ERR_HTTP_INVALID_HEADER_VALUE/);
  });

  it('OPTIONS handling in the handler counts as handled preflight', async () => {
    const policy = await scanOne(`${EXPRESS}app.use((req, res, next) => {\n  res.header('Access-Control-Allow-Origin', '*');\n  if (req.method === 'OPTIONS') return res.sendStatus(204);\n  next();\n});\n`);
    expect(policy.preflight.value).toBe('handled');
  });
});

describe('manual headers: header objects returned as data', () => {
  for (const v of variants(`export const handler = async (event/*:any*/) => {
  return {
    statusCode: 200,
    headers: { 'Access-Control-Allow-Origin': event.headers.origin, 'Access-Control-Allow-Credentials': 'true' },
    body: '{}',
  };
};
`)) {
    it(`AWS Lambda proxy result headers (${v.lang})`, async () => {
      const policy = await scanOne(v.code, v.file);
      expect(policy).toMatchObject({ stack: 'node', library: 'manual', scope: { kind: 'app', name: 'handler' } });
      expect(shapes(policy)).toEqual([{ kind: 'reflect' }]);
      expect(at(policy.span)).toBe('4:16');
      expect(policy.credentials.value).toBe(true);
    });
  }

  it('fetch Response headers and next.config.js { key, value } pairs', async () => {
    const policies = await scan(`export default {
  async fetch(request) { return new Response('ok', { headers: { 'Access-Control-Allow-Origin': '*' } }); },
};
module.exports = { async headers() { return [{ source: '/api/:path*', headers: [{ key: 'Access-Control-Allow-Origin', value: 'https://a.com' }] }]; } };
`);
    expect(policies.map((p) => [at(p.span), shapes(p)])).toEqual([
      ['2:65', [{ kind: 'any', sentVerbatim: true }]],
      ['4:81', [{ kind: 'exact', origin: 'https://a.com', sentVerbatim: true }]],
    ]);
  });

  it('res.writeHead with a header object is not counted twice', async () => {
    const policy = await scanOne("import http from 'node:http';\nhttp.createServer((q, res) => { res.writeHead(200, { 'Access-Control-Allow-Origin': '*' }); res.end(); });\n");
    expect(policy.emittedHeaders).toHaveLength(1);
  });
});

describe('manual headers: the Origin through a defaulted variable', () => {
  it("const origin = req.headers.origin || '' then a membership guard", async () => {
    const policy = await scanOne(`const express = require('express');
const ALLOWED = ['https://a.com'];
app.use((req, res, next) => {
  const origin = req.headers.origin || '';
  if (ALLOWED.includes(origin)) res.setHeader('Access-Control-Allow-Origin', origin);
  next();
});
`);
    expect(shapes(policy)).toEqual([{ kind: 'exact', origin: 'https://a.com' }]);
  });
});

describe('manual headers: a constant header object passed by name', () => {
  it('new Response(body, { headers: CORS_HEADERS }) and res.writeHead(204, CORS_HEADERS)', async () => {
    const policies = await scan(`const CORS_HEADERS = {
  'Access-Control-Allow-Origin': 'https://a.com',
  'Access-Control-Allow-Methods': 'GET, POST',
};
export async function GET() { return new Response('ok', { headers: CORS_HEADERS }); }
export function handler(req, res) { res.writeHead(204, CORS_HEADERS); res.end(); }
`);
    expect(policies.map((p) => [p.scope.name, shapes(p), at(p.origins[0]!.span), p.allowMethods.value])).toEqual([
      ['GET', [{ kind: 'exact', origin: 'https://a.com', sentVerbatim: true }], '2:34', ['GET', 'POST']],
      ['handler', [{ kind: 'exact', origin: 'https://a.com', sentVerbatim: true }], '2:34', ['GET', 'POST']],
    ]);
    expect(at(policies[0]!.emittedHeaders![0]!.span)).toBe('2:3');
  });
});

describe('manual headers: more ways to read the request Origin', () => {
  const reads: Array<[string, string]> = [
    ['destructured from req.headers', 'const { origin } = req.headers;'],
    ['a TypeScript assertion', 'const origin = req.headers.origin as string;'],
    ['fetch-style headers.get', "const origin = req.headers.get('origin');"],
  ];
  for (const [label, line] of reads) {
    it(label, async () => {
      const policy = await scanOne(`export function handler(req: any, res: any) {\n  ${line}\n  res.setHeader('Access-Control-Allow-Origin', origin);\n}\n`, 'api.ts');
      expect(shapes(policy)).toEqual([{ kind: 'reflect' }]);
      expect(at(policy.origins[0]!.span)).toBe('3:48');
      expect(policy.emittedHeaders![0]!.dependsOnOrigin).toBe(true);
    });
  }
});

describe('manual headers: NestJS @Header on a route handler', () => {
  it('one policy per decorated handler; other @Header decorators and imposters are ignored', async () => {
    const code = `import { Controller, Get, Header, Put } from '@nestjs/common';
import { Header as Mine } from './local';

@Controller('prices')
export class PricesController {
  @Get()
  @Header('Access-Control-Allow-Origin', '*')
  all() {
    return [];
  }

  @Put()
  @Header('X-Frame-Options', 'DENY')
  @Header('Access-Control-Allow-Origin', 'https://admin.example')
  @Header('Access-Control-Allow-Credentials', 'true')
  save() {}

  @Get('plain')
  @Header('Cache-Control', 'no-store')
  @Mine('Access-Control-Allow-Origin', '*')
  plain() {}
}
`;
    const policies = await scan(code, 'prices.controller.ts', { 'local.ts': 'export function Header(a: string, b: string) { return () => {}; }\n' });
    expect(policies.map((p) => [p.stack, p.library])).toEqual([
      ['nestjs', 'manual'],
      ['nestjs', 'manual'],
    ]);
    expect(shapes(policies[0]!)).toEqual([{ kind: 'any', sentVerbatim: true }]);
    expect(at(policies[0]!.span)).toBe('7:3');
    expect(at(policies[0]!.origins[0]!.span)).toBe('7:42');
    expect(shapes(policies[1]!)).toEqual([{ kind: 'exact', origin: 'https://admin.example', sentVerbatim: true }]);
    expect(policies[1]!.credentials.value).toBe(true);
    expect(at(policies[1]!.credentials.span)).toBe('15:3');
  });
});

describe('manual headers: values that are expressions', () => {
  it('keep their source text but are marked as expressions, literals are not', async () => {
    const code = `import type { Request, Response } from 'express';
export function headers(req: Request, res: Response, allowed: string[]) {
  const origin = req.headers.origin;
  res.setHeader('Access-Control-Allow-Origin', origin || '');
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST');
  res.setHeader('Access-Control-Expose-Headers', allowed.join(' '));
}
`;
    const p = await scanOne(code, 'headers.ts');
    expect(p.emittedHeaders!.map((h) => [h.name, h.value, h.expression ?? false])).toEqual([
      ['Access-Control-Allow-Origin', "origin || ''", true],
      ['Access-Control-Allow-Methods', 'GET, POST', false],
      ['Access-Control-Expose-Headers', "allowed.join(' ')", true],
    ]);
  });
});
