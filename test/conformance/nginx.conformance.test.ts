// Differential test: simulate() for nginx policies (scanner -> policy -> the nginx scanner's own
// prediction via the simulator) against Debian's nginx on 127.0.0.1, one server per configuration.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/lint.js';
import { attachNginxContexts, nginxContextOf } from '../../src/simulate/nginx-context.js';
import { printTally, type Tally } from './compare.js';
import { send } from './http-client.js';
import { wireCases } from './matrix.js';
import { NGINX_FIXTURES, fixtureText } from './nginx-fixtures.js';
import { IN_CI, oracleMissing } from './oracle.js';
import { compareConfig, type RealAnswer } from './run-model.js';
import { freePort, NGINX, startNginx, waitForPort, type RunningNginx } from '../helpers/nginx-server.js';

const skip = oracleMissing(fs.existsSync(NGINX) ? null : `${NGINX} is not installed`, 'nginx');

let server: RunningNginx | undefined;
let dir: string | undefined;

afterAll(async () => {
  await server?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('nginx conformance (scanner + simulator vs /usr/sbin/nginx)', () => {
  it.skipIf(skip !== null)('every configuration answers every request as the real nginx does', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cors-lint-nginx-conf-'));
    fs.mkdirSync(path.join(dir, 'tmp'));
    const upstream = await freePort();
    const ports: number[] = [];
    for (const _ of NGINX_FIXTURES) ports.push(await freePort());
    NGINX_FIXTURES.forEach((f, i) => {
      fs.mkdirSync(path.join(dir!, 'fixtures', String(i)), { recursive: true });
      fs.writeFileSync(path.join(dir!, 'fixtures', String(i), 'site.conf'), fixtureText(f, i, ports[i]!, upstream));
    });
    const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${dir}/tmp/${t};`).join('\n');
    fs.writeFileSync(
      path.join(dir, 'nginx.conf'),
      `worker_processes 1;\nevents {}\nhttp {\n  access_log off;\n${temp}\n  server {\n    listen 127.0.0.1:${upstream};\n    location / { return 200 "app"; }\n    location = /status/500 { return 500; }\n    location = /status/404 { return 404; }\n  }\n  include fixtures/*/site.conf;\n}\n`,
    );
    server = await startNginx(dir, path.join(dir, 'nginx.conf'), upstream);
    await waitForPort(ports[ports.length - 1]!, 8000, () => '');

    const cases = wireCases();
    const tally: Tally = { stack: 'nginx 1.22 (Debian)', configs: 0, browserRequests: 0, httpRequests: 0, mismatches: [], viaScanner: 0 };
    for (const [i, fixture] of NGINX_FIXTURES.entries()) {
      const folder = path.join(dir, 'fixtures', String(i));
      const linted = await lint([folder], { cwd: dir, config: {} });
      const policies = linted.policies.filter((p) => p.library === 'nginx');
      attachNginxContexts(policies, { root: folder, cwd: dir });
      const policy = policies.find((p) => nginxContextOf(p)) ?? `the scanner produced ${policies.length} nginx policies, none tied to its configuration`;
      tally.viaScanner++;
      const real: RealAnswer[] = [];
      for (const c of cases) real.push(await send(ports[i]!, c.request));
      compareConfig(tally, `${fixture.name}:\n${fixtureText(fixture, i, ports[i]!, upstream)}`, policy, cases, real);
    }
    printTally(tally);
    if (IN_CI) expect(skip).toBeNull();
    expect(tally.configs).toBeGreaterThanOrEqual(40);
    expect(tally.mismatches).toEqual([]);
  }, 180_000);
});
