// Response headers as the simulator builds them: lowercase names, repeated fields as arrays.

export type HeaderBag = Record<string, string | string[]>;

/** Sets (replaces) a header. */
export function setHeader(bag: HeaderBag, name: string, value: string): void {
  bag[name.toLowerCase()] = value;
}

/** Adds another field with the same name (nginx add_header twice, Flask-CORS MultiDict.add). */
export function addHeader(bag: HeaderBag, name: string, value: string): void {
  const key = name.toLowerCase();
  const old = bag[key];
  if (old === undefined) bag[key] = value;
  else bag[key] = [...(Array.isArray(old) ? old : [old]), value];
}

/** Appends a field name to Vary unless present (the `vary` npm module, Starlette add_vary_header, Django patch_vary_headers). */
export function appendVary(bag: HeaderBag, field: string): void {
  const old = bag['vary'];
  const current = old === undefined ? '' : Array.isArray(old) ? old.join(', ') : old;
  if (current.trim() === '*') return;
  const fields = current.split(',').map((f) => f.trim()).filter(Boolean);
  if (fields.some((f) => f.toLowerCase() === field.toLowerCase())) return;
  bag['vary'] = fields.length ? `${current}, ${field}` : field;
}

/** Starlette MutableHeaders.add_vary_header: joins with ", " and never de-duplicates. */
export function appendVaryRaw(bag: HeaderBag, field: string): void {
  const old = bag['vary'];
  const current = old === undefined ? undefined : Array.isArray(old) ? old.join(', ') : old;
  bag['vary'] = current === undefined ? field : `${current}, ${field}`;
}

/** Fetch "get": several fields combine into one value joined by ", "; null when absent. */
export function getCombined(bag: HeaderBag, name: string): string | null {
  const value = bag[name.toLowerCase()];
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(', ') : value;
}

/** The CORS response headers the simulator reports and the conformance tests compare. */
export const CORS_RESPONSE_HEADERS = [
  'access-control-allow-origin',
  'access-control-allow-credentials',
  'access-control-allow-methods',
  'access-control-allow-headers',
  'access-control-max-age',
  'access-control-expose-headers',
  'vary',
] as const;

/** Only the CORS headers (and Vary) of a header bag, in a stable order. */
export function corsHeadersOf(bag: HeaderBag): HeaderBag {
  const out: HeaderBag = {};
  for (const name of CORS_RESPONSE_HEADERS) if (bag[name] !== undefined) out[name] = bag[name]!;
  return out;
}
