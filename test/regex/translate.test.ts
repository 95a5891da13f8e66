import { describe, expect, it } from 'vitest';
import { translatePattern } from '../../src/regex/translate.js';
import { nginxCompiles, oracleMissing, pythonOracle } from './oracles.js';

const py = (p: string, i = false) => translatePattern(p, 'python', i);
const pcre = (p: string, i = false) => translatePattern(p, 'pcre', i);

describe('translatePattern', () => {
  it('rewrites Python named groups, backreferences and anchors', () => {
    expect(py(String.raw`(?P<h>a)(?P=h)\A\Z`)).toEqual({ ok: true, source: String.raw`(?<h>a)\k<h>^$`, flags: '' });
  });
  it('applies leading and scoped inline flags', () => {
    expect(py('(?i)ab')).toMatchObject({ ok: true, source: '[aA][bB]' });
    expect(py('a(?i:b)c')).toMatchObject({ ok: true, source: 'a(?:[bB])c' });
    expect(py('(?x) a b # comment')).toMatchObject({ ok: true, source: 'ab' });
    expect(py('(?s).')).toMatchObject({ ok: true, source: String.raw`[\s\S]` });
  });
  it('refuses what has no faithful translation, with a reason', () => {
    expect(py('a(?i)b')).toMatchObject({ ok: false });
    expect(pcre('(?R)')).toMatchObject({ ok: false });
    expect(pcre(String.raw`\G`)).toMatchObject({ ok: false });
    const r = py('[[:alpha:]]');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/POSIX/);
  });
  it('emulates possessive quantifiers and atomic groups', () => {
    const r = pcre('a++b');
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(new RegExp(r.source).test('aab')).toBe(true);
      expect(new RegExp(`^${r.source}$`).test('aa')).toBe(false);
    }
    const atomic = pcre('(?>a+)a');
    if (!atomic.ok) throw new Error(atomic.reason);
    expect(new RegExp(atomic.source).test('aaa')).toBe(false);
  });
  it('keeps Python {,n} as a quantifier and PCRE2 10.42 {,n} as a literal', () => {
    expect(py('a{,2}')).toMatchObject({ source: 'a{0,2}' });
    expect(pcre('a{,2}')).toMatchObject({ source: String.raw`a\{,2\}` });
  });
  it('treats ] first in a class as a literal like Python and PCRE', () => {
    const r = py('[]a]');
    if (!r.ok) throw new Error(r.reason);
    expect(new RegExp(r.source).test(']')).toBe(true);
  });
  it('drops g and d from JavaScript flags and adds i for case-insensitive stacks', () => {
    expect(translatePattern('a', 'js', true, 'gd')).toEqual({ ok: true, source: 'a', flags: 'i' });
  });
  it('translates Python \\U escapes of astral characters', () => {
    const r = py(String.raw`^\U0001F600$`);
    if (!r.ok) throw new Error(r.reason);
    expect(new RegExp(r.source).test('\u{1F600}')).toBe(true);
  });
  it('tells patterns the dialect rejects (invalid) from untranslatable ones, as CPython does', () => {
    const patterns = ['*.example.com', 'a(?i)b', '(ab', 'ab)', '\\q', 'a\\', '[ab', '\\e', 'https://app\\.example\\.com', '(?i)app', '(?<n>a)', "(?'n'a)", '(?P<n>a)(?P=n)', '\\k<n>'];
    const ours = patterns.map((p) => {
      const r = py(p);
      return !r.ok && r.invalid === true;
    });
    const results = pythonOracle(patterns.map((pattern) => ({ pattern, mode: 'match' as const, ignoreCase: false, inputs: [] })));
    if (!results && oracleMissing('/usr/bin/python3')) return;
    expect(ours).toEqual(results!.map((r) => r.error !== undefined));
  });
  it('marks PCRE escapes it cannot translate as unsupported, unknown ones as invalid', () => {
    expect(pcre(String.raw`\K`)).toMatchObject({ ok: false });
    expect(pcre(String.raw`\K`)).not.toHaveProperty('invalid');
    expect(pcre(String.raw`\j`)).toMatchObject({ ok: false, invalid: true });
  });
  it('tells patterns PCRE rejects from untranslatable ones, as nginx -t does', () => {
    // (A leading * would read as nginx's own ~* operator, so the quantifier error sits after a |.)
    const patterns = ['a|+b', '\\j', '(ab', '[ab', 'a{,2}', '(?<n>a)\\k<n>', '\\Qa.b\\E', '(?i)a', '\\K', 'ab)'];
    const verdicts = patterns.map((p) => nginxCompiles(p));
    if (verdicts[0] === undefined && oracleMissing('/usr/sbin/nginx')) return;
    expect(patterns.map((p) => {
      const r = pcre(p);
      return !r.ok && r.invalid === true;
    })).toEqual(verdicts.map((ok) => !ok));
  });
});
