import { byDefault, newPolicy } from '../../model/policy.js';
import type { CorsPolicy, InvalidOption, OriginEntry, Valued } from '../../model/types.js';
import { nearestOption } from './option-names.js';
import type { CallOption, Evaluator } from './evaluate.js';
import type { Binding, PyModule } from './modules.js';
import { entry, originItems, valuedBool, valuedNumber, valuedStrings } from './to-model.js';
import { describe, spanOf, type PyValue } from './values.js';

// Facts from corsheaders/conf.py (setting names, old aliases, defaults), corsheaders/defaults.py,
// corsheaders/middleware.py (process_response, regex_domain_match, _url_in_whitelist) and
// corsheaders/checks.py (E013/E014).
const DEFAULT_HEADERS = ['accept', 'accept-encoding', 'authorization', 'content-type', 'dnt', 'origin', 'user-agent', 'x-csrftoken', 'x-requested-with'];
const DEFAULT_METHODS = ['DELETE', 'GET', 'OPTIONS', 'PATCH', 'POST', 'PUT'];
const DEFAULT_MAX_AGE = 86400;

/** Setting -> its pre-3.5 alias (the new name wins when both are set). */
const ALIASES: Record<string, string> = {
  CORS_ALLOW_ALL_ORIGINS: 'CORS_ORIGIN_ALLOW_ALL',
  CORS_ALLOWED_ORIGINS: 'CORS_ORIGIN_WHITELIST',
  CORS_ALLOWED_ORIGIN_REGEXES: 'CORS_ORIGIN_REGEX_WHITELIST',
};
/** Names only django-cors-headers reads (Flask-CORS config keys such as CORS_ORIGINS are not here). */
const DJANGO_SETTINGS = [
  'CORS_ALLOW_ALL_ORIGINS',
  'CORS_ORIGIN_ALLOW_ALL',
  'CORS_ALLOWED_ORIGINS',
  'CORS_ORIGIN_WHITELIST',
  'CORS_ALLOWED_ORIGIN_REGEXES',
  'CORS_ORIGIN_REGEX_WHITELIST',
  'CORS_ALLOW_CREDENTIALS',
  'CORS_ALLOW_METHODS',
  'CORS_PREFLIGHT_MAX_AGE',
  'CORS_URLS_REGEX',
  'CORS_ALLOW_PRIVATE_NETWORK',
];
/**
 * Every setting name django-cors-headers has read (corsheaders/conf.py, current and older releases:
 * CORS_REPLACE_HTTPS_REFERER until 4.0, CORS_MODEL until 3.0). Any other CORS_* name is never read.
 */
const KNOWN_SETTINGS = [...DJANGO_SETTINGS, 'CORS_ALLOW_HEADERS', 'CORS_EXPOSE_HEADERS', 'CORS_REPLACE_HTTPS_REFERER', 'CORS_MODEL'];
/** Settings that hold a sequence of origins or patterns (checks.py E006 / E007 test is_sequence). */
const SEQUENCE_SETTINGS = ['CORS_ALLOWED_ORIGINS', 'CORS_ORIGIN_WHITELIST', 'CORS_ALLOWED_ORIGIN_REGEXES', 'CORS_ORIGIN_REGEX_WHITELIST'];
/** Characters that raise re.error when compiled as a whole pattern by themselves. */
const INVALID_ALONE = new Set(['(', ')', '[', '\\', '*', '+', '?']);
const ORIGIN_SETTINGS = ['CORS_ALLOW_ALL_ORIGINS', 'CORS_ORIGIN_ALLOW_ALL', 'CORS_ALLOWED_ORIGINS', 'CORS_ORIGIN_WHITELIST', 'CORS_ALLOWED_ORIGIN_REGEXES', 'CORS_ORIGIN_REGEX_WHITELIST'];

/** One policy per settings module that assigns at least one django-cors-headers setting at module level. */
export function extractDjango(mod: PyModule, ev: Evaluator): CorsPolicy[] {
  const moduleScope = mod.scopes.get(mod.root.id);
  if (!moduleScope) return [];
  const own = DJANGO_SETTINGS.filter((name) => moduleScope.get(name)?.some(isAssignment));
  // CORS_* names close to a real setting (a misspelling): django-cors-headers never reads them.
  const misspelled: InvalidOption[] = [];
  for (const [name, bindings] of moduleScope) {
    if (!/^CORS_[A-Z0-9_]+$/.test(name) || KNOWN_SETTINGS.includes(name)) continue;
    const binding = bindings.find(isAssignment);
    // A name the module reads itself (CORS_ALLOWED_ORIGINS = CORS_ORIGINS) is a helper variable.
    if (!binding || readInModule(name, mod)) continue;
    const suggestion = nearestOption(name, KNOWN_SETTINGS);
    if (!suggestion) continue;
    misspelled.push({
      name,
      span: spanOf(binding.node, mod.path),
      problem: 'unknown-option',
      effect: 'ignored',
      suggestion,
      consequence: `django-cors-headers reads only its own setting names, so ${suggestion} keeps ${[suggestion, ALIASES[suggestion] ?? ''].some((n) => moduleScope.get(n)?.some(isAssignment)) ? 'the value set in this module' : 'its default'}`,
    });
  }
  // A settings module of a project that uses corsheaders, even when every CORS name in it is misspelled.
  if (!own.length && !(misspelled.length && /\bcorsheaders\b/.test(mod.text))) return [];

  const first = (names: string[]) =>
    names
      .map((n) => moduleScope.get(n)?.find(isAssignment))
      .filter((b): b is Binding => !!b)
      .sort((a, b) => a.node.startIndex - b.node.startIndex)[0];
  const anchor = first(ORIGIN_SETTINGS) ?? first(own) ?? moduleScope.get(misspelled[0]!.name)!.find(isAssignment)!;
  const policy = newPolicy({
    stack: 'django',
    library: 'django-cors-headers',
    span: spanOf(anchor.node, mod.path),
    scope: { kind: 'settings', name: mod.name },
  });
  const notes: string[] = [];

  /** The final value of a setting (own assignment or star import), with the span of its last assignment here. */
  const setting = (name: string): CallOption | undefined => {
    const value = ev.lookupModuleLevel(name, mod);
    if (!value) return undefined;
    const last = moduleScope.get(name)?.filter(isAssignment).pop();
    const span = last ? spanOf(last.node, mod.path) : (value.useSpan ?? value.span);
    if (!span) return undefined;
    return { value, span, node: last?.node ?? mod.root };
  };
  const withAlias = (name: string) => setting(name) ?? (ALIASES[name] ? setting(ALIASES[name]!) : undefined);
  const opt = <T>(name: string, fromOpt: (o: CallOption) => Valued<T>, def: T): Valued<T> => {
    const o = withAlias(name);
    return o ? fromOpt(o) : byDefault(def);
  };

  policy.credentials = opt('CORS_ALLOW_CREDENTIALS', (o) => valuedBool(o, 'CORS_ALLOW_CREDENTIALS'), false);
  policy.allowMethods = opt('CORS_ALLOW_METHODS', (o) => valuedStrings(o, 'CORS_ALLOW_METHODS', false), DEFAULT_METHODS);
  policy.allowHeaders = opt('CORS_ALLOW_HEADERS', (o) => valuedStrings(o, 'CORS_ALLOW_HEADERS', false), DEFAULT_HEADERS);
  policy.exposeHeaders = opt('CORS_EXPOSE_HEADERS', (o) => valuedStrings(o, 'CORS_EXPOSE_HEADERS', false), [] as string[]);
  policy.maxAge = opt('CORS_PREFLIGHT_MAX_AGE', (o) => valuedNumber(o, 'CORS_PREFLIGHT_MAX_AGE'), DEFAULT_MAX_AGE);

  const origins: OriginEntry[] = [];
  const allowAll = withAlias('CORS_ALLOW_ALL_ORIGINS');
  if (allowAll) {
    policy.originsSpan = allowAll.span;
    const v = valuedBool(allowAll, 'CORS_ALLOW_ALL_ORIGINS');
    if (v.value === true) {
      origins.push(entry({ kind: 'any' }, allowAll.value, allowAll.span));
      notes.push(
        policy.credentials.value === false
          ? 'CORS_ALLOW_ALL_ORIGINS: django-cors-headers answers Access-Control-Allow-Origin: *'
          : 'CORS_ALLOW_ALL_ORIGINS with CORS_ALLOW_CREDENTIALS: django-cors-headers echoes the request Origin',
      );
    } else if (v.value === 'unknown') origins.push(entry({ kind: 'unknown', why: v.why ?? 'CORS_ALLOW_ALL_ORIGINS' }, allowAll.value, allowAll.span));
  }
  const invalid: InvalidOption[] = [...misspelled];
  const list = withAlias('CORS_ALLOWED_ORIGINS');
  if (list && list.value.t === 'str') {
    // ('localhost:4200') is a str, and a str is a sequence of str: the system check passes it, then
    // checks and middleware iterate its characters, so no browser Origin ever matches.
    policy.originsSpan ??= list.span;
    const name = setting('CORS_ALLOWED_ORIGINS') ? 'CORS_ALLOWED_ORIGINS' : 'CORS_ORIGIN_WHITELIST';
    invalid.push(stringForSequence(name, list.value.v, list.span, 'origin'));
    notes.push(`${name} is the string ${JSON.stringify(list.value.v)}, not a tuple or list (a one-item tuple needs a trailing comma): django-cors-headers compares each of its characters as an origin, so it allows none (before 3.0, which compared host:port with \`in\`, it was a substring test)`);
    // Without a scheme the string is malformed as an origin too, and it never matches either way.
    if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(list.value.v)) origins.push(entry({ kind: 'exact', origin: list.value.v }, list.value, list.span));
  } else if (list) {
    policy.originsSpan ??= list.span;
    for (const item of items(list.value)) {
      if (item.t === 'str') {
        if (item.v === 'null') origins.push(entry({ kind: 'null' }, item, list.span));
        else {
          origins.push(entry({ kind: 'exact', origin: item.v }, item, list.span));
          if (/^[a-z][a-z0-9+.-]*:\/\/[^/?#]+[/?#]/i.test(item.v)) {
            notes.push(`${JSON.stringify(item.v)}: django-cors-headers compares scheme and host only, and its system check corsheaders.E014 rejects an origin with a path, query or fragment`);
          }
        }
      } else origins.push(entry({ kind: 'unknown', why: item.t === 'unknown' ? item.why : `CORS_ALLOWED_ORIGINS entry ${describe(item)}` }, item, list.span));
    }
  }
  const regexes = withAlias('CORS_ALLOWED_ORIGIN_REGEXES');
  if (regexes && regexes.value.t === 'str') {
    const name = setting('CORS_ALLOWED_ORIGIN_REGEXES') ? 'CORS_ALLOWED_ORIGIN_REGEXES' : 'CORS_ORIGIN_REGEX_WHITELIST';
    invalid.push(stringForSequence(name, regexes.value.v, regexes.span, 'pattern'));
    // any(re.match(c, origin) for c in string): each character is a pattern, in order, until one
    // matches; a character that is no valid pattern on its own raises re.error when it is reached.
    const seen = new Set<string>();
    for (const c of regexes.value.v) {
      if (INVALID_ALONE.has(c)) {
        notes.push(`${name}: the character ${JSON.stringify(c)} is no valid pattern on its own, so a request whose Origin no earlier character matches raises re.error (a 500)`);
        break;
      }
      if (seen.has(c)) continue;
      seen.add(c);
      origins.push(entry({ kind: 'regex', pattern: c, flavor: 'python', mode: 'match', ignoreCase: false }, regexes.value, regexes.span));
    }
  } else if (regexes) {
    policy.originsSpan ??= regexes.span;
    for (const item of items(regexes.value)) {
      if (item.t === 'str') origins.push(entry({ kind: 'regex', pattern: item.v, flavor: 'python', mode: 'match', ignoreCase: false }, item, regexes.span));
      else if (item.t === 'regex') origins.push(entry({ kind: 'regex', pattern: item.pattern, flavor: 'python', mode: 'match', ignoreCase: item.ignoreCase }, item, regexes.span));
      else origins.push(entry({ kind: 'unknown', why: item.t === 'unknown' ? item.why : `CORS_ALLOWED_ORIGIN_REGEXES entry ${describe(item)}` }, item, regexes.span));
    }
  }
  policy.origins = origins;

  const urls = setting('CORS_URLS_REGEX');
  if (urls?.value.t === 'str') {
    policy.scope.path = urls.value.v;
    notes.push(`CORS applies only to paths matching ${JSON.stringify(urls.value.v)} (re.match)`);
  }
  policy.varyOrigin = { value: true, why: 'django-cors-headers adds Vary: Origin to every response on a CORS-enabled path' };
  policy.preflight = { value: 'handled', why: 'CorsMiddleware answers OPTIONS with Access-Control-Request-Method with an empty 200 (when it is in MIDDLEWARE)' };
  policy.headersOnErrors = {
    value: true,
    why: 'Django turns exceptions into responses inside each middleware layer, so CorsMiddleware.process_response also runs on 4xx/5xx responses',
  };
  const middleware = setting('MIDDLEWARE');
  if (middleware?.value.t === 'seq' && middleware.value.items.every((i) => i.t === 'str')) {
    const names = middleware.value.items.map((i) => (i as { v: string }).v);
    if (!names.includes('corsheaders.middleware.CorsMiddleware')) {
      notes.push('MIDDLEWARE in this module does not list corsheaders.middleware.CorsMiddleware, so these settings have no effect here');
    }
  }
  if (invalid.length) policy.invalidOptions = invalid;
  if (notes.length) policy.notes = notes;
  return [policy];
}

function stringForSequence(name: string, value: string, span: CallOption['span'], what: 'origin' | 'pattern'): InvalidOption {
  return {
    name,
    span,
    problem: 'wrong-type',
    effect: 'ignored',
    detail: `is the string ${JSON.stringify(value)}, not a tuple or list of ${what}s (parentheses alone make no tuple: a one-item tuple needs a trailing comma)`,
    consequence:
      what === 'origin'
        ? 'django-cors-headers iterates the string, so each character is compared as an origin and no browser Origin ever matches'
        : 'django-cors-headers iterates the string and applies re.match with each character as a pattern',
  };
}

function isAssignment(b: Binding): boolean {
  return b.kind === 'assign' || b.kind === 'augassign';
}

function items(v: PyValue): PyValue[] {
  if (v.t === 'seq') return originItems(v);
  if (v.t === 'str') return [{ ...v, t: 'unknown', why: `${describe(v)} is a plain string: django-cors-headers iterates its characters` }];
  return [v];
}


/** Whether `name` is read (not only assigned) somewhere in the module. */
function readInModule(name: string, mod: PyModule): boolean {
  return mod.nodesOf('identifier').some((id) => {
    if (id.text !== name) return false;
    const parent = id.parent;
    if (parent?.type === 'assignment' && parent.childForFieldName('left')?.id === id.id) return false;
    if (parent?.type === 'augmented_assignment' && parent.childForFieldName('left')?.id === id.id) return false;
    return true;
  });
}
