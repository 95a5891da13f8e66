import { describe, expect, it } from 'vitest';
import { scanNginx } from './helpers.js';

// The "$cors flag" idiom: a variable built with set inside `if ($request_method = ...)` branches and
// tested later. Whether it also carries an Origin test decides whether the value is origin-dependent.
describe('nginx: if on a flag variable', () => {
  const branches = [
    '    if ($request_method = OPTIONS) { set $flag "${flag}pre"; }',
    '    if ($request_method = GET) { set $flag "${flag}read"; }',
    '    if ($flag = "onread") {',
    "      add_header Access-Control-Allow-Origin 'https://docs.example.org';",
    '    }',
    '    if ($flag = "onpre") {',
    "      add_header Access-Control-Allow-Origin 'https://docs.example.org';",
    '      return 204;',
    '    }',
  ];

  it('a flag set only from the request method checks nothing about the Origin', async () => {
    const conf = ['server {', '  listen 8080;', '  location / {', '    set $flag "on";', ...branches, '  }', '}'].join('\n');
    const [policy] = (await scanNginx({ 'flags.conf': conf })).policies;
    const acao = policy!.emittedHeaders!.filter((h) => h.name === 'Access-Control-Allow-Origin');
    expect(acao.map((h) => [h.span.line, h.span.column, h.dependsOnOrigin ?? false])).toEqual([
      [8, 46, false],
      [11, 46, false],
    ]);
    expect(policy!.origins).toEqual([
      { kind: 'exact', origin: 'https://docs.example.org', sentVerbatim: true, span: expect.objectContaining({ line: 8, column: 46 }) },
    ]);
  });

  it('a flag first set under an Origin test still gates what it guards', async () => {
    const conf = [
      'server {',
      '  listen 8080;',
      '  location / {',
      '    if ($http_origin ~* "^https://docs\\.example\\.org$") { set $flag "on"; }',
      ...branches,
      '  }',
      '}',
    ].join('\n');
    const [policy] = (await scanNginx({ 'flags.conf': conf })).policies;
    const acao = policy!.emittedHeaders!.filter((h) => h.name === 'Access-Control-Allow-Origin');
    expect(acao.every((h) => h.dependsOnOrigin === true)).toBe(true);
  });
});
