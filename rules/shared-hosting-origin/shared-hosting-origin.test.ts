import { describe, expect, it } from 'vitest';
import type { Library, OriginEntry } from '../../src/model/types.js';
import { compilePattern, PatternEvaluator, specOf } from '../../src/regex/index.js';
import { policy, run, span } from '../../test/helpers/rule-harness.js';
import rule from './index.js';
import { isSharedRoot, sharedHostingOf } from './shared-hosting.js';

const at = span(9, 12, 41);
type Regex = Extract<OriginEntry, { kind: 'regex' }>;
const starlette = (pattern: string): Regex => ({ kind: 'regex', pattern, flavor: 'python', mode: 'fullmatch', ignoreCase: false, span: at });
const js = (pattern: string): Regex => ({ kind: 'regex', pattern, flavor: 'js', mode: 'search', ignoreCase: false, flags: '', span: at });
const nginx = (pattern: string): Regex => ({ kind: 'regex', pattern, flavor: 'pcre', mode: 'search', ignoreCase: true, span: at });
const exact = (origin: string): OriginEntry => ({ kind: 'exact', origin, span: at });

function catches(library: Library, entry: OriginEntry, witness: string, credentials: boolean) {
  const findings = run(rule, [policy(library, [entry], { credentials })]);
  expect(findings).toHaveLength(1);
  expect(findings[0]).toMatchObject({
    ruleId: 'shared-hosting-origin',
    severity: credentials ? 'error' : 'warning',
    witness,
    location: { line: 9, column: 12, endLine: 9, endColumn: 41 },
  });
  if (entry.kind === 'regex') {
    const compiled = compilePattern(specOf(entry));
    if (!compiled.ok) throw new Error(compiled.reason);
    expect(new PatternEvaluator(compiled.compiled).accepts(witness)).toBe(true);
  }
  return findings[0]!;
}

describe('shared-hosting-origin', () => {
  it('catches a Starlette regex over *.vercel.app, as an error with credentials', () => {
    const f = catches('starlette', starlette(String.raw`https://.*\.vercel\.app`), 'https://attacker-cors-lint.vercel.app', true);
    expect(f.message).toBe(
      "allow_origin_regex 'https://.*\\.vercel\\.app' accepts https://attacker-cors-lint.vercel.app: vercel.app is on the Public Suffix List's private section: anyone can deploy a site under it, so an attacker who deploys there can read the responses, including authenticated responses (Starlette CORSMiddleware in FastAPI sends Access-Control-Allow-Credentials: true)",
    );
  });
  it('catches .*\\.github\\.io in npm cors as a warning without credentials', () => {
    catches('cors', js(String.raw`^https:\/\/.*\.github\.io$`), 'https://attacker-cors-lint.github.io', false);
  });
  it('catches a project-prefix wildcard that anyone can also claim', () => {
    catches('cors', js(String.raw`^https:\/\/myapp-[a-z0-9-]+\.vercel\.app$`), 'https://myapp-attacker-cors-lint.vercel.app', false);
  });
  it('catches nginx patterns over playgrounds not on the PSL', () => {
    catches('nginx', nginx(String.raw`^https://[a-z0-9-]+\.stackblitz\.io$`), 'https://attacker-cors-lint.stackblitz.io', false);
    catches('nginx', nginx(String.raw`^https://(cdpn\.io|app\.example\.com)$`), 'https://cdpn.io', true);
  });
  it('catches wildcard PSL rules, labels without dashes and patterns without a scheme', () => {
    catches('cors', js(String.raw`^https:\/\/.*\.replit\.dev$`), 'https://attacker-cors-lint.replit.dev', false);
    catches('cors', js(String.raw`^https:\/\/[a-z]+\.glitch\.me$`), 'https://attacker.glitch.me', false);
    catches('cors', js(String.raw`\.azurewebsites\.net$`), 'https://attacker-cors-lint.azurewebsites.net', true);
  });
  it('catches an exact origin that is a shared root or a playground', () => {
    catches('starlette', exact('https://codepen.io'), 'https://codepen.io', false);
    catches('cors', exact('https://vercel.app'), 'https://vercel.app', true);
  });
  it.each([
    ['starlette', exact('https://myapp.vercel.app')],
    ['starlette', starlette(String.raw`https://myapp\.vercel\.app`)],
    ['cors', js(String.raw`^https:\/\/[a-z]+\.example\.com$`)],
    ['nginx', nginx(String.raw`^https://app\.netlify\.app$`)],
    ['cors', { kind: 'any', span: at } as OriginEntry],
    // Accepts every https origin: permissive-origin-regex reports it; shared hosting is no extra news.
    ['starlette', starlette(String.raw`^https?://.+$`)],
  ] as const)('catches not %s %#', (library, entry) => {
    expect(run(rule, [policy(library, [entry])])).toEqual([]);
  });
  it('knows shared hosting from tldts and the playground list', () => {
    expect(sharedHostingOf('x.herokuapp.com')).toEqual({ suffix: 'herokuapp.com', kind: 'private-suffix' });
    expect(sharedHostingOf('x.glitch.me')).toEqual({ suffix: 'glitch.me', kind: 'playground' });
    expect(sharedHostingOf('app.example.com')).toBeUndefined();
    expect(isSharedRoot('pages.dev')).toMatchObject({ kind: 'private-suffix' });
    expect(isSharedRoot('x.pages.dev')).toBeUndefined();
  });
});
