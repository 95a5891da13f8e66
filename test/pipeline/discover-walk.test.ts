import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { discover } from '../../src/discover/discover.js';
import { tempTree } from '../helpers/temp-tree.js';

const paths = (root: string, inputs: string[]) => discover(inputs, { cwd: root, root }).files.map((f) => f.path);

describe('discovery walk', () => {
  it('classifies by folder also when that folder is the one named (cors-lint nginx/)', () => {
    const root = tempTree({ 'nginx/site': 'server {}\n', 'nginx/README.md': '# x\n', 'app/main.py': 'x = 1\n' });
    expect(paths(root, ['nginx/'])).toEqual(['nginx/site']);
    expect(paths(root, ['.'])).toEqual(['app/main.py', 'nginx/site']);
  });

  it('never reads an ignored folder, and applies a nested .gitignore below its own folder only', () => {
    const root = tempTree({
      'node_modules/cors/index.js': 'x\n',
      'svc/.gitignore': 'generated/\n',
      'svc/generated/app.py': 'x\n',
      'svc/app.py': 'x\n',
      'other/generated/app.py': 'x\n',
    });
    expect(paths(root, ['.'])).toEqual(['other/generated/app.py', 'svc/app.py']);
  });

  it('lists a symbolic link to a file inside the root, never follows a folder link (no loops)', () => {
    const root = tempTree({ 'a/app.py': 'x\n' });
    fs.symlinkSync(path.join(root, 'a/app.py'), path.join(root, 'link.py'));
    fs.symlinkSync(root, path.join(root, 'a', 'loop'));
    expect(paths(root, ['.'])).toEqual(['a/app.py']); // the link names the same file: listed once
  });
});
