// The applications behind the proxy in the path conformance test: real Starlette CORSMiddleware apps
// (served over HTTP by asgi_http_server.py) and real Express + npm cors apps (in this process), each
// on its own 127.0.0.1 port, and the same application as the source file a user's repository holds
// (the port written where the linker finds it: `uvicorn.run(app, port=N)`, `app.listen(N)`).
import { spawn, type ChildProcess } from 'node:child_process';
import type { Server } from 'node:http';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import cors from 'cors';
import express from 'express';
import { evaluateOptions } from './express-fixtures.js';
import { APP, LOCAL } from './matrix.js';
import { describeKwargs, starletteSource, type Kwargs } from './starlette-fixtures.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const q = JSON.stringify;

export type AppId =
  | 'starlette-list-credentials'
  | 'starlette-wildcard'
  | 'starlette-wildcard-credentials'
  | 'starlette-regex'
  | 'express-list'
  | 'express-default'
  | 'express-reflect-credentials'
  | 'express-regex-credentials'
  | 'express-preflight-continue';

export type AppConfig =
  | { id: AppId; kind: 'starlette'; kwargs: Kwargs }
  /** `options`: the argument of cors(...) as JavaScript source ('' = cors()). */
  | { id: AppId; kind: 'express'; options: string };

export const APP_CONFIGS: AppConfig[] = [
  {
    id: 'starlette-list-credentials',
    kind: 'starlette',
    kwargs: { allow_origins: [APP, LOCAL], allow_credentials: true, allow_methods: ['GET', 'POST', 'PUT', 'DELETE'], allow_headers: ['Authorization', 'Content-Type', 'X-Custom', 'X-Requested-With'] },
  },
  { id: 'starlette-wildcard', kind: 'starlette', kwargs: { allow_origins: ['*'] } },
  { id: 'starlette-wildcard-credentials', kind: 'starlette', kwargs: { allow_origins: ['*'], allow_credentials: true, allow_methods: ['*'], allow_headers: ['*'] } },
  { id: 'starlette-regex', kind: 'starlette', kwargs: { allow_origin_regex: 'https://.*\\.example\\.com', allow_methods: ['*'], expose_headers: ['X-Total'], max_age: 600 } },
  { id: 'express-list', kind: 'express', options: `{ origin: [${q(APP)}, ${q(LOCAL)}], credentials: true }` },
  { id: 'express-default', kind: 'express', options: '' },
  { id: 'express-reflect-credentials', kind: 'express', options: `{ origin: true, credentials: true, maxAge: 600, exposedHeaders: ['X-Total'] }` },
  { id: 'express-regex-credentials', kind: 'express', options: `{ origin: /\\.example\\.com$/, credentials: true, allowedHeaders: ['Authorization', 'X-Custom', 'Content-Type'] }` },
  { id: 'express-preflight-continue', kind: 'express', options: `{ origin: [${q(APP)}], preflightContinue: true }` },
];

export function appConfig(id: AppId): AppConfig {
  return APP_CONFIGS.find((a) => a.id === id)!;
}

export function describeApp(app: AppConfig): string {
  return app.kind === 'starlette' ? `Starlette ${describeKwargs(app.kwargs)}` : `Express cors(${app.options})`;
}

/** The application as a repository holds it: file name and text, listening on `port`. */
export function appSource(app: AppConfig, port: number): { name: string; text: string } {
  if (app.kind === 'starlette') {
    const text = `${starletteSource(app.kwargs, 1)}\n\nif __name__ == "__main__":\n    import uvicorn\n\n    uvicorn.run(app, host="127.0.0.1", port=${port})\n`;
    return { name: 'main.py', text };
  }
  const text = [
    `const express = require('express');`,
    `const cors = require('cors');`,
    ``,
    `const app = express();`,
    `app.use(cors(${app.options}));`,
    `app.use((req, res) => {`,
    `  const m = /^\\/status\\/(\\d+)$/.exec(req.path);`,
    `  res.status(m ? Number(m[1]) : 200).send('app');`,
    `});`,
    `app.listen(${port}, '127.0.0.1');`,
    ``,
  ].join('\n');
  return { name: 'server.js', text };
}

export interface RunningApps {
  /** The installed Starlette's version, as the Python side reports it. */
  starletteVersion?: string;
  stop(): Promise<void>;
}

/** Starts every application on its port: one Python process for the Starlette ones, Express in this process. */
export async function startApps(apps: Array<{ app: AppConfig; port: number }>): Promise<RunningApps> {
  const stops: Array<() => Promise<void>> = [];
  const running: RunningApps = { stop: async () => void (await Promise.all(stops.map((s) => s()))) };
  try {
    const starlette = apps.filter((a) => a.app.kind === 'starlette');
    if (starlette.length) {
      const started = await startStarlette(starlette.map(({ app, port }) => ({ port, kwargs: (app as Extract<AppConfig, { kind: 'starlette' }>).kwargs })));
      stops.push(started.stop);
      running.starletteVersion = started.version;
    }
    for (const { app, port } of apps) {
      if (app.kind !== 'express') continue;
      const server = await startExpress(app.options, port);
      stops.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    }
  } catch (error) {
    await running.stop();
    throw error;
  }
  return running;
}

/** The marker every application answer carries (not part of the linted source: the server's own header, like `Server`). */
export const UPSTREAM_MARKER = 'x-upstream';

function startExpress(options: string, port: number): Promise<Server> {
  const app = express();
  app.use((req, res, next) => {
    res.setHeader(UPSTREAM_MARKER, 'app');
    next();
  });
  app.use(cors(evaluateOptions(options) as cors.CorsOptions));
  app.use((req, res) => {
    const m = /^\/status\/(\d+)$/.exec(req.path);
    res.status(m ? Number(m[1]) : 200).send('app');
  });
  return new Promise((resolve, reject) => {
    const server = app.listen(port, '127.0.0.1', () => resolve(server));
    server.once('error', reject);
  });
}

function startStarlette(apps: Array<{ port: number; kwargs: Kwargs }>): Promise<{ version: string; stop(): Promise<void> }> {
  const child: ChildProcess = spawn('/usr/bin/python3', [path.join(here, 'asgi_http_server.py'), JSON.stringify({ apps })], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, PYTHONPATH: process.env.STARLETTE_PYTHONPATH ?? '' },
  });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += String(d)));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.stdin!.end();
    await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`asgi_http_server.py did not start: ${stderr}`));
    }, 15_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`asgi_http_server.py exited (${code}): ${stderr}`));
    });
    createInterface({ input: child.stdout! }).once('line', (line) => {
      clearTimeout(timer);
      resolve({ version: (JSON.parse(line) as { version: string }).version, stop });
    });
  });
}
