import { describe, expect, it } from 'vitest';
import type { CorsPolicy } from '../../../src/model/types.js';
import { scanNginx } from './helpers.js';

function byScope(policies: CorsPolicy[], name: string): CorsPolicy {
  const found = policies.find((p) => p.scope.name === name);
  if (!found) throw new Error(`no policy for ${name}: ${policies.map((p) => p.scope.name).join(', ')}`);
  return found;
}

// What OPTIONS gets from a location that has no return and no proxy_pass of its own.
// Checked against nginx 1.22: with `try_files $uri @backend` an OPTIONS for a path that is no file
// is answered by the named location (its upstream), only an existing file gets the static 405.
describe('nginx preflight: locations that hand requests elsewhere', () => {
  const conf = [
    'server {',
    '  listen 8080;',
    '  root /srv/www;',
    '  location / {',
    '    add_header Access-Control-Allow-Origin https://web.example.org always;',
    '    try_files $uri @backend;',
    '  }',
    '  location /legacy/ {',
    '    add_header Access-Control-Allow-Origin https://web.example.org always;',
    '    try_files $uri $uri/ /front.php?$args;',
    '  }',
    '  location /spa/ {',
    '    add_header Access-Control-Allow-Origin https://web.example.org always;',
    '    try_files $uri $uri/ /spa/index.html;',
    '  }',
    '  location /files/ {',
    '    add_header Access-Control-Allow-Origin https://web.example.org always;',
    '    try_files $uri =404;',
    '  }',
    '  location /stream {',
    '    flv_live on;',
    "    add_header Access-Control-Allow-Origin '*';",
    '  }',
    '  location @backend { proxy_pass http://127.0.0.1:9000; }',
    '  location ~ \\.php$ { fastcgi_pass unix:/run/php.sock; }',
    '}',
  ].join('\n');

  it('try_files falling back to a named location or a script: not decided here', async () => {
    const { policies } = await scanNginx({ 'site.conf': conf });
    expect(byScope(policies, 'location /').preflight).toMatchObject({
      value: 'unknown',
      why: 'try_files sends requests for missing files to @backend',
      span: { file: 'site.conf', line: 6, column: 5 },
    });
    expect(byScope(policies, 'location /legacy/').preflight).toMatchObject({ value: 'unknown', span: { line: 10, column: 5 } });
  });

  it('try_files ending in a static page or =404 still reaches the static handler (405)', async () => {
    const { policies } = await scanNginx({ 'site.conf': conf });
    expect(byScope(policies, 'location /spa/').preflight).toMatchObject({ value: 'not-handled', span: { line: 12, column: 3 } });
    expect(byScope(policies, 'location /files/').preflight).toMatchObject({ value: 'not-handled', span: { line: 16, column: 3 } });
  });

  it('a third-party content handler is not taken for the static handler', async () => {
    const { policies } = await scanNginx({ 'site.conf': conf });
    expect(byScope(policies, 'location /stream').preflight).toMatchObject({
      value: 'unknown',
      why: 'OPTIONS is answered by flv_live, which the scanner does not model',
      span: { line: 21, column: 5 },
    });
  });
});
