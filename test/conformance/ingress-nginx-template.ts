// The CORS part of ingress-nginx's nginx.tmpl (controller-v1.15.1: the "CORS" define, and
// buildCorsOriginRegex / buildOriginRegex in internal/ingress/controller/template/template.go),
// rendered here from the controller's parsed configuration so that a real nginx can run it.
import type { IngressCorsConfig } from '../../src/proxy/ingress-nginx/annotations.js';

/** Go regexp.QuoteMeta, then the first `\*` becomes one DNS label. */
function originRegex(origin: string): string {
  let quoted = '';
  for (const c of origin) quoted += '\\.+*?()|[]{}^$'.includes(c) ? `\\${c}` : c;
  return `(${quoted.replace('\\*', '[A-Za-z0-9\\-]+')})`;
}

function originTest(origins: string[]): string {
  if (origins.length === 1 && origins[0] === '*') return "set $http_origin *;\nset $cors 'true';";
  const parts = origins.map((o) => o.trim()).filter(Boolean).map(originRegex);
  return `if ($http_origin ~* (${parts.join('|')})$ ) { set $cors 'true'; }`;
}

function corsHeaders(c: IngressCorsConfig): string[] {
  const lines = [`more_set_headers 'Access-Control-Allow-Origin: $http_origin';`];
  if (c.credentials) lines.push(`more_set_headers 'Access-Control-Allow-Credentials: true';`);
  lines.push(`more_set_headers 'Access-Control-Allow-Methods: ${c.methods}';`);
  lines.push(`more_set_headers 'Access-Control-Allow-Headers: ${c.headers}';`);
  if (c.expose) lines.push(`more_set_headers 'Access-Control-Expose-Headers: ${c.expose}';`);
  lines.push(`more_set_headers 'Access-Control-Max-Age: ${c.maxAge}';`);
  return lines;
}

/** The directives the template writes into the location of an Ingress with CORS enabled. */
export function renderCors(c: IngressCorsConfig): string {
  const out: string[] = ['# Cors Preflight methods needs additional options and different Return Code'];
  if (c.origins.length) out.push(originTest(c.origins));
  out.push("if ($request_method = 'OPTIONS') {", '  set $cors ${cors}options;', '}', '');
  out.push('if ($cors = "true") {', ...corsHeaders(c).map((l) => `  ${l}`), '}', '');
  out.push(
    'if ($cors = "trueoptions") {',
    ...corsHeaders(c).map((l) => `  ${l}`),
    "  more_set_headers 'Content-Type: text/plain charset=UTF-8';",
    "  more_set_headers 'Content-Length: 0';",
    '  return 204;',
    '}',
  );
  return out.join('\n');
}
