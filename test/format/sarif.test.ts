import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../rules/index.js';
import { buildSarif, FINGERPRINT_KEY } from '../../src/format/sarif.js';
import { formatters } from '../../src/format/index.js';
import { lint } from '../../src/lint.js';
import { packageVersion, ruleReadmePath } from '../../src/package-root.js';
import { validateSarif } from './multitool.js';
import { finding, sampleResult, sampleRules, tempTree } from './sample.js';

const fixtureTree = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/tree');
const readme = (id: string) => `# ${id}\n\nWhat it catches.\n`;
const sarifOf = (result: ReturnType<typeof sampleResult>, cwd: string) =>
  buildSarif(result, cwd, { rules: sampleRules, version: '1.2.3', readme });

describe('SARIF output', () => {
  const dir = tempTree({
    'app/main.py': ['from x import y', '', 'app.add_middleware(', '    CORSMiddleware,', '    allow_origins=["*"],', '    allow_credentials=True,', ')', ''].join('\n'),
    'my dir/site.conf': 'add_header Access-Control-Allow-Origin *;\n',
  });
  const result = sampleResult(
    [
      finding({ file: 'app/main.py', line: 5, column: 5, location: { file: 'app/main.py', line: 5, column: 5, endLine: 5, endColumn: 24 }, witness: 'https://evil.example' }),
      finding({ file: 'my dir/site.conf', line: 1, ruleId: 'wildcard-origin', severity: 'note', message: 'Access-Control-Allow-Origin: * lets every website read these responses', fingerprint: 'a'.repeat(32) }),
    ],
    { diagnostics: [{ kind: 'parse-error', file: 'app/main.py', message: 'invalid syntax', line: 3, column: 19 }, { kind: 'file-skipped', file: 'gone.py', message: 'larger than 1 MiB' }] },
  );
  const log = sarifOf(result, dir);
  const run = log.runs[0]!;

  it('describes every rule with help, CWE tags and a security-severity string', () => {
    expect(log.version).toBe('2.1.0');
    expect(run.tool.driver).toMatchObject({ name: 'cors-lint', version: '1.2.3', informationUri: expect.stringMatching(/^https:\/\//) });
    const [first, second] = run.tool.driver.rules!;
    expect(first).toMatchObject({
      id: 'credentials-with-wildcard-origin',
      name: 'CredentialsWithWildcardOrigin',
      shortDescription: { text: 'Wildcard origin together with credentials.' },
      fullDescription: { text: 'Wildcard origin together with credentials. Every site can read authenticated responses.' },
      help: { markdown: readme('credentials-with-wildcard-origin') },
      helpUri: expect.stringContaining('/rules/credentials-with-wildcard-origin/README.md'),
      defaultConfiguration: { level: 'error' },
      properties: { tags: ['security', 'cors', 'external/cwe/cwe-942', 'external/cwe/cwe-346'], 'security-severity': '8.1', precision: 'high' },
    });
    expect(first!.help!.text).toContain(first!.helpUri);
    expect(second).toMatchObject({ id: 'wildcard-origin', defaultConfiguration: { level: 'note' }, properties: { 'security-severity': '3.1' } });
  });

  it('reports results at relative %SRCROOT% URIs with 1-based regions, snippets and the witness', () => {
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: `${pathToFileURL(dir).href}/` } });
    const [a, b] = run.results!;
    expect(a).toMatchObject({
      ruleId: 'credentials-with-wildcard-origin',
      ruleIndex: 0,
      level: 'error',
      message: { text: "allow_origins=['*'] with allow_credentials=True: Starlette echoes any Origin. Witness: https://evil.example" },
      properties: { witness: 'https://evil.example' },
    });
    expect(a!.locations![0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'app/main.py', uriBaseId: '%SRCROOT%' },
      region: { startLine: 5, startColumn: 5, endLine: 5, endColumn: 24, snippet: { text: 'allow_origins=["*"]' } },
      contextRegion: { startLine: 4, endLine: 6, snippet: { text: '    CORSMiddleware,\n    allow_origins=["*"],\n    allow_credentials=True,' } },
    });
    expect(b).toMatchObject({ ruleId: 'wildcard-origin', ruleIndex: 1, level: 'note' });
    expect(b!.locations![0]!.physicalLocation!.artifactLocation).toEqual({ uri: 'my%20dir/site.conf', uriBaseId: '%SRCROOT%' });
    expect(b!.properties).toBeUndefined();
  });

  it('makes URIs relative to another source root when asked (a run from a sub-folder of the checkout)', () => {
    const sub = sarifOf(result, path.join(dir, 'app'));
    const nested = buildSarif(sampleResult([finding({ file: 'main.py', line: 5, column: 5 })]), path.join(dir, 'app'), { rules: sampleRules, version: '1', readme, srcRoot: dir });
    expect(nested.runs[0]!.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: `${pathToFileURL(dir).href}/` } });
    expect(nested.runs[0]!.results![0]!.locations![0]!.physicalLocation!.artifactLocation).toEqual({ uri: 'app/main.py', uriBaseId: '%SRCROOT%' });
    expect(nested.runs[0]!.results![0]!.locations![0]!.physicalLocation!.region!.snippet).toEqual({ text: 'allow' });
    expect(sub.runs[0]!.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: `${pathToFileURL(path.join(dir, 'app')).href}/` } });
  });

  it('turns diagnostics into tool execution notifications with locations', () => {
    const invocation = run.invocations![0]!;
    expect(invocation.executionSuccessful).toBe(true);
    expect(invocation.toolExecutionNotifications).toEqual([
      {
        descriptor: { id: 'parse-error' },
        level: 'error',
        message: { text: 'invalid syntax.' },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'app/main.py', uriBaseId: '%SRCROOT%' }, region: { startLine: 3, startColumn: 19 } } }],
      },
      // The file does not exist: no location, the path goes into the message.
      { descriptor: { id: 'file-skipped' }, level: 'warning', message: { text: 'gone.py: larger than 1 MiB.' } },
    ]);
  });

  it('marks the run unsuccessful when a scanner or rule crashed', () => {
    const crashed = sarifOf(sampleResult([], { diagnostics: [{ kind: 'internal-error', file: '.', message: 'internal error in rule x: boom' }] }), dir);
    expect(crashed.runs[0]!.invocations![0]!.executionSuccessful).toBe(false);
    expect(crashed.runs[0]!.results).toEqual([]);
  });

  it('keeps partial fingerprints when unrelated lines move, and tells identical findings apart by order', () => {
    const twice = (offset: number) =>
      sarifOf(sampleResult([finding({ file: 'app/main.py', line: 2 + offset }), finding({ file: 'app/main.py', line: 6 + offset })]), dir).runs[0]!.results!.map(
        (r) => r.partialFingerprints![FINGERPRINT_KEY],
      );
    expect(twice(0)).toEqual([`${'f'.repeat(32)}:0`, `${'f'.repeat(32)}:1`]);
    expect(twice(3)).toEqual(twice(0));
  });

  it('describes every registered rule with its README as help', () => {
    const real = buildSarif(sampleResult([]), dir);
    const rules = real.runs[0]!.tool.driver.rules!;
    expect(real.runs[0]!.tool.driver.version).toBe(packageVersion());
    expect(rules.map((r) => r.id)).toEqual(allRules.map((r) => r.meta.id));
    expect(rules.length).toBeGreaterThan(0);
    for (const [i, rule] of allRules.entries()) {
      const descriptor = rules[i]!;
      if (fs.existsSync(ruleReadmePath(rule.meta.id))) expect(descriptor.help!.markdown).toBe(fs.readFileSync(ruleReadmePath(rule.meta.id), 'utf8'));
      expect(descriptor.properties!.tags).toEqual(['security', 'cors', ...rule.meta.docs.cwe.map((n: number) => `external/cwe/cwe-${n}`)]);
      expect(descriptor.properties!['security-severity']).toMatch(/^\d+\.\d$/);
      expect(descriptor.defaultConfiguration!.level).toBe(rule.meta.defaultSeverity);
    }
  });
});

describe('SARIF validity (Sarif.Multitool validate --rule-kind "Gh;Sarif")', () => {
  const errorsAndWarnings = (log: unknown) => validateSarif(log).filter((i) => i.level === 'error' || i.level === 'warning');

  it('the validator catches what GitHub rejects (so a pass means something)', () => {
    const bad = JSON.parse(JSON.stringify(sarifOf(sampleResult([finding({ file: 'a.py', line: 1 })]), tempTree({ 'a.py': 'x\n' })))) as Sarif.Log;
    bad.runs[0]!.results![0]!.locations = [{ physicalLocation: { artifactLocation: { uri: 'https://example.com/a.py' } } }];
    const issues = errorsAndWarnings(bad);
    expect(issues.map((i) => i.ruleId)).toEqual(expect.arrayContaining(['GH1003', 'GH1005']));
  }, 60_000);

  it('accepts a synthetic log with findings, witnesses and notifications', () => {
    const dir = tempTree({ 'app/main.py': 'a\nb\nc\n', 'broken.py': 'def (\n' });
    const result = sampleResult(
      [finding({ file: 'app/main.py', line: 2, witness: 'https://x.example' }), finding({ file: 'app/main.py', line: 3, ruleId: 'wildcard-origin', severity: 'note' }), finding({ file: 'unknown-rule.py', line: 1, ruleId: 'not-registered' })],
      { diagnostics: [{ kind: 'parse-error', file: 'broken.py', message: 'invalid syntax', line: 1, column: 5 }, { kind: 'file-skipped', file: 'big.py', message: 'too large' }] },
    );
    expect(errorsAndWarnings(sarifOf(result, dir))).toEqual([]);
  }, 60_000);

  it('accepts the real output for a fixture tree with findings and a parse error', async () => {
    const result = await lint(['.'], { cwd: fixtureTree });
    const text = formatters.sarif!({ result, cwd: fixtureTree, color: false });
    const log = JSON.parse(text) as Sarif.Log;
    expect(log.runs[0]!.results!.length).toBeGreaterThan(0);
    expect(log.runs[0]!.invocations![0]!.toolExecutionNotifications!.some((n) => n.descriptor?.id === 'parse-error')).toBe(true);
    const issues = validateSarif(text);
    expect(issues.filter((i) => i.level === 'error')).toEqual([]);
    expect(issues.filter((i) => i.level === 'warning')).toEqual([]);
  }, 120_000);
  it('accepts fixes: artifactChanges with replacements (a rewrite and insertions), safe and unsafe', async () => {
    const dir = tempTree({
      'main.py': 'from fastapi import FastAPI\nfrom fastapi.middleware.cors import CORSMiddleware\napp = FastAPI()\napp.add_middleware(CORSMiddleware, allow_origins=["https://a.example.com/"], allow_origin_regex="https://b.example.com")\n',
      'nginx.conf': 'server {\n    location / {\n        add_header Access-Control-Allow-Origin $http_origin;\n        add_header Access-Control-Allow-Credentials true;\n    }\n}\n',
    });
    const result = await lint(['.'], { cwd: dir });
    const text = formatters.sarif!({ result, cwd: dir, color: false, unsafeFixes: true });
    const log = JSON.parse(text) as Sarif.Log;
    const fixes = log.runs[0]!.results!.flatMap((r) => r.fixes ?? []);
    const replacements = fixes.flatMap((f) => f.artifactChanges.flatMap((c) => c.replacements));
    expect(fixes.length).toBeGreaterThanOrEqual(4);
    expect(replacements.some((r) => r.deletedRegion.startColumn === r.deletedRegion.endColumn && r.deletedRegion.startLine === r.deletedRegion.endLine)).toBe(true);
    expect(replacements).toContainEqual({ deletedRegion: { startLine: 4, startColumn: 52, endLine: 4, endColumn: 74 }, insertedContent: { text: 'https://a.example.com' } });
    expect(fixes.every((f) => f.artifactChanges[0]!.artifactLocation.uriBaseId === '%SRCROOT%')).toBe(true);
    const issues = validateSarif(text);
    expect(issues.filter((i) => i.level === 'error' || i.level === 'warning')).toEqual([]);
    // Without --unsafe-fixes only the safe ones are carried.
    const safeOnly = JSON.parse(formatters.sarif!({ result, cwd: dir, color: false })) as Sarif.Log;
    expect(safeOnly.runs[0]!.results!.flatMap((r) => r.fixes ?? []).length).toBe(fixes.length - 1);
  }, 120_000);
});
