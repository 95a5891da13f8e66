// A Traefik headers middleware -> one CorsPolicy. What the options mean is read from Traefik v3.7
// (pkg/middlewares/headers/header.go, pkg/config/dynamic/middlewares.go at fd5a576, v3.7.9+):
// - the middleware handles CORS when any of the eight CORS options is set (Headers.HasCorsHeadersDefined);
//   it then answers every preflight (OPTIONS with Origin and Access-Control-Request-Method) itself
//   with 200 and never forwards it;
// - accessControlAllowOriginList entries are compared with == (exact, case-sensitive); `*` sends `*`,
//   or the request Origin when accessControlAllowCredentials is true (from v3.6.22 / v3.7.6, see
//   versions.ts); regexes (Go regexp, MatchString:
//   an unanchored, case-sensitive search) echo the Origin they match;
// - customResponseHeaders set (or, with "", delete) response headers before the CORS ones are set.
import { byDefault } from '../../model/policy.js';
import { newPolicy } from '../../model/policy.js';
import type { CorsPolicy, EmittedHeader, InvalidOption, OriginEntry, Span, Valued } from '../../model/types.js';
import { lineSpan, type MiddlewareDef, type RawItem, type RawOption, type RawValue } from './config.js';

/** The CORS options of dynamic.Headers, by the names the file provider and CRDs use. */
export const CORS_OPTIONS = [
  'accessControlAllowOriginList',
  'accessControlAllowOriginListRegex',
  'accessControlAllowCredentials',
  'accessControlAllowMethods',
  'accessControlAllowHeaders',
  'accessControlExposeHeaders',
  'accessControlMaxAge',
  'addVaryHeader',
] as const;
type CorsOption = (typeof CORS_OPTIONS)[number];

/** Every other headers option Traefik v3 knows (so only real typos are reported). */
const OTHER_OPTIONS = [
  'customRequestHeaders', 'customResponseHeaders', 'allowedHosts', 'hostsProxyHeaders', 'sslProxyHeaders', 'stsSeconds',
  'stsIncludeSubdomains', 'stsPreload', 'forceSTSHeader', 'frameDeny', 'customFrameOptionsValue', 'contentTypeNosniff',
  'browserXssFilter', 'customBrowserXSSValue', 'contentSecurityPolicy', 'contentSecurityPolicyReportOnly', 'publicKey',
  'referrerPolicy', 'permissionsPolicy', 'isDevelopment', 'featurePolicy', 'sslRedirect', 'sslTemporaryRedirect', 'sslHost', 'sslForceHost',
];

/** What Traefik does with a headers option it does not know, per provider. */
function unknownOptionEffect(mw: MiddlewareDef): Pick<InvalidOption, 'effect' | 'consequence'> {
  switch (mw.provider) {
    case 'docker':
      return { effect: 'raises', consequence: `Traefik cannot decode the labels (field not found), so it skips the whole container (${mw.origin}) and none of its routers are served` };
    case 'file':
      return { effect: 'raises', consequence: 'the file provider cannot decode the file (field not found), so none of the routers, middlewares and services it defines are loaded' };
    default:
      return { effect: 'ignored', consequence: 'the CRD schema prunes unknown fields, so the option has no effect' };
  }
}

function option(mw: MiddlewareDef, name: string): RawOption | undefined {
  return mw.headers.get(mw.caseSensitive ? name : name.toLowerCase());
}

/** List items of a list option: a YAML/TOML list, or one string split on ',' as paerser does. */
function listItems(value: RawValue | undefined): RawItem[] {
  if (!value) return [];
  if (value.kind === 'list') return value.items;
  if (value.kind !== 'scalar') return [];
  if (value.text === 'unknown') return [{ text: 'unknown', why: value.why, span: value.span }];
  const out: RawItem[] = [];
  let offset = 0;
  for (const part of value.text.split(',')) {
    const text = part.trim();
    const lead = part.length - part.trimStart().length;
    const span = value.valueAt ? lineSpan(value.span.file, value.valueAt.line, value.valueAt.column + offset + lead, text.length) : value.span;
    out.push({ text, span });
    offset += part.length + 1;
  }
  return out;
}

function scalar(value: RawValue | undefined): { text: string | 'unknown'; why?: string } | undefined {
  if (!value) return undefined;
  if (value.kind === 'scalar') return { text: value.text, why: value.why };
  if (value.kind === 'list' && value.items.length === 1) return { text: value.items[0]!.text, why: value.items[0]!.why };
  return undefined;
}

/** Go strconv.ParseBool. */
function parseBool(text: string): boolean | undefined {
  if (/^(?:1|t|T|TRUE|true|True)$/.test(text.trim())) return true;
  if (/^(?:0|f|F|FALSE|false|False)$/.test(text.trim())) return false;
  return undefined;
}

/** Go regexp (RE2) rejects these PCRE constructs, so Traefik cannot build the middleware. */
function re2Rejects(pattern: string): string | undefined {
  if (/\(\?<?[=!]/.test(pattern)) return 'lookaround assertions';
  if (/\(\?>/.test(pattern)) return 'atomic groups';
  if (/(?<!\\)\\[1-9]/.test(pattern) || /\\k</.test(pattern)) return 'backreferences';
  if (/[*+?}]\+/.test(pattern.replace(/\\./g, ''))) return 'possessive quantifiers';
  if (/(?<!\\)(?:\\\\)*\\Z/.test(pattern)) return 'the \\Z escape';
  return undefined;
}

export function hasCorsOptions(mw: MiddlewareDef): boolean {
  return CORS_OPTIONS.some((name) => {
    const o = option(mw, name);
    if (!o?.value) return false;
    if (name === 'accessControlAllowCredentials' || name === 'addVaryHeader') {
      const s = scalar(o.value);
      return s?.text === 'unknown' || (s !== undefined && parseBool(s.text) !== false);
    }
    if (name === 'accessControlMaxAge') return true;
    return listItems(o.value).length > 0;
  });
}

/** customResponseHeaders entries on Access-Control-* (and Vary), with their values. */
export function corsResponseHeaders(mw: MiddlewareDef): Array<{ name: string; value: string | 'unknown'; span: Span }> {
  const custom = option(mw, 'customResponseHeaders')?.value;
  if (custom?.kind !== 'map') return [];
  return custom.entries.flatMap((e) => {
    if (!/^(?:access-control-|vary$)/i.test(e.key.trim())) return [];
    const s = scalar(e.value) ?? { text: '' };
    return [{ name: e.key.trim(), value: s.text, span: e.value?.span && e.value.span.line !== e.span.line ? e.span : (e.value?.span ?? e.span) }];
  });
}

function listValued(mw: MiddlewareDef, name: CorsOption): Valued<string[]> {
  const o = option(mw, name);
  if (!o) return byDefault<string[]>([]);
  const items = listItems(o.value).filter((i) => i.text !== '');
  const unknown = items.find((i) => i.text === 'unknown');
  if (unknown) return { value: 'unknown', span: o.span, why: unknown.why ?? `${o.key} is not known statically` };
  return { value: items.map((i) => i.text as string), span: o.span };
}

/** The middleware's CORS policy, or undefined when it sets no CORS option and no Access-Control-* header. */
export function policyOf(mw: MiddlewareDef): CorsPolicy | undefined {
  const cors = hasCorsOptions(mw);
  const custom = corsResponseHeaders(mw);
  if (!cors && !custom.length) return undefined;
  const policy = newPolicy({ stack: 'traefik', library: 'traefik', span: mw.span, scope: { kind: 'app', name: `Traefik middleware ${mw.name}` } });
  const invalid: InvalidOption[] = [];
  const notes: string[] = [`defined by ${mw.origin}`];

  // Options Traefik does not know.
  const known = [...CORS_OPTIONS, ...OTHER_OPTIONS];
  for (const [key, o] of mw.headers) {
    const real = known.find((k) => (mw.caseSensitive ? k === key : k.toLowerCase() === key));
    if (real) continue;
    if (!/^(?:accesscontrol|addvary|access-control)/i.test(o.key)) continue;
    const suggestion = nearest(o.key, CORS_OPTIONS);
    const effect = unknownOptionEffect(mw);
    // accessControlAllowOrigin (one string) existed up to v2.4 and was removed in v2.5.
    if (key.toLowerCase() === 'accesscontrolalloworigin') effect.consequence = `it was removed in Traefik v2.5 (up to v2.4 it set one origin); ${effect.consequence}`;
    invalid.push({ name: o.key, span: o.span, problem: 'unknown-option', ...(suggestion ? { suggestion } : {}), ...effect });
  }

  const origins: OriginEntry[] = [];
  const list = option(mw, 'accessControlAllowOriginList');
  for (const item of listItems(list?.value)) {
    if (item.text === '') continue;
    if (item.text === 'unknown') origins.push({ kind: 'unknown', why: item.why ?? 'the origin is not known statically', span: item.span });
    else if (item.text === '*') origins.push({ kind: 'any', span: item.span });
    else if (item.text === 'null') origins.push({ kind: 'null', span: item.span });
    else origins.push({ kind: 'exact', origin: item.text, span: item.span });
  }
  const regexes = option(mw, 'accessControlAllowOriginListRegex');
  for (const item of listItems(regexes?.value)) {
    if (item.text === '') continue;
    if (item.text === 'unknown') {
      origins.push({ kind: 'unknown', why: item.why ?? 'the pattern is not known statically', span: item.span });
      continue;
    }
    const rejected = re2Rejects(item.text);
    if (rejected) {
      invalid.push({
        name: regexes!.key,
        span: item.span,
        problem: 'wrong-type',
        effect: 'raises',
        detail: `holds '${item.text}', which uses ${rejected}; Go's regexp package (RE2) does not support them`,
        consequence: 'Traefik fails to build the middleware, so every router that uses it is left out and answers 404',
      });
      continue;
    }
    origins.push({ kind: 'regex', pattern: item.text, flavor: 'pcre', mode: 'search', ignoreCase: false, span: item.span });
  }
  if (list || regexes) policy.originsSpan = (list ?? regexes)!.span;

  // customResponseHeaders: literal headers on every forwarded response; "" deletes the header.
  const emitted: EmittedHeader[] = [];
  for (const h of custom) {
    if (h.value === '') {
      notes.push(`customResponseHeaders removes ${h.name} from the application's responses`);
      continue;
    }
    emitted.push({ name: h.name, value: h.value === 'unknown' ? '${' + h.name + '}' : h.value, span: h.span, combine: 'replace', ...(h.value === 'unknown' ? { expression: true } : {}) });
  }
  if (emitted.length) policy.emittedHeaders = emitted;
  const customAcao = emitted.find((h) => /^access-control-allow-origin$/i.test(h.name));
  if (!origins.length && customAcao && !customAcao.expression) {
    const v = customAcao.value.trim();
    origins.push(v === '*' ? { kind: 'any', span: customAcao.span, sentVerbatim: true } : v === 'null' ? { kind: 'null', span: customAcao.span, sentVerbatim: true } : { kind: 'exact', origin: v, span: customAcao.span, sentVerbatim: true });
    policy.originsSpan = customAcao.span;
  }
  policy.origins = origins;

  const credentials = option(mw, 'accessControlAllowCredentials');
  let credentialsFromHeader = false;
  if (credentials) {
    const s = scalar(credentials.value);
    const b = s && s.text !== 'unknown' ? parseBool(s.text) : undefined;
    if (s?.text === 'unknown') policy.credentials = { value: 'unknown', span: credentials.span, why: s.why };
    else if (b === undefined) {
      invalid.push({ name: credentials.key, span: credentials.span, problem: 'wrong-type', effect: 'raises', detail: `is '${s?.text ?? ''}', not a boolean Go's strconv.ParseBool reads`, ...consequenceOfDecode(mw) });
    } else policy.credentials = { value: b, span: credentials.span };
  } else {
    const customAcac = emitted.find((h) => /^access-control-allow-credentials$/i.test(h.name));
    if (customAcac && !customAcac.expression) {
      policy.credentials = { value: customAcac.value.trim() === 'true', span: customAcac.span, why: 'customResponseHeaders sets Access-Control-Allow-Credentials' };
      credentialsFromHeader = true;
    }
  }

  policy.allowMethods = listValued(mw, 'accessControlAllowMethods');
  policy.allowHeaders = listValued(mw, 'accessControlAllowHeaders');
  policy.exposeHeaders = listValued(mw, 'accessControlExposeHeaders');
  const maxAge = option(mw, 'accessControlMaxAge');
  if (maxAge) {
    const s = scalar(maxAge.value);
    if (s?.text === 'unknown') policy.maxAge = { value: 'unknown', span: maxAge.span, why: s.why };
    else if (s && /^[+-]?\d+$/.test(s.text.trim())) policy.maxAge = { value: Number.parseInt(s.text, 10), span: maxAge.span };
    else invalid.push({ name: maxAge.key, span: maxAge.span, problem: 'wrong-type', effect: 'raises', detail: `is '${s?.text ?? ''}', not an integer number of seconds`, ...consequenceOfDecode(mw) });
  }
  const vary = option(mw, 'addVaryHeader');
  const varyText = scalar(vary?.value);
  const customVary = emitted.find((h) => /^vary$/i.test(h.name) && /(^|,)\s*origin\s*(,|$)/i.test(h.value));
  if (vary && varyText?.text !== 'unknown' && varyText && parseBool(varyText.text) !== undefined) {
    policy.varyOrigin = { value: parseBool(varyText.text)!, span: vary.span };
  } else if (vary) policy.varyOrigin = { value: 'unknown', span: vary.span, why: varyText?.why ?? 'addVaryHeader is not a boolean' };
  const varyFromHeader = policy.varyOrigin.value !== true && customVary !== undefined;
  if (varyFromHeader) policy.varyOrigin = { value: true, span: customVary!.span, why: 'customResponseHeaders sets Vary' };

  // Preflights: answered by Traefik itself when a CORS option is set, else forwarded.
  policy.preflight = cors
    ? { value: 'handled', span: policy.originsSpan ?? mw.span, why: 'Traefik answers every preflight with 200 itself and never forwards it' }
    : { value: 'passthrough', span: mw.span, why: 'no accessControl* option is set, so Traefik forwards OPTIONS requests and only adds the customResponseHeaders' };
  // The response modifier runs on every status the application (or Traefik's proxy) answers with.
  policy.headersOnErrors = { value: true, why: 'Traefik sets the headers on responses of every status' };
  // For the simulator: whether Traefik's CORS handling is on, and which values come from customResponseHeaders.
  policy.libraryOptions = { corsOptions: cors, ...(credentialsFromHeader ? { credentialsFromHeader } : {}), ...(varyFromHeader ? { varyFromHeader } : {}) };
  if (cors) notes.push('answers preflight requests itself (200, no body), without forwarding them');
  if (invalid.length) policy.invalidOptions = invalid;
  policy.notes = notes;
  return policy;
}

function consequenceOfDecode(mw: MiddlewareDef): Pick<InvalidOption, 'consequence'> {
  return { consequence: unknownOptionEffect(mw).consequence!.replace(' (field not found)', '') };
}

/** The option nearest to a misspelled one (edit distance on lowercase names), when it is close. */
function nearest(name: string, options: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of options) {
    const d = distance(name.toLowerCase().replace(/-/g, ''), candidate.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  return best && bestDistance <= Math.max(3, Math.floor(best.length / 4)) ? best : undefined;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const next = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = row[j]!;
      row[j] = next;
    }
  }
  return row[b.length]!;
}
