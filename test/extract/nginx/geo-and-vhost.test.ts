import { describe, expect, it } from 'vitest';
import { lint } from '../../../src/lint.js';
import { tempTree } from '../../helpers/temp-tree.js';

const rulesOf = async (files: Record<string, string>) => {
  const result = await lint(['.'], { cwd: tempTree(files), config: {} });
  return result.findings.map((f) => `${f.location.file}:${f.location.line} ${f.ruleId}`);
};

describe('nginx geo and nginx-proxy vhost.d files', () => {
  it('a geo variable sent as Access-Control-Allow-Origin is one of its values (keyed by client address)', async () => {
    const conf = `http {
    geo $frontend_url {
        default "http://203.0.113.7:3000";
    }
    server {
        add_header Access-Control-Allow-Origin $frontend_url always;
        add_header Access-Control-Allow-Credentials true always;
        location / { proxy_pass http://app:8080; }
    }
}
`;
    expect(await rulesOf({ 'nginx.conf': conf })).toEqual(['nginx.conf:3 insecure-origin-scheme']);
  });

  it('a geo variable with an https value is a fixed origin: nothing to report', async () => {
    const conf = `http {
    geo $remote_addr $frontend_url {
        default "https://app.example.com";
        10.0.0.0/8 "https://intranet.example.com";
    }
    server {
        add_header Access-Control-Allow-Origin $frontend_url always;
        add_header Access-Control-Allow-Credentials true always;
        location / { proxy_pass http://app:8080; }
    }
}
`;
    expect(await rulesOf({ 'nginx.conf': conf })).toEqual([]);
  });

  it('reads nginx-proxy vhost.d files, which are named after the virtual host', async () => {
    // Of several matching ifs the last one's headers apply: the OPTIONS one has none (and the
    // location none to inherit), so preflights get 204 without CORS headers.
    const vhost = `location / {
    set $cors 0;
    if ($request_method = 'GET') {
        set $cors 1;
    }
    if ($request_method = 'OPTIONS') {
        set $cors 1;
    }
    if ($cors = 1) {
        add_header Access-Control-Allow-Origin * always;
        add_header Access-Control-Allow-Methods 'GET, OPTIONS' always;
    }
    if ($request_method = 'OPTIONS') {
        return 204;
    }
    proxy_pass http://app;
}
`;
    expect(await rulesOf({ 'vhost.d/api.example.com': vhost })).toContain('vhost.d/api.example.com:13 preflight-not-handled');
  });
});
