// Scores cors-lint against a folder of gixy-style nginx test configs: each `<plugin>/<case>.conf`
// expects a finding from that gixy plugin, each `<plugin>/<case>_fp.conf` expects none. Only the
// plugins whose topic cors-lint shares are scored (the rest are counted as not comparable).
//
// Usage: npm run build && node bench/peer-suites/gixy-score.mjs [--adapt] [--verbose] [--src] DIR...
// (--src runs src/cli/run.ts through tsx instead of the built dist/.)
//
// --adapt rewrites each case in memory so that it speaks about CORS, keeping its structure:
//   add_header_redefinition: the headers gixy watches (X-Frame-Options, ...) become
//     Access-Control-Allow-Origin, so a dropped "secure" header becomes a dropped CORS header;
//   origins: the case goes into a `server { }`, `if ($http_origin !~ RE) { }` gets `return 403;`
//     and the server sends `add_header Access-Control-Allow-Origin $http_origin always;`, so the
//     regex is the only check before the Origin is echoed. Referer checks are not comparable (cors-lint reads Origin).
// Without --adapt the configs are linted as written.
// No peer config is stored here: the folders are read from the command line.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.join(root, 'bin', 'cors-lint.js');
const args = process.argv.slice(2);
const adapt = args.includes('--adapt');
const verbose = args.includes('--verbose');
const fromSource = args.includes('--src');
const dirs = args.filter((a) => !a.startsWith('--'));
if (!dirs.length) {
  console.error('usage: node bench/peer-suites/gixy-score.mjs [--adapt] [--verbose] [--src] DIR...');
  process.exit(2);
}

/** gixy plugin -> the cors-lint rules that speak to the same problem. */
const RULES = {
  add_header_redefinition: ['add-header-inheritance'],
  origins: ['permissive-origin-regex', 'reflected-origin', 'malformed-origin', 'insecure-origin-scheme'],
};
const GIXY_SECURE_HEADERS = /\b(x-frame-options|x-content-type-options|x-xss-protection|content-security-policy|cache-control)\b/i;

function adaptText(plugin, text) {
  if (plugin === 'add_header_redefinition') {
    return text.replace(/(add_header\s+)(\S+)(\s+)("[^"]*"|'[^']*'|[^\s;]+)/gi, (all, pre, name, sp) =>
      GIXY_SECURE_HEADERS.test(name) ? `${pre}Access-Control-Allow-Origin${sp}https://app.example.com` : all,
    );
  }
  if (plugin === 'origins') {
    if (!/\$http_origin/.test(text)) return undefined;
    // The cases are fragments (some wrapped in `http { }`): put them where `if` and add_header are valid.
    const body = text.replace(/^((?:\s*#[^\n]*\n)*)\s*http\s*\{([\s\S]*)\}\s*$/, '$1$2');
    const guarded = body.replace(/(if\s*\(\s*\$http_origin\s+!~\*?\s+(?:"[^"]*"|'[^']*'|[^)\s]+)\s*\)\s*\{)/g, '$1 return 403;');
    return `http {\n  server {\n    listen 80;\n${guarded}\n    add_header Access-Control-Allow-Origin $http_origin always;\n    add_header Vary Origin always;\n  }\n}\n`;
  }
  return text;
}

function* cases(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* cases(full);
    else if (entry.name.endsWith('.conf')) yield full;
  }
}

function lint(file) {
  const entry = fromSource ? ['--import', 'tsx', path.join(root, 'src', 'cli', 'run.ts')] : [cli];
  const r = spawnSync('node', [...entry, file, '--format', 'json', '--fail-on', 'never'], { encoding: 'utf8', maxBuffer: 1 << 26, cwd: root });
  if (r.status !== 0) return { error: (r.stderr || r.stdout).trim().split('\n')[0] };
  return JSON.parse(r.stdout);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gixy-score-'));
const table = {};
const rows = [];
for (const dir of dirs) {
  for (const file of cases(dir)) {
    const plugin = path.basename(path.dirname(file));
    const row = (table[plugin] ??= { tp: 0, tn: 0, fp: 0, fn: 0, na: 0, parseErrors: 0 });
    const rules = RULES[plugin];
    if (!rules) {
      row.na++;
      continue;
    }
    const expected = !file.endsWith('_fp.conf');
    let text = fs.readFileSync(file, 'utf8');
    if (adapt) text = adaptText(plugin, text);
    if (text === undefined) {
      row.na++;
      continue;
    }
    const target = path.join(tmp, `${plugin}-${path.basename(file)}`);
    fs.writeFileSync(target, text);
    const out = lint(target);
    if (out.error) {
      row.na++;
      rows.push(`${plugin}/${path.basename(file)}: cors-lint failed: ${out.error}`);
      continue;
    }
    row.parseErrors += out.diagnostics.filter((d) => d.kind === 'parse-error').length;
    const hits = out.findings.filter((f) => rules.includes(f.ruleId));
    const got = hits.length > 0;
    const verdict = expected ? (got ? 'tp' : 'fn') : got ? 'fp' : 'tn';
    row[verdict]++;
    rows.push(`${verdict.toUpperCase()} ${plugin}/${path.basename(file)}: ${hits.map((h) => `${h.ruleId}@${h.location.line}`).join(', ') || '-'}`);
  }
}
fs.rmSync(tmp, { recursive: true, force: true });

if (verbose) for (const r of rows) console.log(r);
console.log(`mode: ${adapt ? 'adapted to CORS' : 'as written'}`);
console.log('plugin                    agree  disagree  tp tn fp fn  n/a  parse-errors');
for (const [plugin, r] of Object.entries(table)) {
  const agree = r.tp + r.tn;
  const disagree = r.fp + r.fn;
  console.log(
    `${plugin.padEnd(26)}${String(agree).padStart(5)}  ${String(disagree).padStart(8)}  ${[r.tp, r.tn, r.fp, r.fn].map((n) => String(n).padStart(2)).join(' ')}  ${String(r.na).padStart(3)}  ${String(r.parseErrors).padStart(12)}`,
  );
}
