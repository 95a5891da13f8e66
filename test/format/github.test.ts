import { afterEach, describe, expect, it, vi } from 'vitest';
import { escapeData, escapeProperty, formatGithub } from '../../src/format/github.js';
import { finding, sampleResult } from './sample.js';

const format = (result: ReturnType<typeof sampleResult>) => formatGithub({ result, cwd: '/nowhere', color: false });

describe('GitHub workflow commands', () => {
  it('writes one command per finding, by severity, with the span and the rule id as title', () => {
    const out = format(
      sampleResult([
        finding({ file: 'app/main.py', line: 8, column: 5, location: { file: 'app/main.py', line: 8, column: 5, endLine: 9, endColumn: 27 } }),
        finding({ file: 'web/app.js', line: 3, ruleId: 'missing-vary-origin', severity: 'warning', message: 'no Vary: Origin' }),
        finding({ file: 'nginx.conf', line: 2, column: 9, ruleId: 'wildcard-origin', severity: 'note', message: 'public' }),
      ]),
    );
    expect(out.split('\n')).toEqual([
      "::error file=app/main.py,line=8,col=5,endLine=9,endColumn=27,title=credentials-with-wildcard-origin::allow_origins=['*'] with allow_credentials=True: Starlette echoes any Origin",
      '::warning file=web/app.js,line=3,col=1,endLine=3,endColumn=6,title=missing-vary-origin::no Vary: Origin',
      '::notice file=nginx.conf,line=2,col=9,endLine=2,endColumn=14,title=wildcard-origin::public',
      '',
    ]);
  });

  it('escapes % CR LF in the message and also , : in properties', () => {
    expect(escapeData('100% a\r\nb: c, d')).toBe('100%25 a%0D%0Ab: c, d');
    expect(escapeProperty('dir,x/a:b%.py')).toBe('dir%2Cx/a%3Ab%25.py');
    const out = format(sampleResult([finding({ file: 'we,ird:dir/a.py', line: 1, message: 'first line\nsecond 50%', witness: 'https://a.example' })]));
    expect(out).toBe(
      '::error file=we%2Cird%3Adir/a.py,line=1,col=1,endLine=1,endColumn=6,title=credentials-with-wildcard-origin::first line%0Asecond 50%25%0Awitness: https://a.example\n',
    );
  });

  afterEach(() => vi.unstubAllEnvs());

  it('gives repository-relative paths when run in a sub-folder of the GitHub workspace', () => {
    vi.stubEnv('GITHUB_WORKSPACE', '/home/runner/work/repo/repo');
    const result = sampleResult([finding({ file: 'app/main.py', line: 2 })], { diagnostics: [{ kind: 'parse-error', file: 'x.py', message: 'bad', line: 1, column: 1 }] });
    const out = formatGithub({ result, cwd: '/home/runner/work/repo/repo/backend', color: false });
    expect(out).toContain('::error file=backend/app/main.py,line=2,');
    expect(out).toContain('file=backend/x.py,line=1');
    // Outside the workspace, paths stay as they are.
    expect(formatGithub({ result, cwd: '/elsewhere', color: false })).toContain('::error file=app/main.py,line=2,');
  });

  it('reports diagnostics as annotations too, and nothing at all for a clean run', () => {
    const out = format(sampleResult([], { diagnostics: [{ kind: 'parse-error', file: 'a.py', message: 'invalid syntax', line: 3, column: 7 }, { kind: 'file-skipped', file: 'big.js', message: 'too large' }] }));
    expect(out).toBe('::error title=cors-lint parse-error,file=a.py,line=3,col=7::invalid syntax\n::warning title=cors-lint file-skipped,file=big.js::too large\n');
    expect(format(sampleResult([]))).toBe('');
    const crash = format(sampleResult([], { diagnostics: [{ kind: 'internal-error', file: 'a.py', message: 'internal error in the python scanner: Error: boom\n    at scan (x.js:1:1)' }] }));
    expect(crash).toBe('::error title=cors-lint internal-error,file=a.py::internal error in the python scanner: Error: boom\n');
  });
});
