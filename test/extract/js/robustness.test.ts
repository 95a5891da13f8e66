import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadJsParser, parseJs } from '../../../src/parse/js.js';
import { jsScanner } from '../../../src/extract/js/scanner.js';
import { scanFiles } from './helpers.js';

describe('parsing', () => {
  beforeAll(loadJsParser);
  it('a TypeScript syntax error is a parse-error diagnostic with line and column, and other files still yield', async () => {
    const { policies, diagnostics } = await scanFiles({
      'bad.ts': "import cors from 'cors';\nconst x: number = ;\napp.use(cors());\n",
      'good.ts': "import cors from 'cors';\napp.use(cors());\n",
    });
    expect(diagnostics).toEqual([{ kind: 'parse-error', file: 'bad.ts', line: 2, column: 19, message: expect.stringMatching(/cannot parse: Expression expected/) }]);
    expect(policies.map((p) => p.span.file)).toEqual(['good.ts']);
  });

  it('JSX/TSX, decorators and top-level await parse', () => {
    expect(parseJs("const el = <div className='cors'>{x}</div>;\n", 'a.jsx').ok).toBe(true);
    expect(parseJs('const el = <App<string> prop={1} />;\n', 'a.tsx').ok).toBe(true);
    expect(parseJs('@Controller()\nclass A { @Get() m() {} }\n', 'a.ts').ok).toBe(true);
    expect(parseJs("const m = await import('cors');\n", 'a.mjs').ok).toBe(true);
    expect(parseJs("const m = await import('cors');\nexport {};\n", 'a.mts').ok).toBe(true);
    // A .ts file never takes <T> as JSX.
    expect(parseJs('const n = <number>value;\n', 'a.ts').ok).toBe(true);
  });

  it('a .js file that only parses without JSX is retried without it', () => {
    // Valid TypeScript-free JS where JSX mode fails: a type-assertion-looking generic call.
    const code = 'const n = <number>value;\n';
    expect(parseJs(code, 'a.tsx').ok).toBe(false);
    expect(parseJs(code, 'a.js').ok).toBe(true);
  });

  it('NestJS controllers with decorators and JSX files that mention cors are scanned without error', async () => {
    const { policies, diagnostics } = await scanFiles({
      'main.ts': "import { NestFactory } from '@nestjs/core';\n@Module({})\nclass AppModule {}\nconst app = await NestFactory.create(AppModule);\napp.enableCors({ origin: 'https://a.com' });\n",
      'page.tsx': "export const Page = () => <p>cors is configured on the server</p>;\n",
    });
    expect(diagnostics).toEqual([]);
    expect(policies).toHaveLength(1);
  });
});

describe('robustness', () => {
  it('random input never makes the scanner throw', async () => {
    const fragments = fc.constantFrom(
      "const cors = require('cors');",
      "import cors from 'cors';",
      'app.use(cors(',
      '{ origin: ',
      "'*'",
      'true',
      '(o, cb) => cb(null, list.includes(o))',
      '[/a/g, "https://x"]',
      '})',
      ');',
      "res.header('Access-Control-Allow-Origin', req.headers.origin);",
      "if (allowed.indexOf(origin) !== -1) {",
      '}',
      '...opts',
      'process.env.X ?? ',
      "import { A } from './a';",
      'const A = A;',
      '`${',
      '\n',
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fragments, fc.string()), { maxLength: 30 }), async (parts) => {
        const text = parts.join(' ');
        const result = await scanFiles({ 'x.ts': text, 'a.ts': "export const A = ['https://a.com'];\n", 'y.js': text });
        expect(Array.isArray(result.policies)).toBe(true);
        // Bad input is a parse error at worst, never an internal error of the extractor.
        expect(result.diagnostics.filter((d) => d.kind !== 'parse-error')).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  it('random valid CORS programs are read without an internal error', async () => {
    const { value } = fc.letrec<{ value: string }>((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.constantFrom(
          "'*'", 'true', 'false', 'null', 'undefined', '0', '600', "'https://a.com'", "'null'", '/a\\.b$/g', '/x/i',
          'process.env.X', "process.env.X ?? 'https://d.com'", "process.env.Y || 'GET,POST'", 'A', 'B', 'req.headers.origin',
          "'https://a.com, https://b.com'.split(',').map((s) => s.trim())", "new RegExp('^https://' + 'a\\\\.com$', 'i')", '`https://t.com`',
          "require('./a').A", 'opts', 'fn()',
        ),
        fc.array(tie('value'), { maxLength: 3 }).map((a) => `[${a.join(', ')}]`),
        fc.array(fc.tuple(fc.constantFrom('origin', 'credentials', 'methods', 'allowedHeaders', 'exposedHeaders', 'maxAge', 'preflightContinue', 'preflight'), tie('value')), { maxLength: 4 })
          .map((props) => `{ ${props.map(([k, v]) => `${k}: ${v}`).join(', ')} }`),
        tie('value').map((v) => `((o, cb) => cb(null, (${v}).includes(o)))`),
        tie('value').map((v) => `((o, cb) => { if (!o || (${v}).indexOf(o) !== -1) return cb(null, true); cb(new Error('no')); })`),
        tie('value').map((v) => `(async (o) => (${v}).test(o))`),
        tie('value').map((v) => `{ ...(${v}), credentials: true }`),
        fc.tuple(tie('value'), tie('value')).map(([a, b]) => `(A ? ${a} : ${b})`),
      ),
    }));
    const program = fc.tuple(value, value, value, value, value).map(
      ([a, b, c, d, e]) => `const cors = require('cors');
const A = ${a};
let B = ${b};
const opts = { origin: ${c} };
app.use(cors(${d}));
app.put('/x', cors({ origin: A, allowedHeaders: B }), (req, res) => {
  const origin = req.headers.origin;
  if ((${e}).includes(origin)) res.set('Access-Control-Allow-Origin', origin);
  res.header('Access-Control-Allow-Origin', ${a});
  res.writeHead(200, { 'Access-Control-Allow-Credentials': ${b}, Vary: ${c} });
});
app.options('*', cors(opts));
fastify.register(require('@fastify/cors'), ${d});
app.enableCors(${e});
`,
    );
    await fc.assert(
      fc.asyncProperty(program, async (text) => {
        const result = await scanFiles({ 'p.js': text, 'a.js': "exports.A = ['https://a.com'];\n" });
        expect(result.diagnostics).toEqual([]);
        expect(result.policies.length).toBeGreaterThanOrEqual(4);
      }),
      { numRuns: 500 },
    );
  });

  it('deeply nested code does not overflow the stack', async () => {
    const deep = `${"const cors = require('cors');\n"}app.use(cors({ origin: ${'['.repeat(3000)}'x'${']'.repeat(3000)} }));\n`;
    const { diagnostics } = await scanFiles({ 'deep.js': deep });
    expect(diagnostics).toEqual([expect.objectContaining({ kind: 'file-skipped', file: 'deep.js', message: expect.stringContaining('nesting deeper than 200 levels') })]);
  });

  it('nesting just under the bound is still read', async () => {
    const nested = `${"const cors = require('cors');\n"}const x = ${'f('.repeat(190)}1${')'.repeat(190)};\napp.use(cors({ origin: true, credentials: true }));\n`;
    const { diagnostics, policies } = await scanFiles({ 'nested.js': nested });
    expect(diagnostics).toEqual([]);
    expect(policies).toHaveLength(1);
  });

  it('a large minified bundle is skipped with a diagnostic (timing: test/extract/js/bench-minified.ts)', async () => {
    const chunk = "var a=function(){return 1},b={origin:'https://x'};";
    const body = chunk.repeat(Math.ceil((900 * 1024) / chunk.length));
    const text = `/*! bundle */\nvar cors=require("cors");app.use(cors({origin:"*"}));${body}\n`;
    const { project } = await import('../../helpers/memory-project.js').then((m) => m.memoryProject({ 'dist/server.js': text }, () => 'js'));
    const result = await jsScanner.scan([{ absPath: '/virtual/dist/server.js', path: 'dist/server.js', language: 'js', text }], project);
    expect(result.diagnostics).toEqual([expect.objectContaining({ kind: 'file-skipped', file: 'dist/server.js', line: 2 })]);
    expect(result.policies).toEqual([]);
  });
});
