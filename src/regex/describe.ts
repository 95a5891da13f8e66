// Words for messages: how each library applies a pattern, and what each weakness lets an attacker do.

import type { Library } from '../model/types.js';
import type { WeaknessClass } from './candidates.js';
import type { RegexSpec } from './engine.js';
import { parseSerializedOrigin } from './origin-syntax.js';
import type { IntendedOrigin } from './intended.js';

/** How the configuration names a pattern option, per library. */
export function patternLabel(library: Library): string {
  switch (library) {
    case 'starlette':
      return 'allow_origin_regex';
    case 'django-cors-headers':
      return 'CORS_ALLOWED_ORIGIN_REGEXES entry';
    case 'flask-cors':
      return 'Flask-CORS origin pattern';
    case 'cors':
    case '@fastify/cors':
      return 'origin RegExp';
    case 'nginx':
      return 'nginx regex';
    case 'traefik':
      return 'accessControlAllowOriginListRegex entry';
    case 'ingress-nginx':
      return 'cors-allow-origin entry';
    default:
      return 'origin pattern';
  }
}

/**
 * How a message names an origin pattern: the library's term and the pattern as written, or, when the
 * pattern translates a string test (`origin.startsWith(...)`), that test as the code spells it.
 */
export function patternWording(library: Library, entry: { writtenAs?: string } & RegexSpec): { label: string; pattern: string } {
  // ingress-nginx: the annotation's origin as written; the pattern is the controller's translation.
  if (entry.writtenAs && library === 'ingress-nginx') return { label: patternLabel(library), pattern: `'${entry.writtenAs}'` };
  if (entry.writtenAs) return { label: 'origin test', pattern: `\`${entry.writtenAs}\`` };
  return { label: patternLabel(library), pattern: patternText(entry) };
}

/** What a string test checks, for the translations of `origin.startsWith(...)` and its kin. */
function stringTestSemantics(test: string): string {
  if (/\.startsWith\(|indexOf\([^)]*\) === 0/.test(test)) return 'a prefix test: anything may follow the text';
  if (/\.endsWith\(/.test(test)) return 'a suffix test: anything may come before the text';
  return 'a substring test: the text may appear anywhere in the Origin';
}

/** The pattern as its author wrote it: /p/flags for JavaScript, quoted otherwise. */
export function patternText(spec: RegexSpec): string {
  return spec.flavor === 'js' ? `/${spec.pattern}/${spec.flags ?? ''}` : `'${spec.pattern}'`;
}

/** How the library matches, in words. */
export function matchingSemantics(spec: RegexSpec & { writtenAs?: string }, library: Library): string {
  if (library === 'ingress-nginx') return 'ingress-nginx tests $http_origin ~* (entries)$: case-insensitive, anchored only at the end, and `*.` stands for one DNS label';
  if (spec.writtenAs) return stringTestSemantics(spec.writtenAs);
  const gFlag = spec.flavor === 'js' && (spec.flags ?? '').includes('g');
  switch (library) {
    case 'starlette':
      return 'Starlette matches it with re.fullmatch';
    case 'django-cors-headers':
      return 'django-cors-headers uses re.match, which anchors only the start';
    case 'flask-cors':
      return 'Flask-CORS uses re.match with re.IGNORECASE, which anchors only the start';
    case 'cors':
      return `npm cors calls RegExp.test, which finds the pattern anywhere in the Origin${
        gFlag ? '; with the g flag lastIndex carries over, so the answer also flips between requests' : ''
      }`;
    case '@fastify/cors':
      return '@fastify/cors resets lastIndex and calls RegExp.test, which finds the pattern anywhere in the Origin';
    case 'nginx':
      return spec.ignoreCase ? 'nginx ~* is an unanchored, case-insensitive PCRE search' : 'nginx ~ is an unanchored PCRE search';
    case 'traefik':
      return "Traefik tests it with Go's regexp MatchString, an unanchored search";
    default: {
      const how = spec.mode === 'fullmatch' ? 'must match the whole Origin' : spec.mode === 'match' ? 'is anchored only at the start' : 'may match anywhere in the Origin';
      return `the pattern ${how}`;
    }
  }
}

/** What the weakness lets an attacker do, in words. */
export function weaknessEffect(weakness: WeaknessClass, witness: string, intended: readonly IntendedOrigin[]): string {
  const host = parseSerializedOrigin(witness)?.host ?? witness;
  const base = intended.find((i) => i.base)?.base ?? intended.find((i) => !i.isNull)?.host.replace(/\u0000/g, '') ?? '';
  switch (weakness) {
    case 'match-all':
      return 'it accepts every https origin, so any website can read the responses';
    case 'public-suffix-wildcard':
      return `the wildcard sits directly under the public suffix ${base || 'of the domain'}, so anyone who registers a domain there can read the responses`;
    case 'no-dot-boundary':
      return `nothing requires a dot before ${base || 'the trusted name'}, so any site on a domain ending in ${base || 'it'} (such as ${host}) can read the responses`;
    case 'unescaped-dot':
      return `an unescaped '.' matches any character, so a look-alike domain such as ${host} can read the responses`;
    case 'missing-end-anchor':
      return `nothing anchors the end of the host, so the trusted name followed by an attacker's domain (${host}) can read the responses`;
    case 'http-scheme':
      return 'plain http is accepted where https was written, so anyone on the network path can inject script into that origin and read the responses';
    case 'null-origin':
      return "it accepts 'null', which sandboxed iframes and data: pages send, so any page can read the responses";
    default:
      return `${host} is not one of the hosts the pattern spells out, yet it can read the responses`;
  }
}

/** What happens to a pattern the library's regex engine rejects. */
export function invalidPatternEffect(library: Library): string {
  switch (library) {
    case 'starlette':
      return 're.compile raises when the middleware is created, so the app does not start';
    case 'django-cors-headers':
      return 're.match raises on every request that carries an Origin';
    case 'flask-cors':
      return 'Flask-CORS catches the re.error, so the pattern never matches';
    case 'nginx':
      return 'nginx refuses to load the configuration';
    case 'traefik':
      return 'Traefik fails to build the middleware, so the routers that use it are not served';
    case 'cors':
    case '@fastify/cors':
      return 'the RegExp is a syntax error when the module loads';
    default:
      return 'the pattern cannot be compiled';
  }
}
