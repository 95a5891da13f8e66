import { parse } from 'tldts';

// What a browser can put in an Origin request header: `null` or scheme://host[:port], nothing else.
// Witnesses must be such strings, or a finding would describe a request no attacker can make.

export interface ParsedOrigin {
  scheme: string;
  host: string;
  /** Explicit non-default port, or undefined. */
  port?: number;
}

const DEFAULT_PORTS: Record<string, number> = { http: 80, https: 443, ws: 80, wss: 443 };
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/** Parses a serialized origin as a browser would send it; undefined when it is not one. */
export function parseSerializedOrigin(text: string): ParsedOrigin | undefined {
  const m = /^(https?):\/\/([^/:?#@\s]+)(?::(\d{1,5}))?$/.exec(text);
  if (!m) return undefined;
  const [, scheme, host, portText] = m;
  if (!isValidHost(host!)) return undefined;
  if (portText !== undefined) {
    if (/^0\d/.test(portText)) return undefined;
    const port = Number(portText);
    if (port < 1 || port > 65535 || port === DEFAULT_PORTS[scheme!]) return undefined;
    return { scheme: scheme!, host: host!, port };
  }
  return { scheme: scheme!, host: host! };
}

/** True for `null` and for http(s) origins in the exact form a browser serializes them. */
export function isBrowserOrigin(text: string): boolean {
  return text === 'null' || parseSerializedOrigin(text) !== undefined;
}

/** Lowercase DNS name or IPv4 address, as browsers serialize hosts (IDNs are punycode). */
export function isValidHost(host: string): boolean {
  if (host.length > 253) return false;
  if (IPV4.test(host)) return true;
  if (host === 'localhost') return true;
  const labels = host.split('.');
  if (labels.length < 2) return false;
  if (!labels.every((l) => LABEL.test(l))) return false;
  // The last label of a DNS name is never all digits (that would be an IPv4 address).
  return !/^\d+$/.test(labels[labels.length - 1]!);
}

/**
 * Normalizes an origin as written in configuration to the browser's serialization
 * (lowercase scheme and host, default port dropped). Undefined when it is not an origin at all.
 */
export function normalizeOrigin(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed.toLowerCase() === 'null') return 'null';
  const m = /^([a-z][a-z0-9+.-]*):\/\/([^/:?#@\s]+)(?::(\d{1,5}))?\/?$/i.exec(trimmed);
  if (!m) return undefined;
  const scheme = m[1]!.toLowerCase();
  const host = m[2]!.toLowerCase();
  const port = m[3] === undefined ? undefined : Number(m[3]);
  const portPart = port === undefined || port === DEFAULT_PORTS[scheme] ? '' : `:${port}`;
  return `${scheme}://${host}${portPart}`;
}

export function serializeOrigin(o: ParsedOrigin): string {
  return `${o.scheme}://${o.host}${o.port === undefined ? '' : `:${o.port}`}`;
}

/**
 * True when an attacker could own this origin: `null`, or a host under a suffix on the Public
 * Suffix List (`example.comevil` is a valid name but nobody can register it).
 */
export function isAttackerReachable(origin: string): boolean {
  if (origin === 'null') return true;
  const parsed = parseSerializedOrigin(origin);
  if (!parsed) return false;
  const info = parse(parsed.host, { allowPrivateDomains: true });
  return !info.isIp && info.domain !== null && (info.isIcann === true || info.isPrivate === true);
}
