import type { CorsPolicy } from '../../src/model/types.js';
import { respond } from '../../src/simulate/respond.js';
import { UnknownBehaviour } from '../../src/simulate/types.js';
import { describeMismatch, normalize, sameAnswer, type Answer, type Tally } from './compare.js';
import { BROWSER_MATRIX, type WireCase } from './matrix.js';

export type RealAnswer = { status: number; headers: Record<string, string | string[]> } | { error: string };

/** Compares the model with the real answers for one configuration; appends mismatches to the tally. */
export function compareConfig(tally: Tally, config: string, policy: CorsPolicy | string, cases: WireCase[], real: RealAnswer[]): void {
  tally.configs++;
  tally.browserRequests = BROWSER_MATRIX.length + 2;
  cases.forEach((c, i) => {
    tally.httpRequests++;
    const r = real[i]!;
    const realAnswer: Answer | string = 'error' in r ? `error: ${r.error}` : normalize(r);
    let model: Answer | string;
    if (typeof policy === 'string') model = policy;
    else {
      try {
        model = normalize(respond(policy, c.request, { status: c.appStatus }));
      } catch (error) {
        model = error instanceof UnknownBehaviour ? `unknown: ${error.why}` : `crash: ${(error as Error).stack}`;
      }
    }
    const same = typeof model !== 'string' && typeof realAnswer !== 'string' && sameAnswer(model, realAnswer);
    if (!same) tally.mismatches.push(describeMismatch(config, c.label, c.request, model, realAnswer));
  });
}
