import path from 'node:path';
import type { Language } from '../model/types.js';

const PYTHON = /\.pyw?$/i;
const JS = /\.(?:[cm]?js|[cm]?ts|jsx|tsx)$/i;
const TYPE_DECLARATIONS = /\.d\.[cm]?ts$/i;
/** Template suffixes that wrap an nginx file: nginx.conf.j2, default.conf.tmpl, site.conf.template. */
const TEMPLATE_SUFFIX = /\.(?:j2|jinja2?|tpl|tmpl|template|erb|mustache|hbs|gotmpl)$/i;
const NGINX_NAME = /(?:^nginx\.conf$|\.conf$|\.nginx$|\.vhost$)/i;
/** Files in nginx folders that are something else: docs, data, certificates, scripts, expected outputs. */
const NOT_NGINX = /\.(?:md|rst|txt|json|ya?ml|toml|ini|xml|csv|log|out|snap|expected|diff|patch|sh|bash|ps1|lua|js|py|rb|go|crt|cer|key|pem|der|p12|html?|css|svg|png|jpe?g|gif|ico|gz|zip|tar|bak|orig|swp)$/i;
/** Folders whose files are nginx configuration whatever their name. */
const NGINX_FOLDERS = new Set(['nginx', 'conf.d', 'sites-available', 'sites-enabled', 'snippets', 'nginx-conf', 'vhosts.d', 'vhost.d']);

/** The language of a file from its name, or undefined when cors-lint does not read it. */
export function classify(filePath: string): Language | undefined {
  const base = path.basename(filePath);
  if (PYTHON.test(base)) return 'python';
  if (JS.test(base)) return TYPE_DECLARATIONS.test(base) ? undefined : 'js';
  const untemplated = base.replace(TEMPLATE_SUFFIX, '');
  if (NGINX_NAME.test(untemplated) || /^nginx/i.test(untemplated)) return 'nginx';
  if (NOT_NGINX.test(base)) return undefined;
  const folders = path.dirname(filePath).split(/[\\/]/);
  return folders.some((f) => NGINX_FOLDERS.has(f.toLowerCase())) ? 'nginx' : undefined;
}

/** Text test for files classified as nginx by folder only: does it look like nginx at all? */
export function looksLikeNginx(text: string): boolean {
  return /(?:^|[;{}\s])(?:server|location|http|upstream|map)\s[^;{}]*\{|add_header\s|proxy_pass\s|listen\s+\d/m.test(text);
}
