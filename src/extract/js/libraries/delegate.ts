import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { OriginEntry } from '../../../model/types.js';
import { unwrap, walk, type Node } from '../ast.js';
import { decideSites, type Site } from '../origin-function.js';
import { originTester } from '../origins.js';
import type { Evaluator, JsValue, ValueOf } from '../values.js';

/**
 * An options delegate `(req, callback) => callback(null, options)`: when every call hands back
 * the same resolvable options object, those options are the policy; otherwise it is per request.
 */
export function classifyDelegate(fnValue: ValueOf<'function'>, ev: Evaluator): { options?: JsValue; how: string } {
  const { fn, mod } = fnValue;
  const cb = fn.params[1];
  const handed: Node[] = [];
  if (cb?.type === 'Identifier') {
    walk(fn.body, (node) => {
      if (node.type === 'CallExpression' && unwrap(node.callee).type === 'Identifier' && (unwrap(node.callee) as TSESTree.Identifier).name === cb.name && node.arguments[1]) {
        handed.push(node.arguments[1] as Node);
      }
    });
  } else if (fn.body.type !== 'BlockStatement') {
    handed.push(fn.body);
  } else {
    walk(fn.body, (node) => {
      if (node.type === 'ReturnStatement' && node.argument && mod.scopes.enclosingFunction(node) === fn) handed.push(node.argument);
    });
  }
  if (handed.length !== 1) return { how: handed.length ? `it passes back ${handed.length} different options objects` : 'it passes back no options object the scanner can see' };
  const options = ev.evaluate(handed[0], mod);
  if (options.t !== 'object') return { how: 'the options it passes back are not a constant object' };
  return { options, how: 'one options object' };
}

/**
 * The options-delegate pattern of the cors README: the delegate hands back `{ origin: true }` or
 * `{ origin: false }` depending on a test of the request Origin (`allowlist.indexOf(req.header('Origin'))`).
 * Each handed-back object literal is a decision site guarded by its enclosing conditions.
 */
export function delegateOrigins(fnValue: ValueOf<'function'>, ev: Evaluator): { entries: OriginEntry[]; notes: string[]; options?: JsValue } | undefined {
  const { fn, mod } = fnValue;
  const cb = fn.params[1];
  if (cb?.type !== 'Identifier') return undefined;
  const handedNames = new Set<unknown>();
  const objects: Array<{ obj: TSESTree.ObjectExpression; site: Node }> = [];
  const inFn = (node: Node) => mod.scopes.enclosingFunction(node) === fn;
  walk(fn.body, (node) => {
    if (!inFn(node) || node.type !== 'CallExpression') return;
    const callee = unwrap(node.callee);
    if (callee.type !== 'Identifier' || callee.name !== cb.name || !node.arguments[1]) return;
    const handed = unwrap(node.arguments[1] as Node);
    if (handed.type === 'ObjectExpression') objects.push({ obj: handed, site: node });
    else if (handed.type === 'Identifier') {
      const binding = mod.scopes.lookup(handed);
      if (binding) handedNames.add(binding);
    }
  });
  walk(fn.body, (node) => {
    if (!inFn(node)) return;
    if (node.type === 'AssignmentExpression' && node.left.type === 'Identifier' && handedNames.has(mod.scopes.lookup(node.left))) {
      const right = unwrap(node.right);
      if (right.type === 'ObjectExpression') objects.push({ obj: right, site: node });
    } else if (node.type === 'VariableDeclarator' && node.id.type === 'Identifier' && node.init && handedNames.has(mod.scopes.lookup(node.id))) {
      const init = unwrap(node.init);
      if (init.type === 'ObjectExpression') objects.push({ obj: init, site: node });
    }
  });
  if (!objects.length) return undefined;
  const sites: Site[] = [];
  const entries: OriginEntry[] = [];
  let accepting: JsValue | undefined;
  for (const { obj, site } of objects) {
    const value = ev.evaluate(obj, mod);
    if (value.t !== 'object') return undefined;
    let originProp: TSESTree.Property | undefined;
    for (const p of obj.properties) if (p.type === 'Property' && !p.computed && p.key.type === 'Identifier' && p.key.name === 'origin') originProp = p;
    if (!originProp) {
      if (value.unknownSpread) return undefined;
      entries.push({ kind: 'any', sentVerbatim: true });
      accepting ??= value;
      continue;
    }
    const origin = ev.evaluate(originProp.value as Node, mod);
    if (origin.t === 'boolean' && !origin.v) continue;
    accepting ??= value;
    sites.push({ node: site, value: originProp.value as Node, rejected: false });
  }
  const decided = decideSites(sites, fn, mod, ev, originTester(ev, mod));
  const notes = ['options come from a delegate function; origins modelled from the options objects it hands back'];
  if (decided.withoutOrigin) notes.push('the delegate also accepts requests without an Origin header');
  return { entries: [...entries, ...decided.entries], notes, options: accepting };
}
