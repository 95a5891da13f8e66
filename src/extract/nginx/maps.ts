import type { Span } from '../../model/types.js';
import type { NginxDirective, NginxWord } from '../../parse/nginx/index.js';
import { toJsRegex, varName } from './conditions.js';

export interface MapEntry {
  kind: 'exact' | 'regex' | 'hostname';
  /** Key as nginx sees it (regex without the `~`/`~*`). */
  key: string;
  ignoreCase: boolean;
  keySpan: Span;
  value: NginxWord;
}

/** `map $source $target { ... }` (ngx_http_map_module). */
export interface MapDef {
  source: string;
  target: string;
  span: Span;
  hostnames: boolean;
  entries: MapEntry[];
  default?: NginxWord;
}

export function collectMaps(directives: NginxDirective[]): Map<string, MapDef> {
  const maps = new Map<string, MapDef>();
  const visit = (ds: NginxDirective[]) => {
    for (const d of ds) {
      if (d.name === 'map' && d.block && d.args.length === 2) {
        const def = readMap(d);
        maps.set(def.target, def);
        continue;
      }
      if (d.name === 'geo' && d.block && (d.args.length === 1 || d.args.length === 2)) {
        const def = readGeo(d);
        maps.set(def.target, def);
        continue;
      }
      if (d.block) visit(d.block);
    }
  };
  visit(directives);
  return maps;
}

/**
 * `geo [$address] $variable { default v; 10.0.0.0/8 v2; ... }` (ngx_http_geo_module): a map keyed by
 * the client address ($remote_addr unless given), never by the Origin. Its keys are networks, so they
 * are kept as exact keys that no origin matches; what matters for CORS is the set of values.
 */
function readGeo(d: NginxDirective): MapDef {
  const [source, target] = d.args.length === 2 ? [d.args[0]!.value, d.args[1]!.value] : ['$remote_addr', d.args[0]!.value];
  const def: MapDef = { source, target: varName(target), span: d.span, hostnames: false, entries: [] };
  const settings = new Set(['ranges', 'proxy', 'proxy_recursive', 'delete', 'include']);
  for (const e of d.block ?? []) {
    if (e.name === 'default' && e.args.length === 1) def.default = e.args[0];
    else if (!settings.has(e.name) && e.args.length === 1) def.entries.push({ kind: 'exact', key: e.name, ignoreCase: false, keySpan: e.nameSpan, value: e.args[0]! });
  }
  return def;
}

function readMap(d: NginxDirective): MapDef {
  const def: MapDef = { source: d.args[0]!.value, target: varName(d.args[1]!.value), span: d.span, hostnames: false, entries: [] };
  for (const e of d.block ?? []) {
    if (e.name === 'hostnames' && e.args.length === 0) def.hostnames = true;
    else if (e.name === 'volatile' && e.args.length === 0) continue;
    else if (e.name === 'default' && e.args.length === 1) def.default = e.args[0];
    else if (e.args.length === 1) {
      const key = e.name;
      if (key.startsWith('~*')) def.entries.push({ kind: 'regex', key: key.slice(2), ignoreCase: true, keySpan: e.nameSpan, value: e.args[0]! });
      else if (key.startsWith('~')) def.entries.push({ kind: 'regex', key: key.slice(1), ignoreCase: false, keySpan: e.nameSpan, value: e.args[0]! });
      else {
        const literal = key.startsWith('\\') ? key.slice(1) : key;
        const hostname = def.hostnames && (literal.startsWith('.') || literal.startsWith('*.') || literal.endsWith('.*'));
        def.entries.push({ kind: hostname ? 'hostname' : 'exact', key: literal, ignoreCase: true, keySpan: e.nameSpan, value: e.args[0]! });
      }
    }
  }
  return def;
}

/**
 * The PCRE-style pattern equivalent to a `hostnames` wildcard key: `.example.com` and `*.example.com`
 * match any value ending in `.example.com` (label-wise, so `https://a.example.com` matches: the
 * scheme is part of the first label), `.example.com` also matches `example.com` itself.
 */
export function hostnamePattern(key: string): string {
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  if (key.startsWith('*.')) return `^.+\\.${esc(key.slice(2))}$`;
  if (key.startsWith('.')) return `^(?:.+\\.)?${esc(key.slice(1))}$`;
  return `^${esc(key.slice(0, -2))}\\..+$`;
}

/**
 * Which entry a map picks for an input (ngx_http_map_find): exact keys first (case-insensitive: the
 * hash is built and searched with lowercased keys), then hostname wildcards, then regexes in the order
 * written, else the default (empty when there is none).
 */
export function mapLookup(def: MapDef, input: string): NginxWord | undefined {
  const low = input.toLowerCase();
  for (const e of def.entries) if (e.kind === 'exact' && e.key.toLowerCase() === low) return e.value;
  for (const e of def.entries) {
    if (e.kind === 'hostname' && new RegExp(hostnamePattern(e.key), 'i').test(input)) return e.value;
  }
  for (const e of def.entries) {
    if (e.kind !== 'regex') continue;
    const re = toJsRegex(e.key, e.ignoreCase);
    if (re?.test(input)) return e.value;
  }
  return def.default;
}
