import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseRoot } from '../../../src/extract/nginx/analyze.js';
import { IncludeLoader } from '../../../src/extract/nginx/includes.js';
import { simulate } from '../../../src/extract/nginx/simulate.js';
import { diskProject } from './helpers.js';
import { freePort, NGINX, nginxAvailable, request, startNginx, type RunningNginx } from '../../helpers/nginx-server.js';

/**
 * Include semantics against the real nginx: a relative include inside an included file resolves
 * against the directory of the top-level nginx.conf; glob matches are read in sorted order (seen in
 * the order of the add_header fields they contribute); a glob that matches nothing is fine.
 */

describe.runIf(nginxAvailable('nginx include conformance'))('nginx include resolution vs /usr/sbin/nginx', () => {
  let dir: string;
  let port: number;
  let server: RunningNginx | undefined;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cors-lint-nginx-inc-'));
    for (const d of ['tmp', 'conf.d', 'snippets', 'conf.d/snippets']) fs.mkdirSync(path.join(dir, d), { recursive: true });
    port = await freePort();
    fs.writeFileSync(
      path.join(dir, 'nginx.conf'),
      `events {}\nhttp {\n  access_log off;\n  client_body_temp_path tmp/body;\n  proxy_temp_path tmp/proxy;\n  fastcgi_temp_path tmp/fastcgi;\n  uwsgi_temp_path tmp/uwsgi;\n  scgi_temp_path tmp/scgi;\n  server {\n    listen 127.0.0.1:${port};\n    location / {\n      include conf.d/*.conf;\n      include nothing.d/*.conf;\n      return 200;\n    }\n  }\n}\n`,
    );
    // Written in reverse order so that directory order and sorted order differ.
    fs.writeFileSync(path.join(dir, 'conf.d/b.conf'), 'add_header X-Order b always;\n');
    fs.writeFileSync(path.join(dir, 'conf.d/a.conf'), 'add_header X-Order a always;\ninclude snippets/cors.conf;\n');
    fs.writeFileSync(path.join(dir, 'snippets/cors.conf'), 'add_header Access-Control-Allow-Origin https://prefix.example.com always;\n');
    fs.writeFileSync(path.join(dir, 'conf.d/snippets/cors.conf'), 'add_header Access-Control-Allow-Origin https://including-file.example.com always;\n');
    server = await startNginx(dir, path.join(dir, 'nginx.conf'), port);
  }, 15000);

  afterAll(async () => {
    await server?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('resolves and orders includes as the model does', async () => {
    const project = diskProject(dir);
    const config = analyseRoot(new IncludeLoader(project), project, path.join(dir, 'nginx.conf'));
    const predicted = simulate(config.tree, config.maps, { method: 'GET', path: '/', headers: { origin: 'https://x.example.com' } });
    const actual = (await request(port, 'GET', '/', { origin: 'https://x.example.com' })).headers;
    const pick = (list: Array<[string, string]>) => list.filter(([n]) => n === 'x-order' || n === 'access-control-allow-origin');
    expect(pick(actual)).toEqual([
      ['x-order', 'a'],
      ['access-control-allow-origin', 'https://prefix.example.com'],
      ['x-order', 'b'],
    ]);
    expect(pick(predicted.headers.map((h) => [h.name.toLowerCase(), h.value]))).toEqual(pick(actual));
    expect(spawnSync(NGINX, ['-t', '-p', `${dir}/`, '-c', path.join(dir, 'nginx.conf'), '-g', `pid ${dir}/t.pid; error_log stderr;`]).status).toBe(0);
  });
});

