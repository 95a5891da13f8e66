// Nginx server configurations for the conformance test. `{{N}}` makes variable names unique (all
// fixtures share one http block in the real server), `{{UP}}` is the upstream that plays the app.

export interface NginxFixture {
  name: string;
  /** http-level text before the server block (maps). */
  pre?: string;
  /** Directives inside `server { listen ...; }`. */
  body: string;
}

const UP = 'proxy_pass http://127.0.0.1:{{UP}};';
const ACAO = 'add_header Access-Control-Allow-Origin';
const ACAC = 'add_header Access-Control-Allow-Credentials';
const ACAM = 'add_header Access-Control-Allow-Methods';
const ACAH = 'add_header Access-Control-Allow-Headers';

export const NGINX_FIXTURES: NginxFixture[] = [
  // The user file is only read for requests that bring Basic credentials; none of the matrix does.
  { name: 'basic auth in front of the upstream (preflights get 401)', body: `location / {\n  auth_basic "api";\n  auth_basic_user_file htpasswd-{{N}};\n  ${ACAO} * always;\n  ${UP}\n}` },
  { name: 'basic auth off for OPTIONS through an if', body: `auth_basic "api";\nauth_basic_user_file htpasswd-{{N}};\nlocation / {\n  if ($request_method = OPTIONS) {\n    ${ACAO} * always;\n    ${ACAM} "GET, PUT" always;\n    return 204;\n  }\n  ${ACAO} * always;\n  ${UP}\n}` },
  { name: 'server-level wildcard', body: `${ACAO} *;\nlocation / { ${UP} }` },
  { name: 'server-level wildcard always', body: `${ACAO} * always;\nlocation / { ${UP} }` },
  { name: 'reflected origin with credentials', body: `location / {\n  ${ACAO} $http_origin;\n  ${ACAC} true;\n  ${UP}\n}` },
  { name: 'reflected origin with credentials, always', body: `location / {\n  ${ACAO} $http_origin always;\n  ${ACAC} true always;\n  ${UP}\n}` },
  {
    name: 'OPTIONS answered in an if, wildcard',
    body: `location / {\n  if ($request_method = OPTIONS) {\n    ${ACAO} *;\n    ${ACAM} "GET, POST, PUT, DELETE";\n    ${ACAH} "Authorization, Content-Type, X-Custom";\n    return 204;\n  }\n  ${ACAO} *;\n  ${UP}\n}`,
  },
  {
    name: 'OPTIONS answered in an if, reflected with credentials, always',
    body: `location / {\n  if ($request_method = OPTIONS) {\n    ${ACAO} $http_origin always;\n    ${ACAC} true always;\n    ${ACAM} "GET, POST, PUT, PATCH, DELETE" always;\n    ${ACAH} $http_access_control_request_headers always;\n    add_header Access-Control-Max-Age 600 always;\n    return 204;\n  }\n  ${ACAO} $http_origin always;\n  ${ACAC} true always;\n  ${UP}\n}`,
  },
  {
    name: 'exact map',
    pre: 'map $http_origin $cors_{{N}} {\n  default "";\n  "https://app.example.com" $http_origin;\n}',
    body: `${ACAO} $cors_{{N}} always;\nadd_header Vary Origin always;\nlocation / { ${UP} }`,
  },
  {
    name: 'anchored regex map',
    pre: 'map $http_origin $cors_{{N}} {\n  default "";\n  "~^https://[a-z]+\\.example\\.com$" $http_origin;\n}',
    body: `location / {\n  ${ACAO} $cors_{{N}};\n  ${ACAC} true;\n  add_header Vary Origin;\n  ${UP}\n}`,
  },
  {
    name: 'case-insensitive regex map',
    pre: 'map $http_origin $cors_{{N}} {\n  default "";\n  "~*^https://app\\.example\\.com$" $http_origin;\n}',
    body: `location / {\n  ${ACAO} $cors_{{N}} always;\n  ${UP}\n}`,
  },
  {
    name: 'unanchored regex map',
    pre: 'map $http_origin $cors_{{N}} {\n  default "";\n  "~app\\.example\\.com" $http_origin;\n}',
    body: `location / {\n  ${ACAO} $cors_{{N}};\n  ${UP}\n}`,
  },
  {
    name: 'if on the origin sets a variable',
    body: `set $cors_{{N}} "";\nif ($http_origin ~* "^https://app\\.example\\.com$") {\n  set $cors_{{N}} $http_origin;\n}\nlocation / {\n  ${ACAO} $cors_{{N}};\n  ${ACAC} true;\n  ${UP}\n}`,
  },
  { name: 'location add_header drops server CORS headers', body: `${ACAO} *;\n${ACAM} "GET, PUT";\nlocation / {\n  add_header X-Frame-Options DENY;\n  ${UP}\n}` },
  { name: 'location inherits server CORS headers', body: `${ACAO} *;\n${ACAM} "GET, PUT";\nlocation / {\n  ${UP}\n}` },
  {
    name: 'nested location with its own add_header',
    body: `location / {\n  ${ACAO} $http_origin always;\n  ${UP}\n  location /status/ {\n    add_header X-Debug 1 always;\n    ${UP}\n  }\n}`,
  },
  { name: 'two Allow-Origin headers', body: `location / {\n  ${ACAO} *;\n  ${ACAO} $http_origin;\n  ${UP}\n}` },
  { name: 'literal origin with credentials', body: `location / {\n  ${ACAO} "https://app.example.com";\n  ${ACAC} true;\n  ${UP}\n}` },
  { name: 'several origins in one value', body: `location / {\n  ${ACAO} "https://app.example.com https://api.example.com" always;\n  ${UP}\n}` },
  { name: 'empty variable adds no header', body: `set $cors_{{N}} "";\nlocation / {\n  ${ACAO} $cors_{{N}} always;\n  ${ACAM} "GET" always;\n  ${UP}\n}` },
  {
    name: 'preflight mirrors requested headers',
    body: `location / {\n  if ($request_method = OPTIONS) {\n    ${ACAO} $http_origin;\n    ${ACAM} "GET, POST, PUT, DELETE, PATCH";\n    ${ACAH} $http_access_control_request_headers;\n    add_header Access-Control-Max-Age 86400;\n    return 204;\n  }\n  ${ACAO} $http_origin;\n  ${UP}\n}`,
  },
  { name: 'return 200 with headers', body: `location / {\n  ${ACAO} *;\n  ${ACAM} "GET, POST";\n  return 200 "ok";\n}` },
  { name: 'exact location', body: `location = / {\n  ${ACAO} *;\n  ${UP}\n}\nlocation / { ${UP} }` },
  {
    name: 'preflight if with credentials but no always',
    body: `location / {\n  if ($request_method = 'OPTIONS') {\n    ${ACAO} $http_origin;\n    ${ACAC} true;\n    ${ACAM} "GET, POST, PUT, DELETE";\n    ${ACAH} "Authorization, X-Custom, Content-Type, X-Requested-With";\n    return 204;\n  }\n  ${ACAO} $http_origin;\n  ${ACAC} true;\n  ${UP}\n}`,
  },
  { name: 'expose headers and vary', body: `location / {\n  ${ACAO} $http_origin always;\n  add_header Access-Control-Expose-Headers "X-Total, X-Page" always;\n  add_header Vary Origin always;\n  ${UP}\n}` },
  { name: 'if on an exact origin with its own headers', body: `location / {\n  if ($http_origin = "https://app.example.com") {\n    ${ACAO} $http_origin;\n  }\n  ${UP}\n}` },
  {
    name: 'two ifs, the last match wins',
    body: `location / {\n  if ($http_origin ~ "example") {\n    ${ACAO} "first";\n  }\n  if ($request_method = GET) {\n    ${ACAO} "second";\n  }\n  ${UP}\n}`,
  },
  { name: 'regex location with own headers', body: `location ~ ^/status/ {\n  ${ACAO} * always;\n  ${UP}\n}\nlocation / {\n  ${ACAO} $http_origin;\n  ${UP}\n}` },
  { name: 'if without headers inherits the location set', body: `location / {\n  ${ACAO} * always;\n  ${ACAM} "GET, PUT" always;\n  if ($request_method = OPTIONS) {\n    return 204;\n  }\n  ${UP}\n}` },
  { name: 'server methods lost by a location origin', body: `${ACAM} "GET, POST, PUT" always;\nlocation / {\n  ${ACAO} $http_origin always;\n  ${UP}\n}` },
  { name: 'quoted reflected origin', body: `location / {\n  ${ACAO} "$http_origin" always;\n  ${ACAC} "true" always;\n  ${UP}\n}` },
  { name: 'single-quoted wildcard', body: `location / {\n  ${ACAO} '*';\n  ${UP}\n}` },
  { name: 'origin copied into a variable at server level', body: `set $o_{{N}} $http_origin;\nlocation / {\n  ${ACAO} $o_{{N}} always;\n  ${UP}\n}` },
  { name: 'unanchored if regex', body: `set $cors_{{N}} "";\nif ($http_origin ~ "example\\.com") {\n  set $cors_{{N}} $http_origin;\n}\nlocation / {\n  ${ACAO} $cors_{{N}} always;\n  ${UP}\n}` },
  { name: 'return 404 without always', body: `location / {\n  ${ACAO} *;\n  return 404;\n}` },
  { name: 'return 404 with always', body: `location / {\n  ${ACAO} * always;\n  return 404;\n}` },
  {
    name: 'OPTIONS 204 with location headers always',
    body: `location / {\n  ${ACAO} $http_origin always;\n  ${ACAC} true always;\n  ${ACAM} "GET, POST, PUT, PATCH, DELETE" always;\n  ${ACAH} "Authorization, Content-Type, X-Custom, X-Requested-With" always;\n  if ($request_method = OPTIONS) {\n    return 204;\n  }\n  ${UP}\n}`,
  },
  {
    name: 'map defaulting to the origin',
    pre: 'map $http_origin $cors_{{N}} {\n  default $http_origin;\n  "https://evil.example.net" "";\n}',
    body: `location / {\n  ${ACAO} $cors_{{N}} always;\n  ${UP}\n}`,
  },
  {
    name: 'map with a null key',
    pre: 'map $http_origin $cors_{{N}} {\n  default "";\n  "null" "null";\n  "https://app.example.com" "https://app.example.com";\n}',
    body: `location / {\n  ${ACAO} $cors_{{N}} always;\n  ${ACAC} true always;\n  ${UP}\n}`,
  },
  {
    name: 'method check chained with set',
    body: `set $pre_{{N}} "";\nif ($request_method = OPTIONS) {\n  set $pre_{{N}} "1";\n}\nlocation / {\n  ${ACAO} *;\n  ${ACAM} "GET, PUT, DELETE";\n  ${UP}\n}`,
  },
  { name: 'Vary twice', body: `location / {\n  ${ACAO} $http_origin;\n  add_header Vary Origin;\n  add_header Vary Accept-Encoding;\n  ${UP}\n}` },
  { name: 'server headers, nested location inherits through two levels', body: `${ACAO} * always;\nlocation / {\n  location /status/ {\n    ${UP}\n  }\n  ${UP}\n}` },
  { name: 'static return 500 for the status path', body: `location / {\n  ${ACAO} $http_origin;\n  ${UP}\n}\nlocation /status/500 {\n  ${ACAO} $http_origin;\n  return 500;\n}` },
  { name: 'credentials header only', body: `location / {\n  ${ACAC} true always;\n  ${ACAO} "https://app.example.com" always;\n  add_header Vary Origin always;\n  ${UP}\n}` },
  {
    name: 'map hostnames-style suffix regex, preflight in if',
    pre: 'map $http_origin $cors_{{N}} {\n  default "";\n  "~^https://([a-z0-9-]+\\.)*example\\.com$" $http_origin;\n}',
    body: `location / {\n  if ($request_method = OPTIONS) {\n    ${ACAO} $cors_{{N}};\n    ${ACAC} true;\n    ${ACAM} "GET, POST, PUT, PATCH, DELETE";\n    ${ACAH} "Authorization, Content-Type, X-Custom, X-Requested-With";\n    add_header Access-Control-Max-Age 3600;\n    return 204;\n  }\n  ${ACAO} $cors_{{N}} always;\n  ${ACAC} true always;\n  add_header Vary Origin always;\n  ${UP}\n}`,
  },
];

export function fixtureText(f: NginxFixture, n: number, port: number, upstream: number): string {
  const fill = (t: string) => t.replaceAll('{{N}}', String(n)).replaceAll('{{UP}}', String(upstream));
  const indent = (t: string) => t.split('\n').map((l) => `  ${l}`).join('\n');
  return `${f.pre ? `${fill(f.pre)}\n\n` : ''}server {\n  listen 127.0.0.1:${port};\n${indent(fill(f.body))}\n}\n`;
}
