// The .gitignore matcher against git itself: random .gitignore files (root and nested) over a random
// tree, and the files discovery lists must be exactly the untracked files git does not ignore
// (`git ls-files --others --exclude-standard`); single paths must agree with `git check-ignore`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { discover } from '../../src/discover/discover.js';
import { IgnoreRules } from '../../src/discover/ignore-rules.js';
import { oracleMissing } from '../conformance/oracle.js';

const gitMissing = oracleMissing(spawnSync('git', ['--version']).status === 0 ? null : 'git is not installed', 'gitignore');

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const DIRS = ['a', 'b', 'ab', 'y.py', 'deep'];
const FILES = ['a.py', 'b.py', 'ab.py', 'x.py', '.hidden.py', 'a b.py', 'ba.py', 'c1.py'];
const SEGMENTS = ['a', 'b', 'ab', '*', '*.py', 'a*', '*b*', '?b', '[ab]', '[!a]b.py', '[a-b].py', '**', 'x.py', 'y.py', '.*', 'c[[:digit:]].py', 'a\\ b.py', 'deep', '*b.py', '*a'];

function randomPattern(next: () => number): string {
  const pick = <T,>(xs: T[]) => xs[Math.floor(next() * xs.length)]!;
  const n = 1 + Math.floor(next() * 3);
  let body = Array.from({ length: n }, () => pick(SEGMENTS)).join('/');
  if (next() < 0.25) body = `/${body}`;
  if (next() < 0.25) body = `${body}/`;
  if (next() < 0.25) body = `!${body}`;
  if (next() < 0.05) body = `# ${body}`;
  if (next() < 0.05) body = `${body}   `;
  return body;
}

function randomTree(dir: string, next: () => number): string[] {
  const files: string[] = [];
  const fill = (rel: string, depth: number) => {
    for (const f of FILES) {
      if (next() < 0.5) {
        const file = rel ? `${rel}/${f}` : f;
        fs.writeFileSync(path.join(dir, file), 'print(1)\n');
        files.push(file);
      }
    }
    if (depth >= 3) return;
    for (const d of DIRS) {
      if (next() < 0.4) {
        const sub = rel ? `${rel}/${d}` : d;
        fs.mkdirSync(path.join(dir, sub));
        fill(sub, depth + 1);
      }
    }
  };
  fill('', 0);
  return files;
}

function git(cwd: string, args: string[], input?: string): string {
  const run = spawnSync('git', args, { cwd, input, encoding: 'utf8' });
  if (run.status !== 0 && run.status !== 1) throw new Error(`git ${args.join(' ')}: ${run.stderr}`);
  return run.stdout;
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe.skipIf(gitMissing !== null)('.gitignore semantics against git', () => {
  it('lists exactly the files git does not ignore, over 100 random repositories', () => {
    let compared = 0;
    for (let seed = 1; seed <= 100; seed++) {
      const next = rng(seed);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cors-lint-gitignore-'));
      dirs.push(dir);
      git(dir, ['init', '-q']);
      const files = randomTree(dir, next);
      const folders = ['', ...fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isDirectory() && !e.parentPath.includes('.git') && e.name !== '.git').map((e) => path.relative(dir, path.join(e.parentPath, e.name)))];
      for (const folder of folders) {
        if (folder !== '' && next() < 0.7) continue;
        const lines = Array.from({ length: 1 + Math.floor(next() * 5) }, () => randomPattern(next));
        fs.writeFileSync(path.join(dir, folder, '.gitignore'), `${lines.join('\n')}\n`);
      }
      const expected = git(dir, ['ls-files', '--others', '--exclude-standard']).split('\n').filter((f) => f.endsWith('.py')).map(unquote).sort();
      const listed = discover(['.'], { cwd: dir, root: dir }).files.map((f) => f.path).sort();
      expect({ seed, gitignores: gitignores(dir, folders), listed }).toEqual({ seed, gitignores: gitignores(dir, folders), listed: expected });
      compared += files.length;
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it('decides single paths (a file named on the command line) as git check-ignore does', () => {
    for (let seed = 1000; seed < 1060; seed++) {
      const next = rng(seed);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cors-lint-check-ignore-'));
      dirs.push(dir);
      git(dir, ['init', '-q']);
      const files = randomTree(dir, next);
      const lines = Array.from({ length: 1 + Math.floor(next() * 6) }, () => randomPattern(next));
      fs.writeFileSync(path.join(dir, '.gitignore'), `${lines.join('\n')}\n`);
      const ignored = new Set(git(dir, ['check-ignore', '--stdin'], `${files.join('\n')}\n`).split('\n').filter(Boolean).map(unquote));
      const rules = new IgnoreRules([]);
      rules.addGitignore('', lines);
      for (const file of files) expect({ seed, lines, file, ignored: rules.ignores(file, false) }).toEqual({ seed, lines, file, ignored: ignored.has(file) });
    }
  });
});

/** git quotes names with unusual characters ("a b.py" is not quoted, but be safe). */
function unquote(name: string): string {
  return name.startsWith('"') ? JSON.parse(name) : name;
}

function gitignores(dir: string, folders: string[]): Record<string, string> {
  return Object.fromEntries(folders.filter((f) => fs.existsSync(path.join(dir, f, '.gitignore'))).map((f) => [f || '.', fs.readFileSync(path.join(dir, f, '.gitignore'), 'utf8')]));
}
