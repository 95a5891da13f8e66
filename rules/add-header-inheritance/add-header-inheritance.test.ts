import { describe, expect, it } from 'vitest';
import { runRule, scanNginx } from '../../test/extract/nginx/helpers.js';
import rule from './index.js';

async function lintNginx(files: Record<string, string>) {
  const { policies, diagnostics } = await scanNginx(files);
  expect(diagnostics).toEqual([]);
  return runRule(rule, policies);
}

describe('add-header-inheritance', () => {
  it('catches a location with its own add_header under a CORS server', async () => {
    const findings = await lintNginx({
      'nginx.conf': `server {
    listen 80;
    server_name api.example.com;
    add_header Access-Control-Allow-Origin https://app.example.com always;
    add_header Access-Control-Allow-Credentials true always;
    location /api/upload {
        add_header X-Frame-Options DENY;
    }
    location /api {
    }
}
`,
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'add-header-inheritance',
      severity: 'error',
      location: { file: 'nginx.conf', line: 7, column: 9, endLine: 7, endColumn: 41 },
    });
    expect(findings[0]!.message).toContain(
      'location /api/upload defines its own add_header, so the Access-Control-Allow-Origin, Access-Control-Allow-Credentials set in server api.example.com (line 1) are not sent there',
    );
    expect(findings[0]!.message).toContain('cross-origin requests answered by location /api/upload fail with a CORS error');
  });

  it('catches an if block whose own header set lacks Access-Control-Allow-Origin', async () => {
    const findings = await lintNginx({
      'site.conf': `server {
  location /api {
    add_header Access-Control-Allow-Origin https://app.example.com always;
    if ($request_method = OPTIONS) {
      add_header Access-Control-Max-Age 600;
      return 204;
    }
  }
}
`,
    });
    expect(findings.map((f) => [f.location.line, f.location.column])).toEqual([[5, 7]]);
    expect(findings[0]!.message).toContain('if ($request_method = OPTIONS) in location /api defines its own add_header');
    expect(findings[0]!.message).toContain('Access-Control-Allow-Origin set in location /api (line 2) is not sent there');
  });

  it('catches headers set in a snippet included from another file, naming that file', async () => {
    const findings = await lintNginx({
      'nginx.conf': `http {
  include cors.conf;
  server {
    listen 80;
    location / {
      add_header Cache-Control no-store;
    }
  }
}
`,
      'cors.conf': `add_header Access-Control-Allow-Origin https://app.example.com always;\n`,
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]!.location).toMatchObject({ file: 'nginx.conf', line: 6, column: 7 });
    expect(findings[0]!.message).toContain('location / defines its own add_header');
    expect(findings[0]!.message).toContain('the Access-Control-Allow-Origin set in http (line 1) is not sent there');
  });

  it('catches add_header_inherit off', async () => {
    const findings = await lintNginx({
      'nginx.conf': `server {
  add_header Access-Control-Allow-Origin * always;
  location /private {
    add_header_inherit off;
  }
}
`,
    });
    expect(findings.map((f) => [f.location.line, f.location.column])).toEqual([[4, 5]]);
    expect(findings[0]!.message).toContain('location /private sets add_header_inherit off');
  });

  it('reports a loss of credentials only as a loss for credentialed requests', async () => {
    const findings = await lintNginx({
      'nginx.conf': `server {
  add_header Access-Control-Allow-Origin https://app.example.com always;
  add_header Access-Control-Allow-Credentials true always;
  location /x {
    add_header Access-Control-Allow-Origin https://app.example.com always;
  }
}
`,
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toContain('the Access-Control-Allow-Credentials set in server (line 1) is not sent there');
    expect(findings[0]!.message).toContain('credentialed cross-origin requests');
  });

  it('judges a preflight-only if block by the headers a preflight needs', async () => {
    const findings = await lintNginx({
      'site.conf': `server {
  location / {
    add_header Access-Control-Allow-Origin * always;
    add_header Access-Control-Allow-Headers "Authorization, Content-Type" always;
    add_header Access-Control-Expose-Headers Content-Range always;
    if ($request_method = OPTIONS) {
      add_header Access-Control-Allow-Origin *;
      add_header Access-Control-Max-Age 600;
      return 204;
    }
  }
}
`,
    });
    expect(findings.map((f) => [f.location.line, f.location.column])).toEqual([[7, 7]]);
    expect(findings[0]!.message).toContain('the Access-Control-Allow-Headers set in location / (line 2) is not sent there');
    expect(findings[0]!.message).not.toContain('Expose-Headers');
  });

  describe('catches not', () => {
    it('Expose-Headers missing from a block that answers only preflights (browsers read it on actual responses)', async () => {
      const findings = await lintNginx({
        'site.conf': `server {
  location / {
    add_header Access-Control-Allow-Origin * always;
    add_header Access-Control-Expose-Headers "Content-Length, Content-Range" always;
    if ($request_method = 'OPTIONS') {
      add_header Access-Control-Allow-Origin *;
      add_header Access-Control-Max-Age 1728000;
      return 204;
    }
  }
}
`,
      });
      expect(findings).toEqual([]);
    });

    it('a nested location without add_header (it inherits)', async () => {
      expect(
        await lintNginx({
          'nginx.conf': `server {
  add_header Access-Control-Allow-Origin https://app.example.com always;
  location /api { proxy_pass http://app; }
}
`,
        }),
      ).toEqual([]);
    });

    it('a nested location that repeats the CORS headers', async () => {
      expect(
        await lintNginx({
          'nginx.conf': `server {
  add_header Access-Control-Allow-Origin https://app.example.com always;
  location /api {
    add_header X-Frame-Options DENY;
    add_header Access-Control-Allow-Origin https://app.example.com always;
  }
}
`,
        }),
      ).toEqual([]);
    });

    it('add_header_inherit merge (nginx 1.29.3+)', async () => {
      expect(
        await lintNginx({
          'nginx.conf': `http {
  add_header_inherit merge;
  server {
    add_header Access-Control-Allow-Origin https://app.example.com always;
    location /api { add_header X-Frame-Options DENY; }
  }
}
`,
        }),
      ).toEqual([]);
    });

    it('more_set_headers in the nested block (headers-more is not add_header)', async () => {
      expect(
        await lintNginx({
          'nginx.conf': `server {
  add_header Access-Control-Allow-Origin https://app.example.com always;
  location /api { more_set_headers 'X-Frame-Options: DENY'; }
}
`,
        }),
      ).toEqual([]);
    });
  });
});
