import { spend } from '../budget.js';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { memberName, propertyKey, textOf, unwrap, type FunctionNode, type Node } from './ast.js';
import type { ModuleLoader, JsModule } from './modules.js';
import type { Binding } from './scope.js';

/** Where a resolved value is written. */
export interface WrittenAt {
  mod: JsModule;
  node: Node;
}

interface Meta {
  at?: WrittenAt;
  /** The environment variable this value stands in for (its default, or the variable itself when unknown). */
  env?: string;
  /** The value is the default of an environment lookup. */
  envDriven?: boolean;
}

/** What the evaluator knows about an expression. It never executes code: anything else is `unknown`. */
export type JsValue = Meta &
  (
    | { t: 'string'; v: string }
    | { t: 'number'; v: number }
    | { t: 'boolean'; v: boolean }
    | { t: 'null' }
    | { t: 'undefined' }
    | { t: 'regex'; pattern: string; flags: string }
    | { t: 'array'; items: JsValue[]; isSet?: boolean }
    /** `spreadOf`: object literals spread or Object.assign-ed into this one (`{ ...corsOptions, credentials: true }`). */
    | { t: 'object'; props: Map<string, JsValue>; keys: Map<string, WrittenAt>; unknownSpread?: string; spreadOf?: Node[] }
    /** `bound`: parameters of an enclosing factory, with the arguments it was called with (`allow(list)` returning `(origin, cb) => ...`). */
    | { t: 'function'; fn: FunctionNode; mod: JsModule; bound?: Map<Binding, JsValue> }
    /** An imported npm package (`member` = named export used, undefined = the default/namespace). */
    | { t: 'package'; source: string; member?: string }
    /** A same-repository module's namespace. */
    | { t: 'namespace'; mod: JsModule }
    /** The incoming request's headers object, or the request's Origin header value. */
    | { t: 'request'; part: 'headers' | 'origin' }
    /** Request data the caller chooses: `req.query`, `req.body`, `req.params` and what is read from them. */
    | { t: 'request'; part: 'data'; text: string }
    | { t: 'unknown'; why: string }
  );

export type ValueOf<T extends JsValue['t']> = Extract<JsValue, { t: T }>;

const MAX_DEPTH = 60;
const TEXT_METHODS = new Set(['trim', 'trimStart', 'trimEnd', 'toLowerCase', 'toUpperCase']);

export function unknown(why: string, meta: Meta = {}): JsValue {
  return { t: 'unknown', why, ...meta };
}

/** Marks a value (and the items it contains) as the default of an environment variable. */
function fromEnv(value: JsValue, env: string): JsValue {
  const marked = { ...value, env, envDriven: true } as JsValue;
  if (marked.t === 'array') return { ...marked, items: marked.items.map((i) => fromEnv(i, env)) };
  return marked;
}

/** Evaluates expressions the way a reader would: constants, imports, literals, a few string/array methods. */
export class Evaluator {
  private readonly active = new Set<Node | string>();
  private readonly memo = new Map<Node, JsValue>();
  /**
   * Options objects some CORS layer in this scan was built from (npm cors, @fastify/cors, @koa/cors),
   * so an exported options object is described on its own only when nothing consumes it.
   */
  readonly consumedOptions = new Set<Node>();

  /** Factory parameters in force while a returned closure is read (see withBindings); the memo is off meanwhile. */
  private bindings = new Map<Binding, JsValue>();

  constructor(readonly loader: ModuleLoader) {}

  /** Runs `read` with the factory parameters of a closure bound to the arguments the factory got. */
  withBindings<T>(bound: Map<Binding, JsValue> | undefined, read: () => T): T {
    if (!bound?.size) return read();
    const saved = this.bindings;
    this.bindings = new Map([...saved, ...bound]);
    try {
      return read();
    } finally {
      this.bindings = saved;
    }
  }

  evaluate(node: Node | null | undefined, mod: JsModule, depth = 0): JsValue {
    if (!node) return { t: 'undefined' };
    const memoOn = this.bindings.size === 0;
    const memo = memoOn ? this.memo.get(node) : undefined;
    if (memo) return memo;
    if (depth > MAX_DEPTH) return unknown('expression nests too deeply to follow');
    if (this.active.has(node)) return unknown(`circular reference in ${textOf(node, mod.text, 60)}`);
    this.active.add(node);
    try {
      const value = this.evaluateInner(unwrap(node), mod, depth + 1);
      if (memoOn) this.memo.set(node, value);
      return value;
    } finally {
      this.active.delete(node);
    }
  }

  private evaluateInner(node: Node, mod: JsModule, depth: number): JsValue {
    spend();
    const at: WrittenAt = { mod, node };
    switch (node.type) {
      case 'Literal': {
        if ('regex' in node && node.regex) return { t: 'regex', pattern: node.regex.pattern, flags: node.regex.flags, at };
        const v = node.value;
        if (typeof v === 'string') return { t: 'string', v, at };
        if (typeof v === 'number') return { t: 'number', v, at };
        if (typeof v === 'boolean') return { t: 'boolean', v, at };
        if (v === null) return { t: 'null', at };
        return unknown(`literal ${node.raw}`);
      }
      case 'TemplateLiteral': {
        let out = node.quasis[0]?.value.cooked ?? '';
        let env: Meta = {};
        for (let i = 0; i < node.expressions.length; i++) {
          const part = this.evaluate(node.expressions[i], mod, depth);
          if (part.t !== 'string' && part.t !== 'number') return unknown(`template part \`${textOf(node.expressions[i]!, mod.text, 60)}\` is not a constant`, pickEnv(part));
          if (part.envDriven) env = { env: part.env, envDriven: true };
          out += String(part.v) + (node.quasis[i + 1]?.value.cooked ?? '');
        }
        return { t: 'string', v: out, at, ...env };
      }
      case 'Identifier':
        return this.identifier(node, mod, depth);
      case 'ArrayExpression': {
        const items: JsValue[] = [];
        for (const el of node.elements) {
          if (!el) items.push({ t: 'undefined' });
          else if (el.type === 'SpreadElement') {
            const spread = this.evaluate(el.argument, mod, depth);
            if (spread.t === 'array') items.push(...spread.items);
            else if (spread.t === 'string') items.push(...[...spread.v].map((c): JsValue => ({ t: 'string', v: c, at: spread.at })));
            else items.push(unknown(`spread of \`${textOf(el.argument, mod.text, 60)}\`: ${describeUnknown(spread)}`, pickEnv(spread)));
          } else items.push(this.evaluate(el, mod, depth));
        }
        return { t: 'array', items, at };
      }
      case 'ObjectExpression':
        return this.object(node, mod, depth);
      case 'MemberExpression':
        return this.member(node, mod, depth);
      case 'LogicalExpression':
        return this.logical(node, mod, depth);
      case 'ConditionalExpression': {
        const test = this.evaluate(node.test, mod, depth);
        const truth = truthiness(test);
        if (truth !== undefined) {
          const taken = this.evaluate(truth ? node.consequent : node.alternate, mod, depth);
          // `origins.length ? origins : true` over an environment default: the branch holds while the variable is unset.
          return test.envDriven && test.env && taken.t !== 'unknown' && !taken.env ? fromEnv(taken, test.env) : taken;
        }
        return unknown(`depends on the condition \`${textOf(node.test, mod.text, 80)}\``, pickEnv(test));
      }
      case 'BinaryExpression': {
        if (node.operator !== '+') return unknown(`computed with ${node.operator}`);
        const l = this.evaluate(node.left as Node, mod, depth);
        const r = this.evaluate(node.right, mod, depth);
        if ((l.t === 'string' || l.t === 'number') && (r.t === 'string' || r.t === 'number')) {
          const env = l.envDriven ? pickEnv(l) : r.envDriven ? pickEnv(r) : {};
          if (l.t === 'number' && r.t === 'number') return { t: 'number', v: l.v + r.v, at, ...env };
          return { t: 'string', v: String(l.v) + String(r.v), at, ...env };
        }
        const bad = l.t === 'string' || l.t === 'number' ? r : l;
        return unknown(`concatenation with a value that is not a constant: ${describeUnknown(bad)}`, pickEnv(bad));
      }
      case 'UnaryExpression': {
        const arg = this.evaluate(node.argument, mod, depth);
        if (node.operator === '!') {
          const truth = truthiness(arg);
          return truth === undefined ? unknown(`negation of ${describeUnknown(arg)}`) : { t: 'boolean', v: !truth, at };
        }
        if (node.operator === '-' && arg.t === 'number') return { t: 'number', v: -arg.v, at };
        if (node.operator === 'void') return { t: 'undefined', at };
        return unknown(`computed with ${node.operator}`);
      }
      case 'SequenceExpression':
        return this.evaluate(node.expressions[node.expressions.length - 1], mod, depth);
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
        return { t: 'function', fn: node, mod, at };
      case 'NewExpression':
      case 'CallExpression':
        return this.call(node, mod, depth);
      case 'AwaitExpression':
        return this.evaluate(node.argument, mod, depth);
      case 'ImportExpression': {
        const src = this.evaluate(node.source, mod, depth);
        if (src.t !== 'string') return unknown('dynamic import of a computed path');
        return this.moduleValue(src.v, mod);
      }
      case 'ClassExpression':
        return unknown('a class');
      default:
        return unknown(`\`${textOf(node, mod.text, 60)}\` is not a constant`);
    }
  }

  /** The value a module specifier stands for: a package, or a same-repository namespace. */
  moduleValue(specifier: string, from: JsModule): JsValue {
    if (!specifier.startsWith('.') && !specifier.startsWith('/')) {
      const aliased = this.loader.resolveAlias(from, specifier);
      return aliased ? { t: 'namespace', mod: aliased } : { t: 'package', source: specifier };
    }
    const target = this.loader.resolve(from, specifier);
    return 'program' in target ? { t: 'namespace', mod: target } : unknown(target.error);
  }

  private identifier(node: TSESTree.Identifier, mod: JsModule, depth: number): JsValue {
    const binding = mod.scopes.lookup(node);
    if (!binding) {
      if (node.name === 'undefined') return { t: 'undefined', at: { mod, node } };
      if (node.name === 'NaN' || node.name === 'Infinity') return { t: 'number', v: node.name === 'NaN' ? NaN : Infinity };
      return unknown(`\`${node.name}\` is not defined in this file`);
    }
    return this.bindingValue(binding, mod, depth);
  }

  bindingValue(binding: Binding, mod: JsModule, depth: number): JsValue {
    switch (binding.kind) {
      case 'import': {
        const source = binding.importSource!;
        const name = binding.importName!;
        const aliased = !source.startsWith('.') && !source.startsWith('/') ? this.loader.resolveAlias(mod, source) : undefined;
        if (!source.startsWith('.') && !source.startsWith('/') && !aliased) {
          return { t: 'package', source, member: name === 'default' || name === '*' ? undefined : name };
        }
        const target = aliased ?? this.loader.resolve(mod, source);
        if (!('program' in target)) return unknown(`imported from ${source}: ${target.error}`);
        if (name === '*') return { t: 'namespace', mod: target };
        return this.exported(target, name, depth);
      }
      case 'function':
        return binding.fn ? { t: 'function', fn: binding.fn, mod, at: { mod, node: binding.fn } } : unknown('a function');
      case 'param': {
        const bound = this.bindings.get(binding);
        return bound ?? unknown(`\`${binding.name}\` is a function parameter`);
      }
      case 'class':
        return unknown(`\`${binding.name}\` is a class`);
      case 'catch':
        return unknown(`\`${binding.name}\` is a caught error`);
      default:
        break;
    }
    if (binding.reassigned) return unknown(`\`${binding.name}\` is reassigned`);
    if (!binding.init) return binding.fallback ? this.evaluate(binding.fallback, mod, depth) : unknown(`\`${binding.name}\` has no initial value`);
    if (binding.opaque) return unknown(`\`${binding.name}\` is taken from a rest pattern or computed key`);
    let value = this.evaluate(binding.init, mod, depth);
    for (const key of binding.path ?? []) value = this.property(value, String(key), depth);
    if (binding.fallback && (value.t === 'undefined' || (value.t === 'unknown' && !value.env))) {
      const fallback = this.evaluate(binding.fallback, mod, depth);
      return value.t === 'undefined' ? fallback : unknown(value.why);
    }
    return value;
  }

  /** An export of a same-repository module (ESM or CommonJS). Cycle-guarded. */
  exported(mod: JsModule, name: string, depth: number): JsValue {
    const key = `${mod.absPath}#${name}`;
    if (this.active.has(key)) return unknown(`circular import of ${name} in ${mod.path}`);
    if (depth > MAX_DEPTH) return unknown('imports nest too deeply to follow');
    this.active.add(key);
    try {
      return this.exportedInner(mod, name, depth + 1);
    } finally {
      this.active.delete(key);
    }
  }

  private exportedInner(mod: JsModule, name: string, depth: number): JsValue {
    let commonjs: JsValue | undefined;
    for (const stmt of mod.program.body) {
      if (stmt.type === 'ExportNamedDeclaration') {
        const decl = stmt.declaration;
        if (decl && (decl.type === 'VariableDeclaration' || decl.type === 'FunctionDeclaration' || decl.type === 'ClassDeclaration')) {
          const binding = mod.scopes.moduleBinding(name);
          if (binding && declares(decl, name)) return this.bindingValue(binding, mod, depth);
        }
        for (const spec of stmt.specifiers) {
          const exportedName = spec.exported.type === 'Identifier' ? spec.exported.name : String(spec.exported.value);
          if (exportedName !== name) continue;
          const localName = spec.local.type === 'Identifier' ? spec.local.name : String(spec.local.value);
          if (stmt.source) {
            const target = this.loader.resolve(mod, stmt.source.value);
            if (!('program' in target)) return unknown(target.error);
            return this.exported(target, localName, depth);
          }
          const binding = mod.scopes.moduleBinding(localName);
          return binding ? this.bindingValue(binding, mod, depth) : unknown(`${localName} is not declared in ${mod.path}`);
        }
      } else if (stmt.type === 'ExportDefaultDeclaration' && name === 'default') {
        const decl = stmt.declaration;
        if (decl.type === 'FunctionDeclaration') return { t: 'function', fn: decl, mod, at: { mod, node: decl } };
        return this.evaluate(decl, mod, depth);
      } else if (stmt.type === 'ExportAllDeclaration' && !stmt.exported && name !== 'default') {
        const target = this.loader.resolve(mod, stmt.source.value);
        if ('program' in target) {
          const value = this.exported(target, name, depth);
          if (value.t !== 'unknown') return value;
        }
      } else if (stmt.type === 'ExpressionStatement' && stmt.expression.type === 'AssignmentExpression' && stmt.expression.operator === '=') {
        const target = stmt.expression.left;
        const targetName = target.type === 'MemberExpression' ? exportsTarget(target) : undefined;
        if (targetName === '') {
          // module.exports = value
          const whole = this.evaluate(stmt.expression.right, mod, depth);
          commonjs = name === 'default' ? whole : this.property(whole, name, depth);
        } else if (targetName === name) {
          commonjs = this.evaluate(stmt.expression.right, mod, depth);
        }
      }
    }
    return commonjs ?? unknown(`${mod.path} has no export named ${name}`);
  }

  private object(node: TSESTree.ObjectExpression, mod: JsModule, depth: number): JsValue {
    const props = new Map<string, JsValue>();
    const keys = new Map<string, WrittenAt>();
    const spreadOf: Node[] = [];
    let unknownSpread: string | undefined;
    for (const p of node.properties) {
      if (p.type === 'SpreadElement') {
        const spread = this.evaluate(p.argument, mod, depth);
        if (spread.t === 'object') {
          for (const [k, v] of spread.props) props.set(k, v);
          for (const [k, v] of spread.keys) keys.set(k, v);
          if (spread.unknownSpread) unknownSpread = spread.unknownSpread;
          spreadOf.push(...sourcesOf(spread));
        } else if (spread.t !== 'undefined' && spread.t !== 'null') {
          unknownSpread = `spread of \`${textOf(p.argument, mod.text, 60)}\`: ${describeUnknown(spread)}`;
        }
        continue;
      }
      let key = propertyKey(p);
      if (key === undefined && p.computed) {
        const k = this.evaluate(p.key, mod, depth);
        if (k.t === 'string' || k.t === 'number') key = String(k.v);
      }
      if (key === undefined) {
        unknownSpread = `computed key \`${textOf(p.key, mod.text, 60)}\``;
        continue;
      }
      const value = this.evaluate(p.value as Node, mod, depth);
      props.set(key, value);
      keys.set(key, { mod, node: p });
    }
    return { t: 'object', props, keys, unknownSpread, at: { mod, node }, ...(spreadOf.length ? { spreadOf } : {}) };
  }

  /** `value[name]` for a value already evaluated. */
  property(value: JsValue, name: string, _depth = 0): JsValue {
    switch (value.t) {
      case 'object': {
        const found = value.props.get(name);
        if (found) return found;
        if (value.unknownSpread) return unknown(`${name} may come from ${value.unknownSpread}`);
        return { t: 'undefined' };
      }
      case 'array':
        if (name === 'length') return { t: 'number', v: value.items.length, ...pickEnv(value) };
        if (/^\d+$/.test(name)) return value.items[Number(name)] ?? { t: 'undefined' };
        return unknown(`array property ${name}`);
      case 'string':
        if (name === 'length') return { t: 'number', v: value.v.length };
        return unknown(`string property ${name}`);
      case 'namespace':
        return this.exported(value.mod, name, _depth);
      case 'package':
        if (name === 'default' && value.member === undefined) return value;
        return { t: 'package', source: value.source, member: value.member === undefined ? name : `${value.member}.${name}` };
      case 'request':
        if (value.part === 'data') return { t: 'request', part: 'data', text: `${value.text}.${name}` };
        if (value.part === 'headers' && name.toLowerCase() === 'origin') return { t: 'request', part: 'origin' };
        return unknown(`request header ${name}`);
      case 'unknown':
        return unknown(value.why, pickEnv(value));
      default:
        return unknown(`property ${name} of a ${value.t}`);
    }
  }

  private member(node: TSESTree.MemberExpression, mod: JsModule, depth: number): JsValue {
    const name = memberName(node);
    const objectText = node.object.type === 'MemberExpression' || node.object.type === 'Identifier' || node.object.type === 'MetaProperty' ? textOf(node.object, mod.text) : '';
    if (objectText === 'process.env' || objectText === 'import.meta.env') {
      if (name === undefined) return unknown('environment variable with a computed name');
      return unknown(`environment variable ${name}`, { env: name });
    }
    if (name === undefined) {
      if (node.computed) {
        const key = this.evaluate(node.property, mod, depth);
        if (key.t === 'string' || key.t === 'number') return this.property(this.evaluate(node.object, mod, depth), String(key.v), depth);
      }
      return unknown(`computed property \`${textOf(node, mod.text, 80)}\``);
    }
    const object = this.evaluate(node.object, mod, depth);
    // req.headers / ctx.request.header / request.headers: the incoming request's headers.
    if ((name === 'headers' || name === 'header') && object.t === 'unknown' && isRequestLike(node.object, mod)) {
      return { t: 'request', part: 'headers' };
    }
    // req.query / req.body / req.params (Express, Fastify), ctx.query / ctx.request.body (Koa).
    if ((name === 'query' || name === 'body' || name === 'params') && object.t === 'unknown' && isRequestLike(node.object, mod)) {
      return { t: 'request', part: 'data', text: textOf(node, mod.text, 60) };
    }
    return this.property(object, name, depth);
  }

  private logical(node: TSESTree.LogicalExpression, mod: JsModule, depth: number): JsValue {
    const left = this.evaluate(node.left, mod, depth);
    if (node.operator === '&&') {
      const truth = truthiness(left);
      if (truth === false) return left;
      if (truth === true) return this.evaluate(node.right, mod, depth);
      return unknown(`depends on \`${textOf(node.left, mod.text, 80)}\``, pickEnv(left));
    }
    if (left.t === 'unknown') {
      if (left.env) {
        const fallback = this.evaluate(node.right, mod, depth);
        if (fallback.t === 'unknown') return fallback;
        return fromEnv(fallback, left.env);
      }
      return unknown(left.why);
    }
    if (node.operator === '??') return left.t === 'null' || left.t === 'undefined' ? this.evaluate(node.right, mod, depth) : left;
    const truth = truthiness(left);
    if (truth === true) return left;
    if (truth === false) return this.evaluate(node.right, mod, depth);
    return unknown(`depends on \`${textOf(node.left, mod.text, 80)}\``);
  }

  private call(node: TSESTree.CallExpression | TSESTree.NewExpression, mod: JsModule, depth: number): JsValue {
    const at: WrittenAt = { mod, node };
    const callee = unwrap(node.callee);
    const args = node.arguments;
    const arg = (i: number): JsValue => {
      const a = args[i];
      return !a ? { t: 'undefined' } : a.type === 'SpreadElement' ? unknown('spread argument') : this.evaluate(a, mod, depth);
    };
    if (callee.type === 'Identifier' && !mod.scopes.lookup(callee)) {
      switch (callee.name) {
        case 'require': {
          const spec = arg(0);
          if (spec.t !== 'string') return unknown('require of a computed path');
          const required = this.moduleValue(spec.v, mod);
          // require() returns module.exports: when the module assigns it whole, that value is the result.
          if (required.t === 'namespace' && assignsModuleExports(required.mod)) {
            const whole = this.exported(required.mod, 'default', depth);
            if (whole.t !== 'unknown') return whole;
          }
          return required;
        }
        case 'RegExp': {
          const source = arg(0);
          const flags = arg(1);
          const pattern = source.t === 'string' ? source.v : source.t === 'regex' ? source.pattern : undefined;
          const flagText = flags.t === 'string' ? flags.v : flags.t === 'undefined' ? (source.t === 'regex' ? source.flags : '') : undefined;
          if (pattern === undefined || flagText === undefined) return unknown(`RegExp built from ${describeUnknown(source.t === 'unknown' ? source : flags)}`, pickEnv(source));
          return { t: 'regex', pattern, flags: flagText, at, ...pickEnv(source) };
        }
        case 'Set':
        case 'Array': {
          if (callee.name === 'Array' && node.type !== 'NewExpression') break;
          const items = args.length ? arg(0) : ({ t: 'array', items: [] } as JsValue);
          if (items.t === 'array') return { ...items, isSet: callee.name === 'Set', at: items.at ?? at };
          if (items.t === 'undefined') return { t: 'array', items: [], isSet: true, at };
          return unknown(`${callee.name} of ${describeUnknown(items)}`, pickEnv(items));
        }
        case 'String': {
          const v = arg(0);
          if (v.t === 'string' || v.t === 'number' || v.t === 'boolean') return { ...v, t: 'string', v: String(v.v) } as JsValue;
          return unknown(`String of ${describeUnknown(v)}`, pickEnv(v));
        }
        case 'Boolean': {
          const truth = truthiness(arg(0));
          return truth === undefined ? unknown('Boolean of an unknown value') : { t: 'boolean', v: truth, at };
        }
        case 'Number':
        case 'parseInt': {
          const v = arg(0);
          if (v.t === 'number') return v;
          if (v.t === 'string' && v.v.trim() !== '' && !Number.isNaN(Number.parseInt(v.v, 10))) return { t: 'number', v: callee.name === 'Number' ? Number(v.v) : Number.parseInt(v.v, 10), at, ...pickEnv(v) };
          return unknown(`${callee.name} of ${describeUnknown(v)}`, pickEnv(v));
        }
        default:
          break;
      }
    }
    if (callee.type === 'MemberExpression') {
      const method = memberName(callee);
      const objText = textOf(callee.object, mod.text, 40);
      if (objText === 'Object' && (method === 'freeze' || method === 'seal')) return arg(0);
      if (objText === 'Object' && method === 'assign') {
        const merged: ValueOf<'object'> = { t: 'object', props: new Map(), keys: new Map(), at };
        for (let i = 0; i < args.length; i++) {
          const part = arg(i);
          if (part.t === 'object') {
            for (const [k, v] of part.props) merged.props.set(k, v);
            for (const [k, v] of part.keys) merged.keys.set(k, v);
            if (part.unknownSpread) merged.unknownSpread = part.unknownSpread;
            merged.spreadOf = [...(merged.spreadOf ?? []), ...sourcesOf(part)];
          } else merged.unknownSpread = `Object.assign source ${describeUnknown(part)}`;
        }
        return merged;
      }
      if (objText === 'Array' && method === 'from') return arg(0).t === 'array' ? arg(0) : unknown('Array.from of an unknown value');
      if (method === 'get' && (objText === 'Deno.env' || objText === 'Bun.env')) {
        const name = arg(0);
        return name.t === 'string' ? unknown(`environment variable ${name.v}`, { env: name.v }) : unknown('environment variable with a computed name');
      }
      if (method !== undefined) {
        const target = this.evaluate(callee.object, mod, depth);
        const result = this.method(target, method, args, mod, depth, at, node);
        if (result) return result;
      }
    }
    const fnValue = this.evaluate(callee, mod, depth);
    if (fnValue.t === 'function') {
      const closure = returnedClosure(fnValue.fn);
      if (closure) {
        // A factory such as corsWithSubdomains(domains) returning (origin, callback) => ...: keep its arguments.
        const bound = new Map(fnValue.bound ?? []);
        fnValue.fn.params.forEach((param, i) => {
          if (param.type !== 'Identifier') return;
          const binding = fnValue.mod.scopes.lookupName(param.name, fnValue.fn.body);
          if (binding?.kind === 'param') bound.set(binding, arg(i));
        });
        return { t: 'function', fn: closure, mod: fnValue.mod, at: { mod: fnValue.mod, node: closure }, ...(bound.size ? { bound } : {}) };
      }
      const returned = singleReturn(fnValue.fn);
      if (returned) return this.withBindings(fnValue.bound, () => this.evaluate(returned, fnValue.mod, depth));
      return unknown(`returned by \`${textOf(node.callee, mod.text, 60)}()\``);
    }
    // url.parse(req.url, true): the parsed request URL, whose query the caller writes.
    if (fnValue.t === 'package' && (fnValue.source === 'url' || fnValue.source === 'node:url') && fnValue.member === 'parse') {
      const first = args[0] ? unwrap(args[0] as Node) : undefined;
      if (first?.type === 'MemberExpression' && memberName(first) === 'url' && isRequestLike(first.object, mod)) {
        return { t: 'request', part: 'data', text: textOf(node, mod.text, 60) };
      }
    }
    if (fnValue.t === 'package') return unknown(`returned by ${fnValue.source}${fnValue.member ? `.${fnValue.member}` : ''}()`);
    return unknown(`returned by \`${textOf(node.callee, mod.text, 60)}()\``, pickEnv(fnValue));
  }

  /** Methods of strings and arrays that configuration code uses on constants. */
  private method(
    target: JsValue,
    method: string,
    args: TSESTree.CallExpressionArgument[],
    mod: JsModule,
    depth: number,
    at: WrittenAt,
    node: Node,
  ): JsValue | undefined {
    const arg0 = args[0] && args[0].type !== 'SpreadElement' ? this.evaluate(args[0], mod, depth) : ({ t: 'undefined' } as JsValue);
    // The request's Origin header: req.get('origin'), req.header('Origin'), ctx.get('Origin'), request.headers.get('origin').
    if ((method === 'get' || method === 'header' || method === 'getHeader') && arg0.t === 'string' && arg0.v.toLowerCase() === 'origin') {
      if (target.t === 'request' || (target.t === 'unknown' && node.type === 'CallExpression' && isRequestLike((node.callee as TSESTree.MemberExpression).object, mod))) {
        return { t: 'request', part: 'origin' };
      }
    }
    const env = pickEnv(target);
    if (target.t === 'string') {
      if (TEXT_METHODS.has(method)) return { ...target, v: applyTextMethod(target.v, method), at: target.at ?? at };
      if (method === 'split') {
        if (arg0.t !== 'string' && arg0.t !== 'regex') return unknown('split with a computed separator', env);
        const sep = arg0.t === 'string' ? arg0.v : new RegExp(arg0.pattern, arg0.flags.replace(/[gy]/g, ''));
        return { t: 'array', items: target.v.split(sep).map((v): JsValue => ({ t: 'string', v, at: target.at, ...env })), at: target.at ?? at, ...env };
      }
      if (method === 'concat') {
        let out = target.v;
        for (let i = 0; i < args.length; i++) {
          const a = args[i]!.type === 'SpreadElement' ? unknown('spread') : this.evaluate(args[i]!, mod, depth);
          if (a.t !== 'string' && a.t !== 'number') return unknown('concat with a value that is not a constant');
          out += String(a.v);
        }
        return { t: 'string', v: out, at, ...env };
      }
      if (method === 'toString' || method === 'valueOf') return target;
      return undefined;
    }
    if (target.t === 'array') {
      if (method === 'map') {
        const fn = arg0.t === 'function' ? arg0.fn : undefined;
        const chain = fn ? textMethodChain(fn) : undefined;
        if (!chain) return unknown(`\`.map(${args[0] ? textOf(args[0], mod.text, 60) : ''})\` over a list`, env);
        return {
          ...target,
          items: target.items.map((item) => {
            if (item.t !== 'string') return unknown(`mapped item ${describeUnknown(item)}`, pickEnv(item));
            let v = item.v;
            for (const m of chain) v = applyTextMethod(v, m);
            return { ...item, v };
          }),
        };
      }
      if (method === 'filter') {
        const fn = arg0.t === 'function' ? arg0.fn : undefined;
        const keepsTruthy = (args[0]?.type === 'Identifier' && args[0].name === 'Boolean') || (fn && isIdentityOrLength(fn));
        if (!keepsTruthy) return unknown('filtered with a function', env);
        return { ...target, items: target.items.filter((i) => truthiness(i) !== false) };
      }
      if (method === 'concat') {
        const items = [...target.items];
        for (let i = 0; i < args.length; i++) {
          const a = args[i]!.type === 'SpreadElement' ? unknown('spread') : this.evaluate(args[i]!, mod, depth);
          if (a.t === 'array') items.push(...a.items);
          else items.push(a);
        }
        return { t: 'array', items, at: target.at ?? at };
      }
      if (method === 'join') {
        const sep = args.length === 0 ? ',' : arg0.t === 'string' ? arg0.v : undefined;
        if (sep === undefined) return unknown('join with a computed separator', env);
        if (!target.items.every((i) => i.t === 'string' || i.t === 'number')) return unknown('join of a list with items that are not constants', env);
        return { t: 'string', v: target.items.map((i) => String((i as { v: string | number }).v)).join(sep), at, ...env };
      }
      if (method === 'slice' && args.length === 0) return target;
      if (method === 'flat') return { ...target, items: target.items.flatMap((i) => (i.t === 'array' ? i.items : [i])) };
      return undefined;
    }
    return undefined;
  }
}

/** The object literals an object value is made of: its own and those spread into it. */
export function sourcesOf(value: JsValue): Node[] {
  if (value.t !== 'object') return [];
  return [...(value.at ? [value.at.node] : []), ...(value.spreadOf ?? [])];
}

function declares(decl: Node, name: string): boolean {
  if (decl.type === 'VariableDeclaration') return decl.declarations.some((d) => patternHas(d.id, name));
  if (decl.type === 'FunctionDeclaration' || decl.type === 'ClassDeclaration') return decl.id?.name === name;
  return false;
}

function patternHas(p: Node, name: string): boolean {
  switch (p.type) {
    case 'Identifier':
      return p.name === name;
    case 'ObjectPattern':
      return p.properties.some((q) => (q.type === 'RestElement' ? patternHas(q.argument, name) : patternHas(q.value, name)));
    case 'ArrayPattern':
      return p.elements.some((e) => !!e && patternHas(e, name));
    case 'AssignmentPattern':
      return patternHas(p.left, name);
    case 'RestElement':
      return patternHas(p.argument, name);
    default:
      return false;
  }
}

/**
 * Does the module replace module.exports with one value (`module.exports = whitelist`) and add no
 * members to it afterwards (`module.exports.x = ...`, `exports.x = ...`)?
 */
function assignsModuleExports(mod: JsModule): boolean {
  let whole = false;
  for (const stmt of mod.program.body) {
    if (stmt.type !== 'ExpressionStatement' || stmt.expression.type !== 'AssignmentExpression' || stmt.expression.left.type !== 'MemberExpression') continue;
    const target = exportsTarget(stmt.expression.left);
    if (target === '') whole = stmt.expression.operator === '=';
    else if (target !== undefined) return false;
  }
  return whole;
}

/** '' for `module.exports`, the name for `module.exports.X` / `exports.X`, else undefined. */
function exportsTarget(node: TSESTree.MemberExpression): string | undefined {
  const name = memberName(node);
  if (node.object.type === 'Identifier' && node.object.name === 'module' && name === 'exports') return '';
  if (node.object.type === 'Identifier' && node.object.name === 'exports') return name;
  if (node.object.type === 'MemberExpression' && exportsTarget(node.object) === '') return name;
  return undefined;
}

/** The expression a function returns when its body is one expression or one return statement. */
export function singleReturn(fn: FunctionNode): Node | undefined {
  if (fn.body.type !== 'BlockStatement') return fn.body;
  const returns = fn.body.body.filter((s) => s.type === 'ReturnStatement');
  if (returns.length === 1 && fn.body.body.length === 1) return (returns[0] as TSESTree.ReturnStatement).argument ?? undefined;
  return undefined;
}

/**
 * The function a factory returns: its body's last statement is `return <function>` (or the arrow's body is
 * a function), and every statement before it is an `if` that only throws (argument checks).
 */
function returnedClosure(fn: FunctionNode): FunctionNode | undefined {
  const isFn = (n: Node | null | undefined): n is TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression =>
    !!n && (n.type === 'ArrowFunctionExpression' || n.type === 'FunctionExpression');
  if (fn.body.type !== 'BlockStatement') return isFn(unwrap(fn.body)) ? (unwrap(fn.body) as FunctionNode) : undefined;
  const body = fn.body.body;
  const last = body[body.length - 1];
  if (!last || last.type !== 'ReturnStatement' || !last.argument || !isFn(unwrap(last.argument))) return undefined;
  const throwsOnly = (stmt: Node): boolean =>
    stmt.type === 'ThrowStatement' || (stmt.type === 'BlockStatement' && stmt.body.length > 0 && stmt.body.every((s) => throwsOnly(s)));
  for (const stmt of body.slice(0, -1)) {
    if (stmt.type !== 'IfStatement' || stmt.alternate || !throwsOnly(stmt.consequent)) return undefined;
  }
  return unwrap(last.argument) as FunctionNode;
}

/** `s => s.trim()`, `(s) => s.trim().toLowerCase()`: the method names, or undefined. */
function textMethodChain(fn: FunctionNode): string[] | undefined {
  const param = fn.params[0];
  const body = singleReturn(fn);
  if (!param || param.type !== 'Identifier' || !body) return undefined;
  const chain: string[] = [];
  let current: Node = unwrap(body);
  while (current.type === 'CallExpression' && current.callee.type === 'MemberExpression' && current.arguments.length === 0) {
    const m = memberName(current.callee);
    if (!m || !TEXT_METHODS.has(m)) return undefined;
    chain.unshift(m);
    current = unwrap(current.callee.object);
  }
  return current.type === 'Identifier' && current.name === param.name ? chain : undefined;
}

function isIdentityOrLength(fn: FunctionNode): boolean {
  const param = fn.params[0];
  const body = singleReturn(fn);
  if (!param || param.type !== 'Identifier' || !body) return false;
  const b = unwrap(body);
  if (b.type === 'Identifier' && b.name === param.name) return true;
  return b.type === 'MemberExpression' && memberName(b) === 'length' && b.object.type === 'Identifier' && b.object.name === param.name;
}

function applyTextMethod(v: string, method: string): string {
  switch (method) {
    case 'trim':
      return v.trim();
    case 'trimStart':
      return v.trimStart();
    case 'trimEnd':
      return v.trimEnd();
    case 'toLowerCase':
      return v.toLowerCase();
    case 'toUpperCase':
      return v.toUpperCase();
    default:
      return v;
  }
}

/** Syntactic test: does this expression name an incoming request (req, request, ctx, ctx.request, event)? */
function isRequestLike(node: Node, mod: JsModule): boolean {
  const n = unwrap(node);
  if (n.type === 'Identifier') {
    const binding = mod.scopes.lookup(n);
    // Request objects are handler parameters; a module constant named `request` is not one.
    if (binding) return binding.kind === 'param';
    return /^(?:req|request|ctx|context|event)$/i.test(n.name);
  }
  if (n.type === 'MemberExpression') {
    const name = memberName(n);
    return (name === 'request' || name === 'req' || name === 'raw') && isRequestLike(n.object, mod);
  }
  return false;
}

export function truthiness(value: JsValue): boolean | undefined {
  switch (value.t) {
    case 'string':
      return value.v !== '';
    case 'number':
      return value.v !== 0 && !Number.isNaN(value.v);
    case 'boolean':
      return value.v;
    case 'null':
    case 'undefined':
      return false;
    case 'regex':
    case 'array':
    case 'object':
    case 'function':
      return true;
    default:
      return undefined;
  }
}

function pickEnv(value: JsValue): Meta {
  return value.env ? { env: value.env, envDriven: value.envDriven } : {};
}

export function describeUnknown(value: JsValue): string {
  if (value.t === 'unknown') return value.why;
  if (value.t === 'request') return value.part === 'data' ? `request data \`${value.text}\`` : value.part === 'origin' ? 'the request Origin' : 'the request headers';
  return `a ${value.t}`;
}
