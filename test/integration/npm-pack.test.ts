import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { allRules } from '../../rules/index.js';
import { packedFiles, root } from './package-files.js';

const FASTAPI = `from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

app = FastAPI()
app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True)
`;

describe('npm package', () => {
  it('ships the bundle, the parser wasm, types and rule docs, and no tests, fixtures or sources', () => {
    const files = packedFiles().map((f) => f.path);
    for (const needed of ['package.json', 'bin/cors-lint.js', 'dist/cli.js', 'dist/action.js', 'dist/index.js', 'dist/types/src/index.d.ts', 'dist/web-tree-sitter.wasm', 'dist/tree-sitter-python.wasm']) {
      expect(files).toContain(needed);
    }
    for (const rule of allRules) expect(files).toContain(`rules/${rule.meta.id}/README.md`);
    const unwanted = files.filter((f) => /(^|\/)(test|tests|fixtures|__tests__)\/|\.test\.|\.spec\.|^src\/|^\.ci\/|^examples\/|\.map$|^node_modules\//.test(f));
    expect(unwanted).toEqual([]);
  }, 60_000);

  describe('installed from its tarball into an empty project', () => {
    let project: string;
    const run = (cmd: string, args: string[]) => spawnSync(cmd, args, { cwd: project, encoding: 'utf8', timeout: 300_000 });

    beforeAll(() => {
      const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'cors-lint-pack-')));
      const out = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', tmp], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      const tarball = path.join(tmp, (JSON.parse(out) as Array<{ filename: string }>)[0]!.filename);
      project = path.join(tmp, 'consumer');
      fs.mkdirSync(path.join(project, 'api'), { recursive: true });
      fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
      fs.writeFileSync(path.join(project, 'api/main.py'), FASTAPI);
      // Dependencies come from the registry, as for any user.
      const install = run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', tarball]);
      expect(install.status, install.stdout + install.stderr).toBe(0);
    }, 600_000);

    it('runs `npx cors-lint --version`', () => {
      const version = run('npx', ['--no-install', 'cors-lint', '--version']);
      expect(version.status, version.stderr).toBe(0);
      expect(version.stdout.trim()).toBe(JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version);
    });

    it('lints Python with the wasm parser it ships', () => {
      const lint = run('npx', ['--no-install', 'cors-lint', 'api/main.py', '--format', 'json']);
      expect(lint.status, lint.stderr).toBe(1);
      const report = JSON.parse(lint.stdout);
      expect(report.findings.map((f: { ruleId: string; location: { line: number; column: number } }) => [f.ruleId, f.location.line, f.location.column])).toContainEqual(['credentials-with-wildcard-origin', 5, 51]);
      expect(report.diagnostics).toEqual([]);
    });

    it('serves the library API: lint(paths, options) with findings and policies', () => {
      const script = `import { lint, SEVERITY_RANK } from 'cors-lint';
const r = await lint(['api'], { cwd: process.cwd() });
console.log(JSON.stringify({ policies: r.policies.map((p) => p.stack), findings: r.findings.map((f) => f.ruleId), rank: SEVERITY_RANK.error }));`;
      const lib = run(process.execPath, ['--input-type=module', '-e', script]);
      expect(lib.status, lib.stderr).toBe(0);
      const out = JSON.parse(lib.stdout);
      expect(out.policies).toEqual(['fastapi']);
      expect(out.findings).toContain('credentials-with-wildcard-origin');
      expect(out.rank).toBe(3);
    });

    it('types the library API for TypeScript consumers', () => {
      fs.writeFileSync(
        path.join(project, 'check.ts'),
        `import { lint, type Finding, type CorsPolicy, type LintResult } from 'cors-lint';
const result: LintResult = await lint(['.'], { cwd: '.' });
const first: Finding | undefined = result.findings[0];
const policies: CorsPolicy[] = result.policies;
const line: number | undefined = first?.location.line;
// @ts-expect-error severity is a closed set
const wrong: Finding['severity'] = 'fatal';
export { line, policies, wrong };
`,
      );
      const tsc = run(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '--strict', '--skipLibCheck', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', 'check.ts']);
      expect(tsc.status, tsc.stdout + tsc.stderr).toBe(0);
    }, 120_000);
  });
});
