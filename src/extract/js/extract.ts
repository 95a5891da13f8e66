import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { CorsPolicy, PolicyScope, Stack } from '../../model/types.js';
import { memberName, spanOf, textOf, unwrap, type Node } from './ast.js';
import { applyExpressFacts, type CorsUse } from './express-facts.js';
import { exportedOptionCandidates, type OptionsCandidate } from './exported-options.js';
import type { PackageVersions } from './package-versions.js';
import { apolloServerPolicy } from './libraries/apollo-server.js';
import { fastifyCorsPolicy } from './libraries/fastify-cors.js';
import { koaCorsPolicy } from './libraries/koa-cors.js';
import { koa2CorsPolicy } from './libraries/koa2-cors.js';
import { npmCorsPolicy } from './libraries/npm-cors.js';
import { socketIoPolicy } from './libraries/socket-io.js';
import { manualHeaderPolicies } from './manual-headers.js';
import type { JsModule } from './modules.js';
import { collectRegistrations, receiverIdentity, type Registration } from './registrations.js';
import type { Evaluator, JsValue } from './values.js';

const FASTIFY_CORS_PACKAGES = new Set(['@fastify/cors', 'fastify-cors']);

/**
 * Every CORS policy one module configures. npm cors options the module defines without handing them
 * to a CORS layer go to `candidates`: the scanner keeps them when no module of the scan consumes them.
 */
export function extractModule(mod: JsModule, ev: Evaluator, versions: PackageVersions, candidates?: OptionsCandidate[]): CorsPolicy[] {
  const fileStack = stackOfFile(mod);
  const registrations = collectRegistrations(mod, ev);
  const policies: CorsPolicy[] = [];
  const uses: CorsUse[] = [];
  const nestFastify = usesNestFastifyAdapter(mod, ev);

  for (const node of mod.scopes.nodes) {
    if (node.type === 'NewExpression') {
      const apollo = apolloServerPolicy(node, mod, ev);
      if (apollo) policies.push(apollo);
      const socketIo = socketIoPolicy(node, mod, ev, versions);
      if (socketIo) policies.push(socketIo);
      continue;
    }
    if (node.type !== 'CallExpression') continue;
    const socketIo = socketIoPolicy(node, mod, ev, versions);
    if (socketIo) {
      policies.push(socketIo);
      continue;
    }
    const callee = unwrap(node.callee);
    const method = callee.type === 'MemberExpression' ? memberName(callee) : undefined;

    if (method === 'register' && node.arguments[0]) {
      const plugin = ev.evaluate(node.arguments[0], mod);
      if (plugin.t === 'package' && FASTIFY_CORS_PACKAGES.has(plugin.source)) {
        const receiver = receiverIdentity((callee as TSESTree.MemberExpression).object, mod, ev);
        policies.push(
          fastifyCorsPolicy({
            stack: fileStack === 'nestjs' ? 'nestjs' : 'fastify',
            span: spanOf(node, mod.path),
            scope: { kind: 'app', name: receiver.name },
            optionsNode: node.arguments[1] as Node | undefined,
            mod,
            ev,
          }),
        );
      }
      continue;
    }
    if (method === 'enableCors') {
      const receiver = receiverIdentity((callee as TSESTree.MemberExpression).object, mod, ev);
      policies.push(nestPolicy(mod, ev, node, { kind: 'app', name: receiver.name }, node.arguments[0] as Node | undefined, undefined, nestFastify));
      continue;
    }
    if (method === 'create') {
      const fn = ev.evaluate(callee, mod);
      if (fn.t === 'package' && fn.source === '@nestjs/core' && fn.member === 'NestFactory.create') {
        const fromCreate = nestCreatePolicy(mod, ev, node, nestFastify);
        if (fromCreate) policies.push(fromCreate);
      }
      continue;
    }

    const library = corsFactoryLibrary(node, mod, ev);
    if (!library) continue;
    const optionsNode = node.arguments[0] && node.arguments[0].type !== 'SpreadElement' ? (node.arguments[0] as Node) : undefined;
    const regs = usesOf(node, mod, registrations);
    const scope = scopeOfUses(node, mod, regs);
    const span = spanOf(node, mod.path);
    const policy =
      library === '@koa/cors'
        ? koaCorsPolicy({ span, scope, optionsNode, mod, ev, major: versions.dependency(mod.absPath, '@koa/cors')?.major })
        : library === 'koa2-cors'
          ? koa2CorsPolicy({ span, scope, optionsNode, mod, ev })
          : npmCorsPolicy({ stack: fileStack === 'nestjs' ? 'nestjs' : 'express', span, scope, optionsNode, mod, ev });
    if (library === '@koa/cors' || library === 'koa2-cors') koaRoutesBefore(policy, regs, registrations, mod, ev);
    policies.push(policy);
    if (library === 'cors') uses.push({ factory: node, policy, registrations: regs });
  }

  applyExpressFacts(mod, registrations, uses, versions);
  for (const policy of policies) {
    const declared = versions.dependency(mod.absPath, policy.library);
    if (declared) {
      policy.libraryVersion = declared.range;
      policy.libraryVersionSource = declared.file;
    }
  }
  policies.push(...manualHeaderPolicies(mod, ev, registrations, fileStack));
  if (candidates) {
    for (const candidate of exportedOptionCandidates(mod, ev, fileStack)) {
      const declared = versions.dependency(mod.absPath, 'cors');
      if (declared) {
        candidate.policy.libraryVersion = declared.range;
        candidate.policy.libraryVersionSource = declared.file;
      }
      candidates.push(candidate);
    }
  }
  return policies;
}

/** `cors(...)` where `cors` is npm cors, @koa/cors or koa2-cors however it was imported. */
function corsFactoryLibrary(call: TSESTree.CallExpression, mod: JsModule, ev: Evaluator): 'cors' | '@koa/cors' | 'koa2-cors' | undefined {
  const callee = unwrap(call.callee);
  if (callee.type === 'MemberExpression' && memberName(callee) !== 'default') return undefined;
  if (callee.type !== 'Identifier' && callee.type !== 'MemberExpression' && callee.type !== 'CallExpression' && callee.type !== 'AwaitExpression') return undefined;
  const fn = ev.evaluate(callee, mod);
  if (fn.t !== 'package' || fn.member !== undefined) return undefined;
  if (fn.source === 'cors') return 'cors';
  if (fn.source === '@koa/cors' || fn.source === 'koa2-cors') return fn.source;
  return undefined;
}

/** Registrations that mount this cors middleware, directly or through a variable. */
function usesOf(call: TSESTree.CallExpression, mod: JsModule, registrations: Registration[]): Registration[] {
  const direct = registrations.filter((r) => r.handlers.some((h) => unwrap(h) === call) || r.call.arguments.some((a) => unwrap(a as Node) === call));
  if (direct.length) return direct;
  const parent = mod.scopes.parentOf(call);
  if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') {
    const binding = mod.scopes.lookup(parent.id);
    if (!binding || binding.reassigned) return [];
    return registrations.filter((r) =>
      r.call.arguments.some((a) => {
        const u = unwrap(a as Node);
        return u.type === 'Identifier' && mod.scopes.lookup(u) === binding;
      }),
    );
  }
  return [];
}

function scopeOfUses(call: TSESTree.CallExpression, mod: JsModule, regs: Registration[]): PolicyScope {
  const first = regs[0];
  if (!first) {
    const parent = mod.scopes.parentOf(call);
    const name = parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier' ? parent.id.name : undefined;
    return name ? { kind: 'app', name } : { kind: 'app' };
  }
  if (first.method === 'use') {
    return { kind: first.isRouter ? 'router' : 'app', name: first.receiverName, ...(first.path ? { path: first.path } : {}) };
  }
  const methods = [...new Set(regs.filter((r) => r.method !== 'use').map((r) => r.method.toUpperCase()))];
  return { kind: 'route', name: `${first.receiverName}.${first.method} ${first.path ?? ''}`.trim(), path: first.path, methods };
}

function stackOfFile(mod: JsModule): Stack | undefined {
  const sources: string[] = [];
  for (const stmt of mod.program.body) if (stmt.type === 'ImportDeclaration') sources.push(stmt.source.value);
  for (const node of mod.scopes.nodes) {
    if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]?.type === 'Literal') {
      sources.push(String(node.arguments[0].value));
    } else if (node.type === 'ImportExpression' && node.source.type === 'Literal') {
      sources.push(String(node.source.value));
    }
  }
  if (sources.some((s) => s.startsWith('@nestjs/'))) return 'nestjs';
  if (sources.some((s) => s === 'fastify' || s.startsWith('@fastify/'))) return 'fastify';
  if (sources.some((s) => s === 'koa' || s.startsWith('@koa/'))) return 'koa';
  if (sources.some((s) => s === 'express' || s === 'cors')) return 'express';
  if (sources.some((s) => s === 'http' || s === 'node:http' || s === 'https' || s === 'node:https' || s === 'http2' || s === 'node:http2')) return 'node';
  return undefined;
}

/** `NestFactory.create(AppModule, new FastifyAdapter())` anywhere in the module. */
function usesNestFastifyAdapter(mod: JsModule, ev: Evaluator): boolean {
  for (const node of mod.scopes.nodes) {
    if (node.type !== 'NewExpression') continue;
    const ctor = ev.evaluate(node.callee, mod);
    if (ctor.t === 'package' && ctor.source === '@nestjs/platform-fastify' && ctor.member === 'FastifyAdapter') return true;
  }
  return false;
}

/**
 * NestJS: the Express adapter's enableCors(options) is `this.use(cors(options))` (npm cors);
 * the Fastify adapter registers @fastify/cors with the options.
 */
function nestPolicy(mod: JsModule, ev: Evaluator, call: TSESTree.CallExpression, scope: PolicyScope, optionsNode: Node | undefined, optionsValue: JsValue | undefined, fastify: boolean): CorsPolicy {
  const span = spanOf(call, mod.path);
  const policy = fastify
    ? fastifyCorsPolicy({ stack: 'nestjs', span, scope, optionsNode, optionsValue, mod, ev })
    : npmCorsPolicy({ stack: 'nestjs', span, scope, optionsNode, optionsValue, mod, ev });
  policy.notes = [...(policy.notes ?? []), fastify ? 'NestJS FastifyAdapter: enableCors registers @fastify/cors' : 'NestJS ExpressAdapter: enableCors(options) is app.use(cors(options))'];
  return policy;
}

/** `NestFactory.create(AppModule, [adapter,] { cors: true | options })`: applyOptions() calls enableCors. */
function nestCreatePolicy(mod: JsModule, ev: Evaluator, call: TSESTree.CallExpression, fastify: boolean): CorsPolicy | undefined {
  for (const arg of call.arguments.slice(1)) {
    if (arg.type === 'SpreadElement') continue;
    const value = ev.evaluate(arg, mod);
    if (value.t !== 'object') continue;
    const cors = value.props.get('cors');
    if (!cors) continue;
    const parent = mod.scopes.parentOf(call);
    const holder = parent?.type === 'AwaitExpression' ? mod.scopes.parentOf(parent) : parent;
    const name = holder?.type === 'VariableDeclarator' && holder.id.type === 'Identifier' ? holder.id.name : 'app';
    const scope: PolicyScope = { kind: 'app', name };
    if (cors.t === 'boolean' || cors.t === 'undefined' || cors.t === 'null') {
      if (cors.t !== 'boolean' || !cors.v) return undefined;
      // `cors: true` is enableCors() with no options: the library defaults.
      return nestPolicy(mod, ev, call, scope, undefined, { t: 'undefined' }, fastify);
    }
    const keyAt = value.keys.get('cors');
    const optionsNode = keyAt && keyAt.node.type === 'Property' && keyAt.mod === mod ? (keyAt.node.value as Node) : undefined;
    return nestPolicy(mod, ev, call, scope, optionsNode, optionsNode ? undefined : cors, fastify);
  }
  return undefined;
}


/**
 * Koa: `app.use(router.routes())` before `app.use(cors())` on the same app. The router middleware
 * (@koa/router / koa-router `routes()`) runs a matched route's handlers with the downstream `next`
 * and only calls it when the handler does; route handlers that answer (set ctx.body) and return
 * never reach the cors middleware registered after them, so their responses carry no CORS headers.
 */
function koaRoutesBefore(policy: CorsPolicy, regs: Registration[], registrations: Registration[], mod: JsModule, ev: Evaluator): void {
  const use = regs.find((r) => r.method === 'use');
  if (!use) return;
  const before = registrations.filter((r) => r.method === 'use' && r.receiverKey === use.receiverKey && r.call.range[0] < use.call.range[0] && r.handlers.some((h) => isRouterRoutes(h, mod, ev)));
  if (!before.length) return;
  policy.order = {
    ...policy.order,
    routesBefore: before.map((r) => ({ method: 'ALL', path: textOf(r.handlers.find((h) => isRouterRoutes(h, mod, ev))!, mod.text, 60), span: r.span })),
  };
  policy.notes = [...(policy.notes ?? []), 'Koa: a route the router matches runs its handlers with the downstream next(), which they normally do not call, so middleware registered after router.routes() does not run for it'];
}

function isRouterRoutes(handler: Node, mod: JsModule, ev: Evaluator): boolean {
  const h = unwrap(handler);
  if (h.type !== 'CallExpression' || h.callee.type !== 'MemberExpression' || h.arguments.length) return false;
  const name = memberName(h.callee);
  if (name !== 'routes' && name !== 'middleware') return false;
  return receiverIdentity(h.callee.object, mod, ev).isRouter;
}
