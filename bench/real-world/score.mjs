#!/usr/bin/env node
// Scores cors-lint against hand-judged CORS files from public repositories.
//
//   npm run build && node bench/real-world/score.mjs [--verbose] [--write] [--json]
//   node --import tsx bench/real-world/score.mjs --src      (the sources, no build)
//
// manifest/*.json lists the files (repo, path, commit, sha256, stack, judgement, expect, line,
// reason). The files themselves are not part of this repository: they are fetched by commit into
// bench/real-world/files/<owner>/<name>/<path> (git-ignored), see README.md. Each repository's
// folder is linted as one root, so cross-file lookups (settings modules, nginx includes) work.
//
// A file judged insecure or broken is caught when cors-lint reports a finding at error or warning
// from a security or breakage rule in that file; a secure file is clean when it gets none.
// --write replaces RESULTS.md with the table.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const write = args.includes('--write');
const asJson = args.includes('--json');
const filesRoot = join(here, 'files');

/** Rules whose findings say "this setup is unsafe or does not work"; notes and policy checks are not. */
const NOT_SECURITY_OR_BREAKAGE = new Set(['wildcard-origin', 'unresolved-origin', 'origin-not-allowed-by-policy']);
const isProblem = (f) => (f.severity === 'error' || f.severity === 'warning') && !NOT_SECURITY_OR_BREAKAGE.has(f.ruleId);

const STACK_GROUP = {
  fastapi: 'python: fastapi/starlette', starlette: 'python: fastapi/starlette',
  flask: 'python: flask', django: 'python: django',
  express: 'js: express/cors', socketio: 'js: express/cors', apollo: 'js: express/cors',
  nestjs: 'js: nest/fastify/koa', fastify: 'js: nest/fastify/koa', koa: 'js: nest/fastify/koa',
  'node-http': 'js: hand-written', nextjs: 'js: hand-written',
  nginx: 'nginx',
  'ingress-nginx': 'proxy: ingress-nginx', traefik: 'proxy: traefik',
};
// An entry's own `group` wins: files of a deployed path (the nginx in front, the app behind, the compose
// file linking them) are scored together, whatever stack each file is.
const groupOf = (entry) => entry.group ?? STACK_GROUP[entry.stack] ?? (/\.py$/.test(entry.path) ? 'python: other' : /\.conf|nginx/.test(entry.path) ? 'nginx' : 'js: other');

function loadManifest() {
  const dir = join(here, 'manifest');
  const seen = new Map();
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    const entries = JSON.parse(readFileSync(join(dir, name), 'utf8'));
    for (const e of entries) {
      for (const key of ['repo', 'path', 'commit', 'judgement']) {
        if (!e[key]) throw new Error(`${name}: an entry has no ${key}: ${JSON.stringify(e).slice(0, 200)}`);
      }
      const id = `${e.repo}/${e.path}`;
      if (!seen.has(id)) seen.set(id, { ...e, part: name.replace(/\.json$/, '') });
    }
  }
  return [...seen.values()];
}

function fileState(entry) {
  const file = join(filesRoot, entry.repo, entry.path);
  if (!existsSync(file)) return 'missing';
  if (entry.sha256 && createHash('sha256').update(readFileSync(file)).digest('hex') !== entry.sha256) return 'changed';
  return 'ok';
}

// --src runs the sources (node --import tsx bench/real-world/score.mjs --src), without a build.
const entry = args.includes('--src') ? resolve(here, '../../src/index.ts') : resolve(here, '../../dist/index.js');
if (!existsSync(entry)) {
  console.error('dist/ is not built: run npm run build first (or use --src under tsx)');
  process.exit(2);
}
const { lint } = await import(pathToFileURL(entry).href);

const manifest = loadManifest();
const byRepo = new Map();
for (const e of manifest) (byRepo.get(e.repo) ?? byRepo.set(e.repo, []).get(e.repo)).push(e);

const rows = [];
const absent = [];
for (const [repo, entries] of byRepo) {
  const present = entries.filter((e) => {
    const state = fileState(e);
    if (state !== 'ok') absent.push(`${state}: ${e.repo} ${e.path}`);
    return state === 'ok';
  });
  if (!present.length) continue;
  const cwd = join(filesRoot, repo);
  let result;
  try {
    result = await lint(['.'], { cwd, config: { rules: {} } });
  } catch (error) {
    result = { findings: [], diagnostics: [{ kind: 'unsupported', file: '.', message: `internal error: ${error.message}` }] };
  }
  for (const e of present) {
    // A finding belongs to the file when it is written there, or when it is about a policy written
    // there and points at the value's definition in another file (an imported allowlist, say).
    const findings = result.findings.filter((f) => f.location.file === e.path || result.policies[f.policyIndex]?.span.file === e.path);
    const diagnostics = result.diagnostics.filter((d) => d.file === e.path || d.file.split(', ').includes(e.path));
    const problems = findings.filter(isProblem);
    const expect = e.expect ?? [];
    rows.push({
      ...e,
      group: groupOf(e),
      problems: problems.map((f) => `${f.ruleId}@${f.location.line}`),
      notes: findings.filter((f) => !isProblem(f)).map((f) => `${f.ruleId}@${f.location.line}`),
      diagnostics: diagnostics.map((d) => `${d.kind}: ${d.message.split('\n')[0].slice(0, 160)}`),
      expectedFound: expect.filter((id) => problems.some((f) => f.ruleId === id)),
      expectedMissing: expect.filter((id) => !problems.some((f) => f.ruleId === id)),
    });
  }
}

const BAD = new Set(['insecure', 'broken']);
/** Broken for a reason that is no CORS setting (a ReferenceError, a file Next.js never runs): listed, not scored. */
const isScored = (r) => !r.outsideCors;
function tally(all) {
  const list = all.filter(isScored);
  const bad = list.filter((r) => BAD.has(r.judgement));
  const secure = list.filter((r) => r.judgement === 'secure');
  const env = list.filter((r) => r.judgement === 'depends-on-env');
  const expected = list.flatMap((r) => (r.expect ?? []).map((id) => r.expectedFound.includes(id)));
  return {
    files: list.length,
    bad: bad.length, caught: bad.filter((r) => r.problems.length).length,
    secure: secure.length, clean: secure.filter((r) => !r.problems.length).length,
    env: env.length, envFlagged: env.filter((r) => r.problems.length).length,
    expected: expected.length, expectedFound: expected.filter(Boolean).length,
  };
}
const pct = (a, b) => (b ? `${((100 * a) / b).toFixed(1)}%` : '—');
const groups = [...new Set(rows.map((r) => r.group))].sort();
const table = [...groups.map((g) => [g, tally(rows.filter((r) => r.group === g))]), ['**all**', tally(rows)]];

const lines = [];
lines.push('| stack | files | insecure/broken caught | secure without error/warning | depends-on-env flagged | expected rules reported |');
lines.push('|---|---|---|---|---|---|');
for (const [g, t] of table) {
  lines.push(`| ${g} | ${t.files} | ${t.caught}/${t.bad} (${pct(t.caught, t.bad)}) | ${t.clean}/${t.secure} (${pct(t.clean, t.secure)}) | ${t.envFlagged}/${t.env} | ${t.expectedFound}/${t.expected} (${pct(t.expectedFound, t.expected)}) |`);
}
const misses = rows.filter((r) => isScored(r) && BAD.has(r.judgement) && !r.problems.length);
const outside = rows.filter((r) => !isScored(r));
const falseAlarms = rows.filter((r) => r.judgement === 'secure' && r.problems.length);
const partial = rows.filter((r) => BAD.has(r.judgement) && r.problems.length && r.expectedMissing.length);
const describe = (r, extra) => `- \`${r.repo}\` ${r.path}:${r.line ?? ''} (${r.stack}, ${r.judgement}) — ${r.reason}${extra ? ` **cors-lint:** ${extra}` : ''}`;

if (asJson) {
  console.log(JSON.stringify({ table: Object.fromEntries(table), rows, absent }, null, 2));
} else {
  const repos = new Set(rows.map((r) => r.repo)).size;
  console.log(`${rows.length} files from ${repos} repositories (${absent.length} not fetched)\n`);
  console.log(lines.join('\n'));
  console.log(`\nMissed insecure/broken (${misses.length}):`);
  for (const r of misses) console.log(describe(r, [...r.notes, ...r.diagnostics].join('; ') || 'nothing'));
  console.log(`\nBroken outside the CORS settings, not scored (${outside.length}):`);
  for (const r of outside) console.log(describe(r, r.problems.join(', ') || 'nothing'));
  console.log(`\nFalse alarms on secure files (${falseAlarms.length}):`);
  for (const r of falseAlarms) console.log(describe(r, r.problems.join(', ')));
  if (verbose) {
    console.log(`\nCaught, but expected rules missing (${partial.length}):`);
    for (const r of partial) console.log(describe(r, `reported ${r.problems.join(', ')}; missing ${r.expectedMissing.join(', ')}`));
    for (const a of absent) console.log(a);
  }
}

if (write) {
  const repos = new Set(rows.map((r) => r.repo)).size;
  const out = [
    '# Real-world evaluation',
    '',
    `${rows.length} hand-judged files from ${repos} public repositories (\`manifest/\`), scored by \`score.mjs\`.`,
    'A file judged insecure or broken is caught when a security or breakage rule reports it at error or',
    'warning; a secure file is clean when no such finding is reported. Files judged depends-on-env are',
    'counted apart; "context" files only give other files their settings.',
    '',
    ...lines,
    '',
    `## Missed insecure/broken (${misses.length})`,
    '',
    ...misses.map((r) => describe(r, [...r.notes, ...r.diagnostics].join('; ') || 'nothing')),
    '',
    `## Broken outside the CORS settings, not scored (${outside.length})`,
    '',
    ...outside.map((r) => `${describe(r, r.problems.join(', ') || 'nothing')} — ${r.outsideCors}`),
    '',
    `## False alarms on secure files (${falseAlarms.length})`,
    '',
    ...falseAlarms.map((r) => describe(r, r.problems.join(', '))),
    '',
  ];
  writeFileSync(join(here, 'RESULTS.md'), out.join('\n'));
}
