// What the author of a pattern meant, read from its skeleton, and whether a given origin is one of
// those. An origin counts as meant when it is on the same site (registrable domain) as a host the
// skeleton spells out, or under the base domain that a wildcard is attached to; a wildcard directly
// under an ICANN public suffix (`.*\.com`) means no site at all.

import { getDomain, parse } from 'tldts';
import { parseSerializedOrigin } from './origin-syntax.js';
import { render, WILD, type Template } from './skeleton.js';

export interface IntendedOrigin {
  /** The template rendered with wildcards as `*`, for messages: `https://*.example.com`. */
  display: string;
  /** Literal scheme, or undefined when the pattern does not fix one. */
  scheme?: string;
  /** Host with wildcard markers. */
  host: string;
  isNull: boolean;
  /** For a wildcard host: the domain the wildcard hangs under (`example.com`), '' for match-all. */
  base?: string;
  /** How `base` relates to the Public Suffix List. */
  baseKind?: 'site' | 'icann-suffix' | 'private-suffix';
}

export function intendedOrigins(templates: readonly Template[]): IntendedOrigin[] {
  const out: IntendedOrigin[] = [];
  const seen = new Set<string>();
  for (const t of templates) {
    const text = render(t);
    const intended = readIntended(text);
    if (!intended || seen.has(intended.display)) continue;
    seen.add(intended.display);
    out.push(intended);
  }
  // A part without a scheme (`(https://)?app\.example\.com`) means the schemes written elsewhere.
  const written = [...new Set(out.map((i) => i.scheme).filter((s): s is string => s !== undefined))];
  if (written.length) {
    return out.flatMap((i) => (i.isNull || i.scheme !== undefined ? [i] : written.map((scheme) => ({ ...i, scheme }))));
  }
  return out;
}

function readIntended(text: string): IntendedOrigin | undefined {
  const display = text.split(WILD).join('*');
  if (text.toLowerCase() === 'null') return { display, host: '', isNull: true };
  let scheme: string | undefined;
  let rest = text;
  const sep = text.indexOf('://');
  if (sep >= 0) {
    // Only a whole web scheme fixes the scheme; `s://` from an unanchored pattern is a fragment.
    const s = text.slice(0, sep).toLowerCase();
    scheme = ['http', 'https', 'ws', 'wss'].includes(s) ? s : undefined;
    rest = text.slice(sep + 3);
  } else {
    const slash = rest.lastIndexOf('/');
    if (slash >= 0 && !rest.slice(0, slash).includes(WILD)) rest = rest.slice(slash + 1);
  }
  let host = rest.split(/[:/?#]/)[0]!.toLowerCase();
  // A trailing wildcard after the host (port, path) does not change which host was meant.
  while (host.endsWith(WILD) && host.replace(new RegExp(WILD, 'g'), '') !== '') host = host.slice(0, -1);
  const intended: IntendedOrigin = { display, scheme, host, isNull: false };
  if (host.includes(WILD)) {
    const after = host.slice(host.lastIndexOf(WILD) + 1);
    intended.base = baseOf(after);
    intended.baseKind = suffixKind(intended.base);
  }
  return intended;
}

/** `.example.com` -> example.com; `example.com` (partial label) -> example.com; `-dev.example.com` -> example.com. */
function baseOf(after: string): string {
  if (after === '') return '';
  if (after.startsWith('.')) return after.slice(1);
  const dot = after.indexOf('.');
  if (dot < 0) return after;
  const rest = after.slice(dot + 1);
  return suffixKind(rest) === 'site' ? rest : after;
}

export function suffixKind(domain: string): 'site' | 'icann-suffix' | 'private-suffix' {
  if (domain === '') return 'icann-suffix';
  const info = parse(domain, { allowPrivateDomains: true });
  if (info.publicSuffix === domain && !info.isIp) {
    return info.isPrivate ? 'private-suffix' : 'icann-suffix';
  }
  return 'site';
}

/** Registrable domain with private suffixes honoured (`a.vercel.app` is its own site); IPs and `localhost` are their own. */
export function siteOf(host: string): string {
  return getDomain(host, { allowPrivateDomains: true }) ?? host;
}

/** True when `origin` is one the pattern's author meant to trust. */
export function isMeant(origin: string, intended: readonly IntendedOrigin[]): boolean {
  if (origin === 'null') return intended.some((i) => i.isNull);
  const parsed = parseSerializedOrigin(origin);
  if (!parsed) return false;
  const host = parsed.host;
  return intended.some((i) => {
    if (i.isNull) return false;
    if (i.scheme !== undefined && i.scheme !== parsed.scheme) return false;
    if (!i.host.includes(WILD)) return host === i.host || siteOf(host) === siteOf(i.host);
    const base = i.base ?? '';
    if (base === '') return false; // the host is all wildcard: nothing in particular was meant
    switch (i.baseKind) {
      case 'icann-suffix':
        return false;
      case 'private-suffix':
        // Judged by shared-hosting-origin; here a label under a private suffix counts as meant.
        return host.endsWith(`.${base}`);
      default:
        return host === base || siteOf(host) === siteOf(base);
    }
  });
}
