// Runs a Python oracle helper (one process for every fixture) and compares its answers with the
// model, the policies coming from the real Python scanner.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CorsPolicy, Library } from '../../src/model/types.js';
import type { Tally } from './compare.js';
import { wireCases } from './matrix.js';
import { compareConfig, type RealAnswer } from './run-model.js';
import { policiesViaScanner } from './via-scanner.js';

const here = path.dirname(fileURLToPath(import.meta.url));

export interface PythonStack<K> {
  stack: string;
  library: Library;
  helper: string;
  fixtures: K[];
  /** The fixture as the source file the scanner reads. */
  source(fixture: K): { name: string; text: string };
  describe(fixture: K): string;
  /**
   * Options the scanner does not (yet) carry into the policy: returns the completed policy and a
   * printed note, so a gap in the scanner is visible rather than a silent mismatch.
   */
  fillGap?(policy: CorsPolicy, fixture: K): { policy: CorsPolicy; gap: string } | undefined;
}

export async function runPythonConformance<K>(s: PythonStack<K>): Promise<Tally> {
  const cases = wireCases();
  const input = {
    fixtures: s.fixtures.map((kwargs, i) => ({ id: String(i), kwargs })),
    requests: cases.map((c) => ({ method: c.request.method, path: c.request.path, headers: c.request.headers })),
  };
  // <HELPER>_PYTHONPATH (e.g. DJANGO_ORACLE_PYTHONPATH) puts another release of the library first.
  const envName = `${s.helper.replace(/\.py$/, '').toUpperCase()}_PYTHONPATH`;
  const run = spawnSync('/usr/bin/python3', [path.join(here, s.helper)], {
    input: JSON.stringify(input),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, PYTHONPATH: process.env[envName] ?? '' },
  });
  if (run.status !== 0) throw new Error(`${s.helper} failed: ${run.stderr}`);
  const oracle = JSON.parse(run.stdout) as { version: string; results: Record<string, RealAnswer[]> };
  const scanned = await policiesViaScanner(s.fixtures.map((f, i) => ({ id: String(i), ...s.source(f) })));
  const tally: Tally = { stack: `${s.stack} ${oracle.version}`, configs: 0, browserRequests: 0, httpRequests: 0, mismatches: [], viaScanner: 0 };
  s.fixtures.forEach((f, i) => {
    const found = scanned.get(String(i))!.filter((p) => p.library === s.library);
    let policy: CorsPolicy | string = found.length === 1 ? { ...found[0]!, libraryVersion: oracle.version } : `the scanner produced ${found.length} ${s.library} policies`;
    if (typeof policy !== 'string' && s.fillGap) {
      const filled = s.fillGap(policy, f);
      if (filled) {
        policy = filled.policy;
        console.log(`[conformance] scanner gap: ${filled.gap}`);
      }
    }
    tally.viaScanner++;
    compareConfig(tally, s.describe(f), policy, cases, oracle.results[String(i)]!);
  });
  return tally;
}

export function pyLiteral(v: unknown): string {
  if (v === null) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(pyLiteral).join(', ')}]`;
  throw new Error(`no Python literal for ${String(v)}`);
}
