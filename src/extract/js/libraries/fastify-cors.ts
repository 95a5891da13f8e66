import type { CorsPolicy, PolicyScope, Span, Stack } from '../../../model/types.js';
import { byDefault, newPolicy, unknownValue } from '../../../model/policy.js';
import type { Node } from '../ast.js';
import type { JsModule } from '../modules.js';
import { markAllUnknown } from './npm-cors.js';
import { applyOriginModel, originOptionModelOf } from './origin-option.js';
import { numberOption, OptionsObject, stringList, valued } from './options.js';
import { unknownOptions } from './unknown-options.js';
import { describeUnknown, sourcesOf, truthiness, type Evaluator, type JsValue, type WrittenAt } from '../values.js';

// Defaults of @fastify/cors 11 (index.js `defaultOptions`).
export const FASTIFY_CORS_METHODS = ['GET', 'HEAD', 'POST'];

/**
 * The policy `fastify.register(fastifyCors, options)` produces. Read from @fastify/cors/index.js:
 * - a string origin (also '*') is sent as is and adds no Vary; anything else adds `Vary: Origin`;
 * - an array containing '*' sends '*'; RegExps get `lastIndex = 0` before `.test` (unanchored);
 * - origin false switches CORS off; other falsy values fail the request ('Invalid CORS origin option');
 * - credentials: any truthy value sends Access-Control-Allow-Credentials: true, next to '*' too;
 * - preflight: answered in the hook with optionsSuccessStatus (204); strictPreflight (default true)
 *   answers 400 'Invalid Preflight Request' when Origin or Access-Control-Request-Method is missing.
 */
export function fastifyCorsPolicy(input: {
  stack: Stack;
  span: Span;
  scope: PolicyScope;
  optionsNode: Node | undefined;
  optionsValue?: JsValue;
  mod: JsModule;
  ev: Evaluator;
}): CorsPolicy {
  const { mod, ev } = input;
  const policy = newPolicy({ stack: input.stack, library: '@fastify/cors', span: input.span, scope: input.scope });
  const notes: string[] = [];
  const value: JsValue = input.optionsValue ?? (input.optionsNode ? ev.evaluate(input.optionsNode, mod) : { t: 'undefined' });
  const useSite: WrittenAt | undefined = input.optionsNode ? { mod, node: input.optionsNode } : undefined;
  const options = new OptionsObject(value, useSite);
  for (const source of sourcesOf(value)) ev.consumedOptions.add(source);
  if (!options.resolvable) {
    const why = value.t === 'function' ? 'options are decided by a function (delegator)' : `options are ${describeUnknown(value)}`;
    policy.origins = [{ kind: 'unknown', why }];
    markAllUnknown(policy, why);
    return policy;
  }
  if (options.read('delegator')) {
    const why = 'options are decided per request by the delegator function';
    policy.origins = [{ kind: 'unknown', why }];
    markAllUnknown(policy, why);
    return policy;
  }

  const origin = options.read('origin');
  const model = originOptionModelOf(origin, '@fastify/cors', ev, useSite);
  applyOriginModel(policy, model, origin?.keySpan, notes);

  const credentials = options.read('credentials');
  if (credentials) {
    const truth = truthiness(credentials.value);
    policy.credentials = truth === undefined ? valued<boolean>(credentials, 'unknown', describeUnknown(credentials.value)) : valued(credentials, truth);
  }
  const methods = options.read('methods');
  policy.allowMethods = methods ? stringList(methods) : byDefault(FASTIFY_CORS_METHODS);
  const headers = options.read('allowedHeaders');
  if (headers && headers.value.t !== 'null') policy.allowHeaders = stringList(headers);
  else policy.allowHeaders = { ...byDefault<string[]>([]), why: 'allowedHeaders not set: the request Access-Control-Request-Headers are echoed' };
  const exposed = options.read('exposedHeaders');
  if (exposed && exposed.value.t !== 'null') policy.exposeHeaders = stringList(exposed);
  const maxAge = options.read('maxAge');
  policy.maxAge = maxAge && maxAge.value.t !== 'null' ? numberOption(maxAge) : unknownValue('not set: no Access-Control-Max-Age is sent');

  // addCorsHeadersHandler: Vary: Origin unless the origin option is a string or false.
  const originValue = origin?.value;
  if (model.disabled) policy.varyOrigin = { value: false, why: 'CORS is switched off' };
  else if (!originValue || originValue.t === 'string') policy.varyOrigin = { value: false, why: '@fastify/cors adds no Vary for a string origin option' };
  else if (originValue.t === 'unknown') policy.varyOrigin = unknownValue('depends on the unresolved origin option');
  else policy.varyOrigin = { value: true, why: '@fastify/cors adds Vary: Origin for every origin option that is not a string' };

  const preflight = options.read('preflight');
  const preflightContinue = options.read('preflightContinue');
  const strict = options.read('strictPreflight');
  if (preflight && truthiness(preflight.value) === false) {
    policy.preflight = valued(preflight, 'not-handled', 'preflight: false: OPTIONS requests are not answered by @fastify/cors (its OPTIONS * route answers 404)');
  } else if (preflightContinue && truthiness(preflightContinue.value) === true) {
    policy.preflight = valued(preflightContinue, 'passthrough', 'preflightContinue: OPTIONS requests go on to the route handlers');
    policy.libraryOptions = { ...policy.libraryOptions, preflightContinue: true };
  } else {
    policy.preflight = { value: 'handled', why: '@fastify/cors answers preflights in its hook (optionsSuccessStatus, default 204)' };
  }
  const strictValue = strict ? truthiness(strict.value) : true;
  if (strictValue !== undefined) policy.libraryOptions = { ...policy.libraryOptions, strictPreflight: strictValue };
  if (strictValue === true && !model.disabled) {
    notes.push('strictPreflight (default): an OPTIONS request without Origin or Access-Control-Request-Method is answered 400 Invalid Preflight Request');
  }
  const status = options.read('optionsSuccessStatus');
  if (status && status.value.t === 'number') policy.libraryOptions = { ...policy.libraryOptions, optionsSuccessStatus: status.value.v };
  const invalid = unknownOptions(value, '@fastify/cors');
  if (invalid.length) policy.invalidOptions = invalid;
  const star = policy.origins.length === 1 && policy.origins[0]!.kind === 'any';
  if (star && policy.credentials.value === true) {
    notes.push("origin '*' with credentials: @fastify/cors sends both Access-Control-Allow-Origin: * and Access-Control-Allow-Credentials: true; browsers refuse credentialed responses");
  }
  if (notes.length) policy.notes = notes;
  return policy;
}
