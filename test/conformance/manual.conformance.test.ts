// Differential test: hand-written Access-Control-* headers in Express middleware, scanned and
// simulated, against the same middleware running in a real Express server on 127.0.0.1.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { describe, expect, it } from 'vitest';
import type { CorsPolicy } from '../../src/model/types.js';
import { respond } from '../../src/simulate/respond.js';
import { UnknownBehaviour } from '../../src/simulate/types.js';
import { describeMismatch, normalize, printTally, sameAnswer, type Tally } from './compare.js';
import { send } from './http-client.js';
import { BROWSER_MATRIX, wireCases } from './matrix.js';
import { policiesViaScanner, scannerRegistered } from './via-scanner.js';

const MIDDLEWARE: string[] = [
  `(req, res, next) => {
  res.header('Access-Control-Allow-Origin', '*');
  next();
}`,
  `(req, res, next) => {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT');
  res.setHeader('Access-Control-Allow-Headers', 'Content-Type, X-Custom');
  if (req.method === 'OPTIONS') return res.sendStatus(204);
  next();
}`,
  `(req, res, next) => {
  res.header('Access-Control-Allow-Origin', 'https://app.example.com');
  res.header('Access-Control-Allow-Credentials', 'true');
  next();
}`,
  `(req, res, next) => {
  const allowed = ['https://app.example.com', 'http://localhost:3000'];
  const origin = req.headers.origin;
  if (allowed.includes(origin)) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Credentials', 'true');
    res.setHeader('Vary', 'Origin');
  }
  next();
}`,
  `(req, res, next) => {
  res.set({
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Expose-Headers': 'X-Total',
  });
  next();
}`,
  `(req, res, next) => {
  if (req.headers.origin && req.headers.origin.endsWith('.example.com')) {
    res.header('Access-Control-Allow-Origin', req.headers.origin);
    res.header('Vary', 'Origin');
  }
  next();
}`,
  `(req, res, next) => {
  res.header('Access-Control-Allow-Origin', '*');
  if (req.method === 'OPTIONS') {
    res.header('Access-Control-Allow-Methods', 'GET, PUT, DELETE');
    res.header('Access-Control-Max-Age', '600');
  }
  next();
}`,
  `(req, res, next) => {
  res.append('Access-Control-Allow-Origin', '*');
  res.append('Access-Control-Allow-Origin', 'https://app.example.com');
  next();
}`,
  `(req, res, next) => {
  const origin = req.headers.origin;
  if (origin === 'https://app.example.com' || origin === 'http://localhost:3000') {
    res.header('Access-Control-Allow-Origin', origin);
    res.header('Access-Control-Allow-Credentials', 'true');
    res.header('Access-Control-Allow-Headers', 'Content-Type, X-Requested-With, Authorization');
    res.header('Access-Control-Allow-Methods', 'GET, POST, DELETE');
  }
  next();
}`,
  `(req, res, next) => {
  res.header('Access-Control-Allow-Origin', '*');
  res.header('Access-Control-Allow-Credentials', 'true');
  next();
}`,
];

function source(mw: string): string {
  return `const express = require('express');\n\nconst app = express();\napp.use(${mw});\napp.get('/', (req, res) => res.send('ok'));\napp.listen(3000);\n`;
}

function serve(mw: string): Promise<Server> {
  const app = express();
  app.use(new Function(`return (${mw});`)() as express.RequestHandler);
  app.use((req, res) => {
    const m = /^\/status\/(\d+)$/.exec(req.path);
    res.status(m ? Number(m[1]) : 200).send('app');
  });
  return new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => resolve(server));
  });
}

describe('hand-written headers (Express) conformance', () => {
  it.skipIf(!scannerRegistered('js'))('the model answers as the middleware does, statuses it leaves to the app aside', async () => {
    const cases = wireCases();
    const scanned = await policiesViaScanner(MIDDLEWARE.map((m, i) => ({ id: String(i), name: 'server.js', text: source(m) })));
    const tally: Tally = { stack: 'Express 5 hand-written headers', configs: 0, browserRequests: BROWSER_MATRIX.length + 2, httpRequests: 0, mismatches: [], viaScanner: 0 };
    let statusLeftToApp = 0;
    let unknown = 0;
    for (const [i, mw] of MIDDLEWARE.entries()) {
      tally.configs++;
      tally.viaScanner++;
      const server = await serve(mw);
      const port = (server.address() as AddressInfo).port;
      const found = scanned.get(String(i))!.filter((p) => p.library === 'manual');
      const policy: CorsPolicy | undefined = found.length === 1 ? found[0] : undefined;
      try {
        for (const c of cases) {
          tally.httpRequests++;
          const real = normalize(await send(port, c.request));
          if (!policy) {
            tally.mismatches.push(describeMismatch(mw, c.label, c.request, `the scanner produced ${found.length} manual policies`, real));
            continue;
          }
          let model;
          try {
            model = normalize(respond(policy, c.request, { status: c.appStatus }));
          } catch (error) {
            if (!(error instanceof UnknownBehaviour)) throw error;
            unknown++;
            tally.mismatches.push(describeMismatch(mw, c.label, c.request, `unknown: ${error.why}`, real));
            continue;
          }
          if (model.status === null) {
            statusLeftToApp++;
            model = { ...model, status: real.status };
          }
          if (!sameAnswer(model, real)) tally.mismatches.push(describeMismatch(mw, c.label, c.request, model, real));
        }
      } finally {
        server.close();
      }
    }
    printTally(tally);
    console.log(`[conformance] hand-written headers: ${statusLeftToApp} preflight statuses set by the handler (not modelled), ${unknown} unknown answers`);
    expect(tally.mismatches).toEqual([]);
  }, 180_000);
});
