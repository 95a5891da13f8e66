// The request side of the Fetch standard (https://fetch.spec.whatwg.org/): which methods and
// headers are CORS-safelisted, when a preflight is needed, and what the browser puts on the wire.

const NORMALIZED_METHODS = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT'];

/** Fetch "normalize a method": only these six are upper-cased (so `patch` stays `patch`). */
export function normalizeMethod(method: string): string {
  const upper = method.toUpperCase();
  return NORMALIZED_METHODS.includes(upper) ? upper : method;
}

export function isSafelistedMethod(method: string): boolean {
  return method === 'GET' || method === 'HEAD' || method === 'POST';
}

const FORBIDDEN_HEADERS = new Set([
  'accept-charset',
  'accept-encoding',
  'access-control-request-headers',
  'access-control-request-method',
  'connection',
  'content-length',
  'cookie',
  'cookie2',
  'date',
  'dnt',
  'expect',
  'host',
  'keep-alive',
  'origin',
  'referer',
  'set-cookie',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'via',
]);

/** Headers a page cannot set: the browser drops them silently (Fetch "forbidden request-header"). */
export function isForbiddenRequestHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return FORBIDDEN_HEADERS.has(lower) || lower.startsWith('proxy-') || lower.startsWith('sec-');
}

/** A header the page sets; `value` undefined when only the name was given. */
export interface PageHeader {
  name: string;
  value?: string;
}

/** `Name` or `Name: value`. */
export function parsePageHeader(text: string): PageHeader {
  const colon = text.indexOf(':');
  if (colon < 0) return { name: text.trim() };
  return { name: text.slice(0, colon).trim(), value: text.slice(colon + 1).trim() };
}

function hasUnsafeByte(value: string): boolean {
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if ((code < 0x20 && code !== 0x09) || code === 0x7f || '"():<>?@[\\]{}'.includes(ch)) return true;
  }
  return false;
}

const SAFE_MIME_ESSENCES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/**
 * Fetch "CORS-safelisted request-header". A header given by name only counts as safelisted for
 * Accept, Accept-Language and Content-Language (their usual values are safe) and as not
 * safelisted for Content-Type and Range, whose safety depends on the value.
 */
export function isSafelistedHeader(header: PageHeader): boolean {
  const name = header.name.toLowerCase();
  const value = header.value;
  if (!['accept', 'accept-language', 'content-language', 'content-type', 'range'].includes(name)) return false;
  if (value === undefined) return name === 'accept' || name === 'accept-language' || name === 'content-language';
  if (Buffer.byteLength(value) > 128) return false;
  switch (name) {
    case 'accept':
      return !hasUnsafeByte(value);
    case 'accept-language':
    case 'content-language':
      return /^[0-9A-Za-z *,\-.;=]*$/.test(value);
    case 'content-type': {
      if (hasUnsafeByte(value)) return false;
      const essence = value.split(';')[0]!.trim().toLowerCase();
      return SAFE_MIME_ESSENCES.includes(essence);
    }
    case 'range':
      return /^bytes=\d*-\d*$/.test(value.replace(/[ \t]/g, '')) && value.replace(/[ \t]/g, '') !== 'bytes=-';
  }
  return false;
}

/** Fetch "CORS-unsafe request-header names": lowercase, sorted, unique. */
export function unsafeHeaderNames(headers: PageHeader[]): string[] {
  const unsafe = new Set<string>();
  let safelistedBytes = 0;
  const safelisted: string[] = [];
  for (const h of headers) {
    if (isSafelistedHeader(h)) {
      safelistedBytes += Buffer.byteLength(h.value ?? '');
      safelisted.push(h.name.toLowerCase());
    } else unsafe.add(h.name.toLowerCase());
  }
  if (safelistedBytes > 1024) for (const n of safelisted) unsafe.add(n);
  return [...unsafe].sort();
}

/** Whether the browser sends a preflight before this request (cross-origin, mode "cors"). */
export function needsPreflight(method: string, headers: PageHeader[]): boolean {
  return !isSafelistedMethod(method) || unsafeHeaderNames(headers).length > 0;
}
