import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseNginx, type NginxDirective } from '../../../src/parse/nginx/index.js';

const names = (ds: NginxDirective[]): unknown[] => ds.map((d) => (d.block ? [d.name, names(d.block)] : d.name));

describe('nginx parser', () => {
  it('reads directives, blocks and exact spans', () => {
    const { directives, diagnostics } = parseNginx('http {\n  server {\n    listen 80;\n  }\n}\n', 'n.conf');
    expect(diagnostics).toEqual([]);
    expect(names(directives)).toEqual([['http', [['server', ['listen']]]]]);
    const listen = directives[0]!.block![0]!.block![0]!;
    expect(listen.nameSpan).toEqual({ file: 'n.conf', line: 3, column: 5, endLine: 3, endColumn: 11 });
    expect(listen.args[0]!.span).toEqual({ file: 'n.conf', line: 3, column: 12, endLine: 3, endColumn: 14 });
    expect(listen.span).toEqual({ file: 'n.conf', line: 3, column: 5, endLine: 3, endColumn: 15 });
    expect(directives[0]!.blockSpan).toEqual({ file: 'n.conf', line: 1, column: 1, endLine: 5, endColumn: 2 });
  });

  it('unquotes and unescapes like ngx_conf_read_token', () => {
    const { directives } = parseNginx(`a "x\\"y" 'it\\'s' "t\\tn\\n" "\\d" plain\\ word "semi;colon";`, 'n.conf');
    expect(directives[0]!.args.map((a) => a.value)).toEqual(['x"y', "it's", 't\tn\n', '\\d', 'plain\\ word', 'semi;colon']);
    expect(directives[0]!.args.map((a) => a.quote)).toEqual(['"', "'", '"', '"', undefined, '"']);
    expect(directives[0]!.args[0]!.raw).toBe('"x\\"y"');
  });

  it('treats # as a comment only at the start of a word', () => {
    const { directives } = parseNginx('add_header X a#b; # comment ; {\nlisten 80;#c\n', 'n.conf');
    expect(directives.map((d) => [d.name, d.args.map((a) => a.value)])).toEqual([
      ['add_header', ['X', 'a#b']],
      ['listen', ['80']],
    ]);
  });

  it('keeps ${var} inside a word (its brace opens no block)', () => {
    const { directives, diagnostics } = parseNginx('set $v "${a}b"; set $w ${host}x;', 'n.conf');
    expect(diagnostics).toEqual([]);
    expect(directives.map((d) => d.args[1]!.value)).toEqual(['${a}b', '${host}x']);
  });

  it('skips *_by_lua_block bodies with braces in Lua strings and comments', () => {
    const text = `location / {
  content_by_lua_block {
    local a = "}" -- }
    local b = '{'
    local c = [==[ } ]==]
    --[[ } ]]
    if a then ngx.say(a) end
  }
  add_header X-After 1;
}
`;
    const { directives, diagnostics } = parseNginx(text, 'n.conf');
    expect(diagnostics).toEqual([]);
    const loc = directives[0]!;
    expect(loc.block!.map((d) => d.name)).toEqual(['content_by_lua_block', 'add_header']);
    expect(loc.block![0]!.rawBody).toContain('ngx.say(a)');
    expect(loc.block![1]!.span.line).toBe(9);
  });

  it('reports an unterminated string with its position and keeps what came before', () => {
    const { directives, diagnostics } = parseNginx('server {\n  listen 80;\n  add_header X "open;\n}\n', 'n.conf');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ kind: 'parse-error', file: 'n.conf', line: 3, column: 16 });
    expect(diagnostics[0]!.message).toContain('unterminated double-quoted string');
    expect(directives[0]!.block![0]!.name).toBe('listen');
  });

  it('reports an unclosed brace at the brace and closes the blocks at the end of file', () => {
    const { directives, diagnostics } = parseNginx('server {\n  location / {\n    return 200;\n', 'n.conf');
    expect(diagnostics[0]).toMatchObject({ kind: 'parse-error', line: 2, column: 14 });
    expect(names(directives)).toEqual([['server', [['location', ['return']]]]]);
  });

  it('reports a stray closing brace and goes on', () => {
    const { directives, diagnostics } = parseNginx('}\nlisten 80;\n', 'n.conf');
    expect(diagnostics[0]).toMatchObject({ line: 1, column: 1, message: 'unexpected "}"' });
    expect(directives.map((d) => d.name)).toEqual(['listen']);
  });

  it('reports a directive not terminated by ; before }', () => {
    const { directives, diagnostics } = parseNginx('server { listen 80 }\nx 1;', 'n.conf');
    expect(diagnostics[0]).toMatchObject({ line: 1, column: 20 });
    expect(names(directives)).toEqual([['server', ['listen']], 'x']);
  });

  it('reports a quote followed by a letter', () => {
    const { diagnostics } = parseNginx('a "b"c;', 'n.conf');
    expect(diagnostics[0]).toMatchObject({ line: 1, column: 6 });
  });

  describe('templates', () => {
    it('blanks Jinja statements and comments, keeps {{ }} as one opaque word', () => {
      const text = 'server {\n{% if cors %}\n  add_header Access-Control-Allow-Origin {{ origins | join(" ") }} always;\n{% endif %}\n{# note { #}\n}\n';
      const { directives, diagnostics } = parseNginx(text, 'site.conf.j2', { template: true });
      expect(diagnostics).toEqual([]);
      const header = directives[0]!.block![0]!;
      expect(header.args[1]).toMatchObject({ value: '{{ origins | join(" ") }}', templated: '{{ origins | join(" ") }}' });
      expect(header.args[1]!.span).toMatchObject({ line: 3, column: 42 });
    });

    it('blanks Go template actions, keeps {{ .Value }}', () => {
      const text = 'server {\n  {{- if .Cors }}\n  add_header A "{{ .Values.origin }}";\n  {{- end }}\n}\n';
      const { directives, diagnostics } = parseNginx(text, 'x.conf.tmpl', { template: true });
      expect(diagnostics).toEqual([]);
      expect(directives[0]!.block![0]!.args[1]!.templated).toBe('{{ .Values.origin }}');
    });

    it('marks envsubst ${VAR} only in template files, and __PLACEHOLDER__ / <%= %> everywhere', () => {
      const t = parseNginx('a ${ORIGIN} __ORIGIN__ <%= @o %>;', 'x.conf.template', { template: true }).directives[0]!;
      expect(t.args.map((a) => a.templated)).toEqual(['${ORIGIN}', '__ORIGIN__', '<%= @o %>']);
      const plain = parseNginx('a ${ORIGIN};', 'x.conf').directives[0]!;
      expect(plain.args[0]!.templated).toBeUndefined();
    });
  });

  it('never throws and always returns spans inside the text (property)', () => {
    const alphabet = fc.constantFrom(...'ab ;{}"\'\\#$\n\t()~*_{}%<>='.split(''), 'add_header', 'content_by_lua_block', '{{', '}}', '{%', '%}', '--[[', ']]');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        const lines = text.split('\n').length;
        const { directives, diagnostics } = parseNginx(text, 'f.conf', { template: parts.length % 2 === 0 });
        expect(diagnostics.length).toBeLessThanOrEqual(1);
        const check = (ds: NginxDirective[]) => {
          for (const d of ds) {
            expect(d.span.line).toBeGreaterThanOrEqual(1);
            expect(d.span.endLine).toBeLessThanOrEqual(lines);
            if (d.block) check(d.block);
          }
        };
        check(directives);
      }),
      { numRuns: 500 },
    );
  });
});
