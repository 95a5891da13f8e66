#!/usr/bin/env node
// Scores cors-lint against a folder of annotated test files from other CORS linters.
//
//   node bench/peer-suites/score.mjs <folder> [--verbose] [--json]
//
// CORS_LINT_CLI=<path to a built cli.js> runs that build instead of bin/cors-lint.js.
//
// The folder is read at run time; nothing from it is stored here. Annotations understood:
//   - a comment line `ruleid: <id>` / `ok: <id>` (`#` or `//`) marks the next code line as an
//     expected finding / an expected clean line (semgrep convention);
//   - a trailing comment on a code line: `ruleid:` / `Noncompliant` / `$ Alert` mark that line as
//     expected finding; `ok` / `Compliant` / `OK` mark it as expected clean (Sonar, CodeQL inline).
// An expected finding counts as found when cors-lint reports a finding in the statement that
// starts on that line (with its indented continuation), or on another line of the same extracted
// policy. An expected clean line counts as kept clean when no finding is in that statement or its
// policy; flagged clean lines are listed with the rule that fired so they can be judged (a peer's
// "ok" can be a real problem, e.g. an origin without a scheme that never matches).
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const cli = process.env.CORS_LINT_CLI ? resolve(process.env.CORS_LINT_CLI) : resolve(here, '../../bin/cors-lint.js');
const args = process.argv.slice(2);
const folder = args.find((a) => !a.startsWith('--'));
const verbose = args.includes('--verbose');
const asJson = args.includes('--json');
if (!folder) {
  console.error('usage: node bench/peer-suites/score.mjs <folder> [--verbose] [--json]');
  process.exit(2);
}
const root = resolve(folder);
const exts = /\.(py|js|mjs|cjs|ts|mts|cts|jsx|tsx)$/;

function listFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...listFiles(full));
    else if (exts.test(name)) out.push(full);
  }
  return out.sort();
}

const POS_TRAILING = /(?:#|\/\/)\s*(?:ruleid\s*:|noncompliant\b|\$\s*alert\b)/i;
const NEG_TRAILING = /(?:#|\/\/)\s*(?:ok\b|compliant\b)/i;
const COMMENT_ONLY = /^\s*(?:#|\/\/|\/\*|\*)/;
const POS_LINE = /^\s*(?:#|\/\/)\s*ruleid\s*:/i;
const NEG_LINE = /^\s*(?:#|\/\/)\s*ok\s*:/i;

/** Expected lines of one file: [{line, kind: 'pos'|'neg'}], 1-based. */
function expectations(text) {
  const lines = text.split(/\r?\n/);
  const out = [];
  let pending = null;
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (COMMENT_ONLY.test(raw)) {
      if (POS_LINE.test(raw)) pending = 'pos';
      else if (NEG_LINE.test(raw)) pending = 'neg';
      return;
    }
    if (raw.trim() === '') return;
    if (pending) {
      out.push({ line, kind: pending });
      pending = null;
      return;
    }
    if (POS_TRAILING.test(raw)) out.push({ line, kind: 'pos' });
    else if (NEG_TRAILING.test(raw)) out.push({ line, kind: 'neg' });
  });
  return out;
}

function runCli(extra) {
  const res = spawnSync(process.execPath, [cli, '.', '--format', 'json', '--fail-on', 'never', ...extra], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (res.status !== 0) {
    console.error(res.stderr);
    throw new Error(`cors-lint exited with ${res.status}`);
  }
  return JSON.parse(res.stdout);
}

const norm = (p) => p.replace(/\\/g, '/').replace(/^\.\//, '');
const report = runCli([]);
const policiesOut = runCli(['--print-policies']);
const findingsByFile = new Map();
for (const f of report.findings) {
  const k = norm(f.location.file);
  if (!findingsByFile.has(k)) findingsByFile.set(k, []);
  findingsByFile.get(k).push(f);
}
/** Every span a policy mentions (its statement, origins, where values were defined, ...). */
function spansOf(value, out = []) {
  if (Array.isArray(value)) value.forEach((v) => spansOf(v, out));
  else if (value && typeof value === 'object') {
    if (typeof value.file === 'string' && typeof value.line === 'number') out.push(value);
    else Object.values(value).forEach((v) => spansOf(v, out));
  }
  return out;
}
const policiesByFile = new Map();
for (const p of policiesOut.policies ?? []) {
  if (!p.span) continue;
  const k = norm(p.span.file);
  if (!policiesByFile.has(k)) policiesByFile.set(k, []);
  policiesByFile.get(k).push({ span: p.span, all: spansOf(p) });
}
const within = (s, line) => s.line <= line && line <= (s.endLine ?? s.line);

const indent = (text) => /^\s*/.exec(text)[0].length;

/**
 * The lines of the statement that starts on `line`: the lines after it that are indented deeper,
 * closing brackets at its own indentation, and for a decorator the decorators and the
 * declaration that follow it.
 */
function statementEnd(lines, line) {
  const first = lines[line - 1] ?? '';
  const base = indent(first);
  let decorating = /^\s*@/.test(first);
  let end = line;
  for (let i = line; i < lines.length; i++) {
    const text = lines[i];
    if (text.trim() === '') continue;
    const deeper = indent(text) > base;
    const closing = indent(text) === base && /^\s*[)\]}]/.test(text);
    if (deeper || closing) {
      end = i + 1;
      continue;
    }
    if (decorating && indent(text) === base) {
      end = i + 1;
      decorating = /^\s*@/.test(text);
      continue;
    }
    break;
  }
  return end;
}

// A finding belongs to the expected line when it is inside the statement that starts there, or
// when a policy whose statement covers the line also mentions the finding's line (e.g. an origin
// defined above).
function findingsFor(file, line, lines) {
  const findings = findingsByFile.get(file) ?? [];
  const policies = (policiesByFile.get(file) ?? []).filter((p) => within(p.span, line));
  const end = statementEnd(lines, line);
  return findings.filter((f) => {
    const { line: a, endLine: b = a } = f.location;
    if (a <= end && line <= b) return true;
    return policies.some((p) => p.all.some((s) => norm(s.file) === file && within(s, a)));
  });
}

const rows = [];
for (const full of listFiles(root)) {
  const file = norm(relative(root, full));
  const text = readFileSync(full, 'utf8');
  const lines = text.split(/\r?\n/);
  for (const exp of expectations(text)) {
    const hits = findingsFor(file, exp.line, lines);
    rows.push({ file, line: exp.line, kind: exp.kind, rules: [...new Set(hits.map((h) => h.ruleId))] });
  }
}

/** Rules that say "too many origins are trusted" — what the peers' expectations are about. */
const PERMISSIVE = new Set(['credentials-with-wildcard-origin', 'reflected-origin', 'null-origin', 'permissive-origin-regex', 'wildcard-origin', 'shared-hosting-origin', 'insecure-origin-scheme']);
const pos = rows.filter((r) => r.kind === 'pos');
const neg = rows.filter((r) => r.kind === 'neg');
const summary = {
  folder: root,
  expectedPositives: pos.length,
  found: pos.filter((r) => r.rules.length > 0).length,
  expectedNegatives: neg.length,
  keptClean: neg.filter((r) => r.rules.length === 0).length,
  keptCleanOfPermissive: neg.filter((r) => !r.rules.some((id) => PERMISSIVE.has(id))).length,
  totalFindings: report.findings.length,
};
if (asJson) {
  console.log(JSON.stringify({ summary, rows }, null, 2));
} else {
  console.log(`${root}`);
  console.log(`  expected positives found: ${summary.found}/${summary.expectedPositives}`);
  console.log(`  expected negatives kept clean: ${summary.keptClean}/${summary.expectedNegatives} (no finding of a permissive-origin rule: ${summary.keptCleanOfPermissive}/${summary.expectedNegatives})`);
  for (const r of rows) {
    const miss = r.kind === 'pos' && r.rules.length === 0;
    const fp = r.kind === 'neg' && r.rules.length > 0;
    if (verbose || miss || fp) {
      const tag = r.kind === 'pos' ? (miss ? 'MISS' : 'hit ') : fp ? 'FLAG' : 'ok  ';
      console.log(`  ${tag} ${r.file}:${r.line}${r.rules.length ? `  [${r.rules.join(', ')}]` : ''}`);
    }
  }
}
