// configuration-snippet / server-snippet annotations: nginx text the controller pastes into the
// location (or server) block. What they do to the application's Access-Control-* headers:
// proxy_hide_header drops one, more_clear_headers drops the names or `Prefix-*` patterns it lists,
// more_set_headers replaces one (with an empty value: drops it).
// Checked on Debian nginx 1.22 with headers-more: location-level headers-more commands (the snippet)
// also run inside the template's `if ($cors = ...)` blocks, before the blocks' own more_set_headers,
// so a snippet's more_clear_headers 'Access-Control-*' removes the application's headers on every
// response while the controller's own CORS headers (allowed origins) are still set afterwards.
import type { ProxyRoute, Span } from '../../model/types.js';
import { parseNginx, type NginxDirective } from '../../parse/nginx/index.js';

type Strip = ProxyRoute['strips'][number];
type LineMap = (line: number, column: number, endColumn: number) => Span;

const CORS_HEADER = /^access-control-/i;

/** `Access-Control-*` or `Access-*` patterns cover CORS headers too. */
function coversCors(pattern: string): boolean {
  const p = pattern.toLowerCase();
  if (p.endsWith('*')) return 'access-control-'.startsWith(p.slice(0, -1)) || p.slice(0, -1).startsWith('access-control-');
  return CORS_HEADER.test(p);
}

export function snippetStrips(text: string, annotation: string, map: LineMap): Strip[] {
  const parsed = parseNginx(text, '<snippet>');
  const out: Strip[] = [];
  const where = (d: NginxDirective): Span => map(d.span.line - 1, d.span.column, d.span.endColumn);
  const visit = (list: NginxDirective[], depth: number) => {
    for (const d of list) {
      if (d.block && depth < 20) visit(d.block, depth + 1);
      const args = d.args.map((a) => a.value);
      if (d.name === 'proxy_hide_header' && args[0] && CORS_HEADER.test(args[0])) {
        out.push({ header: args[0].toLowerCase(), span: where(d), how: `proxy_hide_header in ${annotation}` });
      }
      if (d.name === 'more_clear_headers') {
        for (const name of headerArgs(args)) if (coversCors(name)) out.push({ header: name.toLowerCase(), span: where(d), how: `more_clear_headers in ${annotation}` });
      }
      if (d.name === 'more_set_headers') {
        for (const item of headerArgs(args)) {
          const colon = item.indexOf(':');
          const name = (colon < 0 ? item : item.slice(0, colon)).trim();
          const value = colon < 0 ? '' : item.slice(colon + 1).trim();
          if (!coversCors(name)) continue;
          out.push({ header: name.toLowerCase(), span: where(d), how: value ? `more_set_headers in ${annotation} (replaced by '${value}')` : `more_set_headers in ${annotation} (empty value: removed)` });
        }
      }
    }
  };
  visit(parsed.directives, 0);
  return out;
}

/** headers-more arguments without the `-s <statuses>` / `-t <types>` options. */
function headerArgs(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-s' || a === '-t') {
      i++;
      continue;
    }
    if (a.startsWith('-s') || a.startsWith('-t')) continue;
    out.push(a);
  }
  return out;
}
