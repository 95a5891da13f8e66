import path from 'node:path';
import type { Diagnostic, Finding, Severity } from '../model/types.js';
import type { Formatter } from './formatter.js';
import { isInternalError } from '../model/diagnostics.js';

/**
 * GitHub Actions workflow commands (`--format github`): one `::error file=…::message` line per
 * finding, which the runner turns into annotations on the pull request diff.
 */
export const formatGithub: Formatter = ({ result, cwd }) => {
  // Annotations need repository-relative paths, also when cors-lint runs in a sub-folder.
  const root = repositoryRoot(process.env, cwd);
  const rel = (file: string) => (root === cwd || file === '.' ? file : path.relative(root, path.resolve(cwd, file)).split(path.sep).join('/'));
  const lines = [
    ...result.findings.map((f) => findingCommand({ ...f, location: { ...f.location, file: rel(f.location.file) } })),
    ...result.diagnostics.map((d) => diagnosticCommand({ ...d, file: d.file && !d.file.includes(', ') ? rel(d.file) : d.file })),
  ];
  return lines.length ? `${lines.join('\n')}\n` : '';
};

/** The checkout (GITHUB_WORKSPACE) when `cwd` lies inside it, else `cwd`. */
export function repositoryRoot(env: NodeJS.ProcessEnv, cwd: string): string {
  const workspace = env.GITHUB_WORKSPACE ? path.resolve(env.GITHUB_WORKSPACE) : undefined;
  const current = path.resolve(cwd);
  if (!workspace) return current;
  const rel = path.relative(workspace, current);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel)) ? workspace : current;
}

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', note: 'notice' };

export function findingCommand(f: Finding): string {
  const properties = {
    file: f.location.file,
    line: f.location.line,
    col: f.location.column,
    endLine: f.location.endLine,
    endColumn: f.location.endColumn,
    title: f.ruleId,
  };
  const message = f.witness !== undefined && !f.message.includes(f.witness) ? `${f.message}\nwitness: ${f.witness}` : f.message;
  return command(COMMAND[f.severity], properties, message);
}

export function diagnosticCommand(d: Diagnostic): string {
  const internal = isInternalError(d);
  const level = d.kind === 'parse-error' || d.kind === 'config-error' || internal ? 'error' : 'warning';
  const properties: Record<string, string | number> = { title: `cors-lint ${d.kind}` };
  // A crash of a whole scanner names several files ("a.py, b.py"): no single file to annotate.
  if (d.file && d.file !== '.' && !d.file.includes(', ')) properties.file = d.file;
  if (d.line !== undefined) properties.line = d.line;
  if (d.column !== undefined) properties.col = d.column;
  // An internal error carries a stack trace: the annotation shows its first line, the log has the rest.
  return command(level, properties, internal ? d.message.split('\n')[0]! : d.message);
}

function command(name: string, properties: Record<string, string | number>, message: string): string {
  const props = Object.entries(properties)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${name} ${props}::${escapeData(message)}`;
}

/** Escaping of the message part, as @actions/core does it. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values additionally escape `:` and `,`, which delimit the properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
