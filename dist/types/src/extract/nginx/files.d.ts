/** Template wrappers around nginx files: the text holds template markers, not only nginx syntax. */
export declare function isTemplatePath(p: string): boolean;
/**
 * The prefilter: could this file configure CORS? It is a plain regex over the text (no parsing), so a
 * large config that never mentions CORS costs one scan. `include` passes too, because an includer
 * decides the context (and the headers inherited) of a CORS snippet it pulls in; a proxy_pass too,
 * because a proxy in front of an application changes the CORS headers the application sends.
 */
export declare function mentionsCors(text: string): boolean;
/**
 * `*.conf` is also the extension of supervisord, redis, fontconfig... files. Only text with nginx
 * structure (blocks, directives ending in `;`) or nginx header directives is parsed, so those files
 * never produce parse errors.
 */
export declare function isNginxText(text: string): boolean;
