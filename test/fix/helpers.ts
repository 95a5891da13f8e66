import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseEstree } from '@typescript-eslint/typescript-estree';
import { main } from '../../src/cli/main.js';
import { lint } from '../../src/lint.js';
import { firstSyntaxError, parsePython } from '../../src/parse/python.js';
import { tempTree } from '../helpers/temp-tree.js';

export const PYTHON = '/usr/bin/python3';
export const NGINX = '/usr/sbin/nginx';

/** Runs the CLI in `dir`; returns exit code and output. */
export async function cli(dir: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { cwd: dir, env: {}, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTty: false });
  return { code, stdout, stderr };
}

/** Writes the files, runs `cors-lint <args> .`, and returns the tree's files afterwards. */
export async function fixTree(files: Record<string, string | Buffer>, args: string[] = ['--fix']) {
  const dir = tempTree(files);
  const run = await cli(dir, [...args, '.']);
  const read = (file: string) => fs.readFileSync(path.join(dir, file), 'utf8');
  return { dir, ...run, read };
}

/** The rule ids of the findings a fresh lint of `dir` reports (the re-lint after a fix). */
export async function ruleIdsIn(dir: string): Promise<string[]> {
  return (await lint(['.'], { cwd: dir })).findings.map((f) => f.ruleId);
}

/**
 * A system-package oracle: its reason for being absent is printed and the check skipped, except in
 * CI (CI=true), where an absent oracle is a failure.
 */
export function oracleMissing(name: string, binary: string): boolean {
  if (fs.existsSync(binary)) return false;
  if (process.env.CI === 'true') throw new Error(`${binary} is required when CI=true (${name})`);
  console.log(`skipping the ${name} check: ${binary} is not installed`);
  return true;
}

/** Python: tree-sitter finds no ERROR/MISSING node, and CPython's own compiler accepts the file. */
export async function expectPythonParses(dir: string, file: string): Promise<void> {
  const text = fs.readFileSync(path.join(dir, file), 'utf8');
  const tree = await parsePython(text);
  try {
    const error = firstSyntaxError(tree.rootNode);
    if (error) throw new Error(`tree-sitter: syntax error in ${file} at ${error.startPosition.row + 1}:${error.startPosition.column + 1}`);
  } finally {
    tree.delete();
  }
  if (oracleMissing('py_compile', PYTHON)) return;
  const r = spawnSync(PYTHON, ['-m', 'py_compile', path.join(dir, file)], { encoding: 'utf8', env: { ...process.env, PYTHONPYCACHEPREFIX: path.join(dir, '.pycache') } });
  if (r.status !== 0) throw new Error(`py_compile rejects ${file}: ${r.stderr}`);
}

/** JavaScript / TypeScript: typescript-estree parses it (JSX for .js/.jsx/.tsx, as the scanner does). */
export function expectJsParses(dir: string, file: string): void {
  const text = fs.readFileSync(path.join(dir, file), 'utf8');
  parseEstree(text, { jsx: !/\.[cm]?ts$/.test(file), loc: true });
}

/**
 * nginx: `nginx -t` accepts the configuration. The file must be a complete main configuration
 * (events and http blocks); it is tested with its prefix in `dir`, so nothing outside is touched.
 */
export function expectNginxAccepts(dir: string, file: string): void {
  if (oracleMissing('nginx -t', NGINX)) return;
  const user = process.getuid?.() === 0 ? ' user root;' : '';
  const r = spawnSync(NGINX, ['-t', '-q', '-p', `${dir}/`, '-c', path.join(dir, file), '-g', `pid ${dir}/nginx.pid; error_log stderr;${user}`], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`nginx -t rejects ${file}: ${r.stderr}`);
}

/** A complete nginx main configuration around one server block (for nginx -t). */
export function nginxMain(server: string, eol = '\n'): string {
  const lines = ['events {}', 'http {', '    access_log off;', ...server.split('\n').map((l) => (l ? `    ${l}` : l)), '}', ''];
  return lines.join(eol);
}
