// Differential test: the npm cors model against real Express 5 + cors on 127.0.0.1.
import type { Server } from 'node:http';
import cors from 'cors';
import express from 'express';
import { describe, expect, it } from 'vitest';
import type { CorsPolicy } from '../../src/model/types.js';
import { printTally, type Tally } from './compare.js';
import { EXPRESS_FIXTURES, evaluateOptions, expressPolicyDirect, expressSource } from './express-fixtures.js';
import { answersOf } from './http-client.js';
import { wireCases } from './matrix.js';
import { compareConfig, type RealAnswer } from './run-model.js';
import { policiesViaScanner, scannerRegistered } from './via-scanner.js';

async function serve(options: unknown): Promise<Server> {
  const app = express();
  app.use(cors(options as cors.CorsOptions));
  app.use((req, res) => {
    const m = /^\/status\/(\d+)$/.exec(req.path);
    res.status(m ? Number(m[1]) : 200).send('app');
  });
  return new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => resolve(server));
  });
}

describe('npm cors (Express) conformance', () => {
  it('the model answers every request exactly as express + cors does', async () => {
    const cases = wireCases();
    const viaScanner = scannerRegistered('js');
    const scanned = viaScanner
      ? await policiesViaScanner(EXPRESS_FIXTURES.map((f, i) => ({ id: String(i), name: 'server.js', text: expressSource(f) })))
      : undefined;
    const gaps: string[] = [];
    const tally: Tally = { stack: 'Express 5 + cors 2.8', configs: 0, browserRequests: 0, httpRequests: 0, mismatches: [], viaScanner: 0 };
    for (const [i, fixture] of EXPRESS_FIXTURES.entries()) {
      const real: RealAnswer[] = await answersOf(await serve(evaluateOptions(fixture.options)), cases.map((c) => c.request));
      let policy: CorsPolicy | string;
      if (scanned) {
        const found = scanned.get(String(i))!.filter((p) => p.library === 'cors');
        policy = found.length === 1 ? found[0]! : `the scanner produced ${found.length} npm cors policies`;
        tally.viaScanner++;
        // A refused origin-callback answer adds no header at all (not even Vary) and passes OPTIONS
        // on; the model needs libraryOptions.originFunction to know the origins come from a callback.
        if (typeof policy !== 'string' && fixture.functionAccepts && policy.libraryOptions?.originFunction === undefined) {
          gaps.push(`cors(${fixture.options}): the scanner does not set libraryOptions.originFunction, so the model cannot tell a callback from an array; compared without the scanner`);
          policy = expressPolicyDirect(fixture);
          tally.viaScanner--;
        }
      } else policy = expressPolicyDirect(fixture);
      compareConfig(tally, `cors(${fixture.options})${scanned ? ' [via scanner]' : ''}`, policy, cases, real);
    }
    printTally(tally);
    for (const g of gaps) console.log(`[conformance] scanner gap: ${g}`);
    expect(tally.configs).toBeGreaterThanOrEqual(40);
    expect(tally.mismatches).toEqual([]);
  }, 180_000);
});
