import type { CorsPolicy, OriginEntry, PolicyScope, Span } from '../../../model/types.js';
import { newPolicy } from '../../../model/policy.js';
import type { Node } from '../ast.js';
import type { JsModule } from '../modules.js';
import { classifyOriginFunction } from '../origin-function.js';
import { exactEntry, whereWritten } from '../origins.js';
import { markAllUnknown } from './npm-cors.js';
import { readKoaStyleLists } from './koa-cors.js';
import { OptionsObject, valued } from './options.js';
import { unknownOptions } from './unknown-options.js';
import { describeUnknown, sourcesOf, type Evaluator, type JsValue, type WrittenAt } from '../values.js';

// Default of koa2-cors 2.0 (dist/index.js `defaultOptions`).
export const KOA2_CORS_METHODS = ['GET', 'PUT', 'POST', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

/**
 * The policy `app.use(cors(options))` from koa2-cors produces (a different package from @koa/cors).
 * Read from koa2-cors 2.0.6 dist/index.js:
 * - `ctx.vary('Origin')` on every request;
 * - origin: a function(ctx) returns the value (falsy skips CORS); otherwise
 *   `options.origin || ctx.get('Origin') || '*'`, so an unset origin echoes every request Origin;
 * - the value is set as is: '*' stays '*' with credentials; on actual requests
 *   Access-Control-Allow-Credentials is then removed, on preflights it is still sent;
 * - a preflight (OPTIONS with Access-Control-Request-Method) is answered 204, requested headers are
 *   mirrored when allowHeaders is unset; other OPTIONS go on to the app;
 * - the headers are set before next(): Koa's error handler clears them when the app throws.
 */
export function koa2CorsPolicy(input: { span: Span; scope: PolicyScope; optionsNode: Node | undefined; mod: JsModule; ev: Evaluator }): CorsPolicy {
  const { mod, ev } = input;
  const policy = newPolicy({ stack: 'koa', library: 'koa2-cors', span: input.span, scope: input.scope });
  const notes: string[] = [];
  const value: JsValue = input.optionsNode ? ev.evaluate(input.optionsNode, mod) : { t: 'undefined' };
  const useSite: WrittenAt | undefined = input.optionsNode ? { mod, node: input.optionsNode } : undefined;
  const options = new OptionsObject(value, useSite);
  for (const source of sourcesOf(value)) ev.consumedOptions.add(source);
  policy.varyOrigin = { value: true, why: 'koa2-cors calls ctx.vary("Origin") on every request' };
  if (!options.resolvable) {
    const why = `options are ${describeUnknown(value)}`;
    policy.origins = [{ kind: 'unknown', why }];
    markAllUnknown(policy, why);
    policy.varyOrigin = { value: true, why: 'koa2-cors calls ctx.vary("Origin") on every request' };
    return policy;
  }

  // Only the literal `true` turns credentials on (`options.credentials === true`).
  const credentials = options.read('credentials');
  if (credentials) {
    const c = credentials.value;
    policy.credentials = c.t === 'boolean' ? valued(credentials, c.v) : c.t === 'unknown' ? valued<boolean>(credentials, 'unknown', describeUnknown(c)) : valued(credentials, false);
  }

  const origin = options.read('origin');
  policy.originsSpan = origin?.keySpan;
  const o = origin?.value;
  const star = (where: Partial<OriginEntry>): OriginEntry => ({ kind: 'any', sentVerbatim: true, ...where }) as OriginEntry;
  if (!o || o.t === 'undefined' || o.t === 'null' || (o.t === 'string' && o.v === '') || (o.t === 'boolean' && !o.v)) {
    policy.origins = [{ kind: 'reflect', ...(o ? whereWritten(o, useSite) : {}) } as OriginEntry];
    notes.push("origin unset: koa2-cors sends back the request's own Origin, whatever it is ('*' only when there is none)");
  } else if (o.t === 'string') {
    policy.origins = [o.v === '*' ? star(whereWritten(o, useSite)) : { ...exactEntry(o.v, o, useSite), sentVerbatim: true }];
  } else if (o.t === 'function') {
    const decision = classifyOriginFunction(o.fn, o.mod, ev, 'koa');
    policy.libraryOptions = { ...policy.libraryOptions, originFunction: true };
    policy.origins = decision.entries.map((e) => (e.kind === 'any' ? star({ span: e.span }) : e));
    notes.push(...decision.notes);
  } else if (o.t === 'unknown') {
    policy.origins = [{ kind: 'unknown', why: o.why, ...whereWritten(o, useSite) }];
  } else {
    policy.origins = [{ kind: 'unknown', why: `origin is ${describeUnknown(o)}` }];
  }

  readKoaStyleLists(policy, options, KOA2_CORS_METHODS);
  policy.preflight = { value: 'handled', why: 'koa2-cors answers OPTIONS requests that carry Access-Control-Request-Method with 204' };
  policy.headersOnErrors = { value: false, isDefault: true, why: "koa2-cors sets the headers before next(); when the app throws, Koa's error handler clears them" };
  const invalid = unknownOptions(value, 'koa2-cors');
  if (invalid.length) policy.invalidOptions = invalid;
  if (notes.length) policy.notes = notes;
  return policy;
}
