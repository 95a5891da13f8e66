// Whether a system oracle (Debian python3-starlette, nginx) is present; absent oracles skip with a
// printed reason outside CI and fail in CI.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

export const IN_CI = process.env.CI === 'true';

export function pythonHas(modules: string[]): string | null {
  if (!existsSync('/usr/bin/python3')) return '/usr/bin/python3 is not installed';
  const r = spawnSync('/usr/bin/python3', ['-c', modules.map((m) => `import ${m}`).join('; ')], { encoding: 'utf8' });
  return r.status === 0 ? null : `/usr/bin/python3 cannot import ${modules.join(', ')}: ${r.stderr.trim().split('\n').pop()}`;
}

/** null = run; a string = the reason to skip (outside CI). Throws in CI when the oracle is absent. */
export function oracleMissing(reason: string | null, what: string): string | null {
  if (reason === null) return null;
  if (IN_CI) throw new Error(`${what} conformance cannot run in CI: ${reason}`);
  console.log(`[conformance] skipping ${what}: ${reason}`);
  return reason;
}
