import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { OriginEntry } from '../../model/types.js';
import { isFunction, textOf, unwrap, walk, type FunctionNode, type Node } from './ast.js';
import type { JsModule } from './modules.js';
import { classifyTest, exactEntry, guardsHold, listEntries, originTester, type IsOrigin, type TestMeaning } from './origins.js';
import type { Evaluator, WrittenAt } from './values.js';

export interface OriginDecision {
  entries: OriginEntry[];
  notes: string[];
}

/**
 * How the origin function's owner calls it:
 * - 'callback': `(origin, callback) => callback(null, allowed)` or a promise of the value (npm cors, @fastify/cors);
 * - 'koa': `(ctx) => originString` (@koa/cors; a falsy result disables CORS for the request).
 */
export type OriginFunctionStyle = 'callback' | 'koa';

export interface Site {
  node: Node;
  /** What the function hands back at this point. */
  value: Node | undefined;
  rejected: boolean;
  /** Conditions from a ternary inside the returned value (`ok ? origin : ''`). */
  extra?: Array<{ test: Node; positive: boolean }>;
}

/**
 * Classifies an origin function by its shape: always accepts (reflect), membership in a
 * resolvable list, regex test, suffix test; anything else is unknown with the reason.
 */
export function classifyOriginFunction(fn: FunctionNode, mod: JsModule, ev: Evaluator, style: OriginFunctionStyle): OriginDecision {
  const notes: string[] = [];
  const originParam = style === 'callback' ? fn.params[0] : undefined;
  const cbParam = style === 'callback' ? fn.params[1] : undefined;
  const originBindings = new Set<unknown>();
  if (originParam?.type === 'Identifier') {
    const b = mod.scopes.lookupName(originParam.name, fn.body);
    if (b) originBindings.add(b);
  }
  const isOrigin = originTester(ev, mod, new Set(), originBindings);
  const cbName = cbParam?.type === 'Identifier' ? cbParam.name : undefined;
  const sites = collectSites(fn, mod, cbName);
  const fnText = textOf(fn, mod.text, 100);
  if (!sites.length) return { entries: [{ kind: 'unknown', why: `origin function \`${fnText}\`: no decision found` }], notes };

  const { entries, withoutOrigin } = decideSites(sites, fn, mod, ev, isOrigin);
  if (withoutOrigin) {
    notes.push('the origin function also accepts requests without an Origin header (same-origin requests, curl, server-to-server); no Access-Control-Allow-Origin is sent for them');
  }
  if (!entries.length && !withoutOrigin) notes.push(`the origin function \`${fnText}\` never accepts an origin`);
  return { entries: dedupe(entries), notes };
}

/** What a set of accept/reject sites of one function accepts, from their guards and values. */
export function decideSites(sites: Site[], fn: FunctionNode, mod: JsModule, ev: Evaluator, isOrigin: IsOrigin): { entries: OriginEntry[]; withoutOrigin: boolean } {
  const entries: OriginEntry[] = [];
  let withoutOrigin = false;
  for (const site of expandTernaries(sites)) {
    if (site.rejected) continue;
    const conditions = [...guardsOf(site.node, fn, mod), ...(site.extra ?? [])];
    let meaning: TestMeaning = { kind: 'any-origin' };
    for (const c of conditions) meaning = guardsHold(meaning, classifyTest(c.test, c.positive, ev, mod, isOrigin));
    const value = site.value ? unwrap(site.value) : undefined;
    const resolved = value ? ev.evaluate(value, mod) : undefined;
    const useSite: WrittenAt | undefined = value ? { mod, node: value } : undefined;
    if (!value || !resolved) continue;
    if (isOrigin(value) || (resolved.t === 'boolean' && resolved.v)) {
      // Accepts (echoes) the request Origin under the conditions.
    } else if (resolved.t === 'boolean' || resolved.t === 'null' || resolved.t === 'undefined' || (resolved.t === 'string' && resolved.v === '')) {
      continue;
    } else if (resolved.t === 'string') {
      // A fixed value handed back is sent as is (npm cors / @koa/cors).
      entries.push(resolved.v === '*' ? { kind: 'any', sentVerbatim: true } : { ...exactEntry(resolved.v, resolved, useSite), sentVerbatim: true });
      continue;
    } else if (resolved.t === 'array' || resolved.t === 'regex') {
      entries.push(...listEntries(resolved, useSite, true));
      continue;
    } else {
      meaning = guardsHold(meaning, classifyTest(value, true, ev, mod, isOrigin));
    }
    switch (meaning.kind) {
      case 'any-origin':
        entries.push({ kind: 'reflect' });
        break;
      case 'not-origin':
        entries.push({ kind: 'reflect', condition: meaning.text });
        break;
      case 'no-origin':
        withoutOrigin = true;
        break;
      case 'matchers':
        entries.push(...meaning.entries);
        if (meaning.alsoWithoutOrigin) withoutOrigin = true;
        break;
      case 'unknown':
        entries.push({ kind: 'unknown', why: `origin function: ${meaning.why}` });
        break;
    }
  }
  return { entries, withoutOrigin };
}

/** `cb(null, ok ? true : false)` / `return ok ? origin : ''`: one site per branch, with the test as a condition. */
function expandTernaries(sites: Site[]): Site[] {
  const out: Site[] = [];
  const queue = [...sites];
  while (queue.length) {
    const site = queue.shift()!;
    const value = site.value ? unwrap(site.value) : undefined;
    if (!site.rejected && value?.type === 'ConditionalExpression') {
      const extra = site.extra ?? [];
      queue.unshift(
        { ...site, value: value.consequent, extra: [...extra, { test: value.test, positive: true }] },
        { ...site, value: value.alternate, extra: [...extra, { test: value.test, positive: false }] },
      );
      continue;
    }
    out.push(site);
  }
  return out;
}

/** Callback calls and returns that decide the origin, outside nested functions. */
function collectSites(fn: FunctionNode, mod: JsModule, cbName: string | undefined): Site[] {
  const sites: Site[] = [];
  if (fn.body.type !== 'BlockStatement') {
    const body = unwrap(fn.body);
    if (!(cbName && isCallTo(body, cbName))) sites.push({ node: body, value: body, rejected: false });
  }
  walk(fn.body, (node) => {
    if (mod.scopes.enclosingFunction(node) !== fn) return;
    if (cbName && isCallTo(node, cbName)) {
      const call = node as TSESTree.CallExpression;
      const err = call.arguments[0];
      const errorPassed = err && !(err.type === 'Literal' && err.value === null) && !(err.type === 'Identifier' && err.name === 'undefined');
      sites.push({ node, value: call.arguments[1] as Node | undefined, rejected: !!errorPassed || call.arguments.length < 2 });
    } else if (node.type === 'ReturnStatement' && node.argument && !(cbName && isCallTo(unwrap(node.argument), cbName))) {
      sites.push({ node, value: node.argument, rejected: false });
    }
  });
  return sites;
}

function isCallTo(node: Node, name: string): boolean {
  return node.type === 'CallExpression' && unwrap(node.callee).type === 'Identifier' && (unwrap(node.callee) as TSESTree.Identifier).name === name;
}

/** Conditions under which a node runs inside a function: enclosing if/ternary/&&, and earlier early-exit ifs. */
export function guardsOf(node: Node, fn: Node, mod: JsModule): Array<{ test: Node; positive: boolean }> {
  const out: Array<{ test: Node; positive: boolean }> = [];
  let child = node;
  for (let parent = mod.scopes.parentOf(node); parent && child !== fn; child = parent, parent = mod.scopes.parentOf(parent)) {
    if ((parent.type === 'IfStatement' || parent.type === 'ConditionalExpression') && child !== parent.test) {
      out.push({ test: parent.test, positive: child === parent.consequent });
    } else if (parent.type === 'LogicalExpression' && child === parent.right && parent.operator !== '??') {
      out.push({ test: parent.left, positive: parent.operator === '&&' });
    } else if (parent.type === 'BlockStatement' || parent.type === 'Program' || parent.type === 'SwitchCase') {
      const body = parent.type === 'SwitchCase' ? parent.consequent : parent.body;
      for (const sibling of body) {
        if (sibling === child) break;
        if (sibling.type === 'IfStatement' && !sibling.alternate && alwaysExits(sibling.consequent)) out.push({ test: sibling.test, positive: false });
      }
    }
    if (isFunction(parent)) break;
  }
  return out;
}

function alwaysExits(stmt: Node): boolean {
  if (stmt.type === 'ReturnStatement' || stmt.type === 'ThrowStatement') return true;
  if (stmt.type === 'BlockStatement') return stmt.body.length > 0 && alwaysExits(stmt.body[stmt.body.length - 1]!);
  if (stmt.type === 'IfStatement') return !!stmt.alternate && alwaysExits(stmt.consequent) && alwaysExits(stmt.alternate);
  if (stmt.type === 'ExpressionStatement') return false;
  return false;
}

function dedupe(entries: OriginEntry[]): OriginEntry[] {
  const seen = new Set<string>();
  return entries.filter((e) => {
    const key = JSON.stringify({ ...e, span: undefined, definedAt: undefined }) + JSON.stringify(e.span ?? '');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

