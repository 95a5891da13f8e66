import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { allRules } from '../../rules/index.js';
import { lint } from '../../src/lint.js';
import { lintAndFix } from '../../src/fix/run-fix.js';
import { readmeExamples } from './readme-examples.js';

const rulesDir = path.resolve(__dirname, '../../rules');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cors-lint-docs-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

// Every rule on, including the ones that are off by default, and an allowlist for the policy rule.
const config = {
  rules: Object.fromEntries(allRules.map((r) => [r.meta.id, r.meta.defaultSeverity])),
  allowedOrigins: ['https://app.example.com', 'https://*.example.com'],
};

describe.each(allRules.map((r) => r.meta.id))('%s README', (ruleId) => {
  const readme = path.join(rulesDir, ruleId, 'README.md');

  it('exists with incorrect and correct examples', () => {
    const examples = readmeExamples(fs.readFileSync(readme, 'utf8'));
    expect(examples.some((e) => e.expect === 'finding')).toBe(true);
    expect(examples.some((e) => e.expect === 'clean')).toBe(true);
  });

  const examples = fs.existsSync(readme) ? readmeExamples(fs.readFileSync(readme, 'utf8')) : [];
  it.each(examples.map((e) => [`${e.expect === 'finding' ? '❌' : '✅'} ${e.language} block at README.md:${e.line}`, e] as const))('%s', async (_name, example) => {
    const dir = fs.mkdtempSync(path.join(work, `${ruleId}-`));
    fs.mkdirSync(path.dirname(path.join(dir, example.fileName)), { recursive: true });
    fs.writeFileSync(path.join(dir, example.fileName), example.code);
    for (const more of example.moreFiles ?? []) {
      fs.mkdirSync(path.dirname(path.join(dir, more.fileName)), { recursive: true });
      fs.writeFileSync(path.join(dir, more.fileName), more.code);
    }
    const result = await lint(['.'], { cwd: dir, config });
    const own = result.findings.filter((f) => f.ruleId === ruleId);
    const context = JSON.stringify({ findings: result.findings.map((f) => `${f.ruleId}: ${f.message}`), diagnostics: result.diagnostics }, null, 1);
    if (example.expect === 'finding') expect(own.length, context).toBeGreaterThan(0);
    else expect(own, context).toEqual([]);
    expect(result.diagnostics.filter((d) => d.kind === 'parse-error'), context).toEqual([]);
    // Where the example's finding has a fix, applying it (unsafe ones too) makes that finding go away.
    const fixable = own.filter((f) => f.fix);
    if (!fixable.length) return;
    fixedExamples.add(ruleId);
    const run = await lintAndFix(['.'], { cwd: dir, config }, { unsafe: true, write: true });
    expect(run.diagnostics, context).toEqual([]);
    const left = new Set(run.result.findings.filter((f) => f.ruleId === ruleId).map((f) => f.fingerprint));
    for (const f of fixable) expect(left.has(f.fingerprint), `${f.message}\n${fs.readFileSync(path.join(dir, example.fileName), 'utf8')}`).toBe(false);
  });

  it('documents its fix (a "## Fix" section saying whether it is safe) exactly when it declares one, and its examples show it', () => {
    const text = fs.readFileSync(readme, 'utf8');
    const section = /^## Fix\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(text)?.[1];
    const fixable = allRules.find((r) => r.meta.id === ruleId)!.meta.fixable;
    expect(fixedExamples.has(ruleId)).toBe(fixable !== undefined);
    if (fixable) expect(section, 'README needs a ## Fix section').toMatch(fixable === 'safe-or-unsafe' ? /\bsafe\b[\s\S]*\bunsafe\b|\bunsafe\b[\s\S]*\bsafe\b/i : new RegExp(`\\*\\*${fixable}\\b`, 'i'));
    else expect(section).toBeUndefined();
  });
});

/** Rules whose README examples produced a finding with a fix (filled by the example tests above). */
const fixedExamples = new Set<string>();
