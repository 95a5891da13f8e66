import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { copyPackage, git, gitEnv, root } from './package-files.js';

// The real pre-commit (Debian package) installs the hook with `language: node` from a git repository
// holding the package files, exactly as it does for `repo: https://github.com/...`.
const PRE_COMMIT = ['/usr/bin/pre-commit', 'pre-commit'].find((p) => spawnSync(p, ['--version']).status === 0);
const absent = !PRE_COMMIT;
if (absent) {
  if (process.env.CI === 'true') throw new Error('pre-commit is not installed (CI=true: the Debian package pre-commit is required)');
  console.log('skipping the pre-commit tests: the pre-commit tool is not installed (Debian package pre-commit)');
}

const BAD = `from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

app = FastAPI()
app.add_middleware(
    CORSMiddleware,
    allow_origins=["*"],
    allow_credentials=True,
)
`;
const FIXED = BAD.replace('allow_origins=["*"]', 'allow_origins=["https://app.example.com"]');

describe.skipIf(absent)('pre-commit hook (real pre-commit, language: node)', () => {
  let project: string;
  let env: NodeJS.ProcessEnv;

  const commit = (message: string) => spawnSync('git', ['commit', '-m', message], { cwd: project, env, encoding: 'utf8', timeout: 600_000 });

  beforeAll(() => {
    const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'cors-lint-pre-commit-')));
    // The hook repository: what a user's pre-commit clones (package files and the hook manifest).
    const hookRepo = path.join(tmp, 'hook-repo');
    fs.mkdirSync(hookRepo);
    copyPackage(hookRepo, ['.pre-commit-hooks.yaml']);
    git(hookRepo, 'init', '-q', '-b', 'main');
    git(hookRepo, 'add', '-A');
    git(hookRepo, 'commit', '-q', '-m', 'cors-lint');
    const rev = git(hookRepo, 'rev-parse', 'HEAD').trim();

    project = path.join(tmp, 'project');
    fs.mkdirSync(path.join(project, 'api'), { recursive: true });
    git(project, 'init', '-q', '-b', 'main');
    fs.writeFileSync(path.join(project, '.pre-commit-config.yaml'), YAML.stringify({ repos: [{ repo: hookRepo, rev, hooks: [{ id: 'cors-lint' }] }] }));
    fs.writeFileSync(path.join(project, 'README.md'), '# service\n');
    env = gitEnv({ PRE_COMMIT_HOME: path.join(tmp, 'pre-commit-home'), PRE_COMMIT_COLOR: 'never' });
    git(project, 'add', '-A');
    git(project, 'commit', '-q', '-m', 'initial', '--no-verify');
    const install = spawnSync(PRE_COMMIT!, ['install'], { cwd: project, env, encoding: 'utf8' });
    expect(install.status, install.stderr).toBe(0);
  }, 60_000);

  it('ships a manifest pre-commit accepts, for Python, JS/TS, Nginx and YAML/TOML files', () => {
    const check = spawnSync(PRE_COMMIT!, ['validate-manifest', path.join(root, '.pre-commit-hooks.yaml')], { encoding: 'utf8' });
    expect(check.status, check.stdout + check.stderr).toBe(0);
    const [hook] = YAML.parse(fs.readFileSync(path.join(root, '.pre-commit-hooks.yaml'), 'utf8'));
    expect(hook).toMatchObject({ id: 'cors-lint', language: 'node', entry: 'cors-lint', require_serial: true });
    // pre-commit matches `files` with Python's re.search; JavaScript's RegExp agrees for this pattern.
    const files = new RegExp(hook.files.replace('(?i)', ''), 'i');
    for (const yes of ['app/main.py', 'src/server.ts', 'web/App.tsx', 'lib/a.mjs', 'deploy/nginx.conf', 'etc/nginx/sites-enabled/app', 'conf.d/cors', 'site.conf.template', 'k8s/ingress.yaml', 'traefik/dynamic.toml', 'docker-compose.yml']) expect(files.test(yes), yes).toBe(true);
    for (const no of ['README.md', 'package.json', 'docs/notes.txt', 'Dockerfile', 'Cargo.lock']) expect(files.test(no), no).toBe(false);
  });

  it('blocks a commit that allows every origin with credentials, and lets the fix through', () => {
    fs.writeFileSync(path.join(project, 'api/main.py'), BAD);
    git(project, 'add', 'api/main.py');
    const bad = commit('add the API');
    const output = bad.stdout + bad.stderr;
    expect(bad.status, output).not.toBe(0);
    expect(output).toMatch(/cors-lint\.+Failed/);
    expect(output).toContain('api/main.py');
    expect(output).toMatch(/7:\d+\s+error\s.*\[credentials-with-wildcard-origin\]/);
    expect(git(project, 'log', '--format=%s')).toBe('initial\n');

    fs.writeFileSync(path.join(project, 'api/main.py'), FIXED);
    git(project, 'add', 'api/main.py');
    const fixed = commit('add the API');
    expect(fixed.status, fixed.stdout + fixed.stderr).toBe(0);
    expect(fixed.stdout + fixed.stderr).toMatch(/cors-lint\.+Passed/);
    expect(git(project, 'log', '--format=%s')).toBe('add the API\ninitial\n');
  }, 900_000);

  it('skips commits without files it reads', () => {
    fs.writeFileSync(path.join(project, 'README.md'), '# service\n\nDocs.\n');
    git(project, 'add', 'README.md');
    const run = commit('docs');
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout + run.stderr).toMatch(/cors-lint\.+\(no files to check\)Skipped/);
  }, 300_000);
});
