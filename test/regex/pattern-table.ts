// The pattern table shared by the tests: dialect, mode, case-insensitivity, pattern, and the
// expected verdict (for permissive patterns, the weakness class the first witness shows).

import type { WeaknessClass } from '../../src/regex/candidates.js';
import type { RegexSpec } from '../../src/regex/engine.js';

export type Row = [flavor: RegexSpec['flavor'], mode: RegexSpec['mode'], ignoreCase: boolean, pattern: string, verdict: 'safe' | WeaknessClass | 'permissive', flags?: string];

const starlette = (pattern: string, verdict: Row[4]): Row => ['python', 'fullmatch', false, pattern, verdict];
const django = (pattern: string, verdict: Row[4]): Row => ['python', 'match', false, pattern, verdict];
const flask = (pattern: string, verdict: Row[4]): Row => ['python', 'match', true, pattern, verdict];
const js = (pattern: string, verdict: Row[4], flags = ''): Row => ['js', 'search', flags.includes('i'), pattern, verdict, flags];
const nginx = (pattern: string, verdict: Row[4], caseless = false): Row => ['pcre', 'search', caseless, pattern, verdict];

/** The table: the verdict, and for permissive patterns the weakness the first witness shows. */
export const ROWS: Row[] = [
  // Starlette: re.fullmatch
  starlette(String.raw`https://app\.example\.com`, 'safe'),
  starlette(String.raw`https://.*\.example\.com`, 'safe'),
  starlette(String.raw`https://[a-z0-9-]+\.example\.com`, 'safe'),
  starlette(String.raw`https?://(localhost|127\.0\.0\.1)(:\d+)?`, 'safe'),
  starlette(String.raw`https://(www|app|api)\.example\.com`, 'safe'),
  starlette(String.raw`(?P<scheme>https)://(?P<sub>[a-z]+\.)?example\.com`, 'safe'),
  starlette(String.raw`https://(?:[a-z0-9-]+\.)*example\.com`, 'safe'),
  starlette(String.raw`https://.*example\.com`, 'no-dot-boundary'),
  starlette(String.raw`https://app.example.com`, 'unescaped-dot'),
  starlette(String.raw`https://.*`, 'match-all'),
  starlette(String.raw`.*`, 'match-all'),
  starlette(String.raw`https://.*\.com`, 'public-suffix-wildcard'),
  starlette(String.raw`https://([a-z]+\.)?example\.com.*`, 'missing-end-anchor'),
  starlette(String.raw`https://[a-z.]+example\.com`, 'no-dot-boundary'),
  starlette(String.raw`https://app\.example\.(com|net|.*)`, 'permissive'),
  starlette(String.raw`n.*|https://app\.example\.com`, 'null-origin'),
  // django-cors-headers: re.match (anchored at the start only)
  django(String.raw`^https://app\.example\.com$`, 'safe'),
  django(String.raw`^https://\w+\.example\.com$`, 'safe'),
  django(String.raw`^https://(.+\.)?example\.com$`, 'safe'),
  django(String.raw`^https://app\.example\.com\Z`, 'safe'),
  django(String.raw`^https://app\.example\.com`, 'missing-end-anchor'),
  django(String.raw`https://.*\.example\.com`, 'missing-end-anchor'),
  django(String.raw`^https://[\w.-]+example\.com$`, 'no-dot-boundary'),
  django(String.raw`^(https://app\.example\.com$|https://.*\.example\.org)`, 'missing-end-anchor'),
  // Flask-CORS: re.match with re.IGNORECASE
  flask(String.raw`https://app\.example\.com$`, 'safe'),
  flask(String.raw`^https://(?i:APP)\.example\.com$`, 'safe'),
  flask(String.raw`(?x) ^https://  app \. example \. com $  # the app`, 'safe'),
  flask(String.raw`https://.*\.example\.com`, 'missing-end-anchor'),
  flask(String.raw`.*\.example\.com`, 'missing-end-anchor'),
  flask(String.raw`https://APP.EXAMPLE.COM$`, 'unescaped-dot'),
  flask(String.raw`(https://)?app\.example\.com$`, 'safe'),
  // npm cors / @fastify/cors: RegExp.test, unanchored
  js(String.raw`^https:\/\/app\.example\.com$`, 'safe'),
  js(String.raw`^https:\/\/([a-z0-9-]+\.)*example\.com$`, 'safe'),
  js(String.raw`^https:\/\/(www\.)?example\.com$`, 'safe', 'i'),
  js(String.raw`^https?:\/\/localhost(:\d+)?$`, 'safe'),
  js(String.raw`^https:\/\/[a-z0-9-]+\.example\.com$`, 'safe', 'g'),
  js(String.raw`https:\/\/app\.example\.com$`, 'safe'),
  js(String.raw`^https:\/\/.*\.vercel\.app$`, 'safe'),
  js(String.raw`^null$|^https:\/\/app\.example\.com$`, 'safe'),
  js(String.raw`^https:\/\/app\.example\.com$`, 'safe', 'y'),
  js(String.raw`example\.com$`, 'no-dot-boundary'),
  js(String.raw`\.example\.com`, 'missing-end-anchor'),
  js(String.raw`^https:\/\/app\.example\.com`, 'missing-end-anchor'),
  js(String.raw`app.example.com`, 'unescaped-dot'),
  js(String.raw`^https:\/\/.*\.example\.com`, 'missing-end-anchor'),
  js(String.raw`^https?:\/\/.*`, 'match-all'),
  js(String.raw`.*`, 'match-all'),
  js(String.raw`^https:\/\/(app|admin).example.com$`, 'unescaped-dot'),
  js(String.raw`^https:\/\/app\.example\.com$|localhost`, 'missing-end-anchor'),
  js(String.raw`example\.com`, 'no-dot-boundary', 'g'),
  js(String.raw`^https:\/\/[\w-]+\.com$`, 'public-suffix-wildcard'),
  js(String.raw`(https:\/\/)?app\.example\.com$`, 'http-scheme'),
  js(String.raw`EXAMPLE\.COM$`, 'no-dot-boundary', 'i'),
  // nginx: ~ / ~* are unanchored PCRE searches
  nginx(String.raw`^https://app\.example\.com$`, 'safe', true),
  nginx(String.raw`^https://([a-z0-9-]+\.)?example\.com$`, 'safe', true),
  nginx(String.raw`^https?://localhost(:[0-9]+)?$`, 'safe'),
  nginx(String.raw`^https://(www|api)\.example\.com$`, 'safe'),
  nginx(String.raw`^https://[a-z0-9-]+\.example\.com\z`, 'safe'),
  nginx(String.raw`^https://(?<sub>[a-z]+)\.example\.com$`, 'safe'),
  nginx(String.raw`^https://\Qapp.example.com\E$`, 'safe'),
  nginx(String.raw`(?i)^https://app\.example\.com$`, 'safe'),
  nginx(String.raw`^https://[a-z]++example\.com$`, 'safe'),
  nginx(String.raw`^https://(?>[a-z]+)\.example\.com$`, 'safe'),
  nginx(String.raw`^https://[[:alnum:]-]+\.example\.com$`, 'safe'),
  nginx(String.raw`example.com`, 'no-dot-boundary', true),
  nginx(String.raw`example\.com$`, 'no-dot-boundary'),
  nginx(String.raw`^https://.*example\.com$`, 'no-dot-boundary', true),
  nginx(String.raw`https://app\.example\.com`, 'missing-end-anchor', true),
  nginx(String.raw`^https://app.example.com$`, 'unescaped-dot'),
  nginx(String.raw`.`, 'match-all'),
  nginx(String.raw`^https?://.*\.com$`, 'public-suffix-wildcard', true),
  nginx(String.raw`^https://(?:.+\.)?example\.com`, 'missing-end-anchor'),
  nginx(String.raw`(https://)?app\.example\.com$`, 'http-scheme'),
];

export function specOfRow(row: Row): RegexSpec {
  const [flavor, mode, ignoreCase, pattern, , flags] = row;
  return { pattern, flavor, mode, ignoreCase, flags };
}
