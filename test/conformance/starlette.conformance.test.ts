// Differential test: the Starlette model against the real CORSMiddleware (Debian python3-starlette)
// driven as an ASGI application, same configurations, same requests, header for header.
// STARLETTE_PYTHONPATH=<dir with another starlette/ package> checks another release the same way
// (the model is told the version the helper reports).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CorsPolicy } from '../../src/model/types.js';
import { printTally, type Tally } from './compare.js';
import { wireCases } from './matrix.js';
import { oracleMissing, pythonHas } from './oracle.js';
import { compareConfig, type RealAnswer } from './run-model.js';
import { describeKwargs, STARLETTE_FIXTURES, starlettePolicyDirect, starletteSource } from './starlette-fixtures.js';
import { policiesViaScanner, scannerRegistered } from './via-scanner.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const skip = oracleMissing(pythonHas(['starlette']), 'Starlette');

describe('Starlette CORSMiddleware conformance', () => {
  it.skipIf(skip !== null)('the model answers every request exactly as the installed Starlette does', async () => {
    const cases = wireCases();
    const input = {
      fixtures: STARLETTE_FIXTURES.map((kwargs, i) => ({ id: String(i), kwargs })),
      requests: cases.map((c) => ({ method: c.request.method, path: c.request.path, headers: c.request.headers })),
    };
    const run = spawnSync('/usr/bin/python3', [path.join(here, 'starlette_oracle.py')], {
      input: JSON.stringify(input),
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, PYTHONPATH: process.env.STARLETTE_PYTHONPATH ?? '' },
    });
    expect(run.status, run.stderr).toBe(0);
    const oracle = JSON.parse(run.stdout) as { version: string; results: Record<string, RealAnswer[]> };

    const viaScanner = scannerRegistered('python');
    const scanned = viaScanner
      ? await policiesViaScanner(STARLETTE_FIXTURES.map((kw, i) => ({ id: String(i), name: 'main.py', text: starletteSource(kw, i) })))
      : undefined;
    const tally: Tally = { stack: `Starlette ${oracle.version}`, configs: 0, browserRequests: 0, httpRequests: 0, mismatches: [], viaScanner: 0 };
    STARLETTE_FIXTURES.forEach((kwargs, i) => {
      let policy: CorsPolicy | string;
      if (scanned) {
        const found = scanned.get(String(i))!.filter((p) => p.library === 'starlette');
        policy = found.length === 1 ? { ...found[0]!, libraryVersion: oracle.version } : `the scanner produced ${found.length} Starlette policies`;
        tally.viaScanner++;
      } else policy = starlettePolicyDirect(kwargs, oracle.version);
      compareConfig(tally, `${describeKwargs(kwargs)}${scanned ? ' [via scanner]' : ''}`, policy, cases, oracle.results[String(i)]!);
    });
    printTally(tally);
    expect(tally.configs).toBeGreaterThanOrEqual(40);
    expect(tally.mismatches).toEqual([]);
  }, 180_000);
});
