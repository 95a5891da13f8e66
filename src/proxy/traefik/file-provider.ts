// Traefik's file provider (dynamic configuration in YAML or TOML): `http.middlewares.<name>.headers`,
// `http.routers.<name>` and `http.services.<name>.loadBalancer.servers`. Keys match case-insensitively
// (traefik/paerser file decoding fills fields with strings.EqualFold).
import type { ProxyTarget } from '../../model/types.js';
import { middlewareRef, targetOfUrl, type MiddlewareDef, type MiddlewareRef, type Provider, type RawOption, type TraefikConfig } from './config.js';
import type { ConfNode } from './tree.js';

/** Reads the options of one `headers` map into the lowercase-keyed option map. */
export function headerOptions(headers: ConfNode, caseSensitive = false): Map<string, RawOption> {
  const out = new Map<string, RawOption>();
  for (const { key, node, keySpan } of headers.entries()) {
    const k = caseSensitive ? key : key.toLowerCase();
    if (!out.has(k)) out.set(k, { key, span: keySpan, value: node.raw() });
  }
  return out;
}

export function readFileProvider(root: ConfNode, config: TraefikConfig, provider: Provider = 'file'): void {
  const http = root.get('http');
  if (!http) return;
  for (const { key: name, node, keySpan } of http.get('middlewares')?.entries() ?? []) {
    const chain = node.get('chain')?.get('middlewares');
    if (chain) config.middlewares.push({ name, provider, span: keySpan, headers: new Map(), origin: 'file provider', chain: refList(chain) });
    const headers = node.get('headers');
    if (!headers) continue;
    const mw: MiddlewareDef = { name, provider, span: keySpan, headers: headerOptions(headers), origin: 'file provider' };
    config.middlewares.push(mw);
  }
  for (const { key: name, node } of http.get('services')?.entries() ?? []) {
    const servers = node.get('loadBalancer')?.get('servers');
    const targets: ProxyTarget[] = (servers?.items() ?? []).flatMap((server) => {
      const url = server.get('url')?.text();
      const target = url ? targetOfUrl(url) : undefined;
      return target ? [target] : [];
    });
    config.services.push({ name, provider, targets });
  }
  for (const { key: name, node, keySpan } of http.get('routers')?.entries() ?? []) {
    const rule = node.get('rule')?.text();
    const list = node.get('middlewares');
    const refs = list ? refList(list) : [];
    const service = node.get('service')?.text()?.trim();
    config.routers.push({
      name,
      provider,
      span: keySpan,
      label: `Traefik router ${name}`,
      ...(rule !== undefined ? { rule } : {}),
      middlewares: refs,
      ...(service ? { service } : {}),
    });
  }
}

/** A list of middleware names (a YAML/TOML list, or one comma-separated string). */
function refList(list: ConfNode): MiddlewareRef[] {
  if (list.items().length) return list.items().flatMap((item) => (item.text() ? [middlewareRef(item.text()!.trim(), item.span)] : []));
  return (list.text() ?? '').split(',').flatMap((part) => (part.trim() ? [middlewareRef(part.trim(), list.span)] : []));
}
