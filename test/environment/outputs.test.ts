// Environment and frontend facts in the outputs: SARIF relatedLocations (valid under the official
// multitool), `check` without --origin, --print-policies.
import type * as Sarif from 'sarif';
import { describe, expect, it } from 'vitest';
import { checkMain } from '../../src/check/main.js';
import { main } from '../../src/cli/main.js';
import { formatters } from '../../src/format/index.js';
import { lint } from '../../src/lint.js';
import { validateSarif } from '../format/multitool.js';
import { tempTree } from '../helpers/temp-tree.js';

const repo = (withDevEnv = true) =>
  tempTree({
    'api/main.py': `import os
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

app = FastAPI()
origins = os.getenv("CORS_ORIGINS", "http://localhost:3000").split(",")
app.add_middleware(CORSMiddleware, allow_origins=origins, allow_credentials=True)
`,
    'api/.env.production': 'CORS_ORIGINS=https://app.example.com/\n',
    ...(withDevEnv ? { 'api/.env': 'CORS_ORIGINS=http://localhost:5173\n' } : {}),
    'web/package.json': JSON.stringify({ name: 'web', scripts: { dev: 'vite' }, devDependencies: { vite: '^5' } }),
    'web/.env': 'VITE_API_URL=http://localhost:8000\n',
  });

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t) } };
}

describe('SARIF', () => {
  it('carries the environment file as a related location, valid under Sarif.Multitool', async () => {
    const cwd = repo(false);
    const result = await lint(['.'], { cwd });
    const text = formatters.sarif!({ result, cwd, color: false });
    const log = JSON.parse(text) as Sarif.Log;
    const malformed = log.runs[0]!.results!.find((r) => r.ruleId === 'malformed-origin')!;
    expect(malformed.locations![0]!.physicalLocation!.artifactLocation!.uri).toBe('api/main.py');
    expect(malformed.relatedLocations).toEqual([
      expect.objectContaining({ id: 0, physicalLocation: expect.objectContaining({ artifactLocation: { uri: 'api/.env.production', uriBaseId: '%SRCROOT%' }, region: expect.objectContaining({ startLine: 1 }) }) }),
    ]);
    const frontend = log.runs[0]!.results!.find((r) => r.ruleId === 'frontend-origin-not-allowed')!;
    expect(frontend.relatedLocations!.map((l) => l.physicalLocation!.artifactLocation!.uri)).toEqual(['web/.env', 'web/package.json']);
    const issues = validateSarif(text).filter((i) => i.level === 'error' || i.level === 'warning');
    expect(issues).toEqual([]);
  }, 120_000);
});

describe('check without --origin', () => {
  it("uses the frontends' dev origins, says so, and checks every environment", async () => {
    const cwd = repo();
    const c = capture();
    const code = await checkMain([], { cwd, ...c.io });
    const text = c.out.join('');
    expect(code).toBe(1);
    expect(text).toContain('No --origin given: using the origins of the frontends found in the repository.');
    expect(text).toContain('http://localhost:5173  Vite app web (web/package.json)');
    expect(text).toContain("from       http://localhost:5173 (Vite app web (web/package.json)), the code's default");
    expect(text).toContain('environment .env');
    expect(text).not.toContain('environment production');
    const json = capture();
    await checkMain(['--format', 'json'], { cwd, ...json.io });
    const parsed = JSON.parse(json.out.join('')) as { origins: Array<{ origin: string }>; results: Array<{ origin: string; allowed: boolean; environment?: string }> };
    expect(parsed.origins.map((o) => o.origin)).toEqual(['http://localhost:5173']);
    // The code's default blocks the Vite origin, the .env a developer runs with allows it;
    // production values are not checked against a development origin.
    expect(parsed.results.map((r) => [r.origin, r.environment ?? 'default', r.allowed])).toEqual([
      ['http://localhost:5173', 'default', false],
      ['http://localhost:5173', '.env', true],
    ]);
  });

  it('with --origin, checks every policy as before', async () => {
    const cwd = repo();
    const c = capture();
    expect(await checkMain(['--origin', 'http://localhost:3000'], { cwd, ...c.io })).toBe(0);
    expect(c.out.join('')).not.toContain('No --origin given');
  });
});

describe('--print-policies', () => {
  it('shows per policy the environments and their values, and the frontends', async () => {
    const cwd = repo();
    const c = capture();
    await main(['--print-policies', '.'], { cwd, env: {}, isTty: false, ...c.io });
    const printed = JSON.parse(c.out.join('')) as { policies: Array<{ environments?: Array<{ name: string; settings: Array<{ variable: string; value: string; span: { file: string; line: number } }>; origins: Array<{ origin?: string }> }> }>; frontends: Array<{ framework: string }>; frontendLinks: Array<{ apiUrl: string }> };
    const env = printed.policies[0]!.environments!;
    expect(env.map((e) => [e.name, e.settings[0]!.variable, e.settings[0]!.value, `${e.settings[0]!.span.file}:${e.settings[0]!.span.line}`, e.origins.map((o) => o.origin)])).toEqual([
      ['.env', 'CORS_ORIGINS', 'http://localhost:5173', 'api/.env:1', ['http://localhost:5173']],
      ['production', 'CORS_ORIGINS', 'https://app.example.com/', 'api/.env.production:1', ['https://app.example.com/']],
    ]);
    expect(printed.frontends.map((f) => f.framework)).toEqual(['vite']);
    expect(printed.frontendLinks.map((l) => l.apiUrl)).toEqual(['http://localhost:8000']);
  });
});
