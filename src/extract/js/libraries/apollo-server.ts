// Apollo Server 2/3, standalone package `apollo-server`: `new ApolloServer({ cors })` followed by
// listen(). Read from apollo-server/src/index.ts and apollo-server-express/src/ApolloServer.ts:
// listen() builds an Express app and calls applyMiddleware with `cors: this.cors` when the option
// is given, `{ origin: '*' }` otherwise; applyMiddleware mounts `cors()` (npm cors) for `true`,
// `cors(options)` for an object, and nothing for `false`.
// Only the standalone package does this; apollo-server-express & co. take `cors` in applyMiddleware.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { CorsPolicy } from '../../../model/types.js';
import { spanOf, type Node } from '../ast.js';
import type { JsModule } from '../modules.js';
import type { Evaluator, JsValue } from '../values.js';
import { npmCorsPolicy } from './npm-cors.js';

export function apolloServerPolicy(node: TSESTree.NewExpression, mod: JsModule, ev: Evaluator): CorsPolicy | undefined {
  const ctor = ev.evaluate(node.callee, mod);
  if (ctor.t !== 'package' || ctor.source !== 'apollo-server' || ctor.member !== 'ApolloServer') return undefined;
  const arg = node.arguments[0];
  if (!arg || arg.type === 'SpreadElement') return undefined;
  const config = ev.evaluate(arg, mod);
  if (config.t !== 'object' || config.unknownSpread) return undefined;
  const parent = mod.scopes.parentOf(node);
  const name = parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier' ? parent.id.name : undefined;
  const base = { stack: 'express' as const, span: spanOf(node, mod.path), scope: { kind: 'app' as const, ...(name ? { name } : {}) }, mod, ev };
  const cors = config.props.get('cors');
  let policy: CorsPolicy;
  if (!cors || cors.t === 'undefined') {
    const star: JsValue = { t: 'object', props: new Map<string, JsValue>([['origin', { t: 'string', v: '*' }]]), keys: new Map() };
    policy = npmCorsPolicy({ ...base, optionsNode: undefined, optionsValue: star });
    policy.notes = [...(policy.notes ?? []), "apollo-server: without a cors option, listen() mounts cors({ origin: '*' })"];
    policy.mountedBy = 'Apollo Server';
    return policy;
  }
  if (cors.t === 'boolean') {
    if (!cors.v) return undefined;
    policy = npmCorsPolicy({ ...base, optionsNode: undefined, optionsValue: { t: 'undefined' } });
  } else {
    const keyAt = config.keys.get('cors');
    const optionsNode = keyAt && keyAt.node.type === 'Property' && keyAt.mod === mod ? (keyAt.node.value as Node) : undefined;
    policy = npmCorsPolicy({ ...base, optionsNode, ...(optionsNode ? {} : { optionsValue: cors }) });
  }
  policy.notes = [...(policy.notes ?? []), 'apollo-server: listen() mounts cors(options) from npm cors on its Express app'];
  policy.mountedBy = 'Apollo Server';
  return policy;
}
