// The response side of the Fetch standard: the CORS check and the preflight checks a browser
// applies, with reasons worded as Chromium's console messages.
import type { HeaderBag } from './header-bag.js';
import { getCombined } from './header-bag.js';
import { isSafelistedMethod } from './fetch-rules.js';

/** Which part of the configuration a failure points at. */
export type Blame = 'origin' | 'credentials' | 'methods' | 'headers' | 'status';

export interface CheckFailure {
  message: string;
  blame: Blame;
}

export const PREFLIGHT_PREFIX = "Response to preflight request doesn't pass access control check: ";

export const MISSING_ALLOW_ORIGIN = "No 'Access-Control-Allow-Origin' header is present on the requested resource.";
export const WILDCARD_WITH_CREDENTIALS =
  "The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'.";
export const NOT_OK_STATUS = 'It does not have HTTP ok status.';

/** Fetch "CORS check" (https://fetch.spec.whatwg.org/#cors-check). null = success. */
export function corsCheck(headers: HeaderBag, origin: string, credentials: boolean): CheckFailure | null {
  const allowOrigin = getCombined(headers, 'access-control-allow-origin');
  if (allowOrigin === null) return { message: MISSING_ALLOW_ORIGIN, blame: 'origin' };
  if (allowOrigin === '*') {
    if (!credentials) return null;
    return { message: WILDCARD_WITH_CREDENTIALS, blame: 'credentials' };
  }
  if (allowOrigin !== origin) {
    if (/[ ,]/.test(allowOrigin)) {
      return {
        message: `The 'Access-Control-Allow-Origin' header contains multiple values '${allowOrigin}', but only one is allowed.`,
        blame: 'origin',
      };
    }
    if (allowOrigin !== 'null' && !isValidUrl(allowOrigin)) {
      return { message: `The 'Access-Control-Allow-Origin' header contains the invalid value '${allowOrigin}'.`, blame: 'origin' };
    }
    return {
      message: `The 'Access-Control-Allow-Origin' header has a value '${allowOrigin}' that is not equal to the supplied origin.`,
      blame: 'origin',
    };
  }
  if (!credentials) return null;
  const allowCredentials = getCombined(headers, 'access-control-allow-credentials');
  if (allowCredentials === 'true') return null;
  return {
    message: `The value of the 'Access-Control-Allow-Credentials' header in the response is '${allowCredentials ?? ''}' which must be 'true' when the request's credentials mode is 'include'.`,
    blame: 'credentials',
  };
}

function isValidUrl(text: string): boolean {
  try {
    new URL(text);
    return true;
  } catch {
    return false;
  }
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** Fetch "extract header list values" for a token list; null = cannot be parsed. */
function tokenList(headers: HeaderBag, name: string): string[] | null {
  const value = getCombined(headers, name);
  if (value === null) return [];
  const items = value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return items.every((s) => TOKEN.test(s)) ? items : null;
}

/**
 * Fetch "CORS-preflight fetch" step 7: the CORS check, an ok status, then methods and headers.
 * `unsafeHeaders` are the lowercase CORS-unsafe request-header names of the actual request.
 */
export function preflightCheck(
  status: number,
  headers: HeaderBag,
  origin: string,
  credentials: boolean,
  method: string,
  unsafeHeaders: string[],
): CheckFailure | null {
  const cors = corsCheck(headers, origin, credentials);
  if (cors) return { message: PREFLIGHT_PREFIX + cors.message, blame: cors.blame };
  if (status < 200 || status > 299) return { message: PREFLIGHT_PREFIX + NOT_OK_STATUS, blame: 'status' };

  const methods = tokenList(headers, 'access-control-allow-methods');
  if (methods === null) {
    return { message: 'Cannot parse Access-Control-Allow-Methods response header field in preflight response.', blame: 'methods' };
  }
  const headerNames = tokenList(headers, 'access-control-allow-headers');
  if (headerNames === null) {
    return { message: 'Cannot parse Access-Control-Allow-Headers response header field in preflight response.', blame: 'headers' };
  }
  // Methods compare case-sensitively; `*` is a wildcard only without credentials.
  const methodAllowed =
    methods.includes(method) || isSafelistedMethod(method) || (!credentials && methods.includes('*'));
  if (!methodAllowed) {
    return { message: `Method ${method} is not allowed by Access-Control-Allow-Methods in preflight response.`, blame: 'methods' };
  }
  const listed = new Set(headerNames.map((h) => h.toLowerCase()));
  for (const name of unsafeHeaders) {
    if (listed.has(name)) continue;
    // `*` never covers Authorization (Fetch "CORS non-wildcard request-header name").
    if (!credentials && listed.has('*') && name !== 'authorization') continue;
    return {
      message: `Request header field ${name} is not allowed by Access-Control-Allow-Headers in preflight response.`,
      blame: 'headers',
    };
  }
  return null;
}
