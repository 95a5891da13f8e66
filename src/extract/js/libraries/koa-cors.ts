import type { CorsPolicy, OriginEntry, PolicyScope, Span } from '../../../model/types.js';
import { byDefault, newPolicy, unknownValue } from '../../../model/policy.js';
import type { Node } from '../ast.js';
import type { JsModule } from '../modules.js';
import { classifyOriginFunction } from '../origin-function.js';
import { exactEntry, whereWritten } from '../origins.js';
import { markAllUnknown } from './npm-cors.js';
import { numberOption, OptionsObject, stringList, valued } from './options.js';
import { unknownOptions } from './unknown-options.js';
import { describeUnknown, sourcesOf, truthiness, type Evaluator, type JsValue, type WrittenAt } from '../values.js';

// Default of @koa/cors 5 (index.js `defaults`).
export const KOA_CORS_METHODS = ['GET', 'HEAD', 'PUT', 'POST', 'DELETE', 'PATCH'];

/**
 * allowMethods, allowHeaders (unset: the requested headers are mirrored), exposeHeaders and maxAge,
 * which @koa/cors and koa2-cors name and read alike.
 */
export function readKoaStyleLists(policy: CorsPolicy, options: OptionsObject, defaultMethods: string[]): void {
  const methods = options.read('allowMethods');
  policy.allowMethods = methods ? stringList(methods) : byDefault(defaultMethods);
  const headers = options.read('allowHeaders');
  if (headers && truthiness(headers.value) !== false) policy.allowHeaders = stringList(headers);
  else policy.allowHeaders = { ...byDefault<string[]>([]), why: 'allowHeaders not set: the request Access-Control-Request-Headers are echoed' };
  const exposed = options.read('exposeHeaders');
  if (exposed) policy.exposeHeaders = stringList(exposed);
  const maxAge = options.read('maxAge');
  policy.maxAge = maxAge ? numberOption(maxAge) : unknownValue('not set: no Access-Control-Max-Age is sent');
}

/**
 * The policy `app.use(cors(options))` from @koa/cors produces. Read from @koa/cors/index.js (v5):
 * - `ctx.vary('Origin')` on every request, whatever the options;
 * - origin unset or '*': '*'; with credentials the request Origin is echoed instead (no check);
 * - a string is sent as is; a function(ctx) returns the value, a falsy result skips CORS;
 * - preflight (OPTIONS with Access-Control-Request-Method) answered 204; other OPTIONS go on;
 * - keepHeadersOnError (default true) keeps the CORS headers on thrown errors.
 */
export function koaCorsPolicy(input: {
  span: Span;
  scope: PolicyScope;
  optionsNode: Node | undefined;
  mod: JsModule;
  ev: Evaluator;
  /** Major version declared in package.json: before 5.0 an unset origin echoed the request Origin. */
  major?: number;
}): CorsPolicy {
  const { mod, ev } = input;
  const policy = newPolicy({ stack: 'koa', library: '@koa/cors', span: input.span, scope: input.scope });
  const notes: string[] = [];
  const value: JsValue = input.optionsNode ? ev.evaluate(input.optionsNode, mod) : { t: 'undefined' };
  const useSite: WrittenAt | undefined = input.optionsNode ? { mod, node: input.optionsNode } : undefined;
  const options = new OptionsObject(value, useSite);
  for (const source of sourcesOf(value)) ev.consumedOptions.add(source);
  if (!options.resolvable) {
    const why = `options are ${describeUnknown(value)}`;
    policy.origins = [{ kind: 'unknown', why }];
    markAllUnknown(policy, why);
    policy.varyOrigin = { value: true, why: '@koa/cors always adds Vary: Origin' };
    return policy;
  }

  const credentials = options.read('credentials');
  if (credentials) {
    const c = credentials.value;
    if (c.t === 'function') policy.credentials = valued<boolean>(credentials, 'unknown', 'credentials are decided per request by a function');
    else {
      const truth = truthiness(c);
      policy.credentials = truth === undefined ? valued<boolean>(credentials, 'unknown', describeUnknown(c)) : valued(credentials, truth);
    }
  }
  const cred = policy.credentials.value;

  const origin = options.read('origin');
  policy.originsSpan = origin?.keySpan;
  const star = (where: Partial<OriginEntry>): OriginEntry[] => {
    if (cred === true) return [{ kind: 'reflect', ...where } as OriginEntry];
    if (cred === false) return [{ kind: 'any', sentVerbatim: true, ...where } as OriginEntry];
    return [{ kind: 'unknown', why: "'*' is sent as is without credentials and replaced by the request Origin with credentials, which are not known" }];
  };
  const o = origin?.value;
  if (!o && input.major !== undefined && input.major < 5) {
    // @koa/cors 4.x and earlier: `origin` defaulted to the request Origin header (GHSA-qxrj-hx23-xp82).
    policy.origins = [{ kind: 'reflect' }];
    notes.push(`@koa/cors ${input.major}.x with origin unset echoes the request Origin (5.0 changed the default to '*')`);
  } else if (!o || o.t === 'undefined' || o.t === 'null' || (o.t === 'string' && o.v === '') || (o.t === 'boolean' && !o.v)) {
    policy.origins = star(o ? whereWritten(o, useSite) : {});
    notes.push(cred === true ? "origin unset or '*' with credentials: @koa/cors echoes the request Origin" : "origin unset: '*' is sent");
    if (!o && input.major === undefined) notes.push('@koa/cors before 5.0 echoed the request Origin when origin is unset; the installed version is not declared here');
  } else if (o.t === 'string') {
    policy.origins = o.v === '*' ? star(whereWritten(o, useSite)) : [{ ...exactEntry(o.v, o, useSite), sentVerbatim: true }];
    if (o.v === '*' && cred === true) notes.push("origin '*' with credentials: @koa/cors echoes the request Origin");
  } else if (o.t === 'function') {
    const decision = classifyOriginFunction(o.fn, o.mod, ev, 'koa');
    policy.libraryOptions = { ...policy.libraryOptions, originFunction: true };
    policy.origins = decision.entries.flatMap((e) => (e.kind === 'any' ? star({ span: e.span }) : [e]));
    notes.push(...decision.notes);
  } else if (o.t === 'array') {
    policy.origins = o.items.map((i): OriginEntry => (i.t === 'string' ? { ...exactEntry(i.v, i, useSite), sentVerbatim: true } : { kind: 'unknown', why: describeUnknown(i) }));
    notes.push('@koa/cors does not test arrays: ctx.set() sends every item as its own Access-Control-Allow-Origin field');
  } else if (o.t === 'unknown') {
    policy.origins = [{ kind: 'unknown', why: o.why, ...whereWritten(o, useSite) }];
  } else {
    policy.origins = [{ kind: 'unknown', why: `origin is ${describeUnknown(o)}` }];
  }

  readKoaStyleLists(policy, options, KOA_CORS_METHODS);
  policy.varyOrigin = { value: true, why: '@koa/cors calls ctx.vary("Origin") on every request' };
  policy.preflight = { value: 'handled', why: '@koa/cors answers OPTIONS requests that carry Access-Control-Request-Method with 204' };
  const keep = options.read('keepHeadersOnError');
  if (keep) {
    const truth = keep.value.t === 'undefined' ? true : truthiness(keep.value);
    policy.headersOnErrors = truth === undefined ? valued<boolean>(keep, 'unknown', describeUnknown(keep.value)) : valued(keep, truth);
  } else {
    policy.headersOnErrors = { value: true, isDefault: true, why: 'keepHeadersOnError defaults to true: thrown errors keep the CORS headers' };
  }
  const invalid = unknownOptions(value, '@koa/cors');
  if (invalid.length) policy.invalidOptions = invalid;
  if (notes.length) policy.notes = notes;
  return policy;
}
