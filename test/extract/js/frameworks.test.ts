import { describe, expect, it } from 'vitest';
import { at, scan, scanFiles, scanOne, shapes } from './helpers.js';
import { variants } from './variants.js';

describe('NestJS', () => {
  for (const v of variants(`import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.enableCors({ origin: ['https://a.example.com'], credentials: true });
  await app.listen(3000);
}
`)) {
    it(`app.enableCors(options) on the Express adapter is npm cors (${v.lang})`, async () => {
      const policy = await scanOne(v.code, v.file);
      expect(policy).toMatchObject({ stack: 'nestjs', library: 'cors', scope: { kind: 'app', name: 'app' } });
      expect(at(policy.span)).toBe('5:3');
      expect(shapes(policy)).toEqual([{ kind: 'exact', origin: 'https://a.example.com' }]);
      expect(policy.credentials.value).toBe(true);
    });
  }

  it('enableCors() with no options: cors() defaults', async () => {
    const policy = await scanOne("import { NestFactory } from '@nestjs/core';\nconst app = await NestFactory.create(AppModule);\napp.enableCors();\n", 'main.ts');
    expect(shapes(policy)).toEqual([{ kind: 'any', sentVerbatim: true }]);
    expect(policy.allowMethods.value).toEqual(['GET', 'HEAD', 'PUT', 'PATCH', 'POST', 'DELETE']);
  });

  it('NestFactory.create(M, { cors: true }) and { cors: options }', async () => {
    const policies = await scan(`import { NestFactory } from '@nestjs/core';
const a = await NestFactory.create(AppModule, { cors: true });
const b = await NestFactory.create(AppModule, { cors: { origin: true, credentials: true } });
const c = await NestFactory.create(AppModule, { cors: false });
`, 'main.ts');
    expect(policies.map((p) => [p.scope.name, at(p.span), shapes(p), p.credentials.value])).toEqual([
      ['a', '2:17', [{ kind: 'any', sentVerbatim: true }], false],
      ['b', '3:17', [{ kind: 'reflect' }], true],
    ]);
  });

  it('the Fastify adapter registers @fastify/cors', async () => {
    const policy = await scanOne(`import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
const app = await NestFactory.create(AppModule, new FastifyAdapter());
app.enableCors({ origin: 'https://a.com' });
`, 'main.ts');
    expect(policy).toMatchObject({ stack: 'nestjs', library: '@fastify/cors' });
    expect(policy.varyOrigin.value).toBe(false);
  });
});

describe('Fastify', () => {
  const plugins: Array<[string, string]> = [
    ['import', "import fastifyCors from '@fastify/cors';\n"],
    ['named import', "import { fastifyCors } from '@fastify/cors';\n"],
    ['require', "const fastifyCors = require('@fastify/cors');\n"],
  ];
  for (const [label, line] of plugins) {
    for (const v of variants(`${line}fastify.register(fastifyCors, { origin: /\\.example\\.com$/, credentials: true });\n`)) {
      it(`fastify.register(${label}) (${v.lang})`, async () => {
        const policy = await scanOne(v.code, v.file.replace('app', 'server'));
        expect(policy).toMatchObject({ stack: 'fastify', library: '@fastify/cors', scope: { kind: 'app', name: 'fastify' } });
        expect(at(policy.span)).toBe('2:1');
        expect(shapes(policy)).toEqual([{ kind: 'regex', pattern: '\\.example\\.com$', flavor: 'js', mode: 'search', ignoreCase: false, flags: '' }]);
        expect(policy.varyOrigin.value).toBe(true);
        expect(policy.credentials.value).toBe(true);
      });
    }
  }

  it("register(import('@fastify/cors'), ...) and register(require('@fastify/cors'))", async () => {
    const policies = await scan(`import Fastify from 'fastify';
const app = Fastify();
await app.register(import('@fastify/cors'), { origin: '*', credentials: true });
app.register(require('@fastify/cors'));
`, 'server.mjs');
    expect(policies.map((p) => [at(p.span), shapes(p), p.credentials.value])).toEqual([
      ['3:7', [{ kind: 'any', sentVerbatim: true }], true],
      ['4:1', [{ kind: 'any', sentVerbatim: true }], false],
    ]);
    expect(policies[0]!.notes?.join(' ')).toMatch(/sends both/);
    expect(policies[1]!.allowMethods).toEqual({ value: ['GET', 'HEAD', 'POST'], isDefault: true });
    expect(policies[1]!.libraryOptions).toMatchObject({ strictPreflight: true });
  });

  it("an array with '*' sends '*'; a string adds no Vary; preflight: false is not handled", async () => {
    const policies = await scan(`const cors = require('@fastify/cors');
app.register(cors, { origin: ['https://a.com', '*'] });
app.register(cors, { origin: 'https://a.com', preflight: false });
`);
    expect(shapes(policies[0]!)).toEqual([{ kind: 'any', sentVerbatim: true }]);
    expect(policies[1]!.varyOrigin.value).toBe(false);
    expect(policies[1]!.preflight.value).toBe('not-handled');
  });
});

describe('Koa (@koa/cors)', () => {
  for (const v of variants(`import Koa from 'koa';
import cors from '@koa/cors';
const app = new Koa();
app.use(cors({ credentials: true }));
app.use(cors({ origin: '*' }));
app.use(cors({ origin: (ctx/*:any*/) => ALLOWED.includes(ctx.get('Origin')) ? ctx.get('Origin') : '' }));
const ALLOWED = ['https://a.com'];
`)) {
    it(`defaults, '*', and an origin function (${v.lang})`, async () => {
      const policies = await scan(v.code, v.file);
      expect(policies.map((p) => [p.stack, p.library, at(p.span), shapes(p), p.varyOrigin.value])).toEqual([
        ['koa', '@koa/cors', '4:9', [{ kind: 'reflect' }], true],
        ['koa', '@koa/cors', '5:9', [{ kind: 'any', sentVerbatim: true }], true],
        ['koa', '@koa/cors', '6:9', [{ kind: 'exact', origin: 'https://a.com' }], true],
      ]);
      expect(policies[0]!.allowMethods).toEqual({ value: ['GET', 'HEAD', 'PUT', 'POST', 'DELETE', 'PATCH'], isDefault: true });
      expect(policies[0]!.headersOnErrors.value).toBe(true);
      expect(policies[2]!.libraryOptions).toMatchObject({ originFunction: true });
    });
  }
});

describe('declared library versions', () => {
  const code = "import cors from '@koa/cors';\napp.use(cors());\n";
  it('@koa/cors 4.x with origin unset echoes the request Origin; 5.x sends *', async () => {
    const old = await scanFiles({ 'package.json': JSON.stringify({ dependencies: { '@koa/cors': '^4.0.0' } }), 'src/app.js': code });
    expect(old.policies[0]!.origins).toEqual([{ kind: 'reflect' }]);
    expect(old.policies[0]).toMatchObject({ libraryVersion: '^4.0.0', libraryVersionSource: 'package.json' });
    const current = await scanFiles({ 'package.json': JSON.stringify({ dependencies: { '@koa/cors': '5.0.0' } }), 'src/app.js': code });
    expect(current.policies[0]!.origins).toEqual([{ kind: 'any', sentVerbatim: true }]);
  });

  it('npm cors version from the nearest package.json that declares it', async () => {
    const { policies } = await scanFiles({
      'package.json': JSON.stringify({ dependencies: { cors: '^2.8.5' } }),
      'packages/api/package.json': JSON.stringify({ name: 'api' }),
      'packages/api/app.js': "const cors = require('cors');\napp.use(cors());\n",
    });
    expect(policies[0]).toMatchObject({ libraryVersion: '^2.8.5', libraryVersionSource: 'package.json' });
  });
});
