// The model side of the path conformance test: one pair's repository (nginx config beside the
// application's code) linted the way a user's is, the deployed path taken from lint()'s result,
// and each request answered through it (src/paths/respond.ts), compared with the real answer.
import fs from 'node:fs';
import { lint } from '../../src/lint.js';
import type { CorsPolicy } from '../../src/model/types.js';
import { respondThroughRoute, simulatePath } from '../../src/paths/respond.js';
import type { DeployedPath } from '../../src/paths/types.js';
import { simulate } from '../../src/simulate/simulate.js';
import { UnknownBehaviour, type HttpRequest, type HttpResponse } from '../../src/simulate/types.js';
import { annotateVersions } from '../../src/version/index.js';
import { tempTree } from '../helpers/temp-tree.js';
import { describeMismatch, normalize, sameAnswer, type Answer, type Tally } from './compare.js';
import { BROWSER_MATRIX, pathFor, type WireCase } from './matrix.js';
import { describeApp, UPSTREAM_MARKER } from './path-apps.js';
import { repositoryFiles, type Pair } from './path-world.js';
import type { RealAnswer } from './run-model.js';

export interface LinkedPair {
  paths: DeployedPath[];
  app: CorsPolicy;
}

/**
 * Lints the pair's repository. The Starlette version is pinned in requirements.txt beside the app
 * (the installed one), and read the way `cors-lint check` reads it. A string: why no path to the
 * application came out.
 */
export async function linkPair(pair: Pair, starletteVersion: string | undefined): Promise<LinkedPair | string> {
  const files = repositoryFiles(pair);
  if (pair.app.kind === 'starlette' && starletteVersion) files['app/requirements.txt'] = `starlette==${starletteVersion}\n`;
  const root = tempTree(files);
  try {
    const result = await lint([root], { cwd: root, config: {} });
    const paths = result.paths ?? [];
    const linked = paths.filter((p) => p.linked);
    const library = pair.app.kind === 'starlette' ? 'starlette' : 'cors';
    if (!linked.length) {
      const routes = result.routes?.length ?? 0;
      return `lint() linked no path to the application (${routes} routes, ${paths.length} paths: ${paths.map((p) => p.how).join('; ') || 'none'}; diagnostics: ${result.diagnostics.map((d) => d.message).join('; ') || 'none'})`;
    }
    const apps = [...new Set(linked.flatMap((p) => p.apps))];
    if (apps.length !== 1 || apps[0]!.library !== library) return `the linked paths lead to ${apps.length} application policies (${apps.map((a) => a.library).join(', ')}), not to the one ${library} policy`;
    const app = apps[0]!;
    if (pair.app.kind === 'starlette') annotateVersions([app], { root, cwd: root });
    return { paths: linked, app };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/** The route a request is handed to: the longest route path the request path starts with (nginx prefix locations), else the first. */
export function routeFor(paths: DeployedPath[], requestPath: string): DeployedPath {
  let best: DeployedPath | undefined;
  for (const p of paths) {
    const prefix = p.route.path;
    if (prefix === undefined || !requestPath.startsWith(prefix)) continue;
    if (!best || prefix.length > (best.route.path ?? '').length) best = p;
  }
  return best ?? paths[0]!;
}

/** Status, CORS headers, and which layer answered (the application's answers carry its marker header). */
export type PathAnswer = Answer & { decidedBy: 'proxy' | 'app' };

export function realPathAnswer(r: RealAnswer): PathAnswer | string {
  if ('error' in r) return `error: ${r.error}`;
  return { ...normalize(r), decidedBy: r.headers[UPSTREAM_MARKER] === undefined ? 'proxy' : 'app' };
}

export function modelAnswer(linked: LinkedPair, c: WireCase): PathAnswer | string {
  const p = routeFor(linked.paths, c.request.path);
  try {
    const answer = respondThroughRoute(p.route, linked.app, c.request, c.appStatus);
    return { ...normalize(answer), decidedBy: answer.decidedBy };
  } catch (error) {
    return error instanceof UnknownBehaviour ? `unknown: ${error.why}` : `crash: ${(error as Error).stack}`;
  }
}

/** Compares one pair, every request; appends mismatches to the tally. */
export function comparePair(tally: Tally, pair: Pair, linked: LinkedPair | string, cases: WireCase[], real: RealAnswer[]): void {
  tally.configs++;
  tally.browserRequests = BROWSER_MATRIX.length + 2;
  if (typeof linked !== 'string') tally.viaScanner++;
  const config = `${pair.fixture.name} × ${describeApp(pair.app)}:\n${pair.site}${pair.snippet ? `${pair.snippet.name}:\n${pair.snippet.text}` : ''}`;
  cases.forEach((c, i) => {
    tally.httpRequests++;
    const r = real[i]!;
    const realAnswer = realPathAnswer(r);
    const model = typeof linked === 'string' ? linked : modelAnswer(linked, c);
    // Where the configuration does not decide the answer, the model must say so (and never guess).
    const cannotTell = pair.fixture.modelCannotTell;
    const same = cannotTell !== undefined && typeof model === 'string' ? model.startsWith('unknown: ') && model.includes(cannotTell) : typeof model !== 'string' && typeof realAnswer !== 'string' && sameAnswer(model, realAnswer);
    if (!same) tally.mismatches.push(describeMismatch(config, c.label, c.request, model, realAnswer));
  });
}

/** The real answer to one HTTP request of the matrix (the browser's requests are the same ones wireCases() sent). */
function realAnswerer(cases: WireCase[], real: RealAnswer[]): (r: HttpRequest) => HttpResponse {
  const key = (r: HttpRequest) => JSON.stringify([r.method, r.path, Object.entries(r.headers).sort()]);
  const index = new Map(cases.map((c, i) => [key(c.request), i]));
  return (r) => {
    const i = index.get(key(r));
    if (i === undefined) throw new Error(`the matrix did not send ${r.method} ${r.path} ${JSON.stringify(r.headers)}`);
    const a = real[i]!;
    if ('error' in a) throw new UnknownBehaviour(`the real server gave no answer: ${a.error}`);
    return { status: a.status, headers: a.headers };
  };
}

/**
 * The browser's verdict for every request of the matrix: simulatePath() (the model's answers)
 * against the same Fetch checks run over the real answers. Appends to `verdicts` (counted there).
 */
export function compareVerdicts(verdicts: { compared: number; mismatches: string[] }, pair: Pair, linked: LinkedPair | string, cases: WireCase[], real: RealAnswer[]): void {
  if (typeof linked === 'string') return;
  const answer = realAnswerer(cases, real);
  for (const { label, request } of BROWSER_MATRIX) {
    const req = { ...request, path: pathFor(request.appStatus ?? 200) };
    verdicts.compared++;
    const expected = simulate(linked.app, req, answer).verdict;
    let model: { allowed: boolean | 'unknown'; reason: string };
    try {
      model = simulatePath(routeFor(linked.paths, req.path).route, linked.app, req).verdict;
    } catch (error) {
      model = { allowed: 'unknown', reason: `crash: ${(error as Error).stack}` };
    }
    if (pair.fixture.modelCannotTell !== undefined && model.allowed === 'unknown' && model.reason.includes(pair.fixture.modelCannotTell)) continue;
    if (model.allowed !== expected.allowed) {
      verdicts.mismatches.push(
        [
          `VERDICT MISMATCH config: ${pair.fixture.name} × ${describeApp(pair.app)}`,
          `  request (${label}): ${JSON.stringify(req)}`,
          `  model: ${model.allowed} — ${model.reason}`,
          `  real:  ${expected.allowed} — ${expected.reason}`,
        ].join('\n'),
      );
    }
  }
}
