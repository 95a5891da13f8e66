import { describe, expect, it } from 'vitest';
import { scanNginx } from './helpers.js';

describe('nginx: headers sent only on answers to OPTIONS', () => {
  it('are marked preflightOnly, and an OPTIONS branch without Vary leaves varyOrigin to the other responses', async () => {
    const conf = [
      'server {',
      '  listen 8080;',
      '  location /v3/ {',
      '    add_header Access-Control-Allow-Origin $http_origin always;',
      '    add_header Vary Origin always;',
      '    if ($request_method = OPTIONS) {',
      '      add_header Access-Control-Allow-Origin $http_origin;',
      '      return 204;',
      '    }',
      '    if ($request_method != GET) {',
      '      add_header Access-Control-Allow-Origin $http_origin;',
      '    }',
      '    proxy_pass http://127.0.0.1:9003;',
      '  }',
      '}',
    ].join('\n');
    const [policy, ...rest] = (await scanNginx({ 'site.conf': conf })).policies;
    expect(rest).toEqual([]);
    const acao = policy!.emittedHeaders!.filter((h) => h.name === 'Access-Control-Allow-Origin');
    expect(acao.map((h) => [h.span.line, h.span.column, h.preflightOnly ?? false])).toEqual([
      [4, 44, false],
      [7, 46, true],
      [11, 46, false],
    ]);
    // The `!= GET` branch also answers PUT/POST, which caches may store: it needs Vary too.
    expect(policy!.varyOrigin).toMatchObject({ value: false, span: { line: 11, column: 7 } });
  });
});
