// Library facts behind the real-world shapes, checked against the real packages on 127.0.0.1:
// npm cors ignores keys it does not read, socket.io hands its cors option to npm cors (and sends no
// CORS headers without it), Node's setHeader(name, null) sends the string 'null'.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import cors from 'cors';
import express from 'express';
import { Server as IoServer } from 'socket.io';
import { afterEach, describe, expect, it } from 'vitest';
import { scanOne, shapes } from './helpers.js';

type Answer = { status: number; headers: http.IncomingHttpHeaders };

function request(port: number, method: string, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const r = http.request({ host: '127.0.0.1', port, method, path, headers, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    r.on('error', reject);
    r.end();
  });
}

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

function listen(server: http.Server): Promise<number> {
  closers.push(() => new Promise<void>((r) => server.close(() => r())));
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

/** The options as the test runs them (the scanner only ever reads them as text). */
function optionsOf(source: string): Record<string, unknown> {
  return new Function(`return (${source});`)() as Record<string, unknown>;
}

describe('npm cors ignores option keys it does not read', () => {
  const source = "{ origins: ['https://app.example.com'], optionSuccessStatus: 200, 'Access-Control-Allow-Credentials': true }";

  it('the scanner names them, and the real middleware behaves as if they were absent', async () => {
    const policy = await scanOne(`const cors = require('cors');\napp.use(cors(${source}));\n`);
    expect(policy.invalidOptions?.map((o) => o.name)).toEqual(['origins', 'optionSuccessStatus', 'Access-Control-Allow-Credentials']);
    expect(shapes(policy)).toEqual([{ kind: 'any', sentVerbatim: true }]);
    expect(policy.credentials.value).toBe(false);

    const app = express();
    app.use(cors(optionsOf(source)));
    app.get('/', (_req, res) => {
      res.send('ok');
    });
    const port = await listen(http.createServer(app));
    const get = await request(port, 'GET', '/', { Origin: 'https://evil.example.net' });
    // `origins` is ignored: the default origin '*' applies, not the list.
    expect(get.headers['access-control-allow-origin']).toBe('*');
    // The header name as a key sends no Access-Control-Allow-Credentials.
    expect(get.headers['access-control-allow-credentials']).toBeUndefined();
    // `optionSuccessStatus` is ignored: preflights get the default 204.
    const pre = await request(port, 'OPTIONS', '/', { Origin: 'https://app.example.com', 'Access-Control-Request-Method': 'PUT' });
    expect(pre.status).toBe(204);
  });
});

describe('socket.io hands its cors option to npm cors', () => {
  async function ioServer(options: Record<string, unknown>): Promise<number> {
    const server = http.createServer((_req, res) => {
      res.writeHead(404).end();
    });
    const io = new IoServer(server, options);
    closers.push(async () => {
      io.close();
    });
    return listen(server);
  }
  const handshake = '/socket.io/?EIO=4&transport=polling';

  it('an origins key inside cors is ignored: the real server answers any Origin with *', async () => {
    const source = "{ cors: { origins: 'localhost:8081', methods: ['GET', 'POST'] } }";
    const policy = await scanOne(`const { Server } = require('socket.io');\nconst io = new Server(server, ${source});\n`);
    expect(shapes(policy)).toEqual([{ kind: 'any', sentVerbatim: true }]);
    expect(policy.invalidOptions?.[0]?.name).toBe('origins');
    const port = await ioServer(optionsOf(source));
    const a = await request(port, 'GET', handshake, { Origin: 'https://evil.example.net' });
    expect(a.status).toBe(200);
    expect(a.headers['access-control-allow-origin']).toBe('*');
  });

  it('a cors origin list with credentials echoes listed origins only, with Vary: Origin', async () => {
    const source = "{ cors: { origin: ['http://localhost:3000'], credentials: true } }";
    const policy = await scanOne(`const { Server } = require('socket.io');\nconst io = new Server(server, ${source});\n`);
    expect(shapes(policy)).toEqual([{ kind: 'exact', origin: 'http://localhost:3000' }]);
    expect(policy.varyOrigin.value).toBe(true);
    const port = await ioServer(optionsOf(source));
    const ok = await request(port, 'GET', handshake, { Origin: 'http://localhost:3000' });
    expect(ok.headers['access-control-allow-origin']).toBe('http://localhost:3000');
    expect(ok.headers['access-control-allow-credentials']).toBe('true');
    expect(String(ok.headers.vary)).toMatch(/Origin/);
    const evil = await request(port, 'GET', handshake, { Origin: 'https://evil.example.net' });
    expect(evil.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('without a cors option no CORS headers are sent, and the scanner describes no policy', async () => {
    const { scan } = await import('./helpers.js');
    expect(await scan(`const { Server } = require('socket.io');\nconst io = new Server(server, { path: '/socket.io' }); // cors off\n`)).toEqual([]);
    const port = await ioServer({});
    const a = await request(port, 'GET', handshake, { Origin: 'https://evil.example.net' });
    expect(a.status).toBe(200);
    expect(a.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('cors: true is cors() with its defaults', async () => {
    const policy = await scanOne(`const { Server } = require('socket.io');\nconst io = new Server(server, { cors: true });\n`);
    expect(shapes(policy)).toEqual([{ kind: 'any', sentVerbatim: true }]);
    const port = await ioServer({ cors: true });
    expect((await request(port, 'GET', handshake, { Origin: 'https://evil.example.net' })).headers['access-control-allow-origin']).toBe('*');
  });
});

describe("Node's res.setHeader(name, null)", () => {
  it("sends the string 'null', which the scanner reads as the null origin", async () => {
    const policy = await scanOne(`const http = require('http');\nhttp.createServer((req, res) => { res.setHeader('Access-Control-Allow-Origin', null); res.end(); });\n`);
    expect(shapes(policy)).toEqual([{ kind: 'null', sentVerbatim: true }]);
    const port = await listen(
      http.createServer((_req, res) => {
        res.setHeader('Access-Control-Allow-Origin', null as unknown as string);
        res.end();
      }),
    );
    expect((await request(port, 'GET', '/')).headers['access-control-allow-origin']).toBe('null');
  });
});
