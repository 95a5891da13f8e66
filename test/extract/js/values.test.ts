import { describe, expect, it } from 'vitest';
import { at, scan, scanOne, shapes } from './helpers.js';
import { variants } from './variants.js';

const CORS = "const cors = require('cors');\n";

describe('value resolution: constants, spreads, strings', () => {
  for (const v of variants(`${CORS}const base/*:object*/ = { credentials: true };
let ORIGIN = 'https://' + 'app.example.com';
function setup() {
  const ALLOWED = [ORIGIN, \`https://admin.example.com\`, /^https:\\/\\/(\\w+)\\.example\\.com$/i, new RegExp('^https://x\\\\.example\\\\.com$', 'i')];
  app.use(cors({ ...base, origin: ALLOWED }));
}
`)) {
    it(`const/let never reassigned, function-level const, spread, concat, template, RegExp forms (${v.lang})`, async () => {
      const policy = await scanOne(v.code, v.file);
      expect(shapes(policy)).toEqual([
        { kind: 'exact', origin: 'https://app.example.com' },
        { kind: 'exact', origin: 'https://admin.example.com' },
        { kind: 'regex', pattern: '^https:\\/\\/(\\w+)\\.example\\.com$', flavor: 'js', mode: 'search', ignoreCase: true, flags: 'i' },
        { kind: 'regex', pattern: '^https://x\\.example\\.com$', flavor: 'js', mode: 'search', ignoreCase: true, flags: 'i' },
      ]);
      expect(policy.credentials).toMatchObject({ value: true });
      expect(at(policy.credentials.span)).toBe('2:40');
      expect(at(policy.origins[0]!.span)).toBe('3:14');
      expect(at(policy.origins[1]!.span)).toBe('5:28');
    });
  }

  it('a let that is reassigned is unknown', async () => {
    const policy = await scanOne(`${CORS}let origin = 'https://a.com';\nif (dev) origin = 'http://localhost:3000';\napp.use(cors({ origin }));\n`);
    expect(policy.origins).toEqual([expect.objectContaining({ kind: 'unknown', why: expect.stringMatching(/reassigned/) })]);
  });

  it('a shadowing parameter is not the module constant', async () => {
    const policy = await scanOne(`${CORS}const origin = 'https://a.com';\nfunction make(origin) { return cors({ origin }); }\n`);
    expect(policy.origins[0]!.kind).toBe('unknown');
  });

  for (const op of ['??', '||']) {
    for (const v of variants(`${CORS}const FRONTEND = process.env.FRONTEND_URL ${op} 'https://app.example.com';\napp.use(cors({ origin: FRONTEND }));\n`)) {
      it(`process.env.X ${op} 'default' resolves to the default, env-driven (${v.lang})`, async () => {
        const policy = await scanOne(v.code, v.file);
        expect(policy.origins).toEqual([
          expect.objectContaining({ kind: 'exact', origin: 'https://app.example.com', sentVerbatim: true, envDriven: true, source: 'FRONTEND_URL' }),
        ]);
        expect(at(policy.origins[0]!.span)).toBe('2:46');
      });
    }
  }

  it('process.env.X alone is unknown and names X', async () => {
    const policy = await scanOne(`${CORS}app.use(cors({ origin: process.env.CORS_ORIGIN, credentials: true }));\n`);
    expect(policy.origins).toEqual([expect.objectContaining({ kind: 'unknown', source: 'CORS_ORIGIN', why: 'environment variable CORS_ORIGIN' })]);
    expect(policy.notes?.join(' ')).toMatch(/when CORS_ORIGIN is not set .* no CORS headers/);
  });

  for (const v of variants(`${CORS}const origins/*:string[]*/ = (process.env.ORIGINS ?? 'https://a.com, https://b.com').split(',').map((s/*:string*/) => s.trim());\napp.use(cors({ origin: origins }));\n`)) {
    it(`.split(',') and .map(s => s.trim()) of a literal (${v.lang})`, async () => {
      const policy = await scanOne(v.code, v.file);
      expect(shapes(policy)).toEqual([
        { kind: 'exact', origin: 'https://a.com' },
        { kind: 'exact', origin: 'https://b.com' },
      ]);
      expect(policy.origins[0]).toMatchObject({ envDriven: true, source: 'ORIGINS' });
    });
  }

  it('as const / satisfies / non-null wrappers are transparent', async () => {
    const policy = await scanOne(`${CORS}const O = ['https://a.com'] as const;\nconst opts = { origin: O!, credentials: true } satisfies object;\napp.use(cors(opts as any));\n`, 'app.ts');
    expect(shapes(policy)).toEqual([{ kind: 'exact', origin: 'https://a.com' }]);
  });

  it('an options object with an unresolvable spread keeps what it can see', async () => {
    const policy = await scanOne(`${CORS}app.use(cors({ ...loadOptions(), credentials: true }));\n`);
    expect(policy.origins[0]!.kind).toBe('unknown');
    expect(policy.credentials.value).toBe(true);
  });
});

describe('value resolution: same-repository imports', () => {
  it('ESM named import from ./config (.ts resolved for a .js specifier)', async () => {
    const policies = await scan(`import cors from 'cors';\nimport { ORIGINS } from './config.js';\napp.use(cors({ origin: ORIGINS }));\n`, 'src/app.ts', {
      'src/config.ts': "export const ORIGINS: string[] = [\n  'https://a.example.com',\n];\n",
    });
    expect(policies).toHaveLength(1);
    expect(shapes(policies[0]!)).toEqual([{ kind: 'exact', origin: 'https://a.example.com' }]);
    expect(policies[0]!.origins[0]!.span).toMatchObject({ file: 'src/config.ts', line: 2, column: 3 });
    expect(policies[0]!.origins[0]!.definedAt).toMatchObject({ file: 'src/config.ts', line: 2 });
  });

  it('CommonJS require of a folder index with module.exports', async () => {
    const policies = await scan(`const cors = require('cors');\nconst { allowed } = require('./settings');\napp.use(cors({ origin: allowed }));\n`, 'app.js', {
      'settings/index.js': "module.exports = { allowed: /\\.example\\.com$/ };\n",
    });
    expect(shapes(policies[0]!)).toEqual([{ kind: 'regex', pattern: '\\.example\\.com$', flavor: 'js', mode: 'search', ignoreCase: false, flags: '' }]);
    expect(policies[0]!.origins[0]!.span).toMatchObject({ file: 'settings/index.js', line: 1, column: 29 });
  });

  it('re-exports, default exports and exports.X', async () => {
    const policies = await scan(
      `import cors from 'cors';\nimport cfg from './cfg';\nimport { B } from './all';\napp.use(cors({ origin: [cfg.a, B] }));\n`,
      'app.ts',
      {
        'cfg.ts': "export default { a: 'https://a.com' };\n",
        'all.ts': "export * from './b';\n",
        'b.js': "exports.B = 'https://b.com';\n",
      },
    );
    expect(shapes(policies[0]!)).toEqual([
      { kind: 'exact', origin: 'https://a.com' },
      { kind: 'exact', origin: 'https://b.com' },
    ]);
  });

  it('an import cycle is cut, not followed forever', async () => {
    const policies = await scan(`import cors from 'cors';\nimport { A } from './a';\napp.use(cors({ origin: A }));\n`, 'app.ts', {
      'a.ts': "import { B } from './b';\nexport const A = B;\n",
      'b.ts': "import { A } from './a';\nexport const B = A;\n",
    });
    expect(policies[0]!.origins[0]).toMatchObject({ kind: 'unknown', why: expect.stringMatching(/circular/) });
  });

  it('a missing module is unknown with the reason', async () => {
    const policies = await scan(`import cors from 'cors';\nimport { A } from './nope';\napp.use(cors({ origin: A }));\n`, 'app.ts');
    expect(policies[0]!.origins[0]).toMatchObject({ kind: 'unknown', why: expect.stringMatching(/cannot find '\.\/nope'/) });
  });
});

describe('value resolution: tsconfig paths and baseUrl', () => {
  const tsconfig = `{
  // comments and trailing commas are allowed in tsconfig.json
  "extends": "./tsconfig.base.json",
  "compilerOptions": { "paths": { "@/*": ["src/*"], "~config": ["src/config/index.ts"], }, },
}`;
  it("'@/config/cors' and an exact alias resolve inside the repository; packages stay packages", async () => {
    const policies = await scan(
      "import cors from 'cors';\nimport { ORIGINS } from '@/config/cors';\nimport settings from '~config';\napp.use(cors({ origin: [...ORIGINS, settings.extra] }));\n",
      'src/main.ts',
      {
        'tsconfig.json': tsconfig,
        'tsconfig.base.json': '{ "compilerOptions": { "baseUrl": "." } }',
        'src/config/cors.ts': "export const ORIGINS = ['https://a.example.com'];\n",
        'src/config/index.ts': "export default { extra: 'https://b.example.com' };\n",
      },
    );
    expect(shapes(policies[0]!)).toEqual([
      { kind: 'exact', origin: 'https://a.example.com' },
      { kind: 'exact', origin: 'https://b.example.com' },
    ]);
    expect(policies[0]!.origins[0]!.span).toMatchObject({ file: 'src/config/cors.ts', line: 1, column: 25 });
  });

  it('baseUrl: src/config/cors from the project root', async () => {
    const policies = await scan("import cors from 'cors';\nimport { ORIGINS } from 'src/config/cors';\napp.enableCors({ origin: ORIGINS });\napp.use(cors({ origin: ORIGINS }));\n", 'src/main.ts', {
      'tsconfig.json': '{ "compilerOptions": { "baseUrl": "./" } }',
      'src/config/cors.ts': "export const ORIGINS = ['https://a.example.com'];\n",
    });
    expect(policies.map((p) => shapes(p))).toEqual([
      [{ kind: 'exact', origin: 'https://a.example.com' }],
      [{ kind: 'exact', origin: 'https://a.example.com' }],
    ]);
  });
});
