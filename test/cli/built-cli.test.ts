import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');

// The published package and the Action run the esbuild bundle, not the sources: check it end to end.
describe('the bundled CLI (dist/cli.js)', () => {
  it('reports findings for every stack in examples/vulnerable and no internal error', () => {
    const run = spawnSync(process.execPath, [path.join(root, 'bin/cors-lint.js'), 'examples/vulnerable', '--format', 'json'], { cwd: root, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout) as { findings: Array<{ location: { file: string } }>; diagnostics: unknown[] };
    expect(report.diagnostics).toEqual([]);
    const stacks = new Set(report.findings.map((f) => f.location.file.split('/')[2]));
    expect([...stacks].sort()).toEqual(['django', 'express', 'fastapi', 'flask', 'nginx']);
  });

  it('exits 0 on the clean examples', () => {
    const run = spawnSync(process.execPath, [path.join(root, 'bin/cors-lint.js'), 'examples/clean'], { cwd: root, encoding: 'utf8' });
    expect(run.stdout).toContain('0 errors');
    expect(run.status, run.stdout + run.stderr).toBe(0);
  });
});
