import { describe, expect, it } from 'vitest';
import { scanNginx } from './helpers.js';

// Maps of other top-level files stand in for the missing nginx.conf of a server piece. They must not
// replace a variable the piece assigns itself, nor reach into a configuration that is complete.
describe('nginx maps shared across top-level files', () => {
  const mapsFile = [
    'http {',
    '  map $http_origin $allowed_origin {',
    '    default $http_origin;',
    '  }',
    '  server {',
    '    listen 8081;',
    '    location / { add_header Access-Control-Allow-Origin $allowed_origin always; }',
    '  }',
    '}',
  ].join('\n');

  it('a variable assigned with set in the piece is resolved from that set, not from another file’s map', async () => {
    const piece = [
      'server {',
      '  listen 8080;',
      '  set $allowed_origin "";',
      '  if ($http_origin = "https://shop.example.net") { set $allowed_origin $http_origin; }',
      '  location / { add_header Access-Control-Allow-Origin $allowed_origin always; }',
      '}',
    ].join('\n');
    const { policies } = await scanNginx({ 'conf.d/piece.conf': piece, 'other/full.conf': mapsFile });
    const mine = policies.filter((p) => p.span.file === 'conf.d/piece.conf' && p.scope.name === 'location /');
    expect(mine).toHaveLength(1);
    expect(mine[0]!.origins).toEqual([{ kind: 'exact', origin: 'https://shop.example.net', span: expect.objectContaining({ line: 4, column: 3 }) }]);
  });

  it('a piece without set still borrows the map (its nginx.conf is not in the repository)', async () => {
    const piece = ['server {', '  listen 8080;', '  location /api/ { add_header Access-Control-Allow-Origin $allowed_origin always; }', '}'].join('\n');
    const { policies } = await scanNginx({ 'conf.d/piece.conf': piece, 'other/full.conf': mapsFile });
    const mine = policies.find((p) => p.span.file === 'conf.d/piece.conf' && p.scope.name === 'location /api/');
    expect(mine?.origins.map((o) => o.kind)).toEqual(['reflect']);
  });

  it('a configuration with its own http block never borrows', async () => {
    const complete = ['http {', '  server {', '    listen 8082;', '    location / { add_header Access-Control-Allow-Origin $allowed_origin always; }', '  }', '}'].join('\n');
    const { policies } = await scanNginx({ 'a/complete.conf': complete, 'other/full.conf': mapsFile });
    const mine = policies.find((p) => p.span.file === 'a/complete.conf' && p.scope.name === 'location /');
    expect(mine?.origins.map((o) => o.kind)).toEqual(['unknown']);
  });
});
