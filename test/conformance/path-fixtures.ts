// Nginx proxy configurations for the path conformance test: each is a server block that forwards
// (some) requests to an application on 127.0.0.1, and does something to its CORS traffic on the way.
// `{{APP}}` is the application's port, `{{N}}` keeps upstream and variable names unique (all pairs
// share one http block in the real nginx). Each configuration names the applications it is run with.
import type { AppId } from './path-apps.js';

export interface ProxyFixture {
  name: string;
  /** http-level text before the server block (upstream blocks). */
  pre?: string;
  /** Directives inside `server { listen ...; }`. */
  body: string;
  /** A file the body includes as `snippets/cors-{{N}}.conf` (relative to the main configuration's folder). */
  snippet?: string;
  /** Needs the headers-more module (more_set_headers, more_clear_headers). */
  headersMore?: boolean;
  /**
   * The configuration does not say what nginx answers (more_set_headers -t depends on the response's
   * content type): the model must say it cannot tell, with this reason, instead of guessing.
   */
  modelCannotTell?: string;
  apps: AppId[];
}

const PASS = 'proxy_pass http://127.0.0.1:{{APP}};';
const HIDE = (h: string) => `proxy_hide_header ${h};`;
const ALL_CORS = ['Access-Control-Allow-Origin', 'Access-Control-Allow-Credentials', 'Access-Control-Allow-Methods', 'Access-Control-Allow-Headers', 'Access-Control-Expose-Headers', 'Access-Control-Max-Age'];
const ACAO = 'add_header Access-Control-Allow-Origin';
const ACAC = 'add_header Access-Control-Allow-Credentials';
const ACAM = 'add_header Access-Control-Allow-Methods';
const ACAH = 'add_header Access-Control-Allow-Headers';

const STARLETTE_ALL: AppId[] = ['starlette-list-credentials', 'starlette-wildcard', 'starlette-wildcard-credentials', 'starlette-regex'];
const EXPRESS_ALL: AppId[] = ['express-list', 'express-default', 'express-reflect-credentials', 'express-regex-credentials', 'express-preflight-continue'];
const ALL_APPS: AppId[] = [...STARLETTE_ALL, ...EXPRESS_ALL];

export const PROXY_FIXTURES: ProxyFixture[] = [
  { name: 'plain pass-through', body: `location / {\n  ${PASS}\n}`, apps: ALL_APPS },
  { name: 'proxy_hide_header Access-Control-Allow-Credentials', body: `location / {\n  ${HIDE('Access-Control-Allow-Credentials')}\n  ${PASS}\n}`, apps: ['starlette-wildcard-credentials', 'express-list'] },
  { name: 'proxy_hide_header Access-Control-Allow-Origin', body: `location / {\n  ${HIDE('Access-Control-Allow-Origin')}\n  ${PASS}\n}`, apps: ['starlette-list-credentials', 'express-reflect-credentials'] },
  { name: 'every Access-Control-* header hidden one by one', body: `location / {\n${ALL_CORS.map((h) => `  ${HIDE(h)}\n`).join('')}  ${PASS}\n}`, apps: ['starlette-list-credentials', 'express-list'] },
  { name: 'proxy_hide_header at server level, inherited', body: `${HIDE('Access-Control-Allow-Origin')}\nlocation / {\n  ${PASS}\n}`, apps: ['starlette-wildcard', 'express-default'] },
  {
    name: 'server-level proxy_hide_header replaced by the location own (Vary only)',
    body: `${HIDE('Access-Control-Allow-Origin')}\nlocation / {\n  ${HIDE('Vary')}\n  ${PASS}\n}`,
    apps: ['starlette-list-credentials', 'express-reflect-credentials'],
  },
  { name: "more_clear_headers 'Access-Control-*'", body: `location / {\n  more_clear_headers 'Access-Control-*';\n  ${PASS}\n}`, headersMore: true, apps: ['starlette-wildcard-credentials', 'express-reflect-credentials'] },
  { name: 'more_clear_headers for one header (credentials)', body: `location / {\n  more_clear_headers Access-Control-Allow-Credentials;\n  ${PASS}\n}`, headersMore: true, apps: ['starlette-list-credentials', 'express-list'] },
  { name: "more_clear_headers 'Access-Control-Allow-*'", body: `location / {\n  more_clear_headers 'Access-Control-Allow-*';\n  ${PASS}\n}`, headersMore: true, apps: ['starlette-regex'] },
  {
    name: "more_clear_headers 'Access-Control-*' and the proxy adds its own",
    body: `location / {\n  more_clear_headers 'Access-Control-*';\n  ${ACAO} $http_origin always;\n  ${ACAC} true always;\n  add_header Vary Origin always;\n  ${PASS}\n}`,
    headersMore: true,
    apps: ['starlette-wildcard', 'express-default'],
  },
  { name: 'more_clear_headers only on 500', body: `location / {\n  more_clear_headers -s 500 'Access-Control-*';\n  ${PASS}\n}`, headersMore: true, apps: ['starlette-wildcard', 'express-reflect-credentials'] },
  { name: 'OPTIONS answered 204 before proxy_pass, no headers', body: `location / {\n  if ($request_method = OPTIONS) {\n    return 204;\n  }\n  ${PASS}\n}`, apps: ['starlette-list-credentials', 'express-list', 'express-default'] },
  {
    name: 'OPTIONS answered 204 before proxy_pass, CORS headers in the if',
    body: `location / {\n  if ($request_method = OPTIONS) {\n    ${ACAO} $http_origin;\n    ${ACAM} "GET, POST, PUT, PATCH, DELETE";\n    ${ACAH} $http_access_control_request_headers;\n    add_header Access-Control-Max-Age 600;\n    return 204;\n  }\n  ${PASS}\n}`,
    apps: ['starlette-list-credentials', 'express-reflect-credentials'],
  },
  {
    name: 'OPTIONS answered 204 with always headers, location add_header for the rest',
    body: `location / {\n  if ($request_method = OPTIONS) {\n    ${ACAO} $http_origin always;\n    ${ACAC} true always;\n    ${ACAM} "GET, POST, PUT, PATCH, DELETE" always;\n    ${ACAH} "Authorization, Content-Type, X-Custom, X-Requested-With" always;\n    return 204;\n  }\n  ${ACAO} $http_origin;\n  ${PASS}\n}`,
    apps: ['starlette-wildcard', 'express-list'],
  },
  { name: 'OPTIONS answered 204 at server level', body: `if ($request_method = OPTIONS) {\n  return 204;\n}\nlocation / {\n  ${PASS}\n}`, apps: ['starlette-regex', 'express-default'] },
  { name: 'OPTIONS refused with 403', body: `location / {\n  if ($request_method = OPTIONS) {\n    return 403;\n  }\n  ${PASS}\n}`, apps: ['starlette-wildcard-credentials', 'express-list'] },
  { name: 'limit_except GET POST { deny all; }', body: `location / {\n  limit_except GET POST {\n    deny all;\n  }\n  ${PASS}\n}`, apps: ['starlette-list-credentials', 'express-reflect-credentials'] },
  { name: 'limit_except GET POST OPTIONS { deny all; }', body: `location / {\n  limit_except GET POST OPTIONS {\n    deny all;\n  }\n  ${PASS}\n}`, apps: ['starlette-wildcard', 'express-default'] },
  { name: 'duplicate Access-Control-Allow-Origin without always', body: `location / {\n  ${ACAO} *;\n  ${PASS}\n}`, apps: ['starlette-list-credentials', 'starlette-wildcard', 'express-default'] },
  { name: 'duplicate Access-Control-Allow-Origin with always', body: `location / {\n  ${ACAO} $http_origin always;\n  ${PASS}\n}`, apps: ['starlette-regex', 'express-reflect-credentials'] },
  { name: 'duplicate Access-Control-Allow-Credentials', body: `location / {\n  ${ACAC} true always;\n  ${PASS}\n}`, apps: ['starlette-wildcard-credentials', 'express-list'] },
  { name: 'server-level add_header inherited by the proxied location', body: `${ACAO} * always;\nlocation / {\n  ${PASS}\n}`, apps: ['starlette-wildcard', 'express-reflect-credentials'] },
  {
    name: 'server-level add_header dropped by a location add_header',
    body: `${ACAO} * always;\nlocation / {\n  add_header X-Frame-Options DENY;\n  ${PASS}\n}`,
    apps: ['starlette-list-credentials', 'express-default'],
  },
  {
    name: 'hide and add: the proxy owns CORS',
    body: `location / {\n${ALL_CORS.map((h) => `  ${HIDE(h)}\n`).join('')}  ${HIDE('Vary')}\n  ${ACAO} $http_origin always;\n  ${ACAC} true always;\n  add_header Vary Origin always;\n  ${PASS}\n}`,
    apps: ['starlette-wildcard-credentials', 'express-default'],
  },
  { name: 'hide Allow-Origin, add a fixed one', body: `location / {\n  ${HIDE('Access-Control-Allow-Origin')}\n  ${ACAO} "https://app.example.com";\n  ${PASS}\n}`, apps: ['starlette-regex', 'express-list'] },
  {
    name: 'more_set_headers Access-Control-Allow-Origin',
    body: `location / {\n  more_set_headers 'Access-Control-Allow-Origin: https://app.example.com';\n  ${PASS}\n}`,
    headersMore: true,
    apps: ['starlette-wildcard', 'express-reflect-credentials'],
  },
  {
    name: 'more_set_headers then add_header of the same name',
    body: `location / {\n  more_set_headers 'Access-Control-Allow-Origin: https://app.example.com';\n  ${ACAO} * always;\n  ${PASS}\n}`,
    headersMore: true,
    apps: ['starlette-list-credentials', 'express-default'],
  },
  { name: 'add_header Vary Origin', body: `location / {\n  add_header Vary Origin;\n  ${PASS}\n}`, apps: ['starlette-list-credentials', 'express-list'] },
  { name: 'proxy_hide_header Vary', body: `location / {\n  ${HIDE('Vary')}\n  ${PASS}\n}`, apps: ['starlette-regex', 'express-reflect-credentials'] },
  {
    name: 'nested location inherits proxy_hide_header',
    body: `location / {\n  ${HIDE('Access-Control-Allow-Origin')}\n  ${PASS}\n  location /status/ {\n    ${PASS}\n  }\n}`,
    apps: ['starlette-wildcard', 'express-list'],
  },
  {
    name: 'nested location with its own add_header',
    body: `location / {\n  ${ACAO} * always;\n  ${PASS}\n  location /status/ {\n    add_header X-Debug 1 always;\n    ${PASS}\n  }\n}`,
    apps: ['starlette-list-credentials', 'express-reflect-credentials'],
  },
  {
    name: 'only /status/ is proxied, / is static',
    body: `location /status/ {\n  ${PASS}\n}\nlocation / {\n  ${ACAO} * always;\n  return 200 "static";\n}`,
    apps: ['starlette-list-credentials', 'express-list'],
  },
  { name: 'a prefix no request matches (/api/), / proxied', body: `location /api/ {\n  ${HIDE('Access-Control-Allow-Origin')}\n  ${PASS}\n}\nlocation / {\n  ${PASS}\n}`, apps: ['starlette-wildcard', 'express-default'] },
  {
    name: 'exact location = / hides, prefix / passes',
    body: `location = / {\n  ${HIDE('Access-Control-Allow-Origin')}\n  ${PASS}\n}\nlocation / {\n  ${PASS}\n}`,
    apps: ['starlette-list-credentials', 'express-reflect-credentials'],
  },
  { name: 'proxy_pass to an upstream block', pre: 'upstream app_{{N}} {\n  server 127.0.0.1:{{APP}};\n}', body: `location / {\n  proxy_pass http://app_{{N}};\n}`, apps: ['starlette-regex', 'express-list'] },
  {
    name: 'upstream block, hide and OPTIONS 204',
    pre: 'upstream app_{{N}} {\n  server 127.0.0.1:{{APP}};\n}',
    body: `location / {\n  if ($request_method = OPTIONS) {\n    return 204;\n  }\n  ${HIDE('Access-Control-Allow-Credentials')}\n  proxy_pass http://app_{{N}};\n}`,
    apps: ['starlette-wildcard-credentials', 'express-reflect-credentials'],
  },
  {
    name: 'OPTIONS if with add_header but no return (forwarded with the if headers)',
    body: `location / {\n  ${ACAO} * always;\n  if ($request_method = OPTIONS) {\n    add_header X-Preflight 1;\n  }\n  ${PASS}\n}`,
    apps: ['starlette-list-credentials', 'express-reflect-credentials'],
  },
  { name: 'OPTIONS refused with 403, location headers always', body: `location / {\n  ${ACAO} * always;\n  if ($request_method = OPTIONS) {\n    return 403;\n  }\n  ${PASS}\n}`, apps: ['starlette-wildcard', 'express-list'] },
  { name: 'limit_except GET POST with location headers always', body: `location / {\n  ${ACAO} $http_origin always;\n  ${ACAC} true always;\n  limit_except GET POST {\n    deny all;\n  }\n  ${PASS}\n}`, apps: ['starlette-regex', 'express-default'] },
  { name: 'limit_except OPTIONS { deny all; } (only OPTIONS passes)', body: `location / {\n  limit_except OPTIONS {\n    deny all;\n  }\n  ${PASS}\n}`, apps: ['starlette-list-credentials', 'express-reflect-credentials'] },
  {
    name: 'origin allowlist in the proxy (if on $http_origin), app headers hidden',
    body: `location / {\n  ${HIDE('Access-Control-Allow-Origin')}\n  ${HIDE('Access-Control-Allow-Credentials')}\n  if ($http_origin ~* "^https://app\\.example\\.com$") {\n    ${ACAO} $http_origin always;\n    ${ACAC} true always;\n  }\n  ${PASS}\n}`,
    apps: ['starlette-wildcard-credentials', 'express-reflect-credentials'],
  },
  {
    name: 'map allowlist in the proxy, app headers cleared',
    pre: 'map $http_origin $cors_{{N}} {\n  default "";\n  "~^https://[a-z]+\\.example\\.com$" $http_origin;\n}',
    body: `location / {\n  more_clear_headers 'Access-Control-Allow-Origin' 'Vary';\n  ${ACAO} $cors_{{N}} always;\n  add_header Vary Origin always;\n  ${PASS}\n}`,
    headersMore: true,
    apps: ['starlette-regex', 'express-list'],
  },
  {
    name: 'server-level more_clear_headers, location more_set_headers',
    body: `more_clear_headers 'Access-Control-Allow-Origin';\nlocation / {\n  more_set_headers 'Access-Control-Allow-Origin: https://app.example.com';\n  ${PASS}\n}`,
    headersMore: true,
    apps: ['starlette-wildcard', 'express-reflect-credentials'],
  },
  {
    name: 'server-level more_set_headers, location more_clear_headers',
    body: `more_set_headers 'Access-Control-Allow-Credentials: true';\nlocation / {\n  more_clear_headers 'Access-Control-Allow-Origin';\n  ${PASS}\n}`,
    headersMore: true,
    apps: ['starlette-list-credentials', 'express-default'],
  },
  { name: 'more_set_headers only on 204', body: `location / {\n  more_set_headers -s 204 'Access-Control-Max-Age: 86400';\n  ${PASS}\n}`, headersMore: true, apps: ['starlette-regex', 'express-list'] },
  { name: 'more_set_headers only for text/html', body: `location / {\n  more_set_headers -t 'text/html' 'Access-Control-Allow-Origin: https://app.example.com';\n  ${PASS}\n}`, headersMore: true, modelCannotTell: 'content type', apps: ['starlette-wildcard', 'express-default'] },
  { name: 'more_set_headers empty value removes', body: `location / {\n  more_set_headers 'Vary:';\n  ${PASS}\n}`, headersMore: true, apps: ['starlette-list-credentials', 'express-reflect-credentials'] },
  {
    name: 'nested location without proxy_pass (serves files)',
    body: `location / {\n  ${PASS}\n  location /status/ {\n    root /nonexistent;\n    ${ACAO} * always;\n  }\n}`,
    apps: ['starlette-wildcard', 'express-list'],
  },
  { name: 'only /api/ proxied, the rest static (no files)', body: `root /nonexistent;\nlocation /api/ {\n  ${PASS}\n}`, apps: ['starlette-wildcard', 'express-default'] },
  { name: 'proxy_pass with a URI part', body: `location /status/ {\n  proxy_pass http://127.0.0.1:{{APP}}/status/;\n}\nlocation / {\n  proxy_pass http://127.0.0.1:{{APP}}/;\n}`, apps: ['starlette-regex', 'express-reflect-credentials'] },
  {
    name: 'regex location hides for /status/',
    body: `location ~ ^/status/ {\n  ${HIDE('Access-Control-Allow-Origin')}\n  ${PASS}\n}\nlocation / {\n  ${PASS}\n}`,
    apps: ['starlette-list-credentials', 'express-list'],
  },
  {
    name: 'server-level OPTIONS 204 with server-level add_header always',
    body: `${ACAO} $http_origin always;\n${ACAM} "GET, PUT, DELETE, PATCH" always;\n${ACAH} "Authorization, X-Custom, Content-Type, X-Requested-With" always;\nif ($request_method = OPTIONS) {\n  return 204;\n}\nlocation / {\n  ${PASS}\n}`,
    apps: ['starlette-list-credentials', 'express-list'],
  },
  { name: 'OPTIONS 204 (quoted method) in front of an app that passes preflights on', body: `location / {\n  if ($request_method = 'OPTIONS') {\n    return 204;\n  }\n  ${PASS}\n}`, apps: ['express-preflight-continue', 'express-regex-credentials'] },
  { name: 'OPTIONS matched by a regex if, answered 200 with location headers', body: `location / {\n  ${ACAO} $http_origin;\n  ${ACAM} "GET, PUT";\n  if ($request_method ~* "^options$") {\n    return 200;\n  }\n  ${PASS}\n}`, apps: ['starlette-regex', 'express-preflight-continue'] },
  {
    name: 'proxy_pass inside the OPTIONS if',
    body: `location / {\n  if ($request_method = OPTIONS) {\n    ${ACAO} * always;\n    ${PASS}\n  }\n  ${PASS}\n}`,
    apps: ['starlette-list-credentials', 'express-regex-credentials'],
  },
  { name: 'more_set_headers inside the OPTIONS if', body: `location / {\n  if ($request_method = OPTIONS) {\n    more_set_headers 'Access-Control-Max-Age: 5';\n  }\n  ${PASS}\n}`, headersMore: true, apps: ['starlette-regex', 'express-reflect-credentials'] },
  { name: 'more_set_headers with a variable value', body: `location / {\n  more_set_headers 'Access-Control-Allow-Origin: $http_origin';\n  ${PASS}\n}`, headersMore: true, apps: ['starlette-list-credentials', 'express-default'] },
  { name: 'more_clear_headers on 404 and 500', body: `location / {\n  more_clear_headers -s '404 500' 'Access-Control-Allow-Origin' 'Access-Control-Allow-Credentials';\n  ${PASS}\n}`, headersMore: true, apps: ['starlette-list-credentials', 'express-regex-credentials'] },
  { name: 'limit_except with an internal-network allow list', body: `location / {\n  limit_except GET {\n    allow 10.0.0.0/8;\n    deny all;\n  }\n  ${PASS}\n}`, apps: ['starlette-wildcard', 'express-regex-credentials'] },
  {
    name: 'OPTIONS 204 in a nested location only',
    body: `location / {\n  ${PASS}\n  location /status/ {\n    if ($request_method = OPTIONS) {\n      return 204;\n    }\n    ${HIDE('Access-Control-Allow-Origin')}\n    ${PASS}\n  }\n}`,
    apps: ['starlette-list-credentials', 'express-preflight-continue'],
  },
  { name: 'static 500 location beside the proxy', body: `location / {\n  ${PASS}\n}\nlocation = /status/500 {\n  ${ACAO} * always;\n  return 500;\n}`, apps: ['starlette-wildcard-credentials', 'express-regex-credentials'] },
  {
    name: 'token guard that preflights skip with break',
    body: `location / {\n  if ($request_method = OPTIONS) {\n    break;\n  }\n  if ($http_authorization = "") {\n    return 401;\n  }\n  ${PASS}\n}`,
    apps: ['starlette-list-credentials', 'express-reflect-credentials'],
  },
  {
    name: 'nested regex location and a top-level regex for the same path',
    body: `location / {\n  ${PASS}\n  location ~ ^/status/ {\n    ${HIDE('Access-Control-Allow-Origin')}\n    ${PASS}\n  }\n}\nlocation ~ /status/500 {\n  ${ACAO} * always;\n  return 500;\n}`,
    apps: ['starlette-list-credentials', 'express-list'],
  },
  { name: 'http to https redirect in front of the app', body: `if ($scheme = http) {\n  return 301 https://$host$request_uri;\n}\nlocation / {\n  ${ACAO} $http_origin;\n  ${PASS}\n}`, apps: ['starlette-wildcard', 'express-default'] },
  { name: 'prefix /status without a slash hides', body: `location /status {\n  ${HIDE('Access-Control-Allow-Origin')}\n  ${PASS}\n}\nlocation / {\n  ${PASS}\n}`, apps: ['starlette-regex', 'express-regex-credentials'] },
  { name: 'case-insensitive regex location', body: `location ~* ^/STATUS/5 {\n  more_clear_headers 'Access-Control-*';\n  ${PASS}\n}\nlocation / {\n  ${PASS}\n}`, headersMore: true, apps: ['starlette-wildcard-credentials', 'express-reflect-credentials'] },
  {
    name: '^~ prefix stops the regex locations',
    body: `location ^~ /status/ {\n  ${PASS}\n}\nlocation ~ ^/status/5 {\n  ${ACAO} * always;\n  return 500;\n}\nlocation / {\n  ${HIDE('Vary')}\n  ${PASS}\n}`,
    apps: ['starlette-regex', 'express-list'],
  },
  {
    name: 'proxy_hide_header then more_set_headers of the same header',
    body: `location / {\n  ${HIDE('Access-Control-Allow-Origin')}\n  more_set_headers 'Access-Control-Allow-Origin: https://app.example.com';\n  ${PASS}\n}`,
    headersMore: true,
    apps: ['starlette-wildcard', 'express-reflect-credentials'],
  },
  { name: 'return after proxy_pass wins', body: `location / {\n  ${PASS}\n  ${ACAO} * always;\n  return 403;\n}`, apps: ['starlette-wildcard', 'express-default'] },
  {
    name: 'set/if chain for the preflight (origin check, then method)',
    body: `location / {\n  set $cors_{{N}} "";\n  if ($http_origin ~* "^https://(app|api)\\.example\\.com$") {\n    set $cors_{{N}} "yes";\n  }\n  if ($request_method = OPTIONS) {\n    set $cors_{{N}} "\${cors_{{N}}}options";\n  }\n  if ($cors_{{N}} = "yesoptions") {\n    ${ACAO} $http_origin always;\n    ${ACAC} true always;\n    ${ACAM} "GET, POST, PUT, PATCH, DELETE" always;\n    ${ACAH} "Authorization, Content-Type, X-Custom, X-Requested-With" always;\n    return 204;\n  }\n  if ($request_method = OPTIONS) {\n    return 403;\n  }\n  ${PASS}\n}`,
    apps: ['starlette-list-credentials', 'express-regex-credentials'],
  },
  {
    name: 'map on the method, if on the variable',
    pre: 'map $request_method $preflight_{{N}} {\n  OPTIONS 1;\n  default 0;\n}',
    body: `location / {\n  if ($preflight_{{N}}) {\n    ${ACAO} * always;\n    return 204;\n  }\n  ${PASS}\n}`,
    apps: ['starlette-regex', 'express-list'],
  },
  {
    name: 'CORS headers from an included snippet, app headers hidden',
    snippet: `proxy_hide_header Access-Control-Allow-Origin;\nproxy_hide_header Access-Control-Allow-Credentials;\nadd_header Access-Control-Allow-Origin $http_origin always;\nadd_header Access-Control-Allow-Credentials true always;\nadd_header Vary Origin always;\n`,
    body: `location / {\n  include snippets/cors-{{N}}.conf;\n  ${PASS}\n}`,
    apps: ['starlette-wildcard', 'express-list'],
  },
  {
    name: 'proxy_pass in an included snippet',
    snippet: `${PASS}\n`,
    body: `location / {\n  more_clear_headers 'Access-Control-Allow-Credentials';\n  include snippets/cors-{{N}}.conf;\n}`,
    headersMore: true,
    apps: ['starlette-list-credentials', 'express-reflect-credentials'],
  },
  {
    name: "the app's Allow-Origin re-added with always from $upstream_http_*",
    body: `location / {\n  ${HIDE('Access-Control-Allow-Origin')}\n  ${ACAO} $upstream_http_access_control_allow_origin always;\n  ${PASS}\n}`,
    apps: ['starlette-list-credentials', 'express-reflect-credentials'],
  },
  { name: 'proxy_set_header Origin "" (the app never sees the Origin)', body: `location / {\n  proxy_set_header Origin "";\n  ${PASS}\n}`, apps: ['starlette-list-credentials', 'express-reflect-credentials'] },
  { name: 'proxy_set_header Origin to a fixed origin', body: `location / {\n  proxy_set_header Origin https://app.example.com;\n  ${PASS}\n}`, apps: ['starlette-regex', 'express-list'] },
  { name: 'proxy_pass_request_headers off', body: `location / {\n  proxy_pass_request_headers off;\n  ${PASS}\n}`, apps: ['starlette-wildcard', 'express-default'] },
  {
    name: "OPTIONS 204 inherits the location's add_header (no always)",
    body: `location / {\n  ${ACAO} $http_origin;\n  ${ACAM} "GET, POST, PUT, DELETE";\n  ${ACAH} "Authorization, Content-Type, X-Custom";\n  if ($request_method = OPTIONS) {\n    return 204;\n  }\n  ${PASS}\n}`,
    apps: ['starlette-wildcard-credentials', 'express-regex-credentials', 'express-preflight-continue'],
  },
];
