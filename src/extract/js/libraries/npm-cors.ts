import type { CorsPolicy, PolicyScope, Span, Stack } from '../../../model/types.js';
import { byDefault, newPolicy, unknownValue } from '../../../model/policy.js';
import { textOf, type Node } from '../ast.js';
import type { JsModule } from '../modules.js';
import { classifyDelegate, delegateOrigins } from './delegate.js';
import { applyOriginModel, originOptionModelOf } from './origin-option.js';
import { numberOption, OptionsObject, stringList, valued } from './options.js';
import { unknownOptions } from './unknown-options.js';
import { describeUnknown, sourcesOf, truthiness, type Evaluator, type JsValue, type WrittenAt } from '../values.js';

// Defaults of npm cors 2.8 (lib/index.js `defaults`).
export const NPM_CORS_METHODS = ['GET', 'HEAD', 'PUT', 'PATCH', 'POST', 'DELETE'];

/**
 * The policy npm `cors(options)` produces (Express, NestJS on Express). Read from cors/lib/index.js:
 * - origin '*' or unset: `Access-Control-Allow-Origin: *`, no Vary; credentials are sent next to it.
 * - a string: sent verbatim on every response, plus `Vary: Origin`.
 * - true / RegExp / array / function: the request Origin is echoed when allowed, `Vary: Origin` always.
 * - a falsy origin: the middleware calls next() without any CORS header.
 * - every OPTIONS request is answered (optionsSuccessStatus, default 204) unless preflightContinue.
 * - allowedHeaders unset: the request's Access-Control-Request-Headers are echoed.
 */
export function npmCorsPolicy(input: {
  stack: Stack;
  span: Span;
  scope: PolicyScope;
  optionsNode: Node | undefined;
  mod: JsModule;
  ev: Evaluator;
  /** Options already evaluated (NestFactory.create `cors: {...}`). */
  optionsValue?: JsValue;
}): CorsPolicy {
  const { mod, ev } = input;
  const policy = newPolicy({ stack: input.stack, library: 'cors', span: input.span, scope: input.scope });
  const notes: string[] = [];
  let value: JsValue = input.optionsValue ?? (input.optionsNode ? ev.evaluate(input.optionsNode, mod) : { t: 'undefined' });
  const useSite: WrittenAt | undefined = input.optionsNode ? { mod, node: input.optionsNode } : undefined;
  let delegatedOrigins: ReturnType<typeof delegateOrigins>;
  if (value.t === 'function') {
    const delegated = classifyDelegate(value, ev);
    if (delegated.options) {
      notes.push(`options come from a delegate function; modelled from the options it passes back (${delegated.how})`);
      value = delegated.options;
    } else if ((delegatedOrigins = delegateOrigins(value, ev))) {
      notes.push(...delegatedOrigins.notes);
      value = delegatedOrigins.options ?? { t: 'object', props: new Map(), keys: new Map() };
    } else {
      policy.origins = [{ kind: 'unknown', why: `options are decided per request by \`${textOf(value.fn, value.mod.text, 80)}\`: ${delegated.how}` }];
      policy.originsSpan = input.optionsNode ? spanOfNode(input.optionsNode, mod) : undefined;
      markAllUnknown(policy, 'options are decided per request by a delegate function');
      policy.notes = notes;
      return policy;
    }
  }
  const options = new OptionsObject(value, useSite);
  for (const source of sourcesOf(value)) ev.consumedOptions.add(source);
  if (!options.resolvable) {
    const why = `options are ${describeUnknown(value)}`;
    policy.origins = [{ kind: 'unknown', why, ...(value.env ? { source: value.env } : {}) }];
    markAllUnknown(policy, why);
    policy.notes = notes;
    return policy;
  }

  const origin = options.read('origin');
  const model = delegatedOrigins
    ? { entries: delegatedOrigins.entries, notes: [], perRequest: true as const, fromFunction: true, disabled: false }
    : originOptionModelOf(origin, 'cors', ev, useSite);
  applyOriginModel(policy, model, origin?.keySpan, notes);

  const credentials = options.read('credentials');
  if (credentials) {
    const c = credentials.value;
    // Only the literal `true` sends the header (configureCredentials: options.credentials === true).
    if (c.t === 'boolean') policy.credentials = valued(credentials, c.v);
    else if (c.t === 'unknown') policy.credentials = valued<boolean>(credentials, 'unknown', c.why);
    else policy.credentials = valued(credentials, false, `credentials is ${describeUnknown(c)}; only the literal true sends Access-Control-Allow-Credentials`);
  }

  const methods = options.read('methods');
  policy.allowMethods = methods ? stringList(methods) : byDefault(NPM_CORS_METHODS);
  const headers = options.read('allowedHeaders') ?? options.read('headers');
  if (headers && truthiness(headers.value) !== false) policy.allowHeaders = stringList(headers);
  else policy.allowHeaders = { ...byDefault<string[]>([]), why: 'allowedHeaders not set: the request Access-Control-Request-Headers are echoed' };
  const exposed = options.read('exposedHeaders');
  if (exposed) policy.exposeHeaders = stringList(exposed);
  const maxAge = options.read('maxAge');
  policy.maxAge = maxAge ? numberOption(maxAge) : unknownValue('not set: no Access-Control-Max-Age is sent (the browser default applies)');

  // Vary: Origin (configureOrigin): added for every origin value except '*'.
  const star = policy.origins.length === 1 && policy.origins[0]!.kind === 'any';
  if (model.disabled) policy.varyOrigin = { value: false, why: 'CORS is switched off' };
  else if (model.perRequest === 'unknown') policy.varyOrigin = unknownValue('depends on the unresolved origin option');
  else if (star) policy.varyOrigin = { value: false, why: "origin '*': the value does not depend on the request, no Vary is added" };
  else policy.varyOrigin = { value: true, why: 'the cors middleware adds Vary: Origin for every origin option other than *' };

  const preflightContinue = options.read('preflightContinue');
  const status = options.read('optionsSuccessStatus');
  if (preflightContinue && truthiness(preflightContinue.value) === true) {
    policy.preflight = valued(preflightContinue, 'passthrough', 'preflightContinue: OPTIONS requests get the CORS headers and go on to the next handler');
    policy.libraryOptions = { ...policy.libraryOptions, preflightContinue: true };
  } else if (preflightContinue && truthiness(preflightContinue.value) === undefined) {
    policy.preflight = valued<'handled'>(preflightContinue, 'unknown', describeUnknown(preflightContinue.value));
  } else {
    policy.preflight = { value: 'handled', why: 'the cors middleware answers every OPTIONS request itself (optionsSuccessStatus, default 204), even for origins it refuses' };
  }
  if (status && status.value.t === 'number') policy.libraryOptions = { ...policy.libraryOptions, optionsSuccessStatus: status.value.v };

  const invalid = unknownOptions(value, 'cors');
  if (invalid.length) policy.invalidOptions = invalid;
  if (star && policy.credentials.value === true) {
    notes.push("origin '*' with credentials: true: the cors middleware sends both Access-Control-Allow-Origin: * and Access-Control-Allow-Credentials: true (no reflection); browsers refuse credentialed responses");
  }
  if (notes.length) policy.notes = notes;
  return policy;
}

export function markAllUnknown(policy: CorsPolicy, why: string): void {
  policy.credentials = unknownValue(why);
  policy.allowMethods = unknownValue(why);
  policy.allowHeaders = unknownValue(why);
  policy.exposeHeaders = unknownValue(why);
  policy.maxAge = unknownValue(why);
  policy.varyOrigin = unknownValue(why);
}

function spanOfNode(node: Node, mod: JsModule): Span {
  return { file: mod.path, line: node.loc.start.line, column: node.loc.start.column + 1, endLine: node.loc.end.line, endColumn: node.loc.end.column + 1 };
}

