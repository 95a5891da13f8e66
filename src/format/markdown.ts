import path from 'node:path';
import { allRules } from '../../rules/index.js';
import type { LintResult } from '../lint.js';
import type { Diagnostic, Finding, Severity } from '../model/types.js';
import { DOCS_BASE_URL, type AnyRule } from '../rules/define-rule.js';
import type { Formatter } from './formatter.js';
import { repositoryRoot } from './github.js';

export interface MarkdownOptions {
  rules?: readonly AnyRule[];
  /**
   * Prefix for file links, e.g. `https://github.com/o/r/blob/<sha>/`. Without it links are
   * relative to the repository root (right for a file committed beside the code).
   */
  linkBase?: string;
  /** Display path -> path in the repository, for links (default: unchanged). */
  repositoryPath?: (file: string) => string;
}

/** The Markdown job summary (`--format markdown`, `$GITHUB_STEP_SUMMARY`). */
export const formatMarkdown: Formatter = ({ result, cwd }) => {
  const root = repositoryRoot(process.env, cwd);
  const repositoryPath = (file: string) => path.relative(root, path.resolve(cwd, file)).split(path.sep).join('/');
  return buildMarkdown(result, { linkBase: githubBlobBase(process.env), repositoryPath });
};

/** `https://github.com/<repo>/blob/<sha>/` inside a GitHub Actions run, else undefined. */
export function githubBlobBase(env: NodeJS.ProcessEnv): string | undefined {
  const { GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_SHA } = env;
  if (!GITHUB_SERVER_URL || !GITHUB_REPOSITORY || !GITHUB_SHA) return undefined;
  return `${GITHUB_SERVER_URL}/${GITHUB_REPOSITORY}/blob/${GITHUB_SHA}/`;
}

const SEVERITIES: Severity[] = ['error', 'warning', 'note'];
const ICON: Record<Severity, string> = { error: '🔴', warning: '🟠', note: '🔵' };
/** GitHub caps a job summary at 1 MiB; past this many rows the table points to the full reports. */
const MAX_ROWS = 500;

export function buildMarkdown(result: LintResult, options: MarkdownOptions = {}): string {
  const rules = options.rules ?? allRules;
  const link = (file: string) => fileLink(options.repositoryPath ? options.repositoryPath(file) : file, options.linkBase);
  const out: string[] = ['## cors-lint', ''];
  const count = (s: Severity) => result.findings.filter((f) => f.severity === s).length;
  const files = result.stats.filesScanned;
  const scope = `${plural(files, 'file')} with CORS configuration, ${plural(result.policies.length, 'policy', 'policies')}`;

  if (!result.findings.length) {
    out.push(`✅ No CORS findings (${scope}).`, '');
  } else {
    out.push(`**${SEVERITIES.map((s) => plural(count(s), s)).join(', ')}** in ${scope}.`, '');
    out.push(...byRuleTable(result.findings, rules), '');
    // Errors first: the table is read top-down, and a long one is cut off.
    const ordered = [...result.findings].sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity));
    const witnesses = ordered.some((f) => f.witness !== undefined);
    out.push('### Findings', '', `| Location | Severity | Rule | Message |${witnesses ? ' Witness |' : ''}`, `|---|---|---|---|${witnesses ? '---|' : ''}`);
    for (const f of ordered.slice(0, MAX_ROWS)) out.push(findingRow(f, rules, link, witnesses));
    if (ordered.length > MAX_ROWS) out.push('', `… and ${ordered.length - MAX_ROWS} more (see the SARIF report or the log).`);
    out.push('');
  }
  const safe = result.findings.filter((f) => f.fix?.applicability === 'safe').length;
  const unsafe = result.findings.filter((f) => f.fix?.applicability === 'unsafe').length;
  if (safe) out.push(`${plural(safe, 'finding')} fixable with \`cors-lint --fix\`${unsafe ? `, ${unsafe} more with \`--unsafe-fixes\`` : ''}.`, '');
  else if (unsafe) out.push(`${plural(unsafe, 'finding')} fixable with \`cors-lint --fix --unsafe-fixes\`.`, '');
  if (result.suppressed) out.push(`${plural(result.suppressed, 'finding')} suppressed inline.`, '');
  if (result.diagnostics.length) {
    out.push('### Diagnostics', '', '| File | Kind | Message |', '|---|---|---|');
    for (const d of result.diagnostics) out.push(diagnosticRow(d, link));
    out.push('');
  }
  return `${out.join('\n')}\n`;
}

function byRuleTable(findings: readonly Finding[], rules: readonly AnyRule[]): string[] {
  const counts = new Map<string, Record<Severity, number>>();
  for (const f of findings) {
    const row = counts.get(f.ruleId) ?? { error: 0, warning: 0, note: 0 };
    row[f.severity]++;
    counts.set(f.ruleId, row);
  }
  const rows = [...counts].sort(([a], [b]) => a.localeCompare(b));
  return [
    '| Rule | Errors | Warnings | Notes |',
    '|---|--:|--:|--:|',
    ...rows.map(([id, c]) => `| ${ruleLink(id, rules)} | ${c.error} | ${c.warning} | ${c.note} |`),
  ];
}

function findingRow(f: Finding, rules: readonly AnyRule[], link: (file: string) => string, witnessColumn: boolean): string {
  const where = `${f.location.file}:${f.location.line}`;
  const location = `[${cell(where)}](${link(f.location.file)}#L${f.location.line})`;
  const witness = witnessColumn ? ` ${f.witness !== undefined ? code(f.witness) : ''} |` : '';
  return `| ${location} | ${ICON[f.severity]} ${f.severity} | ${ruleLink(f.ruleId, rules)} | ${cell(f.message)} |${witness}`;
}

function diagnosticRow(d: Diagnostic, link: (file: string) => string): string {
  const where = d.line !== undefined ? `${d.file}:${d.line}` : d.file;
  const file = d.file && d.file !== '.' && !d.file.includes(', ') ? `[${cell(where)}](${link(d.file)}${d.line !== undefined ? `#L${d.line}` : ''})` : cell(where);
  return `| ${file} | ${d.kind} | ${cell(firstLine(d.message))} |`;
}

function ruleLink(id: string, rules: readonly AnyRule[]): string {
  const url = rules.find((r) => r.meta.id === id)?.meta.docs.url ?? `${DOCS_BASE_URL}/${id}/README.md`;
  return `[\`${id}\`](${url})`;
}

function fileLink(file: string, linkBase: string | undefined): string {
  const encoded = file.split('/').map(encodeURIComponent).join('/');
  return `${linkBase ?? ''}${encoded}`;
}

/**
 * Table-cell text: no line breaks, no column separators, no raw HTML, and Markdown punctuation shown
 * as written (a regex's `\.` or a `*` must not turn into emphasis). `code spans` in messages stay code.
 */
function cell(text: string): string {
  return text
    .split(/(`[^`\n]+`)/)
    .map((part, i) => (i % 2 === 1 ? part.replace(/\|/g, '\\|') : plain(part)))
    .join('');
}

function plain(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]~|]/g, '\\$&')
    .replace(/\r?\n/g, '<br>');
}

/** An inline code span that survives backticks and pipes in the value. */
function code(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')}${pad}${fence}`;
}

function firstLine(text: string): string {
  return text.split(/\r?\n/)[0]!;
}

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
