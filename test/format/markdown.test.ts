import { describe, expect, it } from 'vitest';
import { buildMarkdown, githubBlobBase } from '../../src/format/markdown.js';
import { finding, sampleResult, sampleRules } from './sample.js';

describe('Markdown job summary', () => {
  it('counts by rule and severity and lists every finding with links and witness', () => {
    const md = buildMarkdown(
      sampleResult(
        [
          finding({ file: 'app/main.py', line: 8, witness: 'https://evil|x.example' }),
          finding({ file: 'app/main.py', line: 12, message: 'second <b>one</b> | piped' }),
          finding({ file: 'my dir/site.conf', line: 4, ruleId: 'wildcard-origin', severity: 'note', message: 'public' }),
        ],
        { diagnostics: [{ kind: 'parse-error', file: 'web/x.ts', message: 'unexpected token\nmore', line: 2, column: 1 }], suppressed: 1 },
      ),
      { rules: sampleRules },
    );
    const docs = 'https://github.com/cors-lint/cors-lint/blob/main/rules';
    expect(md).toContain('**2 errors, 0 warnings, 1 note** in 2 files with CORS configuration, 0 policies.');
    expect(md).toContain(`| [\`credentials-with-wildcard-origin\`](${docs}/credentials-with-wildcard-origin/README.md) | 2 | 0 | 0 |`);
    expect(md).toContain(`| [\`wildcard-origin\`](${docs}/wildcard-origin/README.md) | 0 | 0 | 1 |`);
    expect(md).toContain(
      `| [app/main.py:8](app/main.py#L8) | 🔴 error | [\`credentials-with-wildcard-origin\`](${docs}/credentials-with-wildcard-origin/README.md) | allow\\_origins=\\['\\*'\\] with allow\\_credentials=True: Starlette echoes any Origin | \`https://evil\\|x.example\` |`,
    );
    expect(md).toContain('| second &lt;b&gt;one&lt;/b&gt; \\| piped |  |');
    // Errors before notes, whatever the file order.
    expect(md.indexOf('| [app/main.py:12]')).toBeLessThan(md.indexOf('| [my dir/site.conf:4]'));
    expect(md).toContain('| [my dir/site.conf:4](my%20dir/site.conf#L4) | 🔵 note |');
    expect(md).toContain('### Diagnostics');
    expect(md).toContain('| [web/x.ts:2](web/x.ts#L2) | parse-error | unexpected token |');
    expect(md).toContain('1 finding suppressed inline.');
    // Every table row has the same number of cells as its header.
    for (const line of md.split('\n').filter((l) => l.startsWith('| [app') || l.startsWith('| [my'))) {
      expect(line.replace(/\\\|/g, '').split('|').length).toBe(7);
    }
  });

  it('shows Markdown punctuation in messages as written, and keeps code spans', () => {
    const message = "regex '^https://\\w+\\.example\\.com' accepts *any* [host] with `a|b` and `x_y`";
    const md = buildMarkdown(sampleResult([finding({ file: 'my_app/a.py', line: 1, message })]), { rules: sampleRules });
    expect(md).toContain("| regex '^https://\\\\w+\\\\.example\\\\.com' accepts \\*any\\* \\[host\\] with `a\\|b` and `x_y` |");
    expect(md).toContain('[my\\_app/a.py:1](my_app/a.py#L1)');
  });

  it('links to the commit inside a GitHub Actions run', () => {
    const base = githubBlobBase({ GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'o/r', GITHUB_SHA: 'abc' });
    expect(base).toBe('https://github.com/o/r/blob/abc/');
    const md = buildMarkdown(sampleResult([finding({ file: 'a.py', line: 3 })]), { rules: sampleRules, linkBase: base });
    expect(md).toContain('[a.py:3](https://github.com/o/r/blob/abc/a.py#L3)');
    expect(githubBlobBase({})).toBeUndefined();
    const nested = buildMarkdown(sampleResult([finding({ file: 'a.py', line: 3 })]), { rules: sampleRules, linkBase: base, repositoryPath: (f) => `backend/${f}` });
    expect(nested).toContain('[a.py:3](https://github.com/o/r/blob/abc/backend/a.py#L3)');
  });

  it('leaves out the witness column when no finding has one, and cuts a very long table', () => {
    const many = Array.from({ length: 600 }, (_, i) => finding({ file: 'a.py', line: i + 1, severity: i === 599 ? 'error' : 'note', ruleId: 'wildcard-origin' }));
    const md = buildMarkdown(sampleResult(many), { rules: sampleRules });
    expect(md).toContain('| Location | Severity | Rule | Message |\n|---|---|---|---|\n');
    expect(md).not.toContain('Witness');
    expect(md.split('\n').filter((l) => l.startsWith('| [a.py:'))).toHaveLength(500);
    // The one error comes first even though it is last in the file.
    expect(md).toContain('|---|---|---|---|\n| [a.py:600](a.py#L600) | 🔴 error |');
    expect(md).toContain('… and 100 more (see the SARIF report or the log).');
  });

  it('reads well when there is nothing to report', () => {
    expect(buildMarkdown(sampleResult([]), { rules: sampleRules })).toBe('## cors-lint\n\n✅ No CORS findings (2 files with CORS configuration, 0 policies).\n\n');
  });
});
