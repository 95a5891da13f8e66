// The organisation's allowlist (config `allowedOrigins`): exact origins, `null`, and patterns whose
// leftmost label is a wildcard. `https://*.example.com` admits exactly one label in place of `*`
// (app.example.com, not a.b.example.com, not example.com); `https://**.example.com` admits one or
// more labels (any depth, still not example.com itself). Scheme and port must match exactly;
// hosts compare case-insensitively; default ports are dropped as browsers do.

import { normalizeOrigin, parseSerializedOrigin } from '../regex/origin-syntax.js';

export type AllowEntry =
  | { kind: 'exact'; origin: string }
  | { kind: 'null' }
  | { kind: 'wildcard'; scheme: string; depth: 'one' | 'any'; base: string; port?: number; text: string };

export interface Allowlist {
  entries: AllowEntry[];
  /** Entries that are neither an origin nor a supported pattern (config validation reports them). */
  invalid: string[];
}

const DEFAULT_PORTS: Record<string, number> = { http: 80, https: 443 };

export function parseAllowlist(list: readonly string[]): Allowlist {
  const entries: AllowEntry[] = [];
  const invalid: string[] = [];
  for (const raw of list) {
    const text = raw.trim();
    if (text.toLowerCase() === 'null') {
      entries.push({ kind: 'null' });
      continue;
    }
    const wild = /^([a-z][a-z0-9+.-]*):\/\/(\*\*?)\.([^/:\s*]+)(?::(\d{1,5}))?\/?$/i.exec(text);
    if (wild) {
      const scheme = wild[1]!.toLowerCase();
      const port = wild[4] === undefined ? undefined : Number(wild[4]);
      entries.push({
        kind: 'wildcard',
        scheme,
        depth: wild[2] === '**' ? 'any' : 'one',
        base: wild[3]!.toLowerCase(),
        port: port === DEFAULT_PORTS[scheme] ? undefined : port,
        text,
      });
      continue;
    }
    const origin = normalizeOrigin(text);
    if (origin) entries.push({ kind: 'exact', origin });
    else invalid.push(raw);
  }
  return { entries, invalid };
}

/** True when the allowlist admits this origin (given as a browser would send it, or as written). */
export function allows(allowlist: Allowlist, origin: string): boolean {
  const normalized = normalizeOrigin(origin);
  if (!normalized) return false;
  if (normalized === 'null') return allowlist.entries.some((e) => e.kind === 'null');
  const m = /^([a-z][a-z0-9+.-]*):\/\/([^:]+)(?::(\d+))?$/.exec(normalized);
  if (!m) return false;
  const [, scheme, host, portText] = m;
  const port = portText === undefined ? undefined : Number(portText);
  return allowlist.entries.some((e) => {
    if (e.kind === 'exact') return e.origin === normalized;
    if (e.kind !== 'wildcard') return false;
    if (e.scheme !== scheme || e.port !== port) return false;
    if (!host!.endsWith(`.${e.base}`)) return false;
    const prefix = host!.slice(0, -(e.base.length + 1));
    if (!prefix || prefix.startsWith('.') || prefix.endsWith('.') || prefix.includes('..')) return false;
    return e.depth === 'any' || !prefix.includes('.');
  });
}

/**
 * Origins near the allowlist's edges, for searching a regex for something it accepts that the
 * allowlist does not: siblings, parents, deeper subdomains, other schemes, look-alike suffixes.
 */
export function allowlistProbes(allowlist: Allowlist, label = 'attacker-cors-lint'): string[] {
  const out = new Set<string>();
  const add = (scheme: string, host: string, port?: number) => {
    const text = `${scheme}://${host}${port === undefined ? '' : `:${port}`}`;
    if (parseSerializedOrigin(text)) out.add(text);
  };
  for (const e of allowlist.entries) {
    if (e.kind === 'null') continue;
    if (e.kind === 'exact') {
      const p = parseSerializedOrigin(e.origin);
      if (!p) continue;
      const labels = p.host.split('.');
      const other = p.scheme === 'https' ? 'http' : 'https';
      add(p.scheme, p.host, p.port);
      add(other, p.host, p.port);
      add(p.scheme, `${label}.${p.host}`, p.port);
      add(p.scheme, `evil${p.host}`, p.port);
      add(p.scheme, `${p.host}.evil.net`, p.port);
      add(p.scheme, p.host, 8443);
      if (labels.length > 2) {
        add(p.scheme, [label, ...labels.slice(1)].join('.'), p.port);
        add(p.scheme, labels.slice(1).join('.'), p.port);
      }
      continue;
    }
    const one = `${label}.${e.base}`;
    add(e.scheme, one, e.port);
    add(e.scheme, `a.${one}`, e.port);
    add(e.scheme, `app.${e.base}`, e.port);
    add(e.scheme, `app.app.${e.base}`, e.port);
    add(e.scheme, e.base, e.port);
    add(e.scheme === 'https' ? 'http' : 'https', one, e.port);
    add(e.scheme, `evil${e.base}`, e.port);
    add(e.scheme, `${one}.evil.net`, e.port);
  }
  return [...out];
}
