import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { mentionsCors } from '../../../src/extract/nginx/files.js';
import { lint } from '../../../src/lint.js';
import { scanNginx } from './helpers.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cors-lint-nginx-scan-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('nginx scanner', () => {
  describe('prefilter', () => {
    it('passes files that mention CORS or include other files', () => {
      expect(mentionsCors('add_header Access-Control-Allow-Origin *;')).toBe(true);
      expect(mentionsCors('if ($http_origin ~ x) {}')).toBe(true);
      expect(mentionsCors('# CORS settings')).toBe(true);
      expect(mentionsCors('http { include conf.d/*.conf; }')).toBe(true);
    });
    it('stops files that cannot configure CORS', () => {
      expect(mentionsCors('server { listen 80; root /srv; gzip on; }')).toBe(false);
      expect(mentionsCors('proxy_set_header X-Included-By me;')).toBe(false);
    });
  });

  it('resolves relative includes against the top-level file, not the including file', async () => {
    const { policies, diagnostics } = await scanNginx({
      'etc/nginx/nginx.conf': 'http { include conf.d/*.conf; }\n',
      'etc/nginx/conf.d/site.conf': 'server { location /api { include snippets/cors.conf; } }\n',
      'etc/nginx/snippets/cors.conf': 'add_header Access-Control-Allow-Origin https://app.example.com always;\n',
    });
    expect(diagnostics).toEqual([]);
    // The snippet is analysed once, in its includer's context (location /api), never standalone.
    expect(policies.map((p) => [p.scope.name, p.span.file, p.span.line])).toEqual([['location /api', 'etc/nginx/conf.d/site.conf', 1]]);
    expect(policies[0]!.emittedHeaders![0]!.span).toMatchObject({ file: 'etc/nginx/snippets/cors.conf', line: 1, column: 40 });
  });

  it('finds /etc/nginx/... includes beside the top-level file (Docker image layout)', async () => {
    const { policies, diagnostics } = await scanNginx({
      'docker/nginx/nginx.conf': 'http { include /etc/nginx/conf.d/*.conf; include /etc/nginx/mime.types; }\n',
      'docker/nginx/conf.d/app.conf': 'server { server_name app; add_header Access-Control-Allow-Origin https://app.example.com always; }\n',
    });
    expect(policies.map((p) => [p.scope.name, p.span.file])).toEqual([['server app', 'docker/nginx/conf.d/app.conf']]);
    // mime.types is not in the repository: the include is named, nothing else is lost.
    expect(diagnostics.map((d) => [d.kind, d.file, d.line, d.column])).toEqual([['file-skipped', 'docker/nginx/nginx.conf', 1, 42]]);
    expect(diagnostics[0]!.message).toMatch(/^include "\/etc\/nginx\/mime.types" \(.*\) not read: /);
  });

  it('expands globs in sorted order, and a glob may match nothing', async () => {
    const { policies, diagnostics } = await scanNginx({
      'nginx.conf': 'http { include sites/*.conf; include none/*.conf; }\n',
      'sites/b.conf': 'server { server_name b; add_header Access-Control-Allow-Origin https://b.example.com always; }\n',
      'sites/a.conf': 'server { server_name a; add_header Access-Control-Allow-Origin https://a.example.com always; }\n',
    });
    expect(diagnostics).toEqual([]);
    expect(policies.map((p) => p.scope.name)).toEqual(['server a', 'server b']);
  });

  it('reports a missing include and an include cycle, once each, and goes on', async () => {
    const { policies, diagnostics } = await scanNginx({
      'nginx.conf': 'http { include missing.conf; include a.conf; server { add_header Access-Control-Allow-Origin * always; } }\n',
      'a.conf': 'include b.conf;\n',
      'b.conf': 'include a.conf;\n',
    });
    expect(policies).toHaveLength(1);
    expect(diagnostics.map((d) => [d.kind, d.file, d.line, d.column])).toEqual([
      ['file-skipped', 'nginx.conf', 1, 8],
      ['file-skipped', 'b.conf', 1, 1],
    ]);
    expect(diagnostics[0]!.message).toContain('include "missing.conf"');
    expect(diagnostics[1]!.message).toContain('cycle (nginx.conf -> a.conf -> b.conf -> a.conf)');
  });

  it('analyses a snippet nobody includes on its own', async () => {
    const { policies } = await scanNginx({ 'snippets/cors.conf': 'add_header Access-Control-Allow-Origin $http_origin;\n' });
    expect(policies).toHaveLength(1);
    expect(policies[0]!.scope).toEqual({ kind: 'location', name: 'top level of snippets/cors.conf' });
    expect(policies[0]!.origins).toEqual([{ kind: 'reflect', span: { file: 'snippets/cors.conf', line: 1, column: 40, endLine: 1, endColumn: 52 } }]);
  });

  it('does not read an include outside the scan root (real files through lint)', async () => {
    const root = path.join(tmp, 'outside');
    fs.mkdirSync(path.join(root, 'repo'), { recursive: true });
    fs.writeFileSync(path.join(root, 'secret.conf'), 'add_header Access-Control-Allow-Origin * always;\n');
    fs.writeFileSync(path.join(root, 'repo', 'nginx.conf'), 'http {\n  server {\n    include ../secret.conf;\n    add_header Access-Control-Allow-Origin https://app.example.com always;\n  }\n}\n');
    const result = await lint(['.'], { cwd: path.join(root, 'repo'), config: {} });
    const skipped = result.diagnostics.filter((d) => d.kind === 'file-skipped');
    expect(skipped).toHaveLength(1);
    expect(skipped[0]).toMatchObject({ file: 'nginx.conf', line: 3, column: 5 });
    expect(skipped[0]!.message).toContain('include "../secret.conf"');
    expect(skipped[0]!.message).toContain('outside the scan root');
    expect(result.policies.flatMap((p) => p.origins.map((o) => o.kind))).toEqual(['exact']);
  });

  it('keeps the policies of other files when one file does not parse', async () => {
    const { policies, diagnostics } = await scanNginx({
      'a.conf': 'server { add_header Access-Control-Allow-Origin https://a.example.com always; }\n',
      'b.conf': 'server { add_header Access-Control-Allow-Origin "https://b.example.com always; }\n',
    });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ kind: 'parse-error', file: 'b.conf', line: 1, column: 49 });
    expect(policies.map((p) => p.span.file)).toEqual(['a.conf']);
  });

  it('never throws on arbitrary configurations (property)', async () => {
    const word = fc.constantFrom(
      'server', 'location', '/api', 'if', '($http_origin', '~*', '^https://a$)', '($request_method', '=', 'OPTIONS)', 'add_header',
      'Access-Control-Allow-Origin', '$http_origin', '$cors', '*', 'always', 'map', '$http_origin', 'default', 'set', 'return', '204',
      'include', 'x.conf', '{', '}', ';', 'limit_except', 'GET', 'proxy_pass', 'http://a', 'more_set_headers', "'Vary: Origin'",
      'add_header_inherit', 'merge', 'off', 'proxy_hide_header', '"', '#', '\n',
    );
    await fc.assert(
      fc.asyncProperty(fc.array(word, { maxLength: 80 }), fc.array(word, { maxLength: 30 }), async (a, b) => {
        const result = await scanNginx({ 'nginx.conf': a.join(' '), 'x.conf': b.join(' ') });
        expect(Array.isArray(result.policies)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('files that only share the .conf extension', () => {
  it('are not parsed and report nothing (supervisord, redis)', async () => {
    const { policies, diagnostics } = await scanNginx({
      'supervisord.conf': '[program:cors-proxy]\ncommand=/usr/bin/cors-proxy --origin *\n',
      'redis.conf': 'include /etc/redis/common.conf\nbind 127.0.0.1\n',
    });
    expect(policies).toEqual([]);
    expect(diagnostics).toEqual([]);
  });
});
