// The string fast paths of isInside and toDisplayPath must agree with path.relative on every shape
// (a name starting with `..`, like `..b`, is inside).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isInside, toDisplayPath } from '../../src/discover/discover.js';

const slow = {
  isInside: (root: string, p: string) => {
    const rel = path.relative(root, p);
    return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
  },
  display: (cwd: string, p: string) => (path.relative(cwd, p) || path.basename(p)).split(path.sep).join('/'),
};

const ROOTS = ['/', '/a', '/a/', '/a/b', '/ab', '/a/./b', '/a/../a', '/a//b'];
const PATHS = ['/', '/a', '/a/', '/ab', '/ab/c', '/a/b', '/a/b/c.py', '/a/bc', '/a/b/../c', '/a/b/./c', '/a//b/c', '/a/b/..', '/a/.b/c', '/a/..b/c', '/a/b/c..py'];

describe('path checks', () => {
  it('isInside agrees with path.relative', () => {
    for (const root of ROOTS) for (const p of PATHS) expect({ root, p, inside: isInside(root, p) }).toEqual({ root, p, inside: slow.isInside(root, p) });
  });
  it('toDisplayPath agrees with path.relative', () => {
    for (const cwd of ROOTS.filter((r) => r === path.resolve(r))) for (const p of PATHS) expect({ cwd, p, shown: toDisplayPath(cwd, p) }).toEqual({ cwd, p, shown: slow.display(cwd, p) });
  });
});
