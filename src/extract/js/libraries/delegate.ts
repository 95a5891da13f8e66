import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { unwrap, walk, type Node } from '../ast.js';
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
