// How the ingress-nginx controller turns the nginx.ingress.kubernetes.io/*cors* annotations into its
// CORS configuration. Read from kubernetes/ingress-nginx controller-v1.15.1 (commit dbb11b92):
// internal/ingress/annotations/cors/main.go (Parse, the validation patterns, the defaults) and
// internal/ingress/annotations/parser/{main,validators}.go (checkAnnotation, parseBool/parseString/
// parseInt, normalizeString). The behaviour, in short:
//
// - Every annotation is validated first (with its spaces removed); a value that fails validation is
//   an error, and Parse then uses the default. An empty value is not validated, but parseString
//   rejects it, so it also takes the default.
// - enable-cors: strconv.ParseBool ("1", "t", "true", "TRUE", "True", and the false forms); anything
//   else, or absent: CORS is off.
// - cors-allow-origin: absent, empty or invalid -> ["*"]. Otherwise split on ",", each piece trimmed;
//   `*` makes the whole list ["*"] (entries before it are dropped); a piece that is not
//   `scheme://[*.]host[:port]` (lowercase scheme, host of letters, digits, `-` and `.`) or `null` is
//   skipped. The validation pattern rejects a `/`, uppercase schemes, `*` anywhere but `*.` and other
//   characters, so one origin with a path or trailing slash turns the whole annotation into `*`.
// - cors-allow-credentials: ParseBool; absent or invalid -> true.
// - cors-allow-methods: letters, `,` and single spaces; absent or invalid ->
//   "GET, PUT, POST, DELETE, PATCH, OPTIONS". `*` is invalid, so it gets the default.
// - cors-allow-headers: letters, digits, `-`, `_`, `,` and spaces; absent or invalid -> the default
//   list. `*` is invalid.
// - cors-expose-headers: names or `*`, comma separated; absent or invalid -> none.
// - cors-max-age: strconv.Atoi; absent or invalid -> 1728000.
// The values are sent as written (after each line is trimmed).

export const ANNOTATION_PREFIX = 'nginx.ingress.kubernetes.io/';

export const DEFAULT_METHODS = 'GET, PUT, POST, DELETE, PATCH, OPTIONS';
export const DEFAULT_HEADERS = 'DNT,Keep-Alive,User-Agent,X-Requested-With,If-Modified-Since,Cache-Control,Content-Type,Range,Authorization';
export const DEFAULT_MAX_AGE = 1728000;

export const CORS_ANNOTATIONS = ['enable-cors', 'cors-allow-origin', 'cors-allow-credentials', 'cors-allow-methods', 'cors-allow-headers', 'cors-expose-headers', 'cors-max-age'] as const;
export type CorsAnnotation = (typeof CORS_ANNOTATIONS)[number];

// The controller's patterns are Go RE2 (linear time). Written as JavaScript regular expressions, the
// list patterns would backtrack exponentially on a hostile annotation, so they are decided here by
// scanning; each function accepts exactly the strings the controller's pattern accepts.

/** corsOriginRegexValidator: `*`, or pieces `[a-z]+://`, `*.`, `[A-Za-z0-9-.]`, `:\d+` and `,` in any order. */
export function originListValid(s: string): boolean {
  if (s === '*') return true;
  for (let i = 0; i < s.length; ) {
    const c = s[i]!;
    if (/[A-Za-z0-9\-.,]/.test(c)) i++;
    else if (c === '*' && s[i + 1] === '.') i += 2;
    else if (c === ':' && s.startsWith('//', i + 1) && i > 0 && /[a-z]/.test(s[i - 1]!)) i += 3;
    else if (c === ':' && /\d/.test(s[i + 1] ?? '')) {
      i++;
      while (i < s.length && /\d/.test(s[i]!)) i++;
    } else return false;
  }
  return true;
}

/** `^((word),?\s?)+$`: words of `word` characters, separated by `,`, one whitespace, or `,` and one whitespace. */
function wordList(word: RegExp): (s: string) => boolean {
  return (s) => {
    const gaps = s.split(word);
    return gaps.length > 1 && gaps[0] === '' && gaps.slice(1).every((g) => /^,?\s?$/.test(g));
  };
}

// corsOriginRegex (one entry of the list), and the other patterns of cors/main.go.
const ORIGIN_ENTRY = /^(?:[a-z]+:\/\/(?:\*\.)?[A-Za-z0-9\-.]*(?::\d+)?|\*|null)?$/;
const ORIGIN_LIST_VALID = { test: originListValid };
export const METHODS_VALID = { test: wordList(/[A-Za-z]+/) };
const HEADERS_VALID = /^[A-Za-z0-9\-_, ]*$/;
export const EXPOSE_VALID = { test: wordList(/[A-Za-z0-9\-_*]+/) };
const MALICIOUS = /\r|\n/;

/** What the controller does with one annotation value. */
export interface AnnotationOutcome {
  /** The annotation's suffix (`cors-allow-origin`). */
  name: CorsAnnotation;
  /** The value as written, when the annotation is present. */
  written?: string;
  /** 'used': the value applies; 'default': absent, so the default applies; 'rejected': present but the controller takes the default. */
  status: 'used' | 'default' | 'rejected';
  /** Why a present value is not used. */
  why?: string;
}

/** One origin of cors-allow-origin the controller drops while the rest of the list stands. */
export interface SkippedOrigin {
  origin: string;
  why: string;
}

/** The controller's CORS configuration for one Ingress (its Config struct, in our terms). */
export interface IngressCorsConfig {
  enabled: boolean;
  /** `['*']`, or origins as written (`https://a.com`, `https://*.a.com`, `null`); empty: no origin is allowed. */
  origins: string[];
  credentials: boolean;
  /** Header values exactly as the template writes them. */
  methods: string;
  headers: string;
  /** Empty: no Access-Control-Expose-Headers. */
  expose: string;
  maxAge: number;
  outcomes: Record<CorsAnnotation, AnnotationOutcome>;
  skippedOrigins: SkippedOrigin[];
}

/** strconv.ParseBool */
export function goParseBool(text: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(text)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(text)) return false;
  return undefined;
}

/** strconv.Atoi for the values that fit an int64 (an optional sign, decimal digits). */
export function goAtoi(text: string): number | undefined {
  if (!/^[+-]?\d+$/.test(text)) return undefined;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** parser.normalizeString: every line trimmed. */
function normalize(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .join('\n');
}

type Validator = (value: string) => string | undefined;

/** parser.ValidateRegex(pattern, removeSpace=true): the reason it fails, or undefined. */
function byPattern(pattern: { test(s: string): boolean }, what: string): Validator {
  return (value) => {
    const squeezed = value.replaceAll(' ', '');
    if (!pattern.test(squeezed) || MALICIOUS.test(squeezed)) return `it is not ${what}`;
    return undefined;
  };
}

const VALIDATORS: Record<CorsAnnotation, Validator> = {
  'enable-cors': (v) => (goParseBool(v) === undefined ? 'it is not a Go boolean (true, false, 1, 0, t, f)' : undefined),
  'cors-allow-credentials': (v) => (goParseBool(v) === undefined ? 'it is not a Go boolean (true, false, 1, 0, t, f)' : undefined),
  'cors-max-age': (v) => (goAtoi(v) === undefined ? 'it is not an integer' : undefined),
  'cors-allow-origin': (v) => {
    const reason = byPattern(ORIGIN_LIST_VALID, 'a comma-separated list of scheme://host[:port] origins, null or *')(v);
    if (!reason) return undefined;
    return originListProblem(v.replaceAll(' ', '')) ?? reason;
  },
  'cors-allow-methods': byPattern(METHODS_VALID, 'a list of method names (letters only)'),
  'cors-allow-headers': byPattern(HEADERS_VALID, 'a list of header names (letters, digits, -, _)'),
  'cors-expose-headers': byPattern(EXPOSE_VALID, 'a list of header names or *'),
};

/** Names the first piece of an invalid origin list that the validation pattern cannot take. */
function originListProblem(squeezed: string): string | undefined {
  for (const piece of squeezed.split(',')) {
    if (!piece || piece === 'null') continue;
    if (piece === '*') return `'*' is allowed only on its own`;
    if (!originListValid(piece)) {
      if (/^[A-Za-z][\w+.-]*:\/\/[^/]+\/$/.test(piece)) return `'${piece}' ends with a slash`;
      if (/^[A-Za-z][\w+.-]*:\/\/[^/]+\//.test(piece)) return `'${piece}' has a path`;
      if (/^[^:]*[A-Z][^:]*:\/\//.test(piece)) return `'${piece}' has an uppercase scheme`;
      return `'${piece}' is not scheme://host[:port]`;
    }
  }
  return undefined;
}

/**
 * The controller's Parse for the CORS group. `annotations` maps the full annotation names to their
 * values (as the API server stores them: strings).
 */
export function parseCorsAnnotations(annotations: ReadonlyMap<string, string>): IngressCorsConfig {
  const outcomes = {} as Record<CorsAnnotation, AnnotationOutcome>;
  /** checkAnnotation + parseString: the normalized value, or undefined (the caller takes the default). */
  const read = (name: CorsAnnotation, parse: (value: string) => { ok: true } | { ok: false; why: string } = () => ({ ok: true })): string | undefined => {
    const written = annotations.get(ANNOTATION_PREFIX + name);
    if (written === undefined) {
      outcomes[name] = { name, status: 'default' };
      return undefined;
    }
    // Empty values are not validated, and then fail to parse.
    const invalid = written === '' ? 'it is empty' : VALIDATORS[name](written);
    if (invalid) {
      outcomes[name] = { name, written, status: 'rejected', why: invalid };
      return undefined;
    }
    const normalized = normalize(written);
    const parsed = normalized === '' && name !== 'enable-cors' && name !== 'cors-allow-credentials' && name !== 'cors-max-age' ? { ok: false as const, why: 'it is blank' } : parse(normalized);
    if (!parsed.ok) {
      outcomes[name] = { name, written, status: 'rejected', why: parsed.why };
      return undefined;
    }
    outcomes[name] = { name, written, status: 'used' };
    return normalized;
  };
  const boolOf = (v: string) => (goParseBool(v) === undefined ? { ok: false as const, why: 'it is not a Go boolean' } : { ok: true as const });

  const enabledText = read('enable-cors', boolOf);
  const enabled = enabledText !== undefined && goParseBool(enabledText) === true;

  const skippedOrigins: SkippedOrigin[] = [];
  let origins: string[] = ['*'];
  const originText = read('cors-allow-origin');
  if (originText !== undefined) {
    origins = [];
    for (const piece of originText.split(',')) {
      const origin = piece.trim();
      if (!origin) continue;
      if (origin === '*') {
        origins = ['*'];
        break;
      }
      if (!ORIGIN_ENTRY.test(origin)) {
        skippedOrigins.push({ origin, why: skipReason(origin) });
        continue;
      }
      origins.push(origin);
    }
  }

  const methods = read('cors-allow-methods', (v) => (METHODS_VALID.test(v) ? { ok: true } : { ok: false, why: 'it has more than one space between methods' })) ?? DEFAULT_METHODS;
  const headers = read('cors-allow-headers', (v) => (HEADERS_VALID.test(v) ? { ok: true } : { ok: false, why: 'it has characters other than letters, digits, -, _, comma and space' })) ?? DEFAULT_HEADERS;
  const credentialsText = read('cors-allow-credentials', boolOf);
  const credentials = credentialsText === undefined ? true : goParseBool(credentialsText)!;
  const expose = read('cors-expose-headers', (v) => (EXPOSE_VALID.test(v) ? { ok: true } : { ok: false, why: 'it has more than one space between names' })) ?? '';
  const maxAgeText = read('cors-max-age', (v) => (goAtoi(v) === undefined ? { ok: false, why: 'it is not an integer' } : { ok: true }));
  const maxAge = maxAgeText === undefined ? DEFAULT_MAX_AGE : goAtoi(maxAgeText)!;
  return { enabled, origins, credentials, methods, headers, expose, maxAge, outcomes, skippedOrigins };
}

function skipReason(origin: string): string {
  if (!origin.includes('://')) return 'it has no scheme';
  if (/\s/.test(origin)) return 'it holds spaces (several origins must be separated by commas)';
  if (/\*/.test(origin)) return 'only one leading `*.` label is allowed';
  return 'it is not scheme://host[:port]';
}

/**
 * The regular expression the template tests one origin with (template.go buildOriginRegex): the origin
 * with its metacharacters escaped and the first `*` replaced by one DNS label. The template joins the
 * entries with `|`, appends `$` and tests `$http_origin ~* (...)`: case-insensitive, and anchored only
 * at the end.
 */
export function originPattern(origin: string): string {
  const quoted = origin.replace(/[\\.+*?()|[\]{}^$]/g, (c) => `\\${c}`);
  return quoted.replace('\\*', '[A-Za-z0-9\\-]+');
}
