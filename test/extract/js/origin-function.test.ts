import { describe, expect, it } from 'vitest';
import { at, scan, scanOne, shapes } from './helpers.js';
import { variants } from './variants.js';

const CORS = "const cors = require('cors');\n";
const LIST = "const allowed = ['https://a.example.com', 'https://b.example.com'];\n";

function policyWith(fnSource: string, lang: 'js' | 'ts' = 'js') {
  const v = variants(`${CORS}${LIST}app.use(cors({ origin: ${fnSource} }));\n`).find((x) => x.lang === lang)!;
  return scanOne(v.code, v.file);
}

describe('origin functions: always accepts -> reflect', () => {
  const always = [
    '(origin/*:any*/, cb/*:any*/) => cb(null, true)',
    'function (origin/*:any*/, callback/*:any*/) { callback(null, origin); }',
    'async (origin/*:any*/) => true',
    'function (o/*:any*/, cb/*:any*/) { return cb(null, true); }',
  ];
  for (const src of always) {
    for (const lang of ['js', 'ts'] as const) {
      it(`${src} (${lang})`, async () => {
        const policy = await policyWith(src, lang);
        expect(shapes(policy)).toEqual([{ kind: 'reflect' }]);
      });
    }
  }

  it('a named function reference', async () => {
    const policy = await scanOne(`${CORS}function allowAll(origin, cb) { cb(null, true); }\napp.use(cors({ origin: allowAll }));\n`);
    expect(shapes(policy)).toEqual([{ kind: 'reflect' }]);
  });

  it('a non-origin condition becomes the reflect condition', async () => {
    const policy = await policyWith('(origin, cb) => { if (isDev) return cb(null, true); cb(null, allowed.includes(origin)); }');
    expect(shapes(policy)).toEqual([
      { kind: 'reflect', condition: 'isDev' },
      { kind: 'exact', origin: 'https://a.example.com' },
      { kind: 'exact', origin: 'https://b.example.com' },
    ]);
  });
});

describe('origin functions: membership, regex, suffix', () => {
  const membership = [
    '(origin, cb) => cb(null, allowed.includes(origin))',
    '(origin, cb) => { if (allowed.indexOf(origin) !== -1) cb(null, true); else cb(new Error("nope")); }',
    '(origin, cb) => { if (allowed.indexOf(origin) > -1) { return cb(null, true) } return cb(new Error("x")) }',
    '(origin, cb) => { if (allowed.indexOf(origin) >= 0) cb(null, true); else cb(null, false); }',
    '(origin, cb) => { if (allowed.indexOf(origin) === -1) return cb(new Error("blocked"), false); return cb(null, true); }',
    '(origin, cb) => cb(null, new Set(allowed).has(origin))',
    '(origin, cb) => { if (!allowed.includes(origin)) { cb(new Error("no")); return; } cb(null, origin); }',
    '(origin, cb) => cb(null, allowed.some((o) => o === origin))',
  ];
  for (const src of membership) {
    for (const lang of ['js', 'ts'] as const) {
      it(`${src} (${lang})`, async () => {
        const policy = await policyWith(src.replace(/\(origin, cb\)/, '(origin/*:any*/, cb/*:any*/)'), lang);
        expect(shapes(policy)).toEqual([
          { kind: 'exact', origin: 'https://a.example.com' },
          { kind: 'exact', origin: 'https://b.example.com' },
        ]);
        expect(at(policy.origins[0]!.span)).toBe('2:18');
      });
    }
  }

  it('!origin || list.includes(origin): matchers, and a note on requests without Origin', async () => {
    const policy = await policyWith('(origin, callback) => { if (!origin || allowed.includes(origin)) { callback(null, true); } else { callback(new Error("CORS")); } }');
    expect(shapes(policy)).toEqual([
      { kind: 'exact', origin: 'https://a.example.com' },
      { kind: 'exact', origin: 'https://b.example.com' },
    ]);
    expect(policy.notes?.join(' ')).toMatch(/also accepts requests without an Origin header/);
  });

  it('early exit for a missing Origin, then a membership test', async () => {
    const policy = await policyWith('(origin, cb) => { if (!origin) return cb(null, true); if (allowed.includes(origin)) return cb(null, true); cb(new Error("no")); }');
    expect(shapes(policy)).toEqual([
      { kind: 'exact', origin: 'https://a.example.com' },
      { kind: 'exact', origin: 'https://b.example.com' },
    ]);
    expect(policy.notes?.join(' ')).toMatch(/without an Origin header/);
  });

  for (const lang of ['js', 'ts'] as const) {
    it(`regex test with a resolvable pattern (${lang})`, async () => {
      const v = variants(`${CORS}const RE/*:RegExp*/ = /^https:\\/\\/[a-z]+\\.example\\.com$/;\napp.use(cors({ origin: (origin/*:any*/, cb/*:any*/) => cb(null, RE.test(origin)) }));\n`).find((x) => x.lang === lang)!;
      const policy = await scanOne(v.code, v.file);
      expect(shapes(policy)).toEqual([{ kind: 'regex', pattern: '^https:\\/\\/[a-z]+\\.example\\.com$', flavor: 'js', mode: 'search', ignoreCase: false, flags: '' }]);
      expect(at(policy.origins[0]!.span)).toBe('2:23');
    });
  }

  it("origin.endsWith('.example.com') becomes an equivalent search regex", async () => {
    const policy = await policyWith("(origin, cb) => { if (origin.endsWith('.example.com')) cb(null, true); else cb(new Error('no')); }");
    expect(shapes(policy)).toEqual([{ kind: 'regex', pattern: '\\.example\\.com$', flavor: 'js', mode: 'search', ignoreCase: false, flags: '', writtenAs: "origin.endsWith('.example.com')" }]);
    // The regex the model claims agrees with endsWith on the origins that matter.
    const re = new RegExp((policy.origins[0] as { pattern: string }).pattern);
    for (const o of ['https://a.example.com', 'https://evilexample.com', 'https://example.com', 'https://a.example.com.evil.net']) {
      expect(re.test(o)).toBe(o.endsWith('.example.com'));
    }
  });

  it('a string haystack is a substring test', async () => {
    const policy = await scanOne(`${CORS}const ALLOWED = 'https://a.com,https://b.com';\napp.use(cors({ origin: (o, cb) => cb(null, ALLOWED.includes(o)) }));\n`);
    expect(shapes(policy)).toEqual([{ kind: 'substring', haystack: 'https://a.com,https://b.com' }]);
  });

  it('anything else is unknown with the reason', async () => {
    const policy = await policyWith('(origin, cb) => db.isAllowed(origin).then((ok) => cb(null, ok))');
    expect(policy.origins).toHaveLength(1);
    expect(policy.origins[0]!.kind).toBe('unknown');
  });

  it('a list that cannot be resolved is unknown', async () => {
    const policy = await scanOne(`${CORS}app.use(cors({ origin: (origin, cb) => cb(null, getList().includes(origin)) }));\n`);
    expect(policy.origins[0]).toMatchObject({ kind: 'unknown', why: expect.stringMatching(/getList\(\)/) });
  });
});

describe('origin functions: conditions on values derived from the Origin', () => {
  it('a test of new URL(origin).hostname is unknown, not an unconditional reflect', async () => {
    const policy = await scanOne(`const cors = require('@fastify/cors');
fastify.register(cors, {
  origin: (origin, cb) => {
    const hostname = new URL(origin).hostname;
    if (hostname === 'localhost') { cb(null, true); return; }
    cb(new Error('Not allowed'), false);
  },
});
`);
    expect(policy.origins).toEqual([expect.objectContaining({ kind: 'unknown', why: expect.stringMatching(/hostname === 'localhost'/) })]);
  });

  it('Koa origin function returning the Origin after a membership test', async () => {
    const policy = await scanOne(`import cors from '@koa/cors';
const whitelist = ['https://a.com'];
app.use(cors({ origin: (ctx) => { const origin = ctx.get('Origin'); if (whitelist.includes(origin)) return origin; return false; }, credentials: true }));
`);
    expect(shapes(policy)).toEqual([{ kind: 'exact', origin: 'https://a.com' }]);
    expect(at(policy.origins[0]!.span)).toBe('2:20');
  });
});

describe('origin functions: shapes seen in real projects', () => {
  it('a ternary statement choosing the callback', async () => {
    const policy = await policyWith("(origin, callback) => { (allowed.indexOf(origin) !== -1) ? callback(null, true) : callback(new Error('Not allowed by cors')) }");
    expect(shapes(policy)).toEqual([
      { kind: 'exact', origin: 'https://a.example.com' },
      { kind: 'exact', origin: 'https://b.example.com' },
    ]);
  });

  it("indexOf(origin || '') and indexOf(origin as string)", async () => {
    for (const arg of ["origin || ''", 'origin as string']) {
      const v = variants(`${CORS}${LIST}app.use(cors({ origin: (origin/*:any*/, cb/*:any*/) => { if (allowed.indexOf(${arg}) !== -1 || !origin) cb(null, true); else cb(new Error('no')); } }));\n`).find((x) => x.lang === 'ts')!;
      const policy = await scanOne(v.code, v.file);
      expect(shapes(policy)).toEqual([
        { kind: 'exact', origin: 'https://a.example.com' },
        { kind: 'exact', origin: 'https://b.example.com' },
      ]);
    }
  });

  it('a membership test on something other than the Origin is not an origin list', async () => {
    const policy = await policyWith('(origin, cb) => { const host = new URL(origin).host; if (allowed.indexOf(host) !== -1) cb(null, true); else cb(new Error("no")); }');
    expect(policy.origins[0]!.kind).toBe('unknown');
  });

  it('an origin function imported from another module (export default)', async () => {
    const policies = await scan("import cors from 'cors';\nimport corsOrigin from './cors-origin';\napp.use(cors({ origin: corsOrigin, credentials: true }));\n", 'app.ts', {
      'cors-origin.ts': "import allowedOrigins from './allowed';\nconst corsOrigin = (origin: any, callback: any) => {\n  if (origin && allowedOrigins.indexOf(origin) !== -1) callback(null, origin);\n  else callback(new Error('Not allowed by CORS'));\n};\nexport default corsOrigin;\n",
      'allowed.ts': "export default ['https://a.example.com'];\n",
    });
    expect(shapes(policies[0]!)).toEqual([{ kind: 'exact', origin: 'https://a.example.com' }]);
    expect(policies[0]!.origins[0]!.span).toMatchObject({ file: 'allowed.ts', line: 1, column: 17 });
  });
});
