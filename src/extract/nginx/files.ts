/** Template wrappers around nginx files: the text holds template markers, not only nginx syntax. */
export function isTemplatePath(p: string): boolean {
  return /\.(?:j2|jinja2?|tpl|tmpl|template|erb|mustache|hbs|gotmpl)$/i.test(p);
}

/**
 * The prefilter: could this file configure CORS? It is a plain regex over the text (no parsing), so a
 * large config that never mentions CORS costs one scan. `include` passes too, because an includer
 * decides the context (and the headers inherited) of a CORS snippet it pulls in; a proxy_pass too,
 * because a proxy in front of an application changes the CORS headers the application sends.
 */
export function mentionsCors(text: string): boolean {
  return /access-control-|\$http_origin|cors|\binclude\s|\b(?:proxy|fastcgi|uwsgi|scgi|grpc)_pass\s/i.test(text);
}

/**
 * `*.conf` is also the extension of supervisord, redis, fontconfig... files. Only text with nginx
 * structure (blocks, directives ending in `;`) or nginx header directives is parsed, so those files
 * never produce parse errors.
 */
export function isNginxText(text: string): boolean {
  return (
    /(?:^|[;{}\s])(?:http|server|location|events|upstream|map|if|types|stream)\s[^;{}]*\{/m.test(text) ||
    /^\s*(?:add_header|more_set_headers|proxy_hide_header|proxy_pass|include|set|return|listen|server_name|root)\s[^;\n]*;/m.test(text)
  );
}
