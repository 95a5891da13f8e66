// The fix engine: idempotence, line endings and byte-order marks kept, a fix that would break the
// file refused, overlapping fixes applied over bounded re-lint rounds, --diff equal to --fix.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lintAndFix } from '../../src/fix/run-fix.js';
import { SourceText } from '../../src/fix/source.js';
import { defineRule } from '../../src/rules/define-rule.js';
import { tempTree } from '../helpers/temp-tree.js';
import { cli, expectJsParses, expectNginxAccepts, expectPythonParses, fixTree, nginxMain, ruleIdsIn } from './helpers.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Every file under `dir` (relative path -> bytes as a latin1 string), to compare trees exactly. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const abs = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, abs)] = fs.readFileSync(abs).toString('latin1');
  }
  return out;
}

function copyExamples(): string {
  const dir = tempTree({});
  fs.cpSync(path.join(ROOT, 'examples/vulnerable'), path.join(dir, 'vulnerable'), { recursive: true });
  return dir;
}

const NGINX_SERVER = `server {
    listen 127.0.0.1:8080;
    location / {
        add_header Access-Control-Allow-Origin $http_origin;
        root html;
    }
}`;

describe('applying fixes', () => {
  it('is idempotent: a second --fix changes nothing and --diff then prints nothing (exit 0)', async () => {
    const dir = copyExamples();
    const first = await cli(dir, ['--fix', '--unsafe-fixes', '.']);
    expect(first.stderr).toBe('');
    const once = snapshot(dir);
    await cli(dir, ['--fix', '--unsafe-fixes', '.']);
    expect(snapshot(dir)).toEqual(once);
    const diff = await cli(dir, ['--diff', '--unsafe-fixes', '.']);
    expect(diff).toMatchObject({ code: 0, stdout: '' });
    expect(diff.stderr).toContain('nothing to fix');
  });

  it('keeps CRLF line endings, in replaced text and in inserted lines', async () => {
    const crlf = (s: string) => s.replace(/\n/g, '\r\n');
    const t = await fixTree({ 'nginx.conf': nginxMain(NGINX_SERVER, '\r\n').replace(/\n(?<!\r\n)/g, '\r\n'), 'main.py': crlf('from fastapi import FastAPI\nfrom fastapi.middleware.cors import CORSMiddleware\napp = FastAPI()\napp.add_middleware(CORSMiddleware, allow_origins=["https://a.example.com/"])\n') });
    const conf = t.read('nginx.conf');
    expect(conf).toContain('add_header Access-Control-Allow-Origin $http_origin always;\r\n            add_header Vary Origin always;\r\n            root html;\r\n');
    expect(conf.replace(/\r\n/g, '')).not.toContain('\n');
    expect(t.read('main.py')).toBe(crlf('from fastapi import FastAPI\nfrom fastapi.middleware.cors import CORSMiddleware\napp = FastAPI()\napp.add_middleware(CORSMiddleware, allow_origins=["https://a.example.com"])\n'));
    expect(await ruleIdsIn(t.dir)).not.toContain('missing-vary-origin');
    expectNginxAccepts(t.dir, 'nginx.conf');
    await expectPythonParses(t.dir, 'main.py');
  });

  it('keeps a UTF-8 byte-order mark and tab indentation', async () => {
    const py = (o: string) => `\uFEFFfrom fastapi import FastAPI\nfrom fastapi.middleware.cors import CORSMiddleware\napp = FastAPI()\napp.add_middleware(\n\tCORSMiddleware,\n\tallow_origins=["${o}"],\n)\n`;
    const t = await fixTree({ 'main.py': py('https://a.example.com:443') });
    expect(fs.readFileSync(path.join(t.dir, 'main.py'), 'utf8')).toBe(py('https://a.example.com'));
  });

  it('leaves a file untouched, with a fix-skipped diagnostic, when the fixed file would not parse', async () => {
    const breaksSyntax = defineRule({
      meta: { id: 'breaks-syntax', docs: { description: 'test', cwe: [], securitySeverity: 1 }, defaultSeverity: 'error', fixable: 'safe', messages: { m: 'unbalanced' } },
      check({ source, report }) {
        const text = source('app.py')!;
        const at = text.text.indexOf('(');
        const edit = text.edit(at, at + 1, '');
        report({ messageId: 'm', span: edit, fix: { applicability: 'safe', description: 'drop (', edits: [edit] } });
      },
    });
    const dir = tempTree({ 'app.py': 'print("cors")\n' });
    const run = await lintAndFix(['.'], { cwd: dir, rules: [breaksSyntax] }, { unsafe: false, write: true });
    expect(fs.readFileSync(path.join(dir, 'app.py'), 'utf8')).toBe('print("cors")\n');
    expect(run.fixed).toBe(0);
    expect(run.diagnostics).toEqual([{ kind: 'fix-skipped', file: 'app.py', message: expect.stringContaining('would not parse') }]);
  });

  it('applies overlapping fixes over re-lint rounds until none is left, and stops at the round limit', async () => {
    // Every "xx" becomes "x": the fixes of "xxxx" overlap, so each round takes the ones that do not.
    const squeeze = defineRule({
      meta: { id: 'squeeze', docs: { description: 'test', cwe: [], securitySeverity: 1 }, defaultSeverity: 'error', fixable: 'safe', messages: { m: 'xx' } },
      check({ source, report }) {
        const text: SourceText = source('a.py')!;
        for (let i = text.text.indexOf('xx'); i !== -1; i = text.text.indexOf('xx', i + 1)) {
          const edit = text.edit(i, i + 2, 'x');
          report({ messageId: 'm', span: edit, fix: { applicability: 'safe', description: 'squeeze', edits: [edit] } });
        }
      },
    });
    const dir = tempTree({ 'a.py': "s = 'xxxxxxxx'\n" });
    const run = await lintAndFix(['.'], { cwd: dir, rules: [squeeze] }, { unsafe: false, write: true });
    expect(fs.readFileSync(path.join(dir, 'a.py'), 'utf8')).toBe("s = 'x'\n");
    expect(run.fixed).toBe(7);
    expect(run.result.findings).toEqual([]);
    const limited = tempTree({ 'a.py': "s = 'xxxxxxxx'\n" });
    await lintAndFix(['.'], { cwd: limited, rules: [squeeze] }, { unsafe: false, write: true, maxRounds: 1 });
    expect(fs.readFileSync(path.join(limited, 'a.py'), 'utf8')).toBe("s = 'xxxx'\n");
  });
});

describe('rules declare their fixes', () => {
  it('a rule that reports a fix it does not declare (meta.fixable) is an internal error, not a silent edit', async () => {
    const undeclared = defineRule({
      meta: { id: 'undeclared', docs: { description: 'test', cwe: [], securitySeverity: 1 }, defaultSeverity: 'error', messages: { m: 'm' } },
      check({ source, report }) {
        const edit = source('a.py')!.edit(0, 0, '#');
        report({ messageId: 'm', span: edit, fix: { applicability: 'unsafe', description: 'x', edits: [edit] } });
      },
    });
    const dir = tempTree({ 'a.py': 'x = 1\n' });
    const run = await lintAndFix(['.'], { cwd: dir, rules: [undeclared] }, { unsafe: true, write: true });
    expect(fs.readFileSync(path.join(dir, 'a.py'), 'utf8')).toBe('x = 1\n');
    expect(run.result.diagnostics.map((d) => d.kind)).toEqual(['internal-error']);
    expect(run.result.diagnostics[0]!.message).toContain('reported a fix (unsafe) but declares fixable: none');
  });
});

describe('a fix that does not resolve its finding', () => {
  it('is applied once, not round after round, and says so', async () => {
    const neverDone = defineRule({
      meta: { id: 'never-done', docs: { description: 'test', cwe: [], securitySeverity: 1 }, defaultSeverity: 'error', fixable: 'safe', messages: { m: 'again' } },
      check({ source, report }) {
        const text = source('a.py')!;
        const edit = text.edit(0, 0, '# note\n');
        report({ messageId: 'm', span: edit, fix: { applicability: 'safe', description: 'note', edits: [edit] } });
      },
    });
    const dir = tempTree({ 'a.py': 'x = 1\n' });
    const run = await lintAndFix(['.'], { cwd: dir, rules: [neverDone] }, { unsafe: false, write: true });
    expect(fs.readFileSync(path.join(dir, 'a.py'), 'utf8')).toBe('# note\nx = 1\n');
    expect(run.fixed).toBe(0);
    expect(run.diagnostics).toEqual([{ kind: 'fix-skipped', file: 'a.py', message: expect.stringContaining('the never-done fix did not resolve its finding') }]);
  });
});

describe('--diff', () => {
  it('writes nothing, exits 1, and its patch applied with git apply gives what --fix writes', async () => {
    const viaDiff = copyExamples();
    const before = snapshot(viaDiff);
    const diff = await cli(viaDiff, ['--diff', '.']);
    expect(diff.code).toBe(1);
    expect(diff.stderr).toMatch(/would fix \d+ finding\(s\) in 3 file\(s\)/);
    expect(snapshot(viaDiff)).toEqual(before);
    expect(diff.stdout).toMatch(/^--- a\/vulnerable\//);
    const applied = spawnSync('git', ['apply', '--whitespace=nowarn', '-'], { cwd: viaDiff, input: diff.stdout, encoding: 'utf8' });
    expect(applied.stderr).toBe('');
    expect(applied.status).toBe(0);
    const toFile = copyExamples();
    expect((await cli(toFile, ['--diff', '-o', 'fixes.patch', '.'])).stdout).toBe('');
    expect(fs.readFileSync(path.join(toFile, 'fixes.patch'), 'utf8')).toBe(diff.stdout);
    const viaFix = copyExamples();
    await cli(viaFix, ['--fix', '.']);
    expect(snapshot(viaDiff)).toEqual(snapshot(viaFix));
  });
});

describe('--fix on the shipped vulnerable examples', () => {
  it('fixes every safe finding, leaves the unsafe and unfixable ones, and every file still parses', async () => {
    const dir = copyExamples();
    const fixable = JSON.parse((await cli(dir, ['--format', 'json', '.'])).stdout);
    const run = await cli(dir, ['--fix', '--format', 'json', '.']);
    const after = JSON.parse(run.stdout);
    expect(run.stderr).toMatch(/fixed 4 finding\(s\) in 3 file\(s\)/);
    expect(after.findings.filter((f: { fix?: { applicability: string } }) => f.fix?.applicability === 'safe')).toEqual([]);
    expect(after.findings.length).toBe(fixable.findings.length - 4);
    // What has no one right edit is still reported.
    expect(after.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(expect.arrayContaining(['credentials-with-wildcard-origin', 'reflected-origin', 'null-origin', 'add-header-inheritance', 'permissive-origin-regex']));
    expect(after.summary.fixableUnsafe).toBe(1);
    expect(run.code).toBe(1);
    for (const file of ['vulnerable/fastapi/main.py', 'vulnerable/django/settings.py', 'vulnerable/flask/app.py']) await expectPythonParses(dir, file);
    expectJsParses(dir, 'vulnerable/express/server.js');
  });
});

describe('README', () => {
  it('shows the real --diff and --fix output on the shipped examples', async () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const dir = tempTree({});
    fs.cpSync(path.join(ROOT, 'examples/vulnerable'), path.join(dir, 'examples/vulnerable'), { recursive: true });
    const shown = /`npx cors-lint examples\/vulnerable --diff` prints \(and exits 1\):\n\n```diff\n([\s\S]*?)```/.exec(readme)?.[1];
    const diff = await cli(dir, ['--diff', 'examples/vulnerable']);
    expect(diff.code).toBe(1);
    expect(shown).toBe(diff.stdout);
    const before = (await cli(dir, ['examples/vulnerable'])).stdout.trimEnd().split('\n').slice(-2).join('\n');
    expect(readme).toContain(`ends with\n\n\`\`\`\n${before}\n\`\`\``);
    const after = (await cli(dir, ['--fix', 'examples/vulnerable'])).stdout.trimEnd().split('\n').slice(-3).join('\n');
    expect(readme).toContain(`\`\`\`\n${after}\n\`\`\``);
  });
});

describe('the parse oracles can fail', () => {
  it('py_compile, typescript-estree and nginx -t reject broken files', async () => {
    const dir = tempTree({ 'a.py': 'def f(:\n', 'a.js': 'const = 1;\n', 'nginx.conf': nginxMain('server {\n    add_header X;\n}') });
    await expect(expectPythonParses(dir, 'a.py')).rejects.toThrow();
    expect(() => expectJsParses(dir, 'a.js')).toThrow();
    if (fs.existsSync('/usr/sbin/nginx') || process.env.CI === 'true') expect(() => expectNginxAccepts(dir, 'nginx.conf')).toThrow(/nginx -t rejects/);
  });
});

describe('with a baseline', () => {
  it('fixes only what is reported: findings recorded in the baseline are left alone', async () => {
    const app = (a: string, b: string) => `from fastapi import FastAPI\nfrom fastapi.middleware.cors import CORSMiddleware\napp = FastAPI()\napp.add_middleware(CORSMiddleware, allow_origins=["${a}"])\nother = FastAPI()\nother.add_middleware(CORSMiddleware, allow_origins=["${b}"])\n`;
    const dir = tempTree({ 'main.py': app('https://old.example.com/', 'https://ok.example.com') });
    expect((await cli(dir, ['--write-baseline', 'baseline.json', '.'])).code).toBe(0);
    fs.writeFileSync(path.join(dir, 'main.py'), app('https://old.example.com/', 'https://new.example.com/'));
    const run = await cli(dir, ['--fix', '--baseline', 'baseline.json', '.']);
    expect(fs.readFileSync(path.join(dir, 'main.py'), 'utf8')).toBe(app('https://old.example.com/', 'https://new.example.com'));
    expect(run.stdout).toContain('Fixed 1 finding');
    expect(run.code).toBe(0);
  });

  it('--quiet does not thin out a baseline being written', async () => {
    const dir = tempTree({ 'nginx.conf': 'server {\n    location / {\n        add_header Access-Control-Allow-Origin https://a.example.com;\n    }\n}\n' });
    await cli(dir, ['--quiet', '--write-baseline', 'b.json', '.']);
    expect(JSON.stringify(JSON.parse(fs.readFileSync(path.join(dir, 'b.json'), 'utf8')))).toContain('cors-headers-without-always');
  });
});

describe('CLI flags', () => {
  it('refuses --fix with --print-policies or --write-baseline, and a --width that is not a number (exit 2)', async () => {
    const dir = tempTree({ 'a.py': 'x = 1\n' });
    for (const args of [['--fix', '--print-policies'], ['--diff', '--write-baseline', 'b.json'], ['--width', 'wide']]) {
      const run = await cli(dir, [...args, '.']);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/^cors-lint: /);
    }
    expect(fs.existsSync(path.join(dir, 'b.json'))).toBe(false);
  });

  it('text names each fix under its finding, marking the unsafe ones', async () => {
    const dir = tempTree({ 'main.py': 'from fastapi import FastAPI\nfrom fastapi.middleware.cors import CORSMiddleware\napp = FastAPI()\napp.add_middleware(CORSMiddleware, allow_origins=["https://a.example.com/"], allow_origin_regex="https://b.example.com")\n' });
    const { stdout } = await cli(dir, ['.']);
    expect(stdout).toContain("fix: Replace 'https://a.example.com/' with 'https://a.example.com'");
    expect(stdout).toContain('unsafe fix: Tighten the pattern to https://b\\.example\\.com');
  });
});
