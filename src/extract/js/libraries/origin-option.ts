import type { CorsPolicy, OriginEntry, Span } from '../../../model/types.js';
import { classifyOriginFunction } from '../origin-function.js';
import { exactEntry, jsRegexEntry, listEntries, whereWritten } from '../origins.js';
import { describeUnknown, truthiness, type Evaluator, type JsValue, type WrittenAt } from '../values.js';
import { textOf, unwrap, type Node } from '../ast.js';
import type { OptionRead } from './options.js';

export interface OriginOptionModel {
  entries: OriginEntry[];
  notes: string[];
  /** The option switches CORS off (no CORS headers at all). */
  disabled?: boolean;
  /** The Allow-Origin value follows the request (array, RegExp, true, function). */
  perRequest: boolean | 'unknown';
  /** The origins come from an origin callback. */
  fromFunction?: boolean;
}

/**
 * The `origin` option of npm cors and @fastify/cors, which share their shapes:
 * '*' / a string (sent verbatim), true (echo), false (off), RegExp (`.test`, unanchored),
 * array (strings compared with ===, RegExps tested, other truthy items allow all), function.
 */
export function originOptionModel(value: JsValue | undefined, library: 'cors' | '@fastify/cors', ev: Evaluator, useSite: WrittenAt | undefined): OriginOptionModel {
  const notes: string[] = [];
  if (!value) {
    return { entries: [{ kind: 'any', sentVerbatim: true }], notes: ["origin not set: the default '*' is sent"], perRequest: false };
  }
  const where = whereWritten(value, useSite);
  switch (value.t) {
    case 'string':
      if (value.v === '*') return { entries: [{ kind: 'any', sentVerbatim: true, ...where }], notes, perRequest: false };
      if (value.v === '' && library === 'cors') return disabled(notes, "origin: '' is falsy: the cors middleware sends no CORS headers");
      if (value.v === '' && library === '@fastify/cors') return disabled(notes, "origin: '' is falsy: @fastify/cors fails every request with 'Invalid CORS origin option'");
      return { entries: [{ ...exactEntry(value.v, value, useSite), sentVerbatim: true }], notes, perRequest: false };
    case 'boolean':
      if (value.v) return { entries: [{ kind: 'reflect', ...where }], notes, perRequest: true };
      return disabled(notes, 'origin: false switches CORS off: no CORS headers are sent');
    case 'regex': {
      if (library === 'cors' && /[gy]/.test(value.flags)) {
        notes.push(`the origin RegExp has the '${value.flags.replace(/[^gy]/g, '')}' flag: RegExp.test keeps lastIndex between requests, so matching origins are alternately accepted and refused`);
      }
      return { entries: [jsRegexEntry(value.pattern, value.flags, value, useSite)], notes, perRequest: true };
    }
    case 'array': {
      if (library === '@fastify/cors' && value.items.some((i) => i.t === 'string' && i.v === '*')) {
        const star = value.items.find((i) => i.t === 'string' && i.v === '*')!;
        notes.push("the origin list contains '*': @fastify/cors then sends '*' for every request");
        return { entries: [{ kind: 'any', sentVerbatim: true, ...whereWritten(star, useSite) }], notes, perRequest: false };
      }
      if (library === 'cors') {
        if (value.items.some((i) => i.t === 'string' && i.v === '*')) {
          notes.push("'*' inside the origin list is compared as a string (===): it matches no real Origin, it does not allow all");
        }
        for (const item of value.items) {
          if (item.t === 'regex' && /[gy]/.test(item.flags)) notes.push(`the RegExp /${item.pattern}/${item.flags} keeps lastIndex between requests: matching origins are alternately accepted and refused`);
        }
      }
      return { entries: listEntries(value, useSite, true), notes, perRequest: true };
    }
    case 'function': {
      const decision = ev.withBindings(value.bound, () => classifyOriginFunction(value.fn, value.mod, ev, 'callback'));
      return { entries: decision.entries, notes: [...notes, ...decision.notes], perRequest: true, fromFunction: true };
    }
    case 'null':
    case 'undefined':
    case 'number': {
      if (truthiness(value)) return { entries: [{ kind: 'reflect', ...where }], notes, perRequest: true };
      return disabled(
        notes,
        library === 'cors'
          ? `origin is ${value.t === 'number' ? '0' : value.t}: the cors middleware sends no CORS headers`
          : `origin is ${value.t === 'number' ? '0' : value.t}: @fastify/cors fails every request with 'Invalid CORS origin option'`,
      );
    }
    case 'request':
      // A query or body parameter is a string the caller picks, sent verbatim: any page names its own origin.
      if (value.part === 'data') return { entries: [{ kind: 'reflect', from: value.text, sentVerbatim: true, ...where }], notes, perRequest: true };
      if (value.part === 'origin') return { entries: [{ kind: 'reflect', ...where }], notes: [...notes, 'the origin option is the request Origin itself'], perRequest: true };
      return { entries: [{ kind: 'unknown', why: `origin is ${describeUnknown(value)}`, ...where }], notes, perRequest: 'unknown' };
    case 'unknown': {
      if (value.env && !value.envDriven) {
        notes.push(
          library === 'cors'
            ? `when ${value.env} is not set the origin option is undefined and the cors middleware sends no CORS headers`
            : `when ${value.env} is not set the origin option is undefined and @fastify/cors fails requests with 'Invalid CORS origin option'`,
        );
      }
      return { entries: [{ kind: 'unknown', why: value.why, ...where }], notes, perRequest: 'unknown' };
    }
    default:
      // Objects and other truthy values: isOriginAllowed() returns !!value, so the Origin is echoed.
      return { entries: [{ kind: 'reflect', ...where }], notes: [...notes, `origin is ${describeUnknown(value)}, which the library treats as true`], perRequest: true };
  }
}

/**
 * The origin option as the library sees it when it is written as `cond ? a : b` (directly or through a
 * constant) and the condition cannot be decided statically: every branch may apply, so the model holds
 * the origins of all of them (`origins.length ? origins : true` reflects whenever the list is empty).
 */
export function originOptionModelOf(read: OptionRead | undefined, library: 'cors' | '@fastify/cors', ev: Evaluator, useSite: WrittenAt | undefined): OriginOptionModel {
  const branches = read?.value.t === 'unknown' && read.keyAt ? undecidedBranches(read.keyAt, ev) : undefined;
  if (!branches) return originOptionModel(read?.value, library, ev, useSite);
  const models = branches.nodes.map((node) => originOptionModel(ev.evaluate(node, branches.mod), library, ev, { mod: branches.mod, node }));
  const entries = models.flatMap((m) => m.entries);
  const perRequest = models.some((m) => m.perRequest === true) ? true : models.some((m) => m.perRequest === 'unknown') ? 'unknown' : false;
  const notes = [`origin depends on \`${branches.test}\`, which is not known statically: every branch is described`, ...models.flatMap((m) => m.notes)];
  return { entries, notes, perRequest, fromFunction: models.some((m) => m.fromFunction), disabled: models.every((m) => m.disabled) };
}

function undecidedBranches(keyAt: WrittenAt, ev: Evaluator): { nodes: Node[]; test: string; mod: WrittenAt['mod'] } | undefined {
  if (keyAt.node.type !== 'Property') return undefined;
  const { mod } = keyAt;
  let node = unwrap(keyAt.node.value as Node);
  for (let hops = 0; node.type === 'Identifier' && hops < 4; hops++) {
    const binding = mod.scopes.lookup(node);
    if (!binding || binding.reassigned || binding.path || !binding.init || binding.kind === 'import' || binding.kind === 'param') return undefined;
    node = unwrap(binding.init);
  }
  if (node.type !== 'ConditionalExpression') return undefined;
  if (truthiness(ev.evaluate(node.test, mod)) !== undefined) return undefined;
  return { nodes: [node.consequent, node.alternate], test: textOf(node.test, mod.text, 80), mod };
}

function disabled(notes: string[], note: string): OriginOptionModel {
  return { entries: [], notes: [...notes, note], disabled: true, perRequest: false };
}


/** Writes what the origin option says into the policy: its origins, where it is written, and the flags simulate needs. */
export function applyOriginModel(policy: CorsPolicy, model: OriginOptionModel, keySpan: Span | undefined, notes: string[]): void {
  policy.origins = model.entries;
  policy.originsSpan = keySpan;
  notes.push(...model.notes);
  if (model.disabled) policy.libraryOptions = { ...policy.libraryOptions, disabled: true };
  if (model.fromFunction) policy.libraryOptions = { ...policy.libraryOptions, originFunction: true };
}
