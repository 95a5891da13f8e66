import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { memberName, spanOf, textOf, unwrap, type Node } from './ast.js';
import type { JsModule } from './modules.js';
import type { Evaluator, JsValue } from './values.js';
import type { Span } from '../../model/types.js';

export const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'options', 'head']);

/** `app.use(...)`, `router.get(path, ...)`: one registration on an Express-like app or router. */
export interface Registration {
  call: TSESTree.CallExpression;
  /** Identity of the app/router object (binding declaration position, or source text). */
  receiverKey: string;
  receiverName: string;
  /** 'use' or the lower-case route method. */
  method: string;
  /** The path as written: a string, `/regex/` for a RegExp, undefined when absent, '?' when unknown. */
  path?: string;
  pathIsRegex?: boolean;
  /** Arguments after the path (middleware and handlers). */
  handlers: Node[];
  span: Span;
  /** The receiver was created by express.Router() / Router() or is named like a router. */
  isRouter: boolean;
  /** `app.use([path,] router)`: the registration mounts a router (its routes answer here). */
  mountsRouter?: boolean;
}

/** Collects every use/route registration in a module, in source order. */
export function collectRegistrations(mod: JsModule, ev: Evaluator): Registration[] {
  const out: Registration[] = [];
  for (const node of mod.scopes.nodes) {
    if (node.type !== 'CallExpression') continue;
    const callee = unwrap(node.callee);
    if (callee.type !== 'MemberExpression') continue;
    const method = memberName(callee)?.toLowerCase();
    if (!method || (method !== 'use' && !ROUTE_METHODS.has(method))) continue;
    const args = node.arguments.filter((a): a is TSESTree.Expression => a.type !== 'SpreadElement') as Node[];
    if (!args.length) continue;
    const receiver = unwrap(callee.object);
    // `app.route('/x').get(...)`: the path is on the route() call.
    let routePath: Node | undefined;
    let base: Node = receiver;
    if (receiver.type === 'CallExpression' && receiver.callee.type === 'MemberExpression' && memberName(receiver.callee) === 'route') {
      routePath = receiver.arguments[0] as Node | undefined;
      base = unwrap(receiver.callee.object);
    }
    const first = args[0]!;
    const firstValue = routePath ? undefined : ev.evaluate(first, mod);
    const hasPath = routePath !== undefined || (firstValue !== undefined && isPathValue(firstValue, first));
    if (method !== 'use' && !hasPath && args.length < 1) continue;
    // `map.get(key)`, `headers.get('x')`, `req.get('origin')`: route methods take a path and a handler.
    if (method !== 'use' && (!hasPath || (!routePath && args.length < 2))) continue;
    const pathValue = routePath ? ev.evaluate(routePath, mod) : hasPath ? firstValue : undefined;
    const { key, name, isRouter } = receiverIdentity(base, mod, ev);
    const handlers = routePath ? args : hasPath ? args.slice(1) : args;
    const mountsRouter = method === 'use' && handlers.some((h) => unwrap(h).type === 'Identifier' && receiverIdentity(h, mod, ev).isRouter);
    out.push({
      call: node,
      receiverKey: key,
      receiverName: name,
      method,
      path: pathValue === undefined ? undefined : pathText(pathValue),
      pathIsRegex: pathValue?.t === 'regex',
      handlers,
      span: spanOf(node, mod.path),
      isRouter,
      ...(mountsRouter ? { mountsRouter } : {}),
    });
  }
  return out;
}

function isPathValue(value: JsValue, node: Node): boolean {
  if (value.t === 'string' || value.t === 'regex') return true;
  if (value.t === 'array') return value.items.every((i) => i.t === 'string' || i.t === 'regex');
  // An unresolved first argument that reads like a path constant (not a middleware reference).
  if (value.t !== 'unknown') return false;
  const n = unwrap(node);
  if (n.type === 'TemplateLiteral' || n.type === 'BinaryExpression') return true;
  if (n.type === 'MemberExpression') return !n.computed && /path|prefix|route|url|base/i.test(memberName(n) ?? '');
  return false;
}

function pathText(value: JsValue): string {
  if (value.t === 'string') return value.v;
  if (value.t === 'regex') return `/${value.pattern}/${value.flags}`;
  if (value.t === 'array') return value.items.map(pathText).join(',');
  return '?';
}

export function receiverIdentity(node: Node, mod: JsModule, ev: Evaluator): { key: string; name: string; isRouter: boolean } {
  const n = unwrap(node);
  const name = textOf(n, mod.text, 60);
  if (n.type === 'Identifier') {
    const binding = mod.scopes.lookup(n);
    let isRouter = /router$/i.test(n.name);
    if (binding?.init) {
      const init = unwrap(binding.init);
      if (init.type === 'CallExpression' || init.type === 'NewExpression') {
        const callee = ev.evaluate(init.callee, mod);
        if (callee.t === 'package' && callee.member && /(^|\.)Router$/.test(callee.member)) isRouter = true;
        if (callee.t === 'package' && /router/i.test(callee.source)) isRouter = true;
      }
    }
    return { key: binding ? `${n.name}@${binding.id.range[0]}` : n.name, name: n.name, isRouter };
  }
  return { key: name, name, isRouter: /router$/i.test(name) };
}
