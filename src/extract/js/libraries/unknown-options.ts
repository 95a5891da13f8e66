import type { InvalidOption, Library } from '../../../model/types.js';
import { spanAt } from '../origins.js';
import type { JsValue } from '../values.js';

/**
 * The option names each library reads, from its source:
 * - npm cors 2.8 lib/index.js: origin, methods, allowedHeaders (alias `headers`), exposedHeaders,
 *   credentials, maxAge, preflightContinue, optionsSuccessStatus. Nothing else is read, so any other
 *   key is silently ignored and the default applies.
 * - @fastify/cors 11 index.js: defaultOptions (origin, methods, hook, preflightContinue,
 *   optionsSuccessStatus, credentials, exposedHeaders, allowedHeaders, maxAge, preflight,
 *   strictPreflight) plus cacheControl, delegator, hideOptionsRoute, logLevel; fastify's register()
 *   itself reads prefix and logSerializers.
 * - @koa/cors 5 index.js: origin, allowMethods, exposeHeaders, allowHeaders, maxAge, credentials,
 *   keepHeadersOnError, secureContext, privateNetworkAccess.
 * - koa2-cors 2.0 dist/index.js: origin, exposeHeaders, maxAge, credentials, allowMethods, allowHeaders.
 */
const KNOWN: Partial<Record<Library, string[]>> = {
  cors: ['origin', 'methods', 'allowedHeaders', 'headers', 'exposedHeaders', 'credentials', 'maxAge', 'preflightContinue', 'optionsSuccessStatus'],
  '@fastify/cors': [
    'origin', 'methods', 'hook', 'preflightContinue', 'optionsSuccessStatus', 'credentials', 'exposedHeaders', 'allowedHeaders',
    'maxAge', 'preflight', 'strictPreflight', 'cacheControl', 'delegator', 'hideOptionsRoute', 'logLevel', 'prefix', 'logSerializers',
  ],
  '@koa/cors': ['origin', 'allowMethods', 'exposeHeaders', 'allowHeaders', 'maxAge', 'credentials', 'keepHeadersOnError', 'secureContext', 'privateNetworkAccess'],
  'koa2-cors': ['origin', 'exposeHeaders', 'maxAge', 'credentials', 'allowMethods', 'allowHeaders'],
};

/** Response header names written as option keys, mapped to the option that sends that header. */
const HEADER_OPTIONS: Record<string, Partial<Record<Library, string>>> = {
  'access-control-allow-origin': { cors: 'origin', '@fastify/cors': 'origin', '@koa/cors': 'origin' },
  'access-control-allow-credentials': { cors: 'credentials', '@fastify/cors': 'credentials', '@koa/cors': 'credentials' },
  'access-control-allow-methods': { cors: 'methods', '@fastify/cors': 'methods', '@koa/cors': 'allowMethods' },
  'access-control-allow-headers': { cors: 'allowedHeaders', '@fastify/cors': 'allowedHeaders', '@koa/cors': 'allowHeaders' },
  'access-control-expose-headers': { cors: 'exposedHeaders', '@fastify/cors': 'exposedHeaders', '@koa/cors': 'exposeHeaders' },
  'access-control-max-age': { cors: 'maxAge', '@fastify/cors': 'maxAge', '@koa/cors': 'maxAge' },
};

/** Names people write for an option of another library or version (socket.io 2 `origins`, @koa/cors names in npm cors). */
const CROSS_NAMES: Record<string, Partial<Record<Library, string>>> = {
  origins: { cors: 'origin', '@fastify/cors': 'origin', '@koa/cors': 'origin' },
  alloworigin: { cors: 'origin', '@fastify/cors': 'origin', '@koa/cors': 'origin' },
  allowmethods: { cors: 'methods', '@fastify/cors': 'methods' },
  allowheaders: { cors: 'allowedHeaders', '@fastify/cors': 'allowedHeaders' },
  exposeheaders: { cors: 'exposedHeaders', '@fastify/cors': 'exposedHeaders' },
  allowedmethods: { cors: 'methods', '@fastify/cors': 'methods', '@koa/cors': 'allowMethods' },
  allowedheaders: { '@koa/cors': 'allowHeaders' },
  exposedheaders: { '@koa/cors': 'exposeHeaders' },
  allowcredentials: { cors: 'credentials', '@fastify/cors': 'credentials', '@koa/cors': 'credentials' },
  supportscredentials: { cors: 'credentials', '@fastify/cors': 'credentials', '@koa/cors': 'credentials' },
};

/**
 * Keys of an options object that the library never reads. Only keys written in the scanned code
 * (with a place to point at) are reported; the consequence says what applies instead.
 */
export function unknownOptions(value: JsValue, library: Library): InvalidOption[] {
  const known = KNOWN[library];
  if (!known || value.t !== 'object') return [];
  const out: InvalidOption[] = [];
  for (const [name, at] of value.keys) {
    if (known.includes(name)) continue;
    const span = spanAt(at);
    if (!span) continue;
    const suggestion = nearestOption(name, library, known);
    const option: InvalidOption = { name, span, problem: 'unknown-option', effect: 'ignored' };
    if (suggestion) option.suggestion = suggestion;
    const consequence = consequenceOf(suggestion, library, value);
    if (consequence) option.consequence = consequence;
    out.push(option);
  }
  return out;
}

function nearestOption(name: string, library: Library, known: string[]): string | undefined {
  const lower = name.toLowerCase();
  const header = HEADER_OPTIONS[lower]?.[library];
  if (header) return header;
  const cross = CROSS_NAMES[lower.replace(/[-_\s]/g, '')]?.[library];
  if (cross) return cross;
  const folded = known.find((k) => k.toLowerCase() === lower.replace(/[-_\s]/g, ''));
  if (folded) return folded;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = editDistance(lower, k.toLowerCase());
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  // Close enough to be a slip of the keyboard: a few edits, and fewer than a third of the name.
  return best !== undefined && bestDistance <= Math.min(3, Math.floor(best.length / 3)) ? best : undefined;
}

/** What the library does when the intended option is missing, when the real option is not set either. */
function consequenceOf(intended: string | undefined, library: Library, value: Extract<JsValue, { t: 'object' }>): string | undefined {
  if (!intended) return undefined;
  if (value.props.has(intended) || (intended === 'allowedHeaders' && library === 'cors' && value.props.has('headers'))) {
    return `\`${intended}\` is set separately and applies`;
  }
  switch (intended) {
    case 'origin':
      if (library === '@koa/cors') return "origin is not set, so @koa/cors sends '*' (the request Origin when credentials are on)";
      return "origin is not set, so the default origin '*' applies to every request";
    case 'credentials':
      return 'credentials are not set, so no Access-Control-Allow-Credentials header is sent and credentialed requests fail';
    case 'optionsSuccessStatus':
      return 'preflights are answered with the default status 204';
    case 'exposedHeaders':
    case 'exposeHeaders':
      return 'no Access-Control-Expose-Headers header is sent, so scripts cannot read those response headers';
    case 'allowedHeaders':
    case 'allowHeaders':
      return library === 'cors' ? 'the headers a preflight requests are echoed back (the default)' : 'the default allowed headers apply';
    case 'methods':
    case 'allowMethods':
      return library === 'cors'
        ? 'the default methods GET,HEAD,PUT,PATCH,POST,DELETE are allowed'
        : library === '@fastify/cors'
          ? 'the default methods GET,HEAD,POST are allowed'
          : 'the default methods GET,HEAD,PUT,POST,DELETE,PATCH are allowed';
    case 'maxAge':
      return 'no Access-Control-Max-Age header is sent, so browsers cache preflights only briefly';
    case 'preflightContinue':
      return 'preflights are answered by the CORS middleware itself (the default)';
    default:
      return undefined;
  }
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const temp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = temp;
    }
  }
  return row[b.length]!;
}
