import { describe, expect, it } from 'vitest';
import { runRule, scanNginx } from '../../test/extract/nginx/helpers.js';
import rule from './index.js';

async function lintNginx(text: string) {
  const { policies, diagnostics } = await scanNginx({ 'nginx.conf': text });
  expect(diagnostics).toEqual([]);
  return runRule(rule, policies);
}

describe('cors-headers-without-always', () => {
  it('catches the add_header Access-Control-* without always of one block in one finding, at the first value', async () => {
    const findings = await lintNginx(`server {
  location /api/ {
    add_header Access-Control-Allow-Origin https://app.example.com;
    add_header Access-Control-Allow-Credentials true;
    add_header Access-Control-Expose-Headers X-Total always;
    add_header X-Frame-Options DENY;
    proxy_pass http://app:8000;
  }
}
`);
    expect(findings.map((f) => [f.location.line, f.location.column, f.location.endColumn])).toEqual([[3, 44, 67]]);
    expect(findings[0]).toMatchObject({ ruleId: 'cors-headers-without-always', severity: 'warning' });
    expect(findings[0]!.message).toContain('2 add_header Access-Control-* without `always` (in location /api/): Access-Control-Allow-Origin, Access-Control-Allow-Credentials.');
    expect(findings[0]!.message).toContain('only to 200, 201, 204, 206, 301, 302, 303, 304, 307 and 308 responses');
    expect(findings[0]!.message).toContain('add_header Access-Control-Allow-Origin https://app.example.com always;');
  });

  it('reports a block with one such header in the one-header wording', async () => {
    const findings = await lintNginx(`server {\n  location / {\n    add_header Access-Control-Allow-Origin https://app.example.com;\n  }\n}\n`);
    expect(findings.map((f) => f.message.split(':')[0])).toEqual(['add_header Access-Control-Allow-Origin without `always` (in location /)']);
  });

  it('keeps blocks apart: the server block and a location with headers of its own are two findings', async () => {
    const findings = await lintNginx(`server {
  add_header Access-Control-Allow-Origin https://a.example.com;
  add_header Access-Control-Allow-Credentials true;
  location /b {
    add_header Access-Control-Allow-Origin https://b.example.com;
    add_header Access-Control-Max-Age 600;
  }
}
`);
    expect(findings.map((f) => f.location.line)).toEqual([2, 5]);
  });

  it('catches a header inherited by several locations only once', async () => {
    const findings = await lintNginx(`server {
  add_header Access-Control-Allow-Origin *;
  location /a { proxy_pass http://a; }
  location /b { proxy_pass http://b; }
}
`);
    expect(findings.map((f) => f.location.line)).toEqual([2]);
  });

  describe('catches not', () => {
    it('headers with always', async () => {
      expect(await lintNginx(`server { add_header Access-Control-Allow-Origin * always; }\n`)).toEqual([]);
    });

    it('headers in a branch that always returns 204', async () => {
      expect(
        await lintNginx(`server {
  location / {
    if ($request_method = OPTIONS) {
      add_header Access-Control-Allow-Origin https://app.example.com;
      add_header Access-Control-Allow-Methods "GET, POST";
      return 204;
    }
    add_header Access-Control-Allow-Origin https://app.example.com always;
  }
}
`),
      ).toEqual([]);
    });

    it('more_set_headers (every status by default)', async () => {
      expect(await lintNginx(`server { more_set_headers 'Access-Control-Allow-Origin: *'; }\n`)).toEqual([]);
    });

    it('non-CORS headers without always', async () => {
      expect(await lintNginx(`server { add_header Access-Control-Allow-Origin * always; add_header X-Frame-Options DENY; }\n`)).toEqual([]);
    });

    it('Allow-Methods/Headers and Expose-Headers in a branch for actual requests only (the upstream sends Allow-Origin)', async () => {
      const conf = `server {
  location / {
    if ($request_method = 'GET') {
      add_header 'Access-Control-Allow-Methods' 'GET, POST';
      add_header 'Access-Control-Expose-Headers' 'Content-Range';
    }
    proxy_pass http://api:9000;
  }
}
`;
      expect(await lintNginx(conf)).toEqual([]);
      // The same headers where a preflight can get them do count.
      expect((await lintNginx(conf.replace("if ($request_method = 'GET') {", "if ($request_method = 'OPTIONS') {"))).map((f) => f.location.line)).toEqual([4]);
    });
  });
});
