import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { CorsPolicy, EmittedHeader, OriginEntry, PolicyScope, Span, Stack, Valued } from '../../model/types.js';
import { newPolicy, unknownValue } from '../../model/policy.js';
import { isFunction, memberName, propertyKey, spanOf, textOf, unwrap, walk, type FunctionNode, type Node } from './ast.js';
import { splitList } from './libraries/options.js';
import type { JsModule } from './modules.js';
import { guardsOf } from './origin-function.js';
import { classifyTest, exactEntry, guardsHold, originTester, whereWritten, type IsOrigin, type TestMeaning } from './origins.js';
import type { Registration } from './registrations.js';
import { describeUnknown, type Evaluator, type JsValue } from './values.js';

const WRITE_METHODS = new Set(['header', 'set', 'setheader', 'append', 'writehead', 'headers', 'vary', 'appendheader']);

/** One header written by application code. */
interface HeaderWrite {
  name: string;
  lower: string;
  valueNode?: Node;
  value: JsValue;
  span: Span;
  combine: 'add' | 'replace';
  /** The call (or object property) that writes the header. */
  call: Node;
  method: string;
  receiverText: string;
  owner: FunctionNode | TSESTree.Program;
}

/**
 * Access-Control-* headers written by hand (`res.header`, `res.set`, `res.setHeader`,
 * `res.writeHead`, `res.append`, `ctx.set`, `reply.header`), one policy per handler function.
 */
export function manualHeaderPolicies(mod: JsModule, ev: Evaluator, registrations: Registration[], fileStack: Stack | undefined): CorsPolicy[] {
  const writes = collectWrites(mod, ev);
  const groups = new Map<Node, HeaderWrite[]>();
  for (const w of writes) {
    const list = groups.get(w.owner) ?? [];
    list.push(w);
    groups.set(w.owner, list);
  }
  const policies: CorsPolicy[] = [];
  for (const [owner, group] of groups) {
    const cors = group.filter((w) => w.lower.startsWith('access-control-'));
    if (!cors.length) continue;
    policies.push(buildPolicy(mod, ev, owner, group, cors, registrations, fileStack));
  }
  return policies;
}

function collectWrites(mod: JsModule, ev: Evaluator): HeaderWrite[] {
  const out: HeaderWrite[] = [];
  const seen = new Set<Node>();
  for (const node of mod.scopes.nodes) {
    if (node.type === 'ObjectExpression') {
      out.push(...headerObjectWrites(mod, ev, node, seen));
      continue;
    }
    // `{ headers }` / `{ headers: CORS_HEADERS }` with a constant header object.
    if (node.type === 'Property' && propertyKey(node)?.toLowerCase() === 'headers' && node.value.type === 'Identifier') {
      const owner = mod.scopes.enclosingFunction(node) ?? mod.program;
      out.push(...objectWrites(mod, ev, node, node.value, 'headers', 'headers', owner).filter((w) => !seen.has(w.call) && w.valueNode !== undefined));
      continue;
    }
    // NestJS: @Header('Access-Control-Allow-Origin', '*') on a route handler method.
    if (node.type === 'MethodDefinition' && node.value.type === 'FunctionExpression') {
      out.push(...nestHeaderWrites(mod, ev, node.decorators ?? [], node.value));
      continue;
    }
    if (node.type !== 'CallExpression') continue;
    const callee = unwrap(node.callee);
    const owner = mod.scopes.enclosingFunction(node) ?? mod.program;
    const args = node.arguments.filter((a) => a.type !== 'SpreadElement') as Node[];
    // vary(res, 'Origin') from the `vary` package.
    if (callee.type === 'Identifier') {
      const fn = ev.evaluate(callee, mod);
      if (fn.t === 'package' && fn.source === 'vary' && !fn.member && args[1]) {
        out.push(write(mod, ev, node, 'Vary', args[1], spanOf(node, mod.path), 'add', 'vary', textOf(args[0] ?? node, mod.text, 40), owner));
      }
      continue;
    }
    if (callee.type !== 'MemberExpression') continue;
    const method = memberName(callee)?.toLowerCase();
    if (!method || !WRITE_METHODS.has(method)) continue;
    const receiverText = textOf(callee.object, mod.text, 60);
    if (method === 'vary') {
      if (args[0]) out.push(write(mod, ev, node, 'Vary', args[0], spanOf(node, mod.path), 'add', method, receiverText, owner));
      continue;
    }
    const combine = method === 'append' || method === 'appendheader' ? 'add' : 'replace';
    if (method === 'writehead') {
      const obj = args.slice(1).find((a) => a.type === 'ObjectExpression' || ev.evaluate(a, mod).t === 'object');
      if (obj) out.push(...objectWrites(mod, ev, node, obj, method, receiverText, owner));
      continue;
    }
    if (args.length === 1) {
      if (method === 'set' || method === 'header' || method === 'headers') out.push(...objectWrites(mod, ev, node, args[0]!, method, receiverText, owner));
      continue;
    }
    if (args.length >= 2 && method !== 'headers') {
      const name = ev.evaluate(args[0], mod);
      if (name.t !== 'string' || !isCorsHeaderName(name.v)) continue;
      // In a chain `res.header(a).header(b)` each call starts where the chain starts: span the method name onwards.
      const span = unwrap(callee.object).type === 'CallExpression' ? { ...spanOf(node, mod.path), ...startOf(callee.property) } : spanOf(node, mod.path);
      out.push(write(mod, ev, node, name.v, args[1], span, combine, method, receiverText, owner));
    }
  }
  // Execution order: a chain runs its innermost call first, although the walk meets the outermost first.
  return out.sort((a, b) => a.span.line - b.span.line || a.span.column - b.span.column);
}

/** `@Header(name, value)` from @nestjs/common: the handler's responses carry that header. */
function nestHeaderWrites(mod: JsModule, ev: Evaluator, decorators: TSESTree.Decorator[], owner: FunctionNode): HeaderWrite[] {
  const out: HeaderWrite[] = [];
  for (const d of decorators) {
    const call = unwrap(d.expression);
    if (call.type !== 'CallExpression' || call.arguments.length < 2) continue;
    const fn = ev.evaluate(call.callee, mod);
    if (fn.t !== 'package' || fn.source !== '@nestjs/common' || fn.member !== 'Header') continue;
    const [nameArg, valueArg] = call.arguments as Node[];
    const name = ev.evaluate(nameArg, mod);
    if (name.t !== 'string' || !isCorsHeaderName(name.v)) continue;
    out.push(write(mod, ev, call, name.v, valueArg, spanOf(d, mod.path), 'replace', 'header', '@Header', owner));
  }
  return out;
}

function startOf(node: Node): { line: number; column: number } {
  return { line: node.loc.start.line, column: node.loc.start.column + 1 };
}

/**
 * Header objects returned or passed as data: `{ headers: { 'Access-Control-Allow-Origin': '*' } }`
 * (fetch Response, AWS Lambda proxy results, Next.js) and `{ key: 'Access-Control-...', value }`
 * (next.config.js headers()).
 */
function headerObjectWrites(mod: JsModule, ev: Evaluator, obj: TSESTree.ObjectExpression, seen: Set<Node>): HeaderWrite[] {
  const owner = mod.scopes.enclosingFunction(obj) ?? mod.program;
  const parent = mod.scopes.parentOf(obj);
  const out: HeaderWrite[] = [];
  if (parent?.type === 'Property' && parent.value === obj && propertyKey(parent)?.toLowerCase() === 'headers') {
    for (const p of obj.properties) {
      if (p.type !== 'Property' || seen.has(p) || seenProps.has(p)) continue;
      const key = propertyKey(p);
      if (key === undefined || !isCorsHeaderName(key)) continue;
      seen.add(p);
      out.push(write(mod, ev, p, key, p.value as Node, spanOf(p, mod.path), 'replace', 'headers', 'headers', owner));
    }
    return out;
  }
  const props: TSESTree.Property[] = [];
  for (const p of obj.properties) if (p.type === 'Property') props.push(p);
  const keyProp = props.find((p) => propertyKey(p) === 'key');
  const valueProp = props.find((p) => propertyKey(p) === 'value');
  // Only inside `headers: [...]` (next.config.js), not any { key, value } pair (the cors package's own code uses them).
  const list = parent?.type === 'ArrayExpression' ? mod.scopes.parentOf(parent) : undefined;
  const inHeadersList = list?.type === 'Property' && propertyKey(list)?.toLowerCase() === 'headers';
  if (keyProp && valueProp && props.length === 2 && inHeadersList) {
    const name = ev.evaluate(keyProp.value as Node, mod);
    if (name.t === 'string' && isCorsHeaderName(name.v)) out.push(write(mod, ev, obj, name.v, valueProp.value as Node, spanOf(obj, mod.path), 'replace', 'headers', 'headers', owner));
  }
  return out;
}

function isCorsHeaderName(name: string): boolean {
  const lower = name.trim().toLowerCase();
  return lower.startsWith('access-control-') || lower === 'vary';
}

function write(
  mod: JsModule,
  ev: Evaluator,
  call: Node,
  name: string,
  valueNode: Node | undefined,
  span: Span,
  combine: 'add' | 'replace',
  method: string,
  receiverText: string,
  owner: FunctionNode | TSESTree.Program,
): HeaderWrite {
  return { name, lower: name.trim().toLowerCase(), valueNode, value: ev.evaluate(valueNode, mod), span, combine, call, method, receiverText, owner };
}

/** Properties already read as header writes of a call, so that the generic object pass skips them. */
const seenProps = new WeakSet<Node>();

function objectWrites(mod: JsModule, ev: Evaluator, call: Node, objNode: Node, method: string, receiverText: string, owner: FunctionNode | TSESTree.Program): HeaderWrite[] {
  const out: HeaderWrite[] = [];
  const obj = unwrap(objNode);
  if (obj.type === 'ObjectExpression') {
    for (const p of obj.properties) {
      if (p.type !== 'Property') continue;
      let key = propertyKey(p);
      if (key === undefined && p.computed) {
        const k = ev.evaluate(p.key, mod);
        if (k.t === 'string') key = k.v;
      }
      if (key === undefined || !isCorsHeaderName(key)) continue;
      out.push(write(mod, ev, call, key, p.value as Node, spanOf(p, mod.path), 'replace', method, receiverText, owner));
      seenProps.add(p);
    }
    return out;
  }
  const value = ev.evaluate(obj, mod);
  if (value.t !== 'object') return out;
  for (const [key, v] of value.props) {
    if (!isCorsHeaderName(key)) continue;
    const at = value.keys.get(key);
    out.push({
      name: key,
      lower: key.trim().toLowerCase(),
      // The written expression (`'Access-Control-Allow-Origin': origin`), also when it evaluates to request data.
      valueNode: at?.node.type === 'Property' && at.mod === mod ? (at.node.value as Node) : v.at?.node,
      value: v,
      span: at ? spanOf(at.node, at.mod.path) : spanOf(call, mod.path),
      combine: 'replace',
      call,
      method,
      receiverText,
      owner,
    });
  }
  return out;
}

function buildPolicy(
  mod: JsModule,
  ev: Evaluator,
  owner: Node,
  group: HeaderWrite[],
  cors: HeaderWrite[],
  registrations: Registration[],
  fileStack: Stack | undefined,
): CorsPolicy {
  const isOrigin = originTester(ev, mod);
  const registration = registrations.find((r) => r.handlers.some((h) => unwrap(h) === owner || refersTo(h, owner, mod)));
  const stack = stackOf(group, fileStack, registration);
  const scope: PolicyScope = scopeOf(mod, owner, registration);
  const policy = newPolicy({ stack, library: 'manual', span: cors[0]!.span, scope });
  const notes: string[] = [];
  const emitted: EmittedHeader[] = [];
  const origins: OriginEntry[] = [];

  for (const w of group) {
    const guards = isFunction(owner) ? guardsOf(w.call, owner, mod) : [];
    const conditional = guards.length ? guards.map((g) => (g.positive ? textOf(g.test, mod.text, 80) : `!(${textOf(g.test, mod.text, 80)})`)).join(' && ') : undefined;
    // A header written only when a test of the Origin passes also varies with the Origin (sent or not).
    const gatedByOrigin = guards.some((g) => classifyTest(g.test, g.positive, ev, mod, isOrigin).kind === 'matchers');
    const dependsOnOrigin = (w.valueNode ? mentions(w.valueNode, isOrigin, mod, ev) : false) || (gatedByOrigin && w.lower === 'access-control-allow-origin');
    const header: EmittedHeader = { name: w.name, value: valueText(w, mod), span: w.span, combine: w.combine };
    if (!isConstant(w.value)) header.expression = true;
    if (conditional) header.conditional = conditional;
    if (dependsOnOrigin) header.dependsOnOrigin = true;
    emitted.push(header);
    if (w.lower !== 'access-control-allow-origin') continue;
    let meaning: TestMeaning = { kind: 'any-origin' };
    for (const g of guards) meaning = guardsHold(meaning, classifyTest(g.test, g.positive, ev, mod, isOrigin));
    origins.push(...originsOfValue(w.valueNode, w.value, meaning, mod, ev, isOrigin, notes, w));
    if (dependsOnOrigin && (w.method === 'header' || w.method === 'set') && stack === 'express') {
      notes.push(`${w.receiverText}.${w.method}('${w.name}', <request Origin>): when the request has no Origin header Express sends the literal string 'undefined'`);
    } else if (dependsOnOrigin && w.method === 'setheader') {
      notes.push(`${w.receiverText}.setHeader('${w.name}', <request Origin>): when the request has no Origin header Node throws ERR_HTTP_INVALID_HEADER_VALUE (an error response)`);
    }
  }
  policy.origins = origins;
  policy.emittedHeaders = emitted;

  const acac = cors.filter((w) => w.lower === 'access-control-allow-credentials');
  if (acac.length) {
    const literal = acac.map((w) => (w.value.t === 'string' ? w.value.v.trim() : w.value.t === 'boolean' ? String(w.value.v) : undefined));
    const span = acac[0]!.span;
    if (literal.some((v) => v === 'true')) policy.credentials = { value: true, span: acac[literal.indexOf('true')]!.span };
    else if (literal.every((v) => v !== undefined)) policy.credentials = { value: false, span, why: `Access-Control-Allow-Credentials is '${literal[0]}', not 'true'` };
    else policy.credentials = unknownValue(`Access-Control-Allow-Credentials is ${describeUnknown(acac[0]!.value)}`, span);
  } else {
    policy.credentials = { value: false, why: 'no Access-Control-Allow-Credentials header is written' };
  }
  policy.allowMethods = listHeader(cors, 'access-control-allow-methods');
  policy.allowHeaders = listHeader(cors, 'access-control-allow-headers');
  policy.exposeHeaders = listHeader(cors, 'access-control-expose-headers');
  const maxAge = cors.find((w) => w.lower === 'access-control-max-age');
  if (maxAge) {
    const v = maxAge.value;
    const n = v.t === 'number' ? v.v : v.t === 'string' && /^\s*\d+\s*$/.test(v.v) ? Number(v.v) : undefined;
    policy.maxAge = n === undefined ? unknownValue(describeUnknown(v), maxAge.span) : { value: n, span: maxAge.span };
  } else policy.maxAge = unknownValue('no Access-Control-Max-Age header is written');

  const vary = group.filter((w) => w.lower === 'vary');
  const varyOrigin = vary.find((w) => varyNamesOrigin(w.value));
  policy.varyOrigin = varyOrigin
    ? { value: true, span: varyOrigin.span }
    : vary.some((w) => w.value.t === 'unknown')
      ? unknownValue('a Vary header is written with a value that is not a constant', vary[0]!.span)
      : { value: false, why: 'no Vary header naming Origin is written in this handler' };

  policy.preflight = handlesOptions(owner, registration)
    ? { value: 'handled', why: 'the handler answers OPTIONS requests' }
    : unknownValue('hand-written headers: no OPTIONS handling is visible in this handler');
  policy.headersOnErrors = unknownValue('hand-written headers: error responses depend on the error path');
  if (notes.length) policy.notes = [...new Set(notes)];
  return policy;
}

function originsOfValue(
  valueNode: Node | undefined,
  value: JsValue,
  meaning: TestMeaning,
  mod: JsModule,
  ev: Evaluator,
  isOrigin: IsOrigin,
  notes: string[],
  w: HeaderWrite,
  depth = 0,
): OriginEntry[] {
  // Constants can refer to themselves (`const A = x ? y : A`): follow a few levels only.
  const node = valueNode && depth < 6 ? followConst(unwrap(valueNode), mod) : undefined;
  if (node && node.type === 'ConditionalExpression') {
    return [
      ...originsOfValue(node.consequent, ev.evaluate(node.consequent, mod), guardsHold(meaning, classifyTest(node.test, true, ev, mod, isOrigin)), mod, ev, isOrigin, notes, w, depth + 1),
      ...originsOfValue(node.alternate, ev.evaluate(node.alternate, mod), guardsHold(meaning, classifyTest(node.test, false, ev, mod, isOrigin)), mod, ev, isOrigin, notes, w, depth + 1),
    ];
  }
  if (node && node.type === 'LogicalExpression' && node.operator !== '&&' && isOrigin(node.left)) {
    notes.push(`\`${textOf(node, mod.text, 80)}\`: the fallback is used only for requests without an Origin header`);
    return originsOfValue(node.left, ev.evaluate(node.left, mod), meaning, mod, ev, isOrigin, notes, w, depth + 1);
  }
  const where = whereWritten(value, { mod, node: w.call });
  const span = where.span ?? (valueNode ? spanOf(valueNode, mod.path) : w.span);
  if (value.t === 'string') {
    if (meaning.kind === 'no-origin') return [];
    const verbatim = meaning.kind === 'any-origin' || meaning.kind === 'not-origin';
    const v = value.v;
    // `if (origin.includes('localhost')) res.set(ACAO, '*')`: the origins that pass the test are the ones let in.
    const gate = meaning.kind === 'matchers' && v.trim() === '*' ? meaning.entries : [];
    if (gate.length) notes.push(`'*' is sent only for requests whose Origin passes the test guarding \`${textOf(w.call, mod.text, 60)}\``);
    if (v.trim() === '*') return [...gate, { kind: 'any', sentVerbatim: true, ...where, span }];
    if (v === '') return [];
    return [{ ...exactEntry(v, value, { mod, node: w.call }), span, ...(verbatim ? { sentVerbatim: true } : {}) }];
  }
  // res.setHeader(name, null) / res.set / res.header: Node and Express send the string 'null'.
  if (value.t === 'null' && (w.method === 'setheader' || w.method === 'set' || w.method === 'header') && meaning.kind !== 'no-origin') {
    notes.push(`${w.receiverText}.${w.method}('${w.name}', null) sends the string 'null'`);
    return [{ kind: 'null', sentVerbatim: true, ...where, span }];
  }
  if ((value.t === 'request' && value.part === 'origin') || (node && isOrigin(node))) {
    switch (meaning.kind) {
      case 'any-origin':
        return [{ kind: 'reflect', span }];
      case 'not-origin':
        return [{ kind: 'reflect', condition: meaning.text, span }];
      case 'matchers':
        return meaning.entries;
      case 'no-origin':
        return [];
      case 'unknown':
        return [{ kind: 'reflect', condition: meaning.why, span }];
    }
  }
  // A query, body or path parameter: whoever sends the request picks the value, an attacker's page its own origin.
  if (value.t === 'request' && value.part === 'data' && meaning.kind === 'any-origin') return [{ kind: 'reflect', from: value.text, sentVerbatim: true, span }];
  if (value.t === 'null' || value.t === 'undefined' || (value.t === 'boolean' && !value.v)) return [];
  return [{ kind: 'unknown', why: `Access-Control-Allow-Origin set to ${value.t === 'unknown' ? value.why : describeUnknown(value)}`, ...where, span }];
}

/** `const allowed = cond ? origin : ''` used as the header value: look at the initializer's shape. */
function followConst(node: Node, mod: JsModule): Node {
  let current = node;
  for (let i = 0; i < 5 && current.type === 'Identifier'; i++) {
    const binding = mod.scopes.lookup(current);
    if (!binding || binding.reassigned || !binding.init || binding.path || (binding.kind !== 'const' && binding.kind !== 'let' && binding.kind !== 'var')) break;
    current = unwrap(binding.init);
  }
  return current;
}

function mentions(node: Node, isOrigin: IsOrigin, mod: JsModule, ev: Evaluator): boolean {
  const followed = followConst(unwrap(node), mod);
  let found = false;
  walk(followed, (n) => {
    if (!found && (n.type === 'Identifier' || n.type === 'MemberExpression' || n.type === 'CallExpression') && isOrigin(n)) found = true;
  });
  const v = ev.evaluate(node, mod);
  return found || (v.t === 'request' && v.part === 'origin');
}

/** Values valueText() renders as what is sent; anything else is rendered as its source text. */
function isConstant(v: JsValue): boolean {
  return v.t === 'string' || v.t === 'number' || v.t === 'boolean' || (v.t === 'array' && v.items.every((i) => i.t === 'string'));
}

function valueText(w: HeaderWrite, mod: JsModule): string {
  const v = w.value;
  if (v.t === 'string') return v.v;
  if (v.t === 'number' || v.t === 'boolean') return String(v.v);
  if (v.t === 'array' && v.items.every((i) => i.t === 'string')) return v.items.map((i) => (i as { v: string }).v).join(', ');
  return w.valueNode ? textOf(w.valueNode, mod.text, 120) : '';
}

function listHeader(writes: HeaderWrite[], lower: string): Valued<string[]> {
  const w = writes.find((x) => x.lower === lower);
  if (!w) return { value: [], why: `no ${lower} header is written` };
  const v = w.value;
  if (v.t === 'string') return { value: splitList(v.v), span: w.span, raw: v.v };
  if (v.t === 'array' && v.items.every((i) => i.t === 'string')) return { value: v.items.flatMap((i) => splitList((i as { v: string }).v)), span: w.span };
  return unknownValue(describeUnknown(v), w.span);
}

function varyNamesOrigin(v: JsValue): boolean {
  const text = v.t === 'string' ? v.v : v.t === 'array' ? v.items.map((i) => (i.t === 'string' ? i.v : '')).join(',') : '';
  return text.split(',').some((part) => part.trim().toLowerCase() === 'origin' || part.trim() === '*');
}

function handlesOptions(owner: Node, registration: Registration | undefined): boolean {
  if (registration?.method === 'options') return true;
  let found = false;
  walk(owner, (n) => {
    if (!found && n.type === 'Literal' && n.value === 'OPTIONS') found = true;
  });
  return found;
}

function refersTo(handler: Node, owner: Node, mod: JsModule): boolean {
  const h = unwrap(handler);
  if (h.type !== 'Identifier') return false;
  const binding = mod.scopes.lookup(h);
  if (!binding) return false;
  return binding.fn === owner || (binding.init !== undefined && unwrap(binding.init) === owner);
}

function stackOf(group: HeaderWrite[], fileStack: Stack | undefined, registration: Registration | undefined): Stack {
  const receiver = group[0]!.receiverText;
  if (/^(?:ctx|context)(?:\.response)?$/.test(receiver)) return 'koa';
  if (/^reply$/.test(receiver)) return 'fastify';
  if (fileStack) return fileStack;
  if (registration) return 'express';
  return 'node';
}

function scopeOf(mod: JsModule, owner: Node, registration: Registration | undefined): PolicyScope {
  if (registration) {
    if (registration.method === 'use') return { kind: registration.isRouter ? 'router' : 'app', name: registration.receiverName, ...(registration.path ? { path: registration.path } : {}) };
    return { kind: 'route', name: `${registration.receiverName}.${registration.method} ${registration.path ?? ''}`.trim(), path: registration.path, methods: [registration.method.toUpperCase()] };
  }
  if (isFunction(owner)) {
    const id = owner.type !== 'ArrowFunctionExpression' && owner.id ? owner.id.name : undefined;
    const parent = mod.scopes.parentOf(owner);
    const varName = parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier' ? parent.id.name : undefined;
    const name = id ?? varName;
    return name ? { kind: 'app', name } : { kind: 'app' };
  }
  return { kind: 'app' };
}
