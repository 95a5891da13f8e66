import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateSarif } from '../format/multitool.js';

// A repository built to hurt the linter, as a stranger's pull request could be. The linter must stay
// bounded in time, keep every good file's findings, give each bad file one diagnostic, write valid
// JSON and SARIF, execute nothing, and exit 1 (findings), not 2 (internal error).
const root = path.resolve(__dirname, '../..');
const cli = path.join(root, 'bin/cors-lint.js');
const isRoot = process.getuid?.() === 0;

const REFLECT_NGINX = 'server {\n  location / {\n    add_header Access-Control-Allow-Origin $http_origin always;\n    add_header Access-Control-Allow-Credentials true always;\n    add_header Vary Origin always;\n  }\n}\n';
const FASTAPI = 'from fastapi import FastAPI\nfrom fastapi.middleware.cors import CORSMiddleware\n\napp = FastAPI()\napp.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True)\n';
const EXPRESS = "const express = require('express');\nconst cors = require('cors');\nconst app = express();\napp.use(cors({ origin: true, credentials: true }));\n";

function buildHostileRepository(marker: string): { dir: string; good: string[]; bad: string[] } {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'cors-lint-hostile-')));
  const write = (rel: string | Buffer, content: string | Buffer) => {
    const file = typeof rel === 'string' ? path.join(dir, rel) : Buffer.concat([Buffer.from(dir + path.sep), rel]);
    fs.mkdirSync(typeof file === 'string' ? path.dirname(file) : file.subarray(0, file.lastIndexOf(0x2f)), { recursive: true });
    fs.writeFileSync(file, content);
  };
  const good: string[] = [];
  const bad: string[] = [];
  // Good files: each has a credentialed reflection or wildcard that must be reported.
  for (const rel of ['nginx/good.conf', 'new\nline/site.conf', 'q"uote \'s/site.conf', 'sp ace/site.conf', 'ünïcødé/site.conf']) {
    write(rel, REFLECT_NGINX);
    good.push(rel);
  }
  write(Buffer.from([0x62, 0x61, 0x64, 0xff, 0xfe, 0x2f, 0x73, 0x69, 0x74, 0x65, 0x2e, 0x63, 0x6f, 0x6e, 0x66]), REFLECT_NGINX); // "bad\xFF\xFE/site.conf"
  good.push('bad\\xFF\\xFE/site.conf');
  write('app/main.py', FASTAPI);
  good.push('app/main.py');
  write('server/index.js', EXPRESS);
  good.push('server/index.js');
  write('utf16/main.py', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(FASTAPI, 'utf16le')]));
  good.push('utf16/main.py');
  write('utf8bom/main.py', `\ufeff${FASTAPI}`);
  good.push('utf8bom/main.py');
  // Scanned files that would leave a marker if anything ran them.
  write('evil/run.py', `import os\nopen(${JSON.stringify(marker)}, "w").write("ran")\n${FASTAPI}`);
  good.push('evil/run.py');
  write('evil/run.js', `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran');\n${EXPRESS}`);
  good.push('evil/run.js');
  write('.cors-lint.js', `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran'); module.exports = {};\n`);

  // Bad files: each must cost only itself, with one diagnostic.
  write('nginx/deep.conf', `add_header Access-Control-Allow-Origin *;\n${'location / {'.repeat(5000)}${'}'.repeat(5000)}\n`);
  bad.push('nginx/deep.conf');
  write('deep/nested.py', `from fastapi.middleware.cors import CORSMiddleware\nX = ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`);
  bad.push('deep/nested.py');
  write('deep/nested.js', `const cors = require('cors');\nconst x = ${'['.repeat(100_000)}${']'.repeat(100_000)};\n`);
  bad.push('deep/nested.js');
  write('huge/big.py', `# CORSMiddleware\n${'x = 1\n'.repeat(300_000)}`);
  bad.push('huge/big.py');
  write('bin/blob.py', Buffer.concat([Buffer.from('CORSMiddleware'), Buffer.alloc(64, 0), Buffer.from('\x89PNG')]));
  bad.push('bin/blob.py');
  write('broken/syntax.py', 'from fastapi.middleware.cors import CORSMiddleware\napp.add_middleware(CORSMiddleware, allow_origins=["*"\n');
  bad.push('broken/syntax.py');
  write('nginx/escape.conf', 'include ../../../etc/passwd;\nadd_header Access-Control-Allow-Origin https://app.example.com always;\n');
  bad.push('nginx/escape.conf');
  write('regex/app.py', 'from fastapi import FastAPI\nfrom fastapi.middleware.cors import CORSMiddleware\napp = FastAPI()\napp.add_middleware(CORSMiddleware, allow_origin_regex=r"^(a+)+$")\n');
  // Links: a loop, a link out of the root, a dangling one.
  fs.mkdirSync(path.join(dir, 'loop'), { recursive: true });
  fs.symlinkSync('..', path.join(dir, 'loop', 'parent'));
  fs.symlinkSync('/etc/hostname', path.join(dir, 'nginx', 'outside.conf'));
  bad.push('nginx/outside.conf');
  fs.symlinkSync(path.join(dir, 'nowhere'), path.join(dir, 'nginx', 'dangling.conf'));
  if (!isRoot) {
    write('locked/app.py', FASTAPI);
    fs.chmodSync(path.join(dir, 'locked/app.py'), 0);
    bad.push('locked/app.py');
  }
  return { dir, good, bad };
}

describe('a hostile repository', () => {
  it('keeps every good result, gives each bad file one diagnostic, runs nothing, and exits 1', () => {
    const marker = path.join(os.tmpdir(), `cors-lint-marker-${process.pid}`);
    fs.rmSync(marker, { force: true });
    const { dir, good, bad } = buildHostileRepository(marker);
    if (isRoot) console.log('[hostile] running as root: the unreadable-file case is left out (root reads every file)');

    const started = Date.now();
    const json = spawnSync(process.execPath, [cli, '--format', 'json', '.'], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
    const elapsed = Date.now() - started;
    expect(json.status, json.stderr).toBe(1);
    const report = JSON.parse(json.stdout) as { findings: Array<{ ruleId: string; location: { file: string } }>; diagnostics: Array<{ kind: string; file: string; message: string }> };

    for (const file of good) {
      expect(report.findings.some((f) => f.location.file === file && /credentials-with-wildcard-origin|reflected-origin/.test(f.ruleId)), `findings of ${JSON.stringify(file)}`).toBe(true);
    }
    for (const file of bad) {
      const own = report.diagnostics.filter((d) => d.file === file);
      expect(own.length, `${JSON.stringify(file)}: ${JSON.stringify(report.diagnostics)}`).toBe(1);
    }
    expect(report.diagnostics.filter((d) => d.kind === 'internal-error')).toEqual([]);
    expect(report.diagnostics.find((d) => d.file === 'nginx/deep.conf')!.message).toMatch(/nesting deeper than/);
    expect(fs.existsSync(marker), 'a scanned file or the .cors-lint.js was executed').toBe(false);

    const sarif = spawnSync(process.execPath, [cli, '--format', 'sarif', '.'], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
    expect(sarif.status).toBe(1);
    expect(validateSarif(sarif.stdout).filter((i) => i.level === 'error')).toEqual([]);
    const uris = (JSON.parse(sarif.stdout).runs[0].results as Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }>).map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri);
    expect(uris).toContain('new%0Aline/site.conf');

    const text = spawnSync(process.execPath, [cli, '.'], { cwd: dir, encoding: 'utf8', timeout: 120_000, env: { ...process.env, NO_COLOR: '1' } });
    expect(text.stdout.split('\n')).toContain('new\\nline/site.conf');
    const github = spawnSync(process.execPath, [cli, '--format', 'github', '.'], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
    expect(github.stdout).toContain('file=new%0Aline/site.conf');

    console.log(`[hostile] ${good.length} good files all reported, ${bad.length} bad files with one diagnostic each, JSON + SARIF valid, no marker, exit 1, ${elapsed} ms`);
    expect(elapsed).toBeLessThan(60_000);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 240_000);
});
