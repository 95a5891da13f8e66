// Differential test of the deployed-path model: a real nginx (Debian 1.22, with the headers-more
// module) in front of real applications (Starlette CORSMiddleware over HTTP, Express + npm cors) on
// 127.0.0.1. Each proxy × application pair is linted as a repository (nginx config beside the app's
// code, linked by the port), and the path's answer (src/paths/respond.ts) is compared with what the
// client gets through nginx, status for status and header for header (repeated fields included),
// and which layer answered (decidedBy: the applications mark their answers with X-Upstream).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NGINX } from '../helpers/nginx-server.js';
import { normalize, printTally, sameAnswer, type Tally } from './compare.js';
import { wireCases } from './matrix.js';
import { oracleMissing, pythonHas } from './oracle.js';
import { APP_CONFIGS, UPSTREAM_MARKER } from './path-apps.js';
import { PROXY_FIXTURES } from './path-fixtures.js';
import { comparePair, compareVerdicts, linkPair } from './path-model.js';
import { HEADERS_MORE_MODULE, startWorld, type World } from './path-world.js';
import type { RealAnswer } from './run-model.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const skip =
  oracleMissing(fs.existsSync(NGINX) ? null : `${NGINX} is not installed`, 'path (nginx)') ??
  oracleMissing(pythonHas(['starlette']), 'path (Starlette)');
// Configurations with more_set_headers / more_clear_headers need the module (Debian
// libnginx-mod-http-headers-more-filter); without it they are left out, and in CI that is a failure.
const headersMore = skip === null && oracleMissing(fs.existsSync(HEADERS_MORE_MODULE) ? null : `${HEADERS_MORE_MODULE} is not installed`, 'path (headers-more configurations)') === null;
const fixtures = PROXY_FIXTURES.filter((f) => headersMore || !f.headersMore);
const cases = wireCases();

let world: World | undefined;

beforeAll(async () => {
  if (skip === null) world = await startWorld(fixtures, cases, headersMore);
}, 60_000);

afterAll(async () => {
  await world?.stop();
});

function show(a: RealAnswer): string {
  return 'error' in a ? `error: ${a.error}` : JSON.stringify(normalize(a));
}

describe('deployed path conformance (nginx in front of Starlette and Express)', () => {
  it.skipIf(skip !== null)('the real answers are collected through nginx from the real applications', () => {
    const w = world!;
    const problems: string[] = [];
    // Every exchange got an HTTP answer, and nginx reached the application (no 502 Bad Gateway).
    w.pairs.forEach((p, i) => {
      w.throughProxy[i]!.forEach((a, j) => {
        if ('error' in a || a.status === 502 || a.status === 504) problems.push(`${p.fixture.name} × ${p.app.id}: ${cases[j]!.label}: ${show(a)}`);
      });
    });
    // Plain pass-through changes no CORS header and no status.
    w.pairs.forEach((p, i) => {
      if (p.fixture.name !== 'plain pass-through') return;
      w.throughProxy[i]!.forEach((a, j) => {
        const d = w.direct.get(p.app.id)![j]!;
        if ('error' in a || 'error' in d || !sameAnswer(normalize(a), normalize(d))) problems.push(`pass-through × ${p.app.id}: ${cases[j]!.label}: proxy ${show(a)} vs direct ${show(d)}`);
      });
    });
    // The HTTP server in front of each Starlette app answers as the ASGI app called directly.
    const starlette = APP_CONFIGS.flatMap((a) => (a.kind === 'starlette' && w.direct.has(a.id) ? [a] : []));
    const run = spawnSync('/usr/bin/python3', [path.join(here, 'starlette_oracle.py')], {
      input: JSON.stringify({
        fixtures: starlette.map((a) => ({ id: a.id, kwargs: a.kwargs })),
        requests: cases.map((c) => ({ method: c.request.method, path: c.request.path, headers: c.request.headers })),
      }),
      encoding: 'utf8',
      env: { ...process.env, PYTHONPATH: process.env.STARLETTE_PYTHONPATH ?? '' },
    });
    expect(run.status, run.stderr).toBe(0);
    const oracle = JSON.parse(run.stdout) as { results: Record<string, RealAnswer[]> };
    for (const a of starlette) {
      w.direct.get(a.id)!.forEach((d, j) => {
        const o = oracle.results[a.id]![j]!;
        if ('error' in d || 'error' in o || !sameAnswer(normalize(d), normalize(o))) problems.push(`${a.id} over HTTP vs ASGI: ${cases[j]!.label}: ${show(d)} vs ${show(o)}`);
      });
    }
    // What nginx does to the applications' headers shows in the answers (the module facts the model relies on).
    const answersOf = (name: string) => w.pairs.flatMap((p, i) => (p.fixture.name === name ? w.throughProxy[i]!.filter((a) => !('error' in a)) : [])) as Array<{ status: number; headers: Record<string, string | string[]> }>;
    if (answersOf('proxy_hide_header Access-Control-Allow-Origin').some((a) => a.headers['access-control-allow-origin'] !== undefined)) problems.push('proxy_hide_header left an Access-Control-Allow-Origin');
    if (answersOf('duplicate Access-Control-Allow-Origin with always').every((a) => !Array.isArray(a.headers['access-control-allow-origin']))) problems.push('no answer carries two Access-Control-Allow-Origin fields');
    if (answersOf('plain pass-through').some((a) => a.headers[UPSTREAM_MARKER] !== 'app')) problems.push(`a pass-through answer lacks the application's ${UPSTREAM_MARKER} marker`);
    if (answersOf('OPTIONS answered 204 before proxy_pass, no headers').some((a) => a.status === 204 && a.headers[UPSTREAM_MARKER] !== undefined)) problems.push(`nginx's own 204 carries the ${UPSTREAM_MARKER} marker`);
    if (headersMore && answersOf("more_clear_headers 'Access-Control-*'").some((a) => Object.keys(a.headers).some((h) => h.startsWith('access-control-')))) problems.push('more_clear_headers left an Access-Control-* header');
    console.log(
      `[conformance] path (collection): ${fixtures.length} proxy configurations, ${w.pairs.length} proxy × application pairs, ${cases.length} requests each, ` +
        `${w.pairs.length * cases.length} exchanges through nginx; Starlette ${w.starletteVersion}${headersMore ? '' : '; headers-more configurations left out'}`,
    );
    for (const p of problems.slice(0, 30)) console.log(p);
    expect(problems).toEqual([]);
  });

  it.skipIf(skip !== null)('the path model answers every request through every pair as nginx and the application do', async () => {
    const w = world!;
    const linked = await Promise.all(w.pairs.map((p) => linkPair(p, w.starletteVersion)));
    const tally: Tally = {
      stack: `path nginx 1.22${headersMore ? ' + headers-more' : ''} -> Starlette ${w.starletteVersion} / Express 5 + cors 2.8 (${fixtures.length} proxy configurations × ${APP_CONFIGS.length} applications)`,
      configs: 0,
      browserRequests: 0,
      httpRequests: 0,
      mismatches: [],
      viaScanner: 0,
    };
    const verdicts = { compared: 0, mismatches: [] as string[] };
    w.pairs.forEach((p, i) => {
      comparePair(tally, p, linked[i]!, cases, w.throughProxy[i]!);
      compareVerdicts(verdicts, p, linked[i]!, cases, w.throughProxy[i]!);
    });
    printTally(tally);
    console.log(`[conformance] path: ${verdicts.compared} browser verdicts (simulatePath vs the Fetch checks over the real answers), ${verdicts.mismatches.length} differ`);
    for (const m of verdicts.mismatches.slice(0, 10)) console.log(m);
    if (tally.mismatches.length > 30) console.log(`[conformance] path: ${tally.mismatches.length - 30} more mismatches not shown`);
    // Per pair, so every configuration the model gets wrong is named even when its details are cut.
    const perPair = new Map<string, number>();
    for (const m of tally.mismatches) {
      const pair = m.split('\n')[0]!.replace(/^MISMATCH config: /, '').replace(/:$/, '');
      perPair.set(pair, (perPair.get(pair) ?? 0) + 1);
    }
    for (const [pair, n] of perPair) console.log(`[conformance] path: ${n} mismatches in ${pair}`);
    expect(tally.configs).toBeGreaterThanOrEqual(20);
    expect(tally.viaScanner).toBe(tally.configs);
    expect(tally.mismatches).toEqual([]);
    expect(verdicts.mismatches).toEqual([]);
  }, 60_000);
});
