// Sets up the path conformance test's real deployment: every application on its own port, one nginx
// with a server block (own port) per proxy × application pair, and collects what a client on
// 127.0.0.1 gets through each pair for every request of the matrix.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, startNginx, waitForPort } from '../helpers/nginx-server.js';
import { send } from './http-client.js';
import type { WireCase } from './matrix.js';
import { appConfig, appSource, startApps, type AppConfig, type AppId, type RunningApps } from './path-apps.js';
import type { ProxyFixture } from './path-fixtures.js';
import type { RealAnswer } from './run-model.js';

export const HEADERS_MORE_MODULE = '/usr/lib/nginx/modules/ngx_http_headers_more_filter_module.so';

export interface Pair {
  index: number;
  fixture: ProxyFixture;
  app: AppConfig;
  appPort: number;
  /** The port of this pair's nginx server block. */
  port: number;
  /** The server block (with its http-level preamble) as the repository holds it. */
  site: string;
  /** The included snippet, as `snippets/cors-<index>.conf` beside the main configuration. */
  snippet?: { name: string; text: string };
}

export interface World {
  pairs: Pair[];
  appPorts: Map<AppId, number>;
  starletteVersion?: string;
  /** Answers through nginx, per pair, in wireCases() order. */
  throughProxy: RealAnswer[][];
  /** Answers of each application asked directly, in wireCases() order. */
  direct: Map<AppId, RealAnswer[]>;
  stop(): Promise<void>;
}

function filler(index: number, appPort: number): (t: string) => string {
  return (t) => t.replaceAll('{{N}}', String(index)).replaceAll('{{APP}}', String(appPort));
}

export function siteText(fixture: ProxyFixture, index: number, port: number, appPort: number): string {
  const fill = filler(index, appPort);
  const indent = (t: string) => t.split('\n').map((l) => `  ${l}`).join('\n');
  return `${fixture.pre ? `${fill(fixture.pre)}\n\n` : ''}server {\n  listen 127.0.0.1:${port};\n${indent(fill(fixture.body))}\n}\n`;
}

/** The repository a user lints for one pair: the proxy configuration beside the application's code. */
export function repositoryFiles(pair: Pair): Record<string, string> {
  const source = appSource(pair.app, pair.appPort);
  const files: Record<string, string> = { 'nginx/site.conf': pair.site, [`app/${source.name}`]: source.text };
  if (pair.snippet) files[`nginx/${pair.snippet.name}`] = pair.snippet.text;
  return files;
}

async function answersOf(port: number, cases: WireCase[]): Promise<RealAnswer[]> {
  const out: RealAnswer[] = [];
  for (const c of cases) {
    try {
      out.push(await send(port, c.request));
    } catch (error) {
      out.push({ error: (error as Error).message });
    }
  }
  return out;
}

export async function startWorld(fixtures: ProxyFixture[], cases: WireCase[], headersMore: boolean): Promise<World> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cors-lint-path-conf-'));
  const stops: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    const used = [...new Set(fixtures.flatMap((f) => f.apps))];
    const appPorts = new Map<AppId, number>();
    for (const id of used) appPorts.set(id, await freePort());
    const apps: RunningApps = await startApps(used.map((id) => ({ app: appConfig(id), port: appPorts.get(id)! })));
    stops.push(apps.stop);

    const pairs: Pair[] = [];
    for (const fixture of fixtures) {
      for (const id of fixture.apps) {
        const index = pairs.length;
        const port = await freePort();
        const appPort = appPorts.get(id)!;
        const pair: Pair = { index, fixture, app: appConfig(id), appPort, port, site: siteText(fixture, index, port, appPort) };
        if (fixture.snippet) pair.snippet = { name: `snippets/cors-${index}.conf`, text: filler(index, appPort)(fixture.snippet) };
        pairs.push(pair);
      }
    }
    fs.mkdirSync(path.join(dir, 'tmp'));
    for (const p of pairs) {
      fs.mkdirSync(path.join(dir, 'sites', String(p.index)), { recursive: true });
      fs.writeFileSync(path.join(dir, 'sites', String(p.index), 'site.conf'), p.site);
      if (p.snippet) {
        fs.mkdirSync(path.join(dir, 'snippets'), { recursive: true });
        fs.writeFileSync(path.join(dir, p.snippet.name), p.snippet.text);
      }
    }
    const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${dir}/tmp/${t};`).join('\n');
    const load = headersMore ? `load_module ${HEADERS_MORE_MODULE};\n` : '';
    fs.writeFileSync(path.join(dir, 'nginx.conf'), `${load}worker_processes 1;\nevents {}\nhttp {\n  access_log off;\n${temp}\n  include sites/*/site.conf;\n}\n`);
    const nginx = await startNginx(dir, path.join(dir, 'nginx.conf'), pairs[0]!.port);
    stops.push(nginx.stop);
    await waitForPort(pairs[pairs.length - 1]!.port, 8000, () => '');

    const direct = new Map<AppId, RealAnswer[]>();
    for (const [id, port] of appPorts) direct.set(id, await answersOf(port, cases));
    const throughProxy: RealAnswer[][] = [];
    for (const p of pairs) throughProxy.push(await answersOf(p.port, cases));
    return { pairs, appPorts, starletteVersion: apps.starletteVersion, throughProxy, direct, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

