import { describe, expect, test } from 'vitest';
import { at, onePolicy, range, rangeIn, shapes } from './helpers.js';

const HEAD = `import os
from fastapi.middleware.cors import CORSMiddleware
`;

/** The origins of `app.add_middleware(CORSMiddleware, allow_origins=<expr>)` after `setup` lines. */
async function originsOf(setup: string, expr: string) {
  const code = `${HEAD}${setup}\napp.add_middleware(CORSMiddleware, allow_origins=${expr})\n`;
  const policy = await onePolicy(code);
  return { code, policy, origins: policy.origins };
}

describe('value resolution', () => {
  test('explicit concatenation, implicit concatenation and f-strings without placeholders', async () => {
    const { origins, code } = await originsOf('', `["https://" + "a.example", "https://" "b.example", f"https://c.example"]`);
    expect(shapes(origins)).toEqual([
      { kind: 'exact', origin: 'https://a.example' },
      { kind: 'exact', origin: 'https://b.example' },
      { kind: 'exact', origin: 'https://c.example' },
    ]);
    expect(at(origins[0]!.span)).toBe(range(code, '"https://" + "a.example"'));
    expect(at(origins[1]!.span)).toBe(range(code, '"https://" "b.example"'));
  });

  test('an f-string with placeholders is unknown and names the text', async () => {
    const { origins } = await originsOf('DOMAIN = "a.example"', `[f"https://{DOMAIN}"]`);
    expect(origins).toHaveLength(1);
    expect(origins[0]).toMatchObject({ kind: 'unknown' });
    expect((origins[0] as { why: string }).why).toContain('f"https://{DOMAIN}"');
  });

  test('tuple and set literals', async () => {
    const t = await originsOf('', `("https://a.example",)`);
    expect(shapes(t.origins)).toEqual([{ kind: 'exact', origin: 'https://a.example' }]);
    const s = await originsOf('', `{"https://b.example"}`);
    expect(shapes(s.origins)).toEqual([{ kind: 'exact', origin: 'https://b.example' }]);
  });

  test('module constant: the last assignment before the use wins; span at use, definedAt at the literal', async () => {
    const { origins, code } = await originsOf('ORIGINS = ["https://old.example"]\nORIGINS = ["https://new.example"]', 'ORIGINS');
    expect(shapes(origins)).toEqual([{ kind: 'exact', origin: 'https://new.example' }]);
    expect(at(origins[0]!.span)).toBe(rangeIn(code, 'allow_origins=ORIGINS', 'ORIGINS'));
    expect(at(origins[0]!.definedAt)).toBe(range(code, '"https://new.example"'));
  });

  test('an assignment after the use does not count at module level', async () => {
    const code = `${HEAD}ORIGINS = ["https://before.example"]
app.add_middleware(CORSMiddleware, allow_origins=ORIGINS)
ORIGINS = ["*"]
`;
    const p = await onePolicy(code);
    expect(shapes(p.origins)).toEqual([{ kind: 'exact', origin: 'https://before.example' }]);
  });

  test('class attribute', async () => {
    const { origins, code } = await originsOf('class Config:\n    ORIGINS = ["https://a.example"]', 'Config.ORIGINS');
    expect(shapes(origins)).toEqual([{ kind: 'exact', origin: 'https://a.example' }]);
    expect(at(origins[0]!.span)).toBe(range(code, 'Config.ORIGINS', 1));
    expect(origins[0]!.envDriven).toBeUndefined();
  });

  test('+ of lists and of a constant', async () => {
    const { origins } = await originsOf('BASE = ["https://a.example"]', 'BASE + ["https://b.example"]');
    expect(shapes(origins)).toEqual([
      { kind: 'exact', origin: 'https://a.example' },
      { kind: 'exact', origin: 'https://b.example' },
    ]);
  });

  test('list comprehension over a literal list with .strip()', async () => {
    const { origins, code } = await originsOf('RAW = [" https://a.example ", "https://b.example"]', '[o.strip() for o in RAW]');
    expect(shapes(origins)).toEqual([
      { kind: 'exact', origin: 'https://a.example' },
      { kind: 'exact', origin: 'https://b.example' },
    ]);
    // The stripped text inside the literal, not the whole literal.
    expect(at(origins[0]!.definedAt)).toBe(rangeIn(code, '" https://a.example "', 'https://a.example'));
  });

  test('comprehension with str() and a filter', async () => {
    const { origins } = await originsOf('RAW = ["https://a.example", ""]', '[str(o).rstrip("/") for o in RAW if o]');
    expect(shapes(origins)).toEqual([{ kind: 'exact', origin: 'https://a.example' }]);
  });

  test('os.getenv with a default: resolved to the default, env-driven, span at the default literal', async () => {
    const { origins, code } = await originsOf('', '[os.getenv("FRONTEND", "https://a.example")]');
    expect(shapes(origins)).toEqual([{ kind: 'exact', origin: 'https://a.example' }]);
    expect(origins[0]).toMatchObject({ envDriven: true, source: 'FRONTEND' });
    expect(at(origins[0]!.span)).toBe(range(code, '"https://a.example"'));
  });

  test('os.environ.get, environ.get and a directly imported getenv', async () => {
    const a = await originsOf('', '[os.environ.get("A", "https://a.example")]');
    expect(a.origins[0]).toMatchObject({ kind: 'exact', origin: 'https://a.example', envDriven: true, source: 'A' });
    const b = await originsOf('from os import environ', '[environ.get("B", default="https://b.example")]');
    expect(b.origins[0]).toMatchObject({ kind: 'exact', origin: 'https://b.example', envDriven: true, source: 'B' });
    const c = await originsOf('from os import getenv', '[getenv("C", "https://c.example")]');
    expect(c.origins[0]).toMatchObject({ kind: 'exact', origin: 'https://c.example', envDriven: true, source: 'C' });
  });

  test('os.environ["X"] is unknown and names the variable', async () => {
    const { origins, code } = await originsOf('', 'os.environ["CORS_ORIGINS"].split(",")');
    expect(origins).toHaveLength(1);
    expect(origins[0]).toMatchObject({ kind: 'unknown', envDriven: true, source: 'CORS_ORIGINS' });
    expect((origins[0] as { why: string }).why).toContain('CORS_ORIGINS');
    expect(at(origins[0]!.span)).toBe(range(code, 'os.environ["CORS_ORIGINS"].split(",")'));
  });

  test('os.getenv without a default is unknown', async () => {
    const { origins } = await originsOf('', '[os.getenv("FRONTEND")]');
    expect(origins[0]).toMatchObject({ kind: 'unknown', envDriven: true, source: 'FRONTEND' });
  });

  test('os.getenv("X") or "default" resolves to the default, env-driven', async () => {
    const { origins } = await originsOf('', '[os.getenv("FRONTEND") or "https://a.example"]');
    expect(origins[0]).toMatchObject({ kind: 'exact', origin: 'https://a.example', envDriven: true, source: 'FRONTEND' });
  });

  test('"a,b".split(",") of a literal', async () => {
    const { origins } = await originsOf('', '"https://a.example,https://b.example".split(",")');
    expect(shapes(origins)).toEqual([
      { kind: 'exact', origin: 'https://a.example' },
      { kind: 'exact', origin: 'https://b.example' },
    ]);
    expect(origins[0]!.envDriven).toBeUndefined();
  });

  test('os.getenv("X", "a,b").split(",") through a constant: env-driven, span at use, definedAt at the default', async () => {
    const { origins, code } = await originsOf('ALLOWED = os.getenv("ALLOWED_ORIGINS", "*,https://b.example").split(",")', 'ALLOWED');
    expect(shapes(origins)).toEqual([{ kind: 'any' }, { kind: 'exact', origin: 'https://b.example' }]);
    expect(origins[0]).toMatchObject({ envDriven: true, source: 'ALLOWED_ORIGINS' });
    expect(at(origins[0]!.span)).toBe(rangeIn(code, 'allow_origins=ALLOWED', 'ALLOWED'));
    // Each piece of the split default points at its own text inside the literal.
    expect(at(origins[0]!.definedAt)).toBe(rangeIn(code, '"*,https://b.example"', '*'));
    expect(at(origins[1]!.definedAt)).toBe(rangeIn(code, '"*,https://b.example"', 'https://b.example'));
  });

  test('an empty environment default is reported as set by the environment, not as an empty origin', async () => {
    const { origins } = await originsOf('', 'os.getenv("ORIGINS", "").split(",")');
    expect(origins).toHaveLength(1);
    expect(origins[0]).toMatchObject({ kind: 'unknown', envDriven: true, source: 'ORIGINS' });
  });

  test('a function parameter is unknown and says so', async () => {
    const code = `${HEAD}def setup(app, origins):
    app.add_middleware(CORSMiddleware, allow_origins=origins)
`;
    const p = await onePolicy(code);
    expect(p.origins[0]).toMatchObject({ kind: 'unknown' });
    expect((p.origins[0] as { why: string }).why).toBe('origins is a parameter of setup()');
  });

  test('a helper function returning a literal is followed', async () => {
    const { origins } = await originsOf('def get_origins():\n    return ["https://a.example"]', 'get_origins()');
    expect(shapes(origins)).toEqual([{ kind: 'exact', origin: 'https://a.example' }]);
  });

  test('escapes in non-raw strings are decoded as Python does, unknown escapes keep their backslash', async () => {
    const code = `${HEAD}app.add_middleware(CORSMiddleware, allow_origin_regex="https://a\\.example\\\\.com")\n`;
    const p = await onePolicy(code);
    expect(p.origins[0]).toMatchObject({ kind: 'regex', pattern: 'https://a\\.example\\.com' });
  });

  test('self-referencing and circular constants do not hang', async () => {
    const { origins } = await originsOf('A = B\nB = A', 'A');
    expect(origins[0]!.kind).toBe('unknown');
  });

  test('.append / .extend after the assignment grow the list (conditions are not tracked)', async () => {
    const { origins, code } = await originsOf(
      'ORIGINS = ["https://a.example"]\nif DEBUG:\n    ORIGINS.append("http://localhost:3000")\nORIGINS.extend(["https://b.example"])',
      'ORIGINS',
    );
    expect(shapes(origins)).toEqual([
      { kind: 'exact', origin: 'https://a.example' },
      { kind: 'exact', origin: 'http://localhost:3000' },
      { kind: 'exact', origin: 'https://b.example' },
    ]);
    expect(at(origins[1]!.definedAt)).toBe(range(code, '"http://localhost:3000"'));
  });

  test('dict.update feeds a **kwargs splat', async () => {
    const code = `${HEAD}OPTS = {"allow_origins": ["https://a.example"]}
OPTS.update(allow_credentials=True)
app.add_middleware(CORSMiddleware, **OPTS)
`;
    const p = await onePolicy(code);
    expect(p.credentials.value).toBe(true);
    expect(at(p.credentials.definedAt)).toBe(range(code, 'allow_credentials=True'));
    expect(shapes(p.origins)).toEqual([{ kind: 'exact', origin: 'https://a.example' }]);
  });

  test('if/else with an undecidable condition: every branch counts (an origin allowed in any configuration is seen)', async () => {
    const { origins } = await originsOf(
      'if os.getenv("DEBUG"):\n    ORIGINS = ["*"]\nelse:\n    ORIGINS = ["https://prod.example"]',
      'ORIGINS',
    );
    expect(shapes(origins)).toEqual([{ kind: 'any' }, { kind: 'exact', origin: 'https://prod.example' }]);
  });

  test('if/elif/else with a decidable condition picks its branch', async () => {
    const { origins } = await originsOf(
      'ENV = "prod"\nif ENV == "dev":\n    ORIGINS = ["*"]\nelif ENV == "prod":\n    ORIGINS = ["https://prod.example"]\nelse:\n    ORIGINS = []',
      'ORIGINS',
    );
    expect(shapes(origins)).toEqual([{ kind: 'exact', origin: 'https://prod.example' }]);
  });

  test('a default overridden inside an if without else keeps both possibilities', async () => {
    const { origins } = await originsOf(
      'ORIGINS = ["https://prod.example"]\nif os.getenv("DEV"):\n    ORIGINS = ["http://localhost:3000"]',
      'ORIGINS',
    );
    expect(shapes(origins)).toEqual([
      { kind: 'exact', origin: 'http://localhost:3000' },
      { kind: 'exact', origin: 'https://prod.example' },
    ]);
  });

  test('a scalar that differs between branches is unknown and names the condition', async () => {
    const code = `${HEAD}if os.getenv("DEV"):
    CRED = True
else:
    CRED = False
app.add_middleware(CORSMiddleware, allow_origins=["https://a.example"], allow_credentials=CRED)
`;
    const p = await onePolicy(code);
    expect(p.credentials.value).toBe('unknown');
    expect(p.credentials.why).toContain('depends on the condition os.getenv("DEV")');
  });

  test('Starlette Config with CommaSeparatedStrings and python-decouple config with Csv()', async () => {
    const a = await originsOf(
      'from starlette.config import Config\nfrom starlette.datastructures import CommaSeparatedStrings\nconfig = Config(".env")\nORIGINS = config("ORIGINS", cast=CommaSeparatedStrings, default="https://a.example,https://b.example")',
      'list(ORIGINS)',
    );
    expect(shapes(a.origins)).toEqual([
      { kind: 'exact', origin: 'https://a.example' },
      { kind: 'exact', origin: 'https://b.example' },
    ]);
    expect(a.origins[0]).toMatchObject({ envDriven: true, source: 'ORIGINS' });
    const b = await originsOf('from decouple import config, Csv', 'config("CORS_ORIGINS", default="https://c.example", cast=Csv())');
    expect(b.origins[0]).toMatchObject({ kind: 'exact', origin: 'https://c.example', envDriven: true, source: 'CORS_ORIGINS' });
  });

  test('pieces of an inline split literal get their own spans; escapes fall back to the whole literal', async () => {
    const { origins, code } = await originsOf('', 'os.getenv("O", "https://a.example, https://b.example").split(",")');
    expect(at(origins[1]!.span)).toBe(rangeIn(code, '"https://a.example, https://b.example"', ' https://b.example'));
    const escaped = await originsOf('', '"https://a.example,\\x68ttps://b.example".split(",")');
    expect(shapes(escaped.origins)).toEqual([
      { kind: 'exact', origin: 'https://a.example' },
      { kind: 'exact', origin: 'https://b.example' },
    ]);
    expect(at(escaped.origins[1]!.span)).toBe(range(escaped.code, '"https://a.example,\\x68ttps://b.example"'));
  });
});
