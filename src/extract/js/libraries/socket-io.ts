// socket.io 3+ hands its `cors` option to npm cors. Read from socketio/socket.io lib/index.ts and
// socketio/engine.io lib/server.ts:
// - `new Server(httpServer, opts)`, `new Server(opts)` (an object without listen() is the options),
//   `require('socket.io')(httpServer, opts)` (the default export is `(srv, opts) => new Server(srv, opts)`);
//   attach()/listen() pass the same options to engine.io;
// - engine.io's BaseServer defaults `cors: false` and runs `if (this.opts.cors) this.use(require("cors")(this.opts.cors))`,
//   so `cors: true` is cors() with its defaults (origin '*'), an object is npm cors options, a function
//   is an npm cors options delegate, and no `cors` option sends no CORS headers at all;
// - the middleware runs for engine.io's own requests (the /socket.io/ path: polling and upgrades).
// socket.io 2 had a top-level `origins` option of its own; from 3.0 that key is not read.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { CorsPolicy } from '../../../model/types.js';
import { newPolicy } from '../../../model/policy.js';
import { spanOf, type Node } from '../ast.js';
import { spanAt } from '../origins.js';
import type { JsModule } from '../modules.js';
import type { PackageVersions } from '../package-versions.js';
import type { Evaluator, JsValue } from '../values.js';
import { npmCorsPolicy } from './npm-cors.js';

const SOCKET_IO_NOTE = "socket.io: engine.io passes the cors option to npm cors (require('cors')(opts.cors)) for its own requests under the socket.io path";

/** The policy a socket.io server construction produces, or undefined when it is none or sends no CORS headers. */
export function socketIoPolicy(node: TSESTree.CallExpression | TSESTree.NewExpression, mod: JsModule, ev: Evaluator, versions: PackageVersions): CorsPolicy | undefined {
  const ctor = ev.evaluate(node.callee, mod);
  if (ctor.t !== 'package' || ctor.source !== 'socket.io') return undefined;
  // `new Server(...)` (named export) or the default export called as a factory (or with new, as in 2.x).
  const isServer = ctor.member === 'Server' ? node.type === 'NewExpression' : ctor.member === undefined;
  if (!isServer) return undefined;
  const optionsArg = optionsArgument(node, mod, ev);
  if (!optionsArg) return undefined;
  const { node: optionsNode, value: options } = optionsArg;
  if (options.t !== 'object') return undefined;
  const name = holderName(node, mod);
  const scope = { kind: 'app' as const, name: name ? `socket.io server ${name}` : 'socket.io server' };
  const span = spanOf(node, mod.path);
  const cors = options.props.get('cors');
  if (!cors || cors.t === 'undefined' || cors.t === 'null' || (cors.t === 'boolean' && !cors.v)) {
    return topLevelOrigins(options, optionsNode, mod, versions, span, scope);
  }
  const keyAt = options.keys.get('cors');
  const corsNode = keyAt && keyAt.node.type === 'Property' && keyAt.mod === mod ? (keyAt.node.value as Node) : undefined;
  const policy =
    cors.t === 'boolean'
      ? npmCorsPolicy({ stack: 'express', span, scope, optionsNode: undefined, optionsValue: { t: 'undefined' }, mod, ev })
      : npmCorsPolicy({ stack: 'express', span, scope, optionsNode: corsNode, ...(corsNode ? {} : { optionsValue: cors }), mod, ev });
  policy.notes = [...(policy.notes ?? []), SOCKET_IO_NOTE];
  policy.mountedBy = 'socket.io';
  return policy;
}

/** The options object: the second argument, or the first when it is an options object (no server). */
function optionsArgument(node: TSESTree.CallExpression | TSESTree.NewExpression, mod: JsModule, ev: Evaluator): { node: Node; value: JsValue } | undefined {
  const [first, second] = node.arguments;
  if (second && second.type !== 'SpreadElement') return { node: second, value: ev.evaluate(second, mod) };
  if (first && first.type !== 'SpreadElement') {
    const value = ev.evaluate(first, mod);
    if (value.t === 'object' && !value.props.has('listen')) return { node: first, value };
  }
  return undefined;
}

/**
 * No `cors` option: socket.io sends no CORS headers. When the project declares socket.io 3 or later
 * and the options carry the 2.x `origins` key, that key is dead configuration: say so.
 */
function topLevelOrigins(
  options: Extract<JsValue, { t: 'object' }>,
  optionsNode: Node,
  mod: JsModule,
  versions: PackageVersions,
  span: CorsPolicy['span'],
  scope: CorsPolicy['scope'],
): CorsPolicy | undefined {
  const origins = options.keys.get('origins');
  const declared = versions.dependency(mod.absPath, 'socket.io');
  if (!origins || declared?.major === undefined || declared.major < 3) return undefined;
  const keySpan = spanAt(origins) ?? spanOf(optionsNode, mod.path);
  const policy = newPolicy({ stack: 'express', library: 'cors', span, scope });
  policy.origins = [];
  policy.libraryOptions = { disabled: true };
  policy.invalidOptions = [
    {
      name: 'origins',
      span: keySpan,
      problem: 'unknown-option',
      effect: 'ignored',
      suggestion: 'cors',
      consequence: `socket.io ${declared.range} reads CORS settings only from the \`cors\` option (the 2.x \`origins\` key is gone), so no CORS headers are sent and cross-origin polling requests fail`,
    },
  ];
  policy.notes = [SOCKET_IO_NOTE, `socket.io ${declared.range} (${declared.file}): no cors option, so the cors middleware is not installed`];
  policy.mountedBy = 'socket.io';
  return policy;
}

function holderName(node: Node, mod: JsModule): string | undefined {
  const parent = mod.scopes.parentOf(node);
  if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') return parent.id.name;
  if (parent?.type === 'AssignmentExpression' && parent.left.type === 'Identifier') return parent.left.name;
  return undefined;
}
