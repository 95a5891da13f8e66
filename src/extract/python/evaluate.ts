import { spend } from '../budget.js';
import path from 'node:path';
import type { Span } from '../../model/types.js';
import type { PyNode } from '../../parse/python.js';
import { enclosingScopes, truncateText, type Binding, type ModuleLoader, type PyModule } from './modules.js';
import { combine, sortItems, union } from './operations.js';
import {
  sliceStr,
  decodeEscapes,
  describe,
  envDefault,
  reachedVia,
  spanOf,
  truthy,
  unknown,
  type PyValue,
} from './values.js';

/** How deep imports are followed; deeper chains become unknown. */
const MAX_IMPORT_DEPTH = 8;
/** Guard against pathological nesting in generated code. */
const MAX_EVAL_DEPTH = 200;

const BUILTINS = new Set(['str', 'list', 'tuple', 'set', 'frozenset', 'int', 'bool', 'sorted', 'dict', 'float']);
const STRING_METHODS = new Set(['split', 'rsplit', 'strip', 'lstrip', 'rstrip', 'lower', 'upper', 'casefold', 'replace', 'removesuffix', 'removeprefix']);
/** Calls that read one environment variable: name is the first argument, default the second or `default=`. */
const ENV_READERS = new Set(['os.getenv', 'os.environ.get', 'os.environ.setdefault', 'decouple.config']);
/** Objects that read the environment when called: django-environ `Env()`, Starlette `Config()`, decouple `AutoConfig()`. */
const ENV_OBJECTS = /(^environ\.Env|^environ\.environ\.Env|^starlette\.config\.Config|^decouple\.AutoConfig|^decouple\.Config)$/;
/** django-environ `env.list("X", default=...)` style readers. */
const DJANGO_ENVIRON_METHODS = new Set(['__call__', 'str', 'bool', 'int', 'float', 'list', 'tuple', 'json', 'url', 'dict']);

/** Keyword options of a call, after `**dict` splats are merged. */
export interface CallOption {
  value: PyValue;
  /** The `name=value` argument, or the `**splat` it came from. */
  span: Span;
  /** The dict entry that holds it, when it came from a splat of a named dict. */
  definedAt?: Span;
  node: PyNode;
}

export interface CallArgs {
  positional: Array<{ node: PyNode; value: PyValue }>;
  keywords: Map<string, CallOption>;
  /** `**x` that could not be resolved: options not seen may be set there. */
  unresolvedSplats: string[];
}

/**
 * A small evaluator over the syntax tree. It follows names to their last assignment, imports into
 * other files of the scanned tree, class attributes, settings objects and environment defaults,
 * and never executes anything.
 */
export class Evaluator {
  private readonly active = new Set<string>();
  private readonly memo = new Map<string, PyValue>();
  private readonly locals: Array<Map<string, PyValue>> = [];
  private depth = 0;
  private importDepth = 0;

  constructor(private readonly loader: ModuleLoader) {}

  eval(node: PyNode | null | undefined, mod: PyModule): PyValue {
    if (!node) return unknown('missing expression');
    if (this.depth > MAX_EVAL_DEPTH) return unknown(`expression too deeply nested: ${truncateText(node.text)}`);
    this.depth++;
    try {
      return this.evalNode(node, mod);
    } finally {
      this.depth--;
    }
  }

  private evalNode(node: PyNode, mod: PyModule): PyValue {
    spend();
    const span = spanOf(node, mod.path);
    switch (node.type) {
      case 'string':
        return this.evalString(node, mod);
      case 'concatenated_string': {
        let v = '';
        for (const part of node.namedChildren) {
          const s = this.evalString(part, mod);
          if (s.t !== 'str') return unknown(`${describe(s)} in ${truncateText(node.text)}`, { span });
          v += s.v;
        }
        return { t: 'str', v, span };
      }
      case 'integer': {
        const n = Number(node.text.replace(/_/g, '').replace(/[lL]$/, ''));
        return Number.isFinite(n) ? { t: 'num', v: n, span } : unknown(`number ${node.text}`, { span });
      }
      case 'float':
        return { t: 'num', v: Number(node.text.replace(/_/g, '')), span };
      case 'true':
        return { t: 'bool', v: true, span };
      case 'false':
        return { t: 'bool', v: false, span };
      case 'none':
        return { t: 'none', span };
      case 'list':
      case 'tuple':
      case 'set':
      case 'expression_list':
        return this.evalSequence(node, mod, node.type === 'expression_list' ? 'tuple' : node.type);
      case 'parenthesized_expression': {
        const inner = node.namedChildren.find((c) => c.type !== 'comment');
        return inner ? this.eval(inner, mod) : unknown('empty parentheses', { span });
      }
      case 'dictionary':
        return this.evalDict(node, mod);
      case 'identifier': {
        const local = this.lookupLocal(node.text);
        if (local) return local;
        return reachedVia(this.lookupName(node.text, node, mod), span);
      }
      case 'attribute': {
        const obj = this.eval(node.childForFieldName('object'), mod);
        const attr = node.childForFieldName('attribute')?.text ?? '';
        return reachedVia(this.getAttr(obj, attr, node, mod), span);
      }
      case 'subscript':
        return this.evalSubscript(node, mod);
      case 'call':
        return this.evalCall(node, mod);
      case 'binary_operator':
        return this.evalBinary(node, mod);
      case 'list_comprehension':
      case 'set_comprehension':
      case 'generator_expression':
        return this.evalComprehension(node, mod);
      case 'boolean_operator':
        return this.evalBoolean(node, mod);
      case 'comparison_operator':
        return this.evalComparison(node, mod);
      case 'not_operator': {
        const t = truthy(this.eval(node.childForFieldName('argument'), mod));
        return t === undefined ? unknown(`not ${truncateText(node.text)}`, { span }) : { t: 'bool', v: !t, span };
      }
      case 'unary_operator': {
        const arg = this.eval(node.childForFieldName('argument'), mod);
        const op = node.childForFieldName('operator')?.text;
        if (arg.t === 'num' && op === '-') return { ...arg, v: -arg.v, span };
        if (arg.t === 'num' && op === '+') return { ...arg, span };
        return unknown(truncateText(node.text), { span });
      }
      case 'conditional_expression': {
        const [whenTrue, cond, whenFalse] = node.namedChildren;
        const t = cond ? truthy(this.eval(cond, mod)) : undefined;
        if (t === true) return this.eval(whenTrue, mod);
        if (t === false) return this.eval(whenFalse, mod);
        return this.evalBothBranches(whenTrue, cond, whenFalse, mod, span);
      }
      default:
        return unknown(`${truncateText(node.text)} (${node.type.replace(/_/g, ' ')})`, { span });
    }
  }

  /**
   * `a if cond else b` where cond cannot be decided: every branch counts. When the condition reads
   * the environment (`os.getenv("X").split(",") if os.getenv("X") else ["*"]`), a literal branch is
   * what applies while the variable is unset, so it is marked as that variable's default.
   */
  private evalBothBranches(whenTrue: PyNode | null, cond: PyNode | null, whenFalse: PyNode | null, mod: PyModule, span: Span): PyValue {
    const branches = [this.eval(whenTrue, mod), this.eval(whenFalse, mod)];
    // `os.getenv("X")` (or `not os.getenv("X")`) as the whole condition: with X unset it is None, so
    // the branch taken then is known, and that branch is X's default.
    let test = cond;
    let negated = false;
    while (test?.type === 'not_operator' || test?.type === 'parenthesized_expression') {
      if (test.type === 'not_operator') negated = !negated;
      test = test.type === 'not_operator' ? test.childForFieldName('argument') : (test.namedChildren.find((c) => c.type !== 'comment') ?? null);
    }
    const condValue = test ? this.eval(test, mod) : undefined;
    const envSource = condValue?.t === 'unknown' && condValue.envDriven && condValue.source ? condValue.source : undefined;
    const unsetBranch = negated ? 0 : 1;
    const marked = envSource ? branches.map((b, i) => (i !== unsetBranch || b.t === 'unknown' || b.envDriven ? b : envDefault(b, envSource))) : branches;
    const known = marked.filter((b) => b.t !== 'unknown');
    const unknowns = marked.filter((b) => b.t === 'unknown');
    // One branch an unresolved list, the other a literal list: keep the literal items and say what is not known.
    if (known.length === 1 && known[0]!.t === 'seq' && unknowns.length === 1) {
      const [seq, other] = [known[0]!, unknowns[0]!];
      if (seq.t === 'seq') return { ...seq, span, items: [other, ...seq.items], envDriven: seq.envDriven || other.envDriven, source: seq.source ?? other.source };
    }
    const joined = union(marked, cond?.text ?? '');
    if (joined.t === 'unknown') return unknown(joined.why, { span, envDriven: joined.envDriven || !!envSource, source: joined.source ?? envSource });
    return joined;
  }

  // ---- literals -------------------------------------------------------------------------------

  private evalString(node: PyNode, mod: PyModule): PyValue {
    const span = spanOf(node, mod.path);
    if (node.type !== 'string') return this.eval(node, mod);
    if (node.namedChildren.some((c) => c.type === 'interpolation')) {
      return unknown(`f-string with placeholders ${truncateText(node.text)}`, { span });
    }
    const start = node.namedChildren.find((c) => c.type === 'string_start');
    const end = node.namedChildren.find((c) => c.type === 'string_end');
    const prefix = (start?.text ?? '"').replace(/['"]+$/, '').toLowerCase();
    const text = node.text;
    const body = text.slice(start?.text.length ?? 1, text.length - (end?.text.length ?? 0));
    const raw = prefix.includes('r');
    const v = raw ? body : decodeEscapes(body);
    const oneToOne = v === body && !body.includes('\n') && span.line === span.endLine;
    return { t: 'str', v, span, at: oneToOne ? { line: span.line, column: span.column + (start?.text.length ?? 1) } : undefined };
  }

  private evalSequence(node: PyNode, mod: PyModule, kind: 'list' | 'tuple' | 'set'): PyValue {
    const items: PyValue[] = [];
    for (const child of node.namedChildren) {
      if (child.type === 'comment') continue;
      if (child.type === 'list_splat') {
        const inner = this.eval(child.namedChildren[0], mod);
        if (inner.t === 'seq') items.push(...inner.items);
        else items.push(unknown(`*${truncateText(child.text)}: ${describe(inner)}`, { span: spanOf(child, mod.path), envDriven: inner.envDriven, source: inner.source }));
        continue;
      }
      items.push(this.eval(child, mod));
    }
    return { t: 'seq', kind, items, span: spanOf(node, mod.path) };
  }

  private evalDict(node: PyNode, mod: PyModule): PyValue {
    const entries: Extract<PyValue, { t: 'dict' }>['entries'] = [];
    for (const child of node.namedChildren) {
      if (child.type === 'pair') {
        entries.push({
          key: this.eval(child.childForFieldName('key'), mod),
          value: this.eval(child.childForFieldName('value'), mod),
          span: spanOf(child, mod.path),
        });
      } else if (child.type === 'dictionary_splat') {
        const inner = this.eval(child.namedChildren[0], mod);
        if (inner.t === 'dict') entries.push(...inner.entries);
        else return unknown(`**${truncateText(child.namedChildren[0]?.text ?? '')} in a dict: ${describe(inner)}`, { span: spanOf(node, mod.path) });
      }
    }
    return { t: 'dict', entries, span: spanOf(node, mod.path) };
  }

  // ---- names ----------------------------------------------------------------------------------

  private lookupLocal(name: string): PyValue | undefined {
    for (let i = this.locals.length - 1; i >= 0; i--) {
      const v = this.locals[i]!.get(name);
      if (v) return v;
    }
    return undefined;
  }

  /** The value of `name` as seen at `use`: the last assignment before it in the innermost scope that binds it. */
  lookupName(name: string, use: PyNode, mod: PyModule): PyValue {
    const scopes = enclosingScopes(use);
    const innermost = scopes[0];
    for (const scope of scopes) {
      const bindings = mod.scopes.get(scope.id)?.get(name);
      if (!bindings?.length) continue;
      // A function body runs after the module has finished loading: it sees the module's last binding.
      const seesAll = scope.type === 'module' && innermost?.type !== 'module';
      const before = bindings.filter((b) => (seesAll ? !contains(b.node, use) : b.node.endIndex <= use.startIndex || isDefinitionBefore(b, use)));
      const binding = before[before.length - 1];
      if (!binding) continue;
      const branch = enclosingIf(binding.node, scope);
      if (branch && !contains(branch, use)) return this.branchValue(branch, before, name, mod);
      return this.evalBinding(binding, name, mod);
    }
    const star = this.lookupStar(name, mod, use.startIndex);
    if (star) return star;
    if (BUILTINS.has(name)) return { t: 'sym', qname: `builtins.${name}` };
    return unknown(`${name} is not defined in ${mod.path}`);
  }

  /**
   * A name bound inside `if`/`elif`/`else`: the branch whose condition can be decided, otherwise
   * every branch's value (lists are joined, so an origin allowed in any configuration is seen).
   */
  private branchValue(ifNode: PyNode, bindings: Binding[], name: string, mod: PyModule): PyValue {
    const fallthrough = () => this.lookupName(name, ifNode, mod);
    const arms: Array<{ cond: PyNode | null; body: PyNode | null }> = [
      { cond: ifNode.childForFieldName('condition'), body: ifNode.childForFieldName('consequence') },
    ];
    for (const alt of ifNode.childrenForFieldName('alternative')) {
      if (alt.type === 'elif_clause') arms.push({ cond: alt.childForFieldName('condition'), body: alt.childForFieldName('consequence') });
      else arms.push({ cond: null, body: alt.childForFieldName('body') });
    }
    if (arms[arms.length - 1]!.cond !== null) arms.push({ cond: null, body: null });
    const valueOf = (body: PyNode | null): PyValue => {
      const inside = body ? bindings.filter((b) => contains(body, b.node)) : [];
      const last = inside[inside.length - 1];
      if (!last) return fallthrough();
      const nested = enclosingIf(last.node, body!);
      return nested && nested.id !== ifNode.id ? this.branchValue(nested, inside, name, mod) : this.evalBinding(last, name, mod);
    };
    const candidates: PyValue[] = [];
    let undecided: PyNode | undefined;
    for (const arm of arms) {
      const t = arm.cond ? truthy(this.eval(arm.cond, mod)) : true;
      if (t === false) continue;
      if (t === true && !undecided) return valueOf(arm.body);
      undecided ??= arm.cond ?? undefined;
      candidates.push(valueOf(arm.body));
      if (t === true) break;
    }
    return union(candidates, undecided?.text ?? '');
  }

  /** The final module-level value of `name` in `mod`, or undefined when the module does not bind it. */
  /** Runs a lookup in another module with the import-cycle guard and the depth count held around it. */
  private acrossModules<T>(key: string, lookup: () => T): T {
    this.active.add(key);
    this.importDepth++;
    try {
      return lookup();
    } finally {
      this.importDepth--;
      this.active.delete(key);
    }
  }

  lookupModuleLevel(name: string, mod: PyModule): PyValue | undefined {
    const bindings = mod.scopes.get(mod.root.id)?.get(name);
    const last = bindings?.[bindings.length - 1];
    if (last) return this.evalBinding(last, name, mod);
    return this.lookupStar(name, mod, Number.MAX_SAFE_INTEGER);
  }

  private lookupStar(name: string, mod: PyModule, before: number): PyValue | undefined {
    for (const star of [...mod.starImports].reverse()) {
      if (star.node.startIndex > before) continue;
      const target = this.withImport(() => this.loader.resolve(mod, star.module, star.level));
      if (!target || target === mod) continue;
      const key = `star:${target.absPath}:${name}`;
      if (this.active.has(key) || this.importDepth >= MAX_IMPORT_DEPTH) continue;
      const v = this.acrossModules(key, () => this.lookupModuleLevel(name, target));
      if (v) return v;
    }
    return undefined;
  }

  private withImport<T>(fn: () => T): T | undefined {
    if (this.importDepth >= MAX_IMPORT_DEPTH) return undefined;
    return fn();
  }

  /**
   * A binding's value does not depend on where it is read from, so it is computed once
   * (this keeps chains like `A2 = A1 + A1` linear). Comprehension variables never leak into it.
   */
  private evalBinding(binding: Binding, name: string, mod: PyModule): PyValue {
    const key = `${mod.absPath}:${binding.node.id}:${name}`;
    const cached = this.memo.get(key);
    if (cached) return cached;
    if (this.active.has(key)) return unknown(`${name} refers to itself`);
    const saved = this.locals.splice(0);
    this.active.add(key);
    try {
      const value = this.evalBindingOnce(binding, name, mod);
      this.memo.set(key, value);
      return value;
    } finally {
      this.active.delete(key);
      this.locals.push(...saved);
    }
  }

  private evalBindingOnce(binding: Binding, name: string, mod: PyModule): PyValue {
    switch (binding.kind) {
      case 'assign':
        return binding.value ? this.eval(binding.value, mod) : unknown(`${name} is declared without a value in ${mod.path}`);
      case 'augassign': {
        const previous = this.lookupName(name, binding.node, mod);
        const added = this.eval(binding.value, mod);
        if (binding.op === '+=' || binding.op === '|=') return combine(previous, added, spanOf(binding.node, mod.path));
        return unknown(`${truncateText(binding.node.text)}`);
      }
      case 'class':
        return { t: 'class', mod, node: binding.node, name };
      case 'func':
        return { t: 'func', mod, node: binding.node, name };
      case 'param': {
        const fn = binding.fn.childForFieldName('name')?.text ?? 'a function';
        return unknown(`${name} is a parameter of ${fn}()`);
      }
      case 'import':
        return this.importModule(binding.module, mod);
      case 'from':
        return this.importFrom(binding.module, binding.level, binding.name, mod);
      case 'other':
        return unknown(`${name} is ${binding.what}`);
      case 'mutate':
        return this.mutated(binding, name, mod);
    }
  }

  /** `X.append(v)` and friends after an assignment: the list grows (conditions are not tracked). */
  private mutated(binding: Extract<Binding, { kind: 'mutate' }>, name: string, mod: PyModule): PyValue {
    const previous = this.lookupName(name, binding.node, mod);
    const args = this.callArgs(binding.call, mod);
    const span = spanOf(binding.node, mod.path);
    const arg = (i: number) => args.positional[i]?.value ?? unknown(`${truncateText(binding.node.text)}`, { span });
    switch (binding.method) {
      case 'append':
      case 'add':
        return previous.t === 'seq' ? { ...previous, items: [...previous.items, arg(0)] } : previous;
      case 'insert':
        return previous.t === 'seq' ? { ...previous, items: [...previous.items, arg(1)] } : previous;
      case 'extend':
        return previous.t === 'seq' ? combine(previous, arg(0), previous.span ?? span) : previous;
      case 'update': {
        if (previous.t !== 'dict') return previous;
        const fromKeywords: PyValue = {
          t: 'dict',
          entries: [...args.keywords].map(([key, o]) => ({ key: { t: 'str', v: key, span: o.span } as PyValue, value: o.value, span: o.span })),
        };
        const merged = args.positional.length ? combine(previous, arg(0), previous.span ?? span) : previous;
        return combine(merged, fromKeywords, previous.span ?? span);
      }
    }
    return previous;
  }

  /** A dotted name as `importlib.import_string` would read it (`"config.ProdConfig"`), in the scanned tree. */
  evalDotted(dotted: string, from: PyModule): PyValue {
    const at = dotted.lastIndexOf('.');
    if (at <= 0) return this.lookupModuleLevel(dotted, from) ?? unknown(`${dotted} is not defined in ${from.path}`);
    return this.importFrom(dotted.slice(0, at), 0, dotted.slice(at + 1), from);
  }

  private importModule(module: string, from: PyModule): PyValue {
    if (this.importDepth >= MAX_IMPORT_DEPTH) return unknown(`import of ${module} is nested too deeply`);
    const target = this.loader.resolve(from, module, 0);
    return target ? { t: 'module', mod: target } : { t: 'sym', qname: module };
  }

  private importFrom(module: string, level: number, name: string, from: PyModule): PyValue {
    const shown = `${'.'.repeat(level)}${module}`;
    if (this.importDepth >= MAX_IMPORT_DEPTH) return unknown(`${name} from ${shown}: imports nested too deeply`);
    const target = this.loader.resolve(from, module, level);
    if (target) {
      const key = `from:${target.absPath}:${name}`;
      if (this.active.has(key)) return unknown(`${name} from ${shown}: circular import`);
      const v = this.acrossModules(key, () => this.lookupModuleLevel(name, target));
      if (v) return v;
    }
    const sub = this.loader.resolve(from, module ? `${module}.${name}` : name, level);
    if (sub) return { t: 'module', mod: sub };
    if (target) return unknown(`${name} is not defined in ${target.path}`);
    if (level > 0) return unknown(`${name} from ${shown} (module not found in the scanned tree)`);
    return { t: 'sym', qname: `${module}.${name}` };
  }

  // ---- attributes -----------------------------------------------------------------------------

  getAttr(obj: PyValue, attr: string, node: PyNode, mod: PyModule): PyValue {
    const text = truncateText(node.text);
    switch (obj.t) {
      case 'sym':
        return { t: 'sym', qname: `${obj.qname}.${attr}` };
      case 'module': {
        this.importDepth++;
        try {
          const v = this.lookupModuleLevel(attr, obj.mod);
          if (v) return v;
        } finally {
          this.importDepth--;
        }
        if (path.basename(obj.mod.absPath) === '__init__.py') {
          const sub = this.loader.resolve(obj.mod, attr, 1);
          if (sub) return { t: 'module', mod: sub };
        }
        return unknown(`${text} (${attr} is not defined in ${obj.mod.path})`);
      }
      case 'class':
        return this.classAttr(obj, attr, false, text);
      case 'call':
        if (obj.callee.t === 'class') return this.classAttr(obj.callee, attr, true, text);
        return unknown(`${text} (attribute of ${describe(obj)})`);
      case 'unknown':
        return unknown(`${text} (${obj.why})`, { envDriven: obj.envDriven, source: obj.source });
      default:
        return unknown(`${text} (attribute of ${describe(obj)})`);
    }
  }

  /** A class attribute / pydantic field default; env-driven when read from a BaseSettings instance. */
  private classAttr(cls: Extract<PyValue, { t: 'class' }>, attr: string, viaInstance: boolean, text: string, seen = new Set<number>()): PyValue {
    if (seen.has(cls.node.id)) return unknown(`${text} (circular class hierarchy)`);
    seen.add(cls.node.id);
    const bindings = cls.mod.scopes.get(cls.node.id)?.get(attr);
    const last = bindings?.[bindings.length - 1];
    const settings = viaInstance && this.isSettingsClass(cls, new Set());
    const envName = settings ? `${this.envPrefix(cls)}${attr}` : attr;
    // A default that is itself an environment read keeps the variable it names.
    const mark = (v: PyValue): PyValue => (settings && !v.source ? envDefault(v, envName) : v);
    if (last) {
      if (last.kind === 'assign') {
        if (!last.value) return mark(unknown(`${text} (no literal default in ${cls.mod.path})`));
        const v = this.fieldDefault(last.value, cls.mod);
        return mark(v.t === 'unknown' ? unknown(`${text} (${v.why} in ${cls.mod.path})`, v) : v);
      }
      if (last.kind === 'func') {
        // `@property def cors_list(self): return self.CORS_ORIGINS.split(",")` read on an instance.
        if (viaInstance && isProperty(last.node)) return this.propertyValue(cls, last.node, text);
        return unknown(`${text} is computed by ${cls.name}.${attr}() in ${cls.mod.path}`);
      }
      return mark(this.evalBinding(last, attr, cls.mod));
    }
    for (const base of cls.node.childForFieldName('superclasses')?.namedChildren ?? []) {
      if (base.type === 'keyword_argument') continue;
      const b = this.eval(base, cls.mod);
      if (b.t === 'class') {
        const v = this.classAttr(b, attr, viaInstance, text, seen);
        if (!(v.t === 'unknown' && v.why.startsWith(`${text} (no attribute`))) return settings && v.t !== 'unknown' ? mark(v) : v;
      }
    }
    return unknown(`${text} (no attribute ${attr} on ${cls.name} in ${cls.mod.path})`);
  }

  /**
   * The value a property returns, with `self` standing for an instance of `cls` (so `self.X` reads
   * the field default). Only the property's last return is followed, as for functions.
   */
  private propertyValue(cls: Extract<PyValue, { t: 'class' }>, def: PyNode, text: string): PyValue {
    const key = `prop:${cls.mod.absPath}:${def.id}`;
    if (this.active.has(key)) return unknown(`${text} (a property that reads itself)`);
    const body = def.childForFieldName('body');
    const returns = body ? body.descendantsOfType('return_statement').filter((r) => nearestFunction(r)?.id === def.id) : [];
    const last = returns[returns.length - 1];
    const selfName = def.childForFieldName('parameters')?.namedChildren.find((c) => c.type === 'identifier')?.text ?? 'self';
    if (!last?.namedChildren[0]) return unknown(`${text} (the property returns nothing the scanner can see)`);
    this.active.add(key);
    this.locals.push(new Map([[selfName, { t: 'call', callee: cls, node: cls.node, mod: cls.mod } as PyValue]]));
    try {
      const value = this.eval(last.namedChildren[0], cls.mod);
      return value.t === 'unknown' ? unknown(`${text} (the property returns ${value.why})`, { envDriven: value.envDriven, source: value.source }) : value;
    } finally {
      this.locals.pop();
      this.active.delete(key);
    }
  }

  /**
   * pydantic `Field(default=...)` / `Field(value)` / `Field(default_factory=lambda: value)`, the same
   * for `dataclasses.field` and attrs `attr.ib` / `attrs.field`, or the value itself.
   */
  private fieldDefault(value: PyNode, mod: PyModule): PyValue {
    if (value.type === 'call') {
      const callee = this.eval(value.childForFieldName('function'), mod);
      if (callee.t === 'sym' && (/(^|\.)Field$/.test(callee.qname) || /^(dataclasses\.field|attrs?\.(ib|attrib|field))$/.test(callee.qname))) {
        const args = value.childForFieldName('arguments')?.namedChildren ?? [];
        const kw = (n: string) => args.find((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === n)?.childForFieldName('value');
        const positional = args.find((a) => a.type !== 'keyword_argument' && a.type !== 'comment');
        const def = kw('default') ?? positional;
        if (def && def.text !== '...') return this.eval(def, mod);
        const factory = kw('default_factory');
        if (factory?.type === 'lambda') return this.eval(factory.childForFieldName('body'), mod);
        if (factory) {
          const f = this.eval(factory, mod);
          if (f.t === 'sym' && /^builtins\.(list|tuple|set|dict)$/.test(f.qname)) return { t: 'seq', kind: 'list', items: [], span: spanOf(value, mod.path) };
        }
        return unknown('Field(...) without a literal default');
      }
    }
    return this.eval(value, mod);
  }

  /** pydantic-settings `env_prefix` from `model_config = SettingsConfigDict(...)` or a nested `class Config`. */
  private envPrefix(cls: Extract<PyValue, { t: 'class' }>): string {
    const scope = cls.mod.scopes.get(cls.node.id);
    const modelConfig = scope?.get('model_config')?.at(-1);
    if (modelConfig?.kind === 'assign' && modelConfig.value?.type === 'call') {
      const prefix = this.callArgs(modelConfig.value, cls.mod).keywords.get('env_prefix')?.value;
      if (prefix?.t === 'str') return prefix.v;
    }
    if (modelConfig?.kind === 'assign' && modelConfig.value?.type === 'dictionary') {
      const dict = this.eval(modelConfig.value, cls.mod);
      const prefix = dict.t === 'dict' ? dict.entries.find((e) => e.key.t === 'str' && e.key.v === 'env_prefix')?.value : undefined;
      if (prefix?.t === 'str') return prefix.v;
    }
    const config = scope?.get('Config')?.at(-1);
    if (config?.kind === 'class') {
      const prefix = cls.mod.scopes.get(config.node.id)?.get('env_prefix')?.at(-1);
      if (prefix?.kind === 'assign' && prefix.value) {
        const v = this.eval(prefix.value, cls.mod);
        if (v.t === 'str') return v.v;
      }
    }
    return '';
  }

  private isSettingsClass(cls: Extract<PyValue, { t: 'class' }>, seen: Set<number>): boolean {
    if (seen.has(cls.node.id)) return false;
    seen.add(cls.node.id);
    for (const base of cls.node.childForFieldName('superclasses')?.namedChildren ?? []) {
      if (base.type === 'keyword_argument') continue;
      if (/(^|\.)BaseSettings$/.test(base.text)) return true;
      const b = this.eval(base, cls.mod);
      if (b.t === 'sym' && /(^|\.)BaseSettings$/.test(b.qname)) return true;
      if (b.t === 'class' && this.isSettingsClass(b, seen)) return true;
    }
    return false;
  }

  // ---- subscripts, operators, comprehensions --------------------------------------------------

  private evalSubscript(node: PyNode, mod: PyModule): PyValue {
    const span = spanOf(node, mod.path);
    const obj = this.eval(node.childForFieldName('value'), mod);
    const key = this.eval(node.childForFieldName('subscript'), mod);
    if (obj.t === 'sym' && obj.qname === 'os.environ') {
      const name = key.t === 'str' ? key.v : truncateText(node.childForFieldName('subscript')?.text ?? '');
      return unknown(`os.environ[${JSON.stringify(name)}] (environment variable ${name}, no default)`, { span, envDriven: true, source: name });
    }
    if (obj.t === 'dict' && (key.t === 'str' || key.t === 'num')) {
      const entry = [...obj.entries].reverse().find((e) => (e.key.t === 'str' || e.key.t === 'num') && e.key.v === key.v);
      if (entry) return entry.value;
    }
    if (obj.t === 'seq' && key.t === 'num' && Number.isInteger(key.v)) {
      const item = obj.items[key.v < 0 ? obj.items.length + key.v : key.v];
      if (item) return item;
    }
    return unknown(truncateText(node.text), { span, envDriven: obj.envDriven, source: obj.source });
  }

  private evalBinary(node: PyNode, mod: PyModule): PyValue {
    const op = node.childForFieldName('operator')?.text;
    const left = this.eval(node.childForFieldName('left'), mod);
    const right = this.eval(node.childForFieldName('right'), mod);
    const span = spanOf(node, mod.path);
    if (op === '+' || op === '|') return combine(left, right, span);
    return unknown(truncateText(node.text), { span, envDriven: left.envDriven || right.envDriven, source: left.source ?? right.source });
  }

  private evalComprehension(node: PyNode, mod: PyModule): PyValue {
    const span = spanOf(node, mod.path);
    const clauses = node.namedChildren.filter((c) => c.type === 'for_in_clause');
    const ifs = node.namedChildren.filter((c) => c.type === 'if_clause');
    const body = node.childForFieldName('body');
    if (clauses.length !== 1 || !body) return unknown(`comprehension ${truncateText(node.text)}`, { span });
    const clause = clauses[0]!;
    const target = clause.childForFieldName('left');
    const iterable = this.eval(clause.childForFieldName('right'), mod);
    if (target?.type !== 'identifier') return unknown(`comprehension ${truncateText(node.text)}`, { span });
    if (iterable.t !== 'seq') {
      return unknown(`comprehension over ${describe(iterable)}`, { span, envDriven: iterable.envDriven, source: iterable.source });
    }
    const items: PyValue[] = [];
    for (const item of iterable.items) {
      this.locals.push(new Map([[target.text, item]]));
      try {
        let keep = true;
        for (const cond of ifs) {
          const t = truthy(this.eval(cond.namedChildren[0], mod));
          if (t === false) keep = false;
        }
        if (!keep) continue;
        const v = this.eval(body, mod);
        // The entry keeps the provenance of the item it was computed from.
        items.push(v.t === 'unknown' ? v : { ...v, span: v.span ?? item.span, useSpan: item.useSpan, envDriven: item.envDriven || v.envDriven, source: item.source ?? v.source });
      } finally {
        this.locals.pop();
      }
    }
    return { t: 'seq', kind: node.type === 'set_comprehension' ? 'set' : 'list', items, span, envDriven: iterable.envDriven, source: iterable.source };
  }

  private evalBoolean(node: PyNode, mod: PyModule): PyValue {
    const op = node.childForFieldName('operator')?.text;
    const left = this.eval(node.childForFieldName('left'), mod);
    const t = truthy(left);
    const span = spanOf(node, mod.path);
    if (op === 'or') {
      if (t === true) return left;
      const right = this.eval(node.childForFieldName('right'), mod);
      if (t === false) return right;
      // os.getenv("X") or "default": the right side is the environment default.
      if (left.envDriven && left.source) return envDefault(right, left.source);
      return unknown(`${truncateText(node.text)} (${describe(left)})`, { span });
    }
    if (op === 'and') {
      if (t === false) return left;
      if (t === true) return this.eval(node.childForFieldName('right'), mod);
    }
    return unknown(truncateText(node.text), { span, envDriven: left.envDriven, source: left.source });
  }

  private evalComparison(node: PyNode, mod: PyModule): PyValue {
    const span = spanOf(node, mod.path);
    const operands = node.namedChildren.filter((c) => c.type !== 'comment' && c.type !== 'not' && c.type !== 'in');
    const ops = node.childrenForFieldName('operators').map((o) => o.text.replace(/\s+/g, ' '));
    if (operands.length !== 2 || ops.length !== 1) return unknown(truncateText(node.text), { span });
    const a = this.eval(operands[0], mod);
    const b = this.eval(operands[1], mod);
    const env = { envDriven: a.envDriven || b.envDriven, source: a.source ?? b.source };
    const scalar = (v: PyValue) => (v.t === 'str' || v.t === 'num' || v.t === 'bool' ? v.v : v.t === 'none' ? null : undefined);
    const op = ops[0];
    if (op === '==' || op === '!=') {
      const x = scalar(a);
      const y = scalar(b);
      if (x === undefined || y === undefined) return unknown(truncateText(node.text), { span, ...env });
      return { t: 'bool', v: (x === y) === (op === '=='), span, ...env };
    }
    if (op === 'in' || op === 'not in') {
      const x = scalar(a);
      let found: boolean | undefined;
      if (b.t === 'seq' && x !== undefined && b.items.every((i) => scalar(i) !== undefined)) found = b.items.some((i) => scalar(i) === x);
      else if (b.t === 'str' && typeof x === 'string') found = b.v.includes(x);
      if (found === undefined) return unknown(truncateText(node.text), { span, ...env });
      return { t: 'bool', v: found === (op === 'in'), span, ...env };
    }
    return unknown(truncateText(node.text), { span, ...env });
  }

  // ---- calls ----------------------------------------------------------------------------------

  /** Positional and keyword arguments of a call, with `**dict` splats merged in order. */
  callArgs(call: PyNode, mod: PyModule): CallArgs {
    const out: CallArgs = { positional: [], keywords: new Map(), unresolvedSplats: [] };
    const args = call.childForFieldName('arguments');
    if (!args) return out;
    if (args.type === 'generator_expression') {
      out.positional.push({ node: args, value: this.eval(args, mod) });
      return out;
    }
    for (const arg of args.namedChildren) {
      if (arg.type === 'comment') continue;
      if (arg.type === 'keyword_argument') {
        const name = arg.childForFieldName('name')?.text ?? '';
        out.keywords.set(name, { value: this.eval(arg.childForFieldName('value'), mod), span: spanOf(arg, mod.path), node: arg });
      } else if (arg.type === 'dictionary_splat') {
        const inner = arg.namedChildren[0];
        const dict = this.eval(inner, mod);
        const splatSpan = spanOf(arg, mod.path);
        if (dict.t !== 'dict') {
          out.unresolvedSplats.push(`**${truncateText(inner?.text ?? '')} (${describe(dict)})`);
          continue;
        }
        const inline = inner?.type === 'dictionary';
        for (const entry of dict.entries) {
          if (entry.key.t !== 'str') {
            out.unresolvedSplats.push(`**${truncateText(inner?.text ?? '')} (key ${describe(entry.key)})`);
            continue;
          }
          const value = inline ? entry.value : reachedVia(entry.value, splatSpan);
          out.keywords.set(entry.key.v, {
            value,
            span: inline ? entry.span : splatSpan,
            definedAt: inline ? undefined : entry.span,
            node: arg,
          });
        }
      } else if (arg.type === 'list_splat') {
        out.positional.push({ node: arg, value: unknown(`*${truncateText(arg.namedChildren[0]?.text ?? '')}`) });
      } else {
        out.positional.push({ node: arg, value: this.eval(arg, mod) });
      }
    }
    return out;
  }

  private evalCall(node: PyNode, mod: PyModule): PyValue {
    const span = spanOf(node, mod.path);
    const fnNode = node.childForFieldName('function');
    if (!fnNode) return unknown('call without a callee', { span });
    let callee: PyValue;
    if (fnNode.type === 'attribute') {
      const obj = this.eval(fnNode.childForFieldName('object'), mod);
      const method = fnNode.childForFieldName('attribute')?.text ?? '';
      if (obj.t === 'str' && STRING_METHODS.has(method)) return this.stringMethod(obj, method, node, mod);
      if (obj.t === 'unknown') {
        return unknown(`${obj.why}, then .${method}()`, { span, envDriven: obj.envDriven, source: obj.source });
      }
      if (obj.t === 'dict' && method === 'get') {
        const args = this.callArgs(node, mod);
        const key = args.positional[0]?.value;
        const entry = key && (key.t === 'str' || key.t === 'num') ? [...obj.entries].reverse().find((e) => 'v' in e.key && e.key.v === key.v) : undefined;
        return entry ? entry.value : (args.positional[1]?.value ?? { t: 'none', span });
      }
      if (obj.t === 'seq' && method === 'copy') return obj;
      if (obj.t === 'call' && obj.callee.t === 'sym' && ENV_OBJECTS.test(obj.callee.qname) && DJANGO_ENVIRON_METHODS.has(method)) {
        return this.envRead(node, mod, method === 'list' || method === 'tuple');
      }
      callee = reachedVia(this.getAttr(obj, method, fnNode, mod), spanOf(fnNode, mod.path));
    } else {
      callee = this.eval(fnNode, mod);
    }
    switch (callee.t) {
      case 'sym':
        return this.callSymbol(callee, node, mod);
      case 'class':
        return { t: 'call', callee, node, mod };
      case 'func':
        return this.callFunction(callee, node, mod);
      case 'call':
        if (callee.callee.t === 'sym' && ENV_OBJECTS.test(callee.callee.qname)) {
          const args = this.callArgs(node, mod);
          return this.envRead(node, mod, splitsCommas(args), args);
        }
        return unknown(`call of ${describe(callee)}`, { span });
      case 'unknown':
        return unknown(`${truncateText(node.text)} (${callee.why})`, { span, envDriven: callee.envDriven, source: callee.source });
      default:
        return unknown(`call of ${describe(callee)}`, { span });
    }
  }

  private callSymbol(callee: Extract<PyValue, { t: 'sym' }>, node: PyNode, mod: PyModule): PyValue {
    const span = spanOf(node, mod.path);
    const q = callee.qname;
    if (ENV_READERS.has(q) || q === 'os.environ.get') {
      const args = this.callArgs(node, mod);
      return this.envRead(node, mod, splitsCommas(args), args);
    }
    if (q === 're.compile') {
      const args = this.callArgs(node, mod);
      const pattern = args.positional[0]?.value;
      const flags = args.positional[1]?.node.text ?? args.keywords.get('flags')?.node.text ?? '';
      if (pattern?.t !== 'str') return unknown(`re.compile of ${pattern ? describe(pattern) : 'nothing'}`, { span });
      return { t: 'regex', pattern: pattern.v, ignoreCase: /\b(I|IGNORECASE)\b/.test(flags), span: pattern.span, useSpan: pattern.useSpan, envDriven: pattern.envDriven, source: pattern.source };
    }
    if (q.startsWith('builtins.')) {
      const args = this.callArgs(node, mod);
      const arg = args.positional[0]?.value;
      const name = q.slice('builtins.'.length);
      if (!arg) return name === 'str' ? { t: 'str', v: '', span } : name === 'dict' ? { t: 'dict', entries: [], span } : { t: 'seq', kind: 'list', items: [], span };
      if (name === 'str' && (arg.t === 'str' || arg.t === 'num')) return { ...arg, t: 'str', v: String(arg.v) };
      if (name === 'int' && arg.t === 'str' && /^\s*[-+]?\d+\s*$/.test(arg.v)) return { ...arg, t: 'num', v: Number(arg.v) };
      if (name === 'int' && arg.t === 'num') return arg;
      if (name === 'bool') {
        const t = truthy(arg);
        if (t !== undefined) return { t: 'bool', v: t, span, envDriven: arg.envDriven, source: arg.source };
      }
      if (['list', 'tuple', 'set', 'frozenset', 'sorted'].includes(name)) {
        if (arg.t === 'seq') return { ...arg, kind: name === 'tuple' ? 'tuple' : name === 'set' || name === 'frozenset' ? 'set' : 'list', items: name === 'sorted' ? sortItems(arg.items) : arg.items };
        if (arg.t === 'str') return { t: 'seq', kind: 'list', items: [...arg.v].map((c) => ({ ...arg, v: c })), span };
      }
      if (arg.t === 'unknown') return unknown(`${name}(${arg.why})`, { span, envDriven: arg.envDriven, source: arg.source });
      return unknown(truncateText(node.text), { span });
    }
    return { t: 'call', callee, node, mod };
  }

  /** An environment read: the default stands in for the value, marked env-driven. */
  private envRead(node: PyNode, mod: PyModule, splitCommas: boolean, given?: CallArgs): PyValue {
    const span = spanOf(node, mod.path);
    const args = given ?? this.callArgs(node, mod);
    const nameValue = args.keywords.get('key')?.value ?? args.keywords.get('var')?.value ?? args.positional[0]?.value;
    const name = nameValue?.t === 'str' ? nameValue.v : truncateText(args.positional[0]?.node.text ?? '?');
    const def = args.keywords.get('default')?.value ?? args.positional[1]?.value;
    const env = { envDriven: true, source: name };
    if (!def) return unknown(`environment variable ${name} (no default)`, { span, ...env });
    if (def.t === 'none') return unknown(`environment variable ${name} (default None)`, { span, ...env });
    let value: PyValue = def;
    if (splitCommas && def.t === 'str') value = this.splitString(def, ',', span);
    return envDefault(value, name);
  }

  private callFunction(fn: Extract<PyValue, { t: 'func' }>, node: PyNode, mod: PyModule): PyValue {
    const span = spanOf(node, mod.path);
    const key = `fn:${fn.mod.absPath}:${fn.node.id}`;
    if (this.active.has(key)) return unknown(`${fn.name}() calls itself`, { span });
    const body = fn.node.childForFieldName('body');
    const returns = body ? body.descendantsOfType('return_statement').filter((r) => nearestFunction(r)?.id === fn.node.id) : [];
    const last = returns[returns.length - 1];
    if (!last) return unknown(`${fn.name}() returns nothing the scanner can see`, { span });
    this.active.add(key);
    try {
      const value = this.eval(last.namedChildren[0], fn.mod);
      if (value.t === 'unknown') return unknown(`${fn.name}() returns ${value.why}`, { span, envDriven: value.envDriven, source: value.source });
      return value;
    } finally {
      this.active.delete(key);
    }
  }

  private stringMethod(s: Extract<PyValue, { t: 'str' }>, method: string, node: PyNode, mod: PyModule): PyValue {
    const span = spanOf(node, mod.path);
    const args = this.callArgs(node, mod);
    const strArg = (i: number): string | undefined | null => {
      const v = args.positional[i]?.value;
      if (!v || v.t === 'none') return undefined;
      return v.t === 'str' ? v.v : null;
    };
    const a0 = strArg(0);
    if (a0 === null) return unknown(truncateText(node.text), { span, envDriven: s.envDriven, source: s.source });
    // Case changes keep the text's positions; replacing does not.
    const keep = (v: string): PyValue => ({ ...s, v });
    const stripped = (chars: string | undefined, left: boolean, right: boolean): PyValue => {
      const strip = (c: string) => (chars === undefined ? /\s/.test(c) : chars.includes(c));
      let start = 0;
      let end = s.v.length;
      if (left) while (start < end && strip(s.v[start]!)) start++;
      if (right) while (end > start && strip(s.v[end - 1]!)) end--;
      return sliceStr(s, start, end);
    };
    switch (method) {
      case 'split':
      case 'rsplit':
        return this.splitString(s, a0, span);
      case 'strip':
        return stripped(a0, true, true);
      case 'lstrip':
        return stripped(a0, true, false);
      case 'rstrip':
        return stripped(a0, false, true);
      case 'lower':
      case 'casefold':
        return keep(s.v.toLowerCase());
      case 'upper':
        return keep(s.v.toUpperCase());
      case 'removesuffix':
        return a0 && s.v.endsWith(a0) ? sliceStr(s, 0, s.v.length - a0.length) : s;
      case 'removeprefix':
        return a0 && s.v.startsWith(a0) ? sliceStr(s, a0.length) : s;
      case 'replace': {
        const a1 = strArg(1);
        if (a0 === undefined || typeof a1 !== 'string') return unknown(truncateText(node.text), { span });
        return { ...s, v: s.v.split(a0).join(a1), at: undefined };
      }
    }
    return unknown(truncateText(node.text), { span });
  }

  /** `"a,b".split(",")`; every piece keeps the literal's span and provenance. */
  private splitString(s: Extract<PyValue, { t: 'str' }>, sep: string | undefined, span: Span): PyValue {
    const items: PyValue[] = [];
    if (sep === undefined) {
      for (const m of s.v.matchAll(/\S+/g)) items.push(sliceStr(s, m.index, m.index + m[0].length));
    } else if (sep === '') {
      return unknown('split with an empty separator', { span });
    } else {
      let start = 0;
      for (let i = s.v.indexOf(sep); i >= 0; i = s.v.indexOf(sep, start)) {
        items.push(sliceStr(s, start, i));
        start = i + sep.length;
      }
      items.push(sliceStr(s, start));
    }
    return { t: 'seq', kind: 'list', items, span: s.span ?? span, useSpan: s.useSpan, envDriven: s.envDriven, source: s.source };
  }
}

/** `cast=Csv()` (decouple) or `cast=CommaSeparatedStrings` (Starlette): the value is split on commas. */
function splitsCommas(args: CallArgs): boolean {
  const cast = args.keywords.get('cast')?.value;
  if (cast?.t === 'call' && cast.callee.t === 'sym' && /(^|\.)Csv$/.test(cast.callee.qname)) return true;
  return cast?.t === 'sym' && /(^|\.)CommaSeparatedStrings$/.test(cast.qname);
}

/** The nearest `if` statement around `node` below `scope`. */
function enclosingIf(node: PyNode, scope: PyNode): PyNode | undefined {
  for (let n = node.parent; n && n.id !== scope.id; n = n.parent) {
    if (n.type === 'if_statement') return n;
    if (n.type === 'function_definition' || n.type === 'class_definition') return undefined;
  }
  return undefined;
}

function contains(outer: PyNode, inner: PyNode): boolean {
  return inner.startIndex >= outer.startIndex && inner.endIndex <= outer.endIndex;
}

/** Imports, classes and functions are bound when their statement starts; an assignment when it ends. */
function isDefinitionBefore(binding: Binding, use: PyNode): boolean {
  return (binding.kind === 'import' || binding.kind === 'from' || binding.kind === 'param') && binding.node.startIndex < use.startIndex && !contains(binding.node, use);
}

function nearestFunction(node: PyNode): PyNode | null {
  for (let n = node.parent; n; n = n.parent) if (n.type === 'function_definition' || n.type === 'lambda') return n;
  return null;
}

/** `@property` / `@functools.cached_property` on a method. */
function isProperty(def: PyNode): boolean {
  const decorated = def.parent?.type === 'decorated_definition' ? def.parent : undefined;
  return !!decorated?.namedChildren.some((d) => d.type === 'decorator' && /^@\s*(?:[\w.]*\.)?(?:property|cached_property)\s*$/.test(d.text));
}
