import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../../src/lint.js';
import { simulate } from '../../../src/simulate/simulate.js';
import { at, scanFiles, scanOne, shapes } from './helpers.js';

const EXPRESS = "const express = require('express');\nconst app = express();\n";

describe('Access-Control-Allow-Origin taken from request data the caller chooses', () => {
  it('a query parameter read into a constant, with credentials', async () => {
    const code = `${EXPRESS}app.get('/profile', (req, res) => {
  const site = req.query.site;
  res.set('Access-Control-Allow-Origin', site);
  res.set('Access-Control-Allow-Credentials', 'true');
  res.json({});
});
`;
    const p = await scanOne(code);
    expect(p.library).toBe('manual');
    expect(shapes(p)).toEqual([{ kind: 'reflect', from: 'req.query.site', sentVerbatim: true }]);
    expect(at(p.origins[0]!.span)).toBe('5:42');
    expect(p.credentials.value).toBe(true);
    // The value follows the URL, not the Origin header: no Vary: Origin is owed for it.
    expect(p.emittedHeaders!.find((h) => h.name === 'Access-Control-Allow-Origin')!.dependsOnOrigin).toBeUndefined();
  });

  it('a body field and a path parameter written directly', async () => {
    const code = `${EXPRESS}app.post('/hook/:site', (req, res) => {
  res.writeHead(200, { 'Access-Control-Allow-Origin': req.params.site, 'X-Echo': req.body.from });
  res.end();
});
app.put('/other', (req, res) => {
  res.setHeader('Access-Control-Allow-Origin', req.body.return_to);
  res.end();
});
`;
    const { policies } = await scanFiles({ 'app.js': code });
    expect(policies.map((p) => shapes(p))).toEqual([
      [{ kind: 'reflect', from: 'req.params.site', sentVerbatim: true }],
      [{ kind: 'reflect', from: 'req.body.return_to', sentVerbatim: true }],
    ]);
    expect(policies.map((p) => at(p.origins[0]!.span))).toEqual(['4:55', '8:48']);
  });

  it('stays undecided under a check it does not model, and for values that are not request data', async () => {
    const code = `${EXPRESS}app.get('/a', (req, res) => {
  if (req.query.site === 'https://a.example') res.set('Access-Control-Allow-Origin', req.query.site);
  res.end();
});
app.get('/b', (req, res) => {
  res.set('Access-Control-Allow-Origin', req.cookies.site);
  res.end();
});
`;
    const { policies } = await scanFiles({ 'app.js': code });
    expect(policies.flatMap((p) => p.origins.map((o) => o.kind))).toEqual(['unknown', 'unknown']);
  });

  it('url.parse(req.url, true).query in a plain Node server, and as the npm cors origin option', async () => {
    const code = `const http = require('http');
const url = require('url');
const cors = require('cors');

http.createServer((req, res) => {
  const wanted = url.parse(req.url, true).query.allow;
  res.setHeader('Access-Control-Allow-Origin', wanted);
  res.end();
});

function perRequest(req, callback) {
  callback(null, { origin: url.parse(req.url, true).query.allow });
}
module.exports = cors(perRequest);
`;
    const { policies } = await scanFiles({ 'server.js': code });
    const byLibrary = Object.fromEntries(policies.map((p) => [p.library, p]));
    expect(shapes(byLibrary.manual!)).toEqual([{ kind: 'reflect', from: 'url.parse(req.url, true).query.allow', sentVerbatim: true }]);
    expect(at(byLibrary.manual!.origins[0]!.span)).toBe('7:48');
    expect(byLibrary.cors!.origins.map((o) => [o.kind, o.kind === 'reflect' ? o.from : undefined])).toEqual([['reflect', 'url.parse(req.url, true).query.allow']]);
    // `check` cannot tell what a given request gets: the answer depends on the URL, not the Origin.
    for (const p of [byLibrary.manual!, byLibrary.cors!]) {
      const r = simulate(p, { origin: 'https://evil.example', method: 'GET', credentials: false, requestHeaders: [] });
      expect(r.verdict.allowed).toBe('unknown');
      expect(r.verdict.reason).toContain('request data the caller chooses');
    }
  });

  it('end to end: reflected-origin at the value, and no missing-vary-origin', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cors-lint-reqdata-'));
    const file = path.join(dir, 'server.js');
    writeFileSync(file, `${EXPRESS}app.get('/me', (req, res) => {\n  res.header('Access-Control-Allow-Origin', req.query.origin);\n  res.header('Access-Control-Allow-Credentials', 'true');\n  res.json({});\n});\n`);
    const result = await lint([dir]);
    const ids = result.findings.map((f) => `${f.ruleId}@${f.location.line}:${f.location.column}`);
    expect(ids).toEqual(['reflected-origin@4:45']);
    expect(result.findings[0]!.severity).toBe('error');
  });
});
