import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { OriginEntry, Provenance, Span } from '../../model/types.js';
import { memberName, spanOf, textOf, unwrap, walk, type Node } from './ast.js';
import type { JsModule } from './modules.js';
import { describeUnknown, type Evaluator, type JsValue, type WrittenAt } from './values.js';

export function spanAt(at: WrittenAt | undefined): Span | undefined {
  return at ? spanOf(at.node, at.mod.path) : undefined;
}

/** Span + provenance of a resolved value; `definedAt` when it is written away from the use site. */
export function whereWritten(value: JsValue, useSite?: WrittenAt): Provenance & { span?: Span } {
  const out: Provenance & { span?: Span } = {};
  const span = spanAt(value.at);
  if (span) out.span = span;
  if (value.at && useSite && !contains(useSite, value.at)) out.definedAt = span;
  if (value.envDriven) out.envDriven = true;
  if (value.env) out.source = value.env;
  return out;
}

function contains(outer: WrittenAt, inner: WrittenAt): boolean {
  return outer.mod === inner.mod && outer.node.range[0] <= inner.node.range[0] && inner.node.range[1] <= outer.node.range[1];
}

/** Regex matcher for a JS RegExp applied with `.test` (an unanchored search). */
export function jsRegexEntry(pattern: string, flags: string, value: JsValue, useSite?: WrittenAt, writtenAs?: string): OriginEntry {
  const entry: OriginEntry = { kind: 'regex', pattern, flavor: 'js', mode: 'search', ignoreCase: flags.includes('i'), flags, ...whereWritten(value, useSite) };
  if (writtenAs) entry.writtenAs = writtenAs;
  return entry;
}

const quoted = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** An origin string compared with `===` (arrays, membership tests): "null" is the null origin. */
export function exactEntry(origin: string, value: JsValue, useSite?: WrittenAt): OriginEntry {
  return origin === 'null' ? { kind: 'null', ...whereWritten(value, useSite) } : { kind: 'exact', origin, ...whereWritten(value, useSite) };
}

/** Items of a list used for `===` membership (npm cors / @fastify/cors arrays, `list.includes(origin)`). */
export function listEntries(list: JsValue, useSite: WrittenAt | undefined, regexAllowed: boolean): OriginEntry[] {
  const items = list.t === 'array' ? list.items : [list];
  const out: OriginEntry[] = [];
  for (const item of items) {
    if (item.t === 'string') out.push(exactEntry(item.v, item, useSite));
    else if (item.t === 'regex' && regexAllowed) out.push(jsRegexEntry(item.pattern, item.flags, item, useSite));
    else if (item.t === 'array') out.push(...listEntries(item, useSite, regexAllowed));
    else if (item.t === 'regex') continue; // compared by identity with a string: never equal
    else if (item.t === 'boolean' || item.t === 'number' || item.t === 'null' || item.t === 'undefined') {
      // npm cors / @fastify/cors treat any other truthy item as "allow" (`!!item`): the Origin is echoed.
      if (regexAllowed && item.t !== 'null' && item.t !== 'undefined' && (item.t === 'boolean' ? item.v : item.v !== 0)) out.push({ kind: 'reflect', ...whereWritten(item, useSite) });
    }
    else if (item.t === 'unknown') out.push({ kind: 'unknown', why: item.why, ...whereWritten(item, useSite) });
    else out.push({ kind: 'unknown', why: `list item is ${describeUnknown(item)}`, ...whereWritten(item, useSite) });
  }
  return out;
}

/** What a condition on the request Origin accepts. */
export type TestMeaning =
  /** `alsoWithoutOrigin`: the condition also holds when the request has no Origin (`!origin || ...`). */
  | { kind: 'matchers'; entries: OriginEntry[]; alsoWithoutOrigin?: boolean }
  /** True only when the request has no Origin header. */
  | { kind: 'no-origin' }
  /** True for every request that has an Origin. */
  | { kind: 'any-origin' }
  /** The condition does not look at the Origin. */
  | { kind: 'not-origin'; text: string }
  | { kind: 'unknown'; why: string };

/** Recognises expressions that stand for the request Origin. */
export type IsOrigin = (node: Node) => boolean;

export function originTester(ev: Evaluator, mod: JsModule, originNames: Set<TSESTree.Identifier['name']> = new Set(), originBindings = new Set<unknown>()): IsOrigin {
  const test = (node: Node, depth: number): boolean => {
    const n = unwrap(node);
    if (n.type === 'Identifier') {
      const binding = mod.scopes.lookup(n);
      if (binding && originBindings.has(binding)) return true;
      if (!binding && originNames.has(n.name)) return true;
      // const origin = req.headers.origin || '' / ?? '' / .toLowerCase(): still the request Origin for a membership test.
      if (binding && binding.init && !binding.reassigned && !binding.path && binding.kind !== 'import' && depth < 4) {
        const init = unwrap(binding.init);
        if (init.type === 'LogicalExpression' && init.operator !== '&&' && test(init.left, depth + 1)) return true;
        if (init.type === 'CallExpression' && init.callee.type === 'MemberExpression' && /^(?:trim|toLowerCase)$/.test(memberName(init.callee) ?? '') && test(init.callee.object, depth + 1)) return true;
      }
    }
    const v = ev.evaluate(n, mod);
    return v.t === 'request' && v.part === 'origin';
  };
  return (node) => test(node, 0);
}

/** Does the expression read the request Origin, directly or through a local constant derived from it? */
function mentionsOrigin(node: Node, isOrigin: IsOrigin, mod?: JsModule, depth = 0, visited = new Set<unknown>()): boolean {
  let found = false;
  walk(node, (n) => {
    if (found) return;
    if ((n.type === 'Identifier' || n.type === 'MemberExpression' || n.type === 'CallExpression') && isOrigin(n)) found = true;
    else if (n.type === 'Identifier' && mod && depth < 4) {
      // const hostname = new URL(origin).hostname
      const binding = mod.scopes.lookup(n);
      if (!binding || visited.has(binding)) return;
      visited.add(binding);
      if (binding.init && !binding.reassigned && binding.kind !== 'import' && binding.id !== n && mentionsOrigin(binding.init, isOrigin, mod, depth + 1, visited)) found = true;
    }
  });
  return found;
}

/**
 * Classifies a condition that gates accepting an origin: membership in a resolvable list,
 * a regex test, endsWith/startsWith, equality. `positive` false means the condition is negated.
 */
export function classifyTest(test: Node, positive: boolean, ev: Evaluator, mod: JsModule, isOrigin: IsOrigin, depth = 0): TestMeaning {
  const t = unwrap(test);
  const text = textOf(t, mod.text, 120);
  const useSite: WrittenAt = { mod, node: t };
  if (!mentionsOrigin(t, isOrigin, mod)) return { kind: 'not-origin', text: positive ? text : `!(${text})` };
  // var ok = list.some((d) => origin.endsWith(d)); callback(null, ok): the test is the initializer.
  if (t.type === 'Identifier' && !isOrigin(t) && depth < 4) {
    const binding = mod.scopes.lookup(t);
    if (binding?.init && !binding.reassigned && !binding.path && (binding.kind === 'const' || binding.kind === 'let' || binding.kind === 'var')) {
      return classifyTest(binding.init, positive, ev, mod, isOrigin, depth + 1);
    }
  }
  if (t.type === 'UnaryExpression' && t.operator === '!') return classifyTest(t.argument, !positive, ev, mod, isOrigin);
  if (isOrigin(t)) return positive ? { kind: 'any-origin' } : { kind: 'no-origin' };
  // for (const item of list) { if (origin.startsWith(item)) return callback(null, true) }: list.some(item => ...).
  const loop = positive && t.type !== 'LogicalExpression' ? loopVariableIn(t, mod) : undefined;
  if (loop) return itemTests(loop.list, loop.name, t, ev, mod, isOrigin, text);
  if (t.type === 'LogicalExpression') {
    const op = positive ? t.operator : t.operator === '||' ? '&&' : t.operator === '&&' ? '||' : '??';
    const left = classifyTest(t.left, positive, ev, mod, isOrigin);
    const right = classifyTest(t.right, positive, ev, mod, isOrigin);
    if (op === '||') return union(left, right);
    if (op === '&&') return intersect(left, right, text);
    return { kind: 'unknown', why: `condition \`${text}\`` };
  }
  if (t.type === 'BinaryExpression') {
    const eq = t.operator === '===' || t.operator === '==';
    const ne = t.operator === '!==' || t.operator === '!=';
    // origin === 'https://a.com', origin === undefined
    if (eq || ne) {
      const other: Node | undefined = isOrigin(t.left) ? t.right : isOrigin(t.right) ? (t.left as Node) : undefined;
      if (other) {
        const value = ev.evaluate(other, mod);
        const holds = eq === positive;
        if (value.t === 'undefined' || value.t === 'null' || (value.t === 'string' && value.v === '')) return holds ? { kind: 'no-origin' } : { kind: 'any-origin' };
        if (value.t === 'string' && holds) return { kind: 'matchers', entries: [exactEntry(value.v, value, useSite)] };
        if (!holds) return { kind: 'any-origin' }; // every origin but one: every attacker origin
        return { kind: 'unknown', why: `compared with ${describeUnknown(value)}` };
      }
      // list.includes(origin) !== -1: a boolean is never -1, so the test always holds (a common slip).
      const boolCall = booleanCall(t.left) ?? booleanCall(t.right);
      if (boolCall && originArg(boolCall.arguments[0], isOrigin)) {
        const n = ev.evaluate(boolCall === unwrap(t.left) ? t.right : (t.left as Node), mod);
        if (n.t === 'number') return ne === positive ? { kind: 'any-origin' } : { kind: 'no-origin' };
      }
      // origin.indexOf('example.com') !== -1: a substring of the Origin.
      const inOrigin = indexOfCall(t.left) ?? indexOfCall(t.right);
      if (inOrigin && isOrigin(inOrigin.callee.object) && inOrigin.arguments[0]) {
        const n = ev.evaluate(inOrigin === unwrap(t.left) ? t.right : (t.left as Node), mod);
        const part = ev.evaluate(inOrigin.arguments[0] as Node, mod);
        if (n.t === 'number' && n.v === -1 && part.t === 'string' && ne === positive) return { kind: 'matchers', entries: [jsRegexEntry(escapeRegex(part.v), '', part, useSite, `origin.indexOf(${quoted(part.v)}) !== -1`)] };
        if (n.t === 'number' && n.v === 0 && part.t === 'string' && eq === positive) return { kind: 'matchers', entries: [jsRegexEntry(`^${escapeRegex(part.v)}`, '', part, useSite, `origin.indexOf(${quoted(part.v)}) === 0`)] };
      }
      // list.indexOf(origin) !== -1
      const idx = indexOfCall(t.left) ?? indexOfCall(t.right);
      if (idx && originArg(idx.arguments[0], isOrigin)) {
        const n = ev.evaluate(idx === unwrap(t.left) ? t.right : (t.left as Node), mod);
        if (n.t === 'number' && n.v === -1) return membership(idx.callee.object, ne === positive, ev, mod, text);
      }
    }
    const idx = indexOfCall(t.left);
    if (idx && originArg(idx.arguments[0], isOrigin) && (t.operator === '>' || t.operator === '>=' || t.operator === '<')) {
      const n = ev.evaluate(t.right, mod);
      if (n.t === 'number') {
        const present = (t.operator === '>' && n.v === -1) || (t.operator === '>=' && n.v === 0);
        const absent = t.operator === '<' && n.v === 0;
        if (present || absent) return membership(idx.callee.object, present === positive, ev, mod, text);
      }
    }
    return { kind: 'unknown', why: `condition \`${text}\`` };
  }
  if (t.type === 'CallExpression' && t.callee.type === 'MemberExpression') {
    const method = memberName(t.callee);
    const target = t.callee.object;
    const arg = t.arguments[0];
    if (!positive) {
      // Accepting every origin that fails a membership or pattern test admits every attacker origin
      // (a deny-list is no allowlist), so the site accepts, for an attacker, any origin.
      const testsOrigin =
        (['includes', 'has', 'test'].includes(method ?? '') && originArg(arg, isOrigin)) ||
        (['match', 'search', 'endsWith', 'startsWith'].includes(method ?? '') && isOrigin(target));
      if (testsOrigin) return { kind: 'any-origin' };
      return { kind: 'unknown', why: `accepts origins for which \`${text}\` is false` };
    }
    if ((method === 'includes' || method === 'has') && originArg(arg, isOrigin)) return membership(target, true, ev, mod, text);
    // origin.includes('example.com'): a substring of the Origin, i.e. an unanchored search for the text.
    if (method === 'includes' && isOrigin(target) && arg) {
      const part = ev.evaluate(arg, mod);
      if (part.t === 'string') return { kind: 'matchers', entries: [jsRegexEntry(escapeRegex(part.v), '', part, useSite, `origin.includes(${quoted(part.v)})`)] };
      return { kind: 'unknown', why: `includes of ${describeUnknown(part)}` };
    }
    if (method === 'test' && originArg(arg, isOrigin)) {
      const re = ev.evaluate(target, mod);
      if (re.t === 'regex') return { kind: 'matchers', entries: [jsRegexEntry(re.pattern, re.flags, re, useSite)] };
      return { kind: 'unknown', why: `regex \`${textOf(target, mod.text, 60)}\`: ${describeUnknown(re)}` };
    }
    if ((method === 'match' || method === 'search') && isOrigin(target) && arg) {
      const re = ev.evaluate(arg, mod);
      if (re.t === 'regex') return { kind: 'matchers', entries: [jsRegexEntry(re.pattern, re.flags, re, useSite)] };
      if (re.t === 'string' && method === 'match') return { kind: 'matchers', entries: [jsRegexEntry(re.v, '', re, useSite)] };
      return { kind: 'unknown', why: `pattern \`${textOf(arg, mod.text, 60)}\`: ${describeUnknown(re)}` };
    }
    // ('.' + origin).endsWith(domain): true when origin ends with domain, or when '.' + origin is domain itself.
    const dotted = method === 'endsWith' && arg ? dotPrefixedOrigin(target, ev, mod, isOrigin) : undefined;
    if (dotted !== undefined && arg) {
      const suffix = ev.evaluate(arg, mod);
      if (suffix.t === 'string') return { kind: 'matchers', entries: [jsRegexEntry(dottedSuffixPattern(dotted, suffix.v), '', suffix, useSite, `('.' + origin).endsWith(${quoted(suffix.v)})`)] };
      return { kind: 'unknown', why: `endsWith of ${describeUnknown(suffix)}` };
    }
    if ((method === 'endsWith' || method === 'startsWith') && isOrigin(target) && arg) {
      const suffix = ev.evaluate(arg, mod);
      if (suffix.t === 'string') {
        const pattern = method === 'endsWith' ? `${escapeRegex(suffix.v)}$` : `^${escapeRegex(suffix.v)}`;
        return { kind: 'matchers', entries: [jsRegexEntry(pattern, '', suffix, useSite, `origin.${method}(${quoted(suffix.v)})`)] };
      }
      return { kind: 'unknown', why: `${method} of ${describeUnknown(suffix)}` };
    }
    // list.some(x => x === origin), list.some(re => re.test(origin)), list.some(s => origin.endsWith(s))
    if (method === 'some' && arg && (arg.type === 'ArrowFunctionExpression' || arg.type === 'FunctionExpression')) {
      return someCallback(target, arg, ev, mod, isOrigin, text);
    }
  }
  return { kind: 'unknown', why: `condition \`${text}\`` };
}

/** The request Origin as a call argument: `origin`, `origin as string`, `origin || ''`, `origin ?? ''`. */
function originArg(arg: Node | undefined, isOrigin: IsOrigin): boolean {
  if (!arg || arg.type === 'SpreadElement') return false;
  const a = unwrap(arg);
  if (isOrigin(a)) return true;
  return a.type === 'LogicalExpression' && a.operator !== '&&' && isOrigin(a.left);
}

/** `x.includes(...)` / `x.has(...)`: calls that return a boolean. */
function booleanCall(node: Node): TSESTree.CallExpression | undefined {
  const n = unwrap(node);
  return n.type === 'CallExpression' && n.callee.type === 'MemberExpression' && /^(?:includes|has)$/.test(memberName(n.callee) ?? '') ? n : undefined;
}

function indexOfCall(node: Node): (TSESTree.CallExpression & { callee: TSESTree.MemberExpression }) | undefined {
  const n = unwrap(node);
  return n.type === 'CallExpression' && n.callee.type === 'MemberExpression' && memberName(n.callee) === 'indexOf' ? (n as TSESTree.CallExpression & { callee: TSESTree.MemberExpression }) : undefined;
}

function membership(listNode: Node, present: boolean, ev: Evaluator, mod: JsModule, text: string): TestMeaning {
  if (!present) return { kind: 'unknown', why: `accepts origins that are not in \`${textOf(listNode, mod.text, 60)}\`` };
  const list = ev.evaluate(listNode, mod);
  const useSite: WrittenAt = { mod, node: listNode };
  if (list.t === 'string') {
    // String.prototype.includes / indexOf: a substring test, not a list lookup.
    return { kind: 'matchers', entries: [{ kind: 'substring', haystack: list.v, ...whereWritten(list, useSite) }] };
  }
  if (list.t === 'array') return { kind: 'matchers', entries: listEntries(list, useSite, false) };
  // process.env.X is a string: indexOf / includes on it is a substring test of a value the scan cannot see.
  if (list.t === 'unknown' && list.env && !list.envDriven) {
    const why = `substring test: \`${text}\` searches the string in environment variable ${list.env} (not split into a list), so any part of its value is accepted`;
    return { kind: 'matchers', entries: [{ kind: 'unknown', why, substringOfEnv: list.env, source: list.env, ...whereWritten(list, useSite) }] };
  }
  return { kind: 'unknown', why: `membership in \`${textOf(listNode, mod.text, 60)}\` (${describeUnknown(list)}) in \`${text}\`` };
}

function someCallback(listNode: Node, fn: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression, ev: Evaluator, mod: JsModule, isOrigin: IsOrigin, text: string): TestMeaning {
  const param = fn.params[0];
  const body = fn.body.type === 'BlockStatement' ? (fn.body.body.length === 1 && fn.body.body[0]!.type === 'ReturnStatement' ? fn.body.body[0].argument : undefined) : fn.body;
  if (!param || param.type !== 'Identifier' || !body) return { kind: 'unknown', why: `condition \`${text}\`` };
  return itemTests(listNode, param.name, body, ev, mod, isOrigin, text);
}

/**
 * A test of the request Origin against each item of a list (the body of `list.some(item => ...)` or
 * of a `for (const item of list)` loop): `item === origin`, `item.test(origin)`,
 * `origin.endsWith(item)` / `origin.startsWith(item)`, `('.' + origin).endsWith(item)`.
 */
function itemTests(listNode: Node, name: string, body: Node, ev: Evaluator, mod: JsModule, isOrigin: IsOrigin, text: string): TestMeaning {
  const list = ev.evaluate(listNode, mod);
  if (list.t !== 'array') return { kind: 'unknown', why: `condition \`${text}\` over \`${textOf(listNode, mod.text, 60)}\` (${describeUnknown(list)})` };
  const b = unwrap(body);
  const isParam = (n: Node) => {
    const u = unwrap(n);
    return u.type === 'Identifier' && u.name === name;
  };
  const useSite: WrittenAt = { mod, node: listNode };
  const out: OriginEntry[] = [];
  const call = b.type === 'CallExpression' && b.callee.type === 'MemberExpression' ? { method: memberName(b.callee), object: b.callee.object as Node, arg: b.arguments[0] as Node | undefined } : undefined;
  for (const item of list.items) {
    if (b.type === 'BinaryExpression' && (b.operator === '===' || b.operator === '==') && ((isParam(b.left) && isOrigin(b.right)) || (isParam(b.right) && isOrigin(b.left as Node)))) {
      out.push(...listEntries({ t: 'array', items: [item] }, useSite, false));
    } else if (call?.method === 'test' && isParam(call.object) && call.arg && isOrigin(call.arg)) {
      out.push(item.t === 'regex' ? jsRegexEntry(item.pattern, item.flags, item, useSite) : { kind: 'unknown', why: `tested with ${describeUnknown(item)}` });
    } else if ((call?.method === 'endsWith' || call?.method === 'startsWith') && isOrigin(call.object) && call.arg && isParam(call.arg)) {
      const ends = call.method === 'endsWith';
      out.push(item.t === 'string' ? jsRegexEntry(ends ? `${escapeRegex(item.v)}$` : `^${escapeRegex(item.v)}`, '', item, useSite, `origin.${call.method}(${quoted(item.v)})`) : { kind: 'unknown', why: `${call.method} ${describeUnknown(item)}` });
    } else if (call?.method === 'endsWith' && call.arg && isParam(call.arg) && dotPrefixedOrigin(call.object, ev, mod, isOrigin) !== undefined) {
      const dot = dotPrefixedOrigin(call.object, ev, mod, isOrigin)!;
      out.push(item.t === 'string' ? jsRegexEntry(dottedSuffixPattern(dot, item.v), '', item, useSite, `('.' + origin).endsWith(${quoted(item.v)})`) : { kind: 'unknown', why: `suffix ${describeUnknown(item)}` });
    } else {
      return { kind: 'unknown', why: `condition \`${text}\`` };
    }
  }
  return { kind: 'matchers', entries: out };
}

/** The binding of a `for (const x of list)` loop variable that the test reads, with the list it walks. */
function loopVariableIn(test: Node, mod: JsModule): { name: string; list: Node } | undefined {
  let found: { name: string; list: Node } | undefined;
  walk(test, (n) => {
    if (found || n.type !== 'Identifier') return;
    const binding = mod.scopes.lookup(n);
    if (!binding || binding.kind === 'param' || binding.kind === 'import') return;
    const declarator = mod.scopes.parentOf(binding.id);
    const declaration = declarator ? mod.scopes.parentOf(declarator) : undefined;
    const loop = declaration ? mod.scopes.parentOf(declaration) : undefined;
    if (declarator?.type === 'VariableDeclarator' && declarator.id === binding.id && loop?.type === 'ForOfStatement' && loop.left === declaration) {
      found = { name: binding.name, list: loop.right };
    }
  });
  return found;
}

/** `'.' + origin` (or a template `.${origin}`): the prefix written before the Origin, else undefined. */
function dotPrefixedOrigin(node: Node, ev: Evaluator, mod: JsModule, isOrigin: IsOrigin): string | undefined {
  const n = unwrap(node);
  if (n.type === 'BinaryExpression' && n.operator === '+' && isOrigin(n.right)) {
    const prefix = ev.evaluate(n.left as Node, mod);
    return prefix.t === 'string' ? prefix.v : undefined;
  }
  if (n.type === 'TemplateLiteral' && n.expressions.length === 1 && isOrigin(n.expressions[0]!) && n.quasis[1]?.value.cooked === '') {
    return n.quasis[0]?.value.cooked ?? undefined;
  }
  return undefined;
}

/**
 * What `(prefix + origin).endsWith(suffix)` accepts, as a `.test` pattern on the Origin: the origin
 * ends with the suffix, or the origin is the part of the suffix after the prefix.
 */
function dottedSuffixPattern(prefix: string, suffix: string): string {
  if (suffix.length > prefix.length && suffix.startsWith(prefix)) return `(?:${escapeRegex(suffix)}|^${escapeRegex(suffix.slice(prefix.length))})$`;
  return `${escapeRegex(suffix)}$`;
}

/**
 * What an accept site means when all its guards (enclosing ifs, early exits, ternary tests) hold:
 * tests that do not look at the Origin narrow nothing; two Origin tests at once are not modelled.
 */
export function guardsHold(a: TestMeaning, b: TestMeaning): TestMeaning {
  if (a.kind === 'unknown') return a;
  if (b.kind === 'unknown') return b;
  if (a.kind === 'any-origin') return b;
  if (b.kind === 'any-origin') return a;
  if (a.kind === 'no-origin' || b.kind === 'no-origin') return { kind: 'no-origin' };
  if (a.kind === 'not-origin' && b.kind === 'not-origin') return { kind: 'not-origin', text: `${a.text} && ${b.text}` };
  if (a.kind === 'not-origin') return b;
  if (b.kind === 'not-origin') return a;
  return { kind: 'unknown', why: 'several origin conditions at once' };
}

function union(a: TestMeaning, b: TestMeaning): TestMeaning {
  if (a.kind === 'unknown') return a;
  if (b.kind === 'unknown') return b;
  if (a.kind === 'any-origin' || b.kind === 'any-origin') return { kind: 'any-origin' };
  if (a.kind === 'not-origin' || b.kind === 'not-origin') {
    const cond = a.kind === 'not-origin' ? a : (b as { kind: 'not-origin'; text: string });
    return { kind: 'unknown', why: `accepts every origin when \`${cond.text}\`` };
  }
  if (a.kind === 'no-origin') return b.kind === 'matchers' ? { ...b, alsoWithoutOrigin: true } : b;
  if (b.kind === 'no-origin') return { ...a, alsoWithoutOrigin: true };
  return { kind: 'matchers', entries: [...a.entries, ...b.entries], alsoWithoutOrigin: a.alsoWithoutOrigin || b.alsoWithoutOrigin };
}

function intersect(a: TestMeaning, b: TestMeaning, text: string): TestMeaning {
  if (a.kind === 'unknown') return a;
  if (b.kind === 'unknown') return b;
  if (a.kind === 'any-origin') return b;
  if (b.kind === 'any-origin') return a;
  if (a.kind === 'not-origin' && b.kind !== 'not-origin') return b;
  if (b.kind === 'not-origin' && a.kind !== 'not-origin') return a;
  if (a.kind === 'no-origin' || b.kind === 'no-origin') return { kind: 'no-origin' };
  return { kind: 'unknown', why: `two origin conditions at once: \`${text}\`` };
}
