import { byDefault, newPolicy } from '../../model/policy.js';
import type { CorsPolicy, InvalidOption, OriginEntry, PolicyScope, Span, Valued } from '../../model/types.js';
import { nearestOption } from './option-names.js';
import type { PyNode } from '../../parse/python.js';
import type { CallArgs, CallOption, Evaluator } from './evaluate.js';
import type { PyModule } from './modules.js';
import { entry, maybeInSplat, originItems, valuedBool, valuedNumber, valuedStrings } from './to-model.js';
import { describe, qualifiedName, reachedVia, spanOf, type PyValue } from './values.js';

// Facts from flask_cors/core.py (DEFAULT_OPTIONS, probably_regex, re_fix, try_match_pattern,
// get_cors_origins, get_cors_headers), extension.py (CORS.init_app) and decorator.py (cross_origin).
const ALL_METHODS = ['GET', 'HEAD', 'POST', 'OPTIONS', 'PUT', 'PATCH', 'DELETE'];
/** Characters that make Flask-CORS treat an origin string as a regular expression. */
const REGEX_CHARS = ['*', '\\', ']', '?', '$', '^', '[', '(', ')'];
// `flask.ext.cors` is the import path Flask < 1.0 gave every extension (flask.ext.X -> flask_X).
const CORS_CLASS = /^(?:flask_cors|flask\.ext\.cors)(\.extension)?\.CORS$/;
const CROSS_ORIGIN = /^(?:flask_cors|flask\.ext\.cors)(\.decorator)?\.cross_origin$/;
const USES_FLASK_CORS = /\bflask_cors\b|\bflask\.ext\.cors\b/;

/**
 * Option names Flask-CORS knows (flask_cors/core.py DEFAULT_OPTIONS; allow_private_network from
 * 5.0). serialize_options logs "Unknown option passed to Flask-CORS" for any other key and the
 * option has no effect.
 */
const OPTIONS = [
  'origins',
  'methods',
  'allow_headers',
  'expose_headers',
  'supports_credentials',
  'max_age',
  'send_wildcard',
  'automatic_options',
  'vary_header',
  'resources',
  'intercept_exceptions',
  'always_send',
  'allow_private_network',
];
/** Names from other libraries or older Flask-CORS releases that mean a real option. */
const OPTION_ALIASES: Record<string, string> = {
  headers: 'allow_headers',
  credentials: 'supports_credentials',
  allow_credentials: 'supports_credentials',
  allow_origins: 'origins',
  allow_methods: 'methods',
  origin: 'origins',
};
/** app.config keys Flask-CORS reads (core.py CONFIG_OPTIONS, get_app_kwarg_dict). */
const CONFIG_KEYS = OPTIONS.map((o) => `CORS_${o.toUpperCase()}`);
/** What applies when the option the name was meant to be is not set (DEFAULT_OPTIONS). */
const DEFAULT_EFFECT: Record<string, string> = {
  origins: "the default origins '*' applies, which Flask-CORS answers by echoing the request Origin",
  methods: 'the default methods (GET, HEAD, POST, OPTIONS, PUT, PATCH, DELETE) apply',
  allow_headers: "the default allow_headers '*' applies: every requested header is allowed",
  expose_headers: 'no Access-Control-Expose-Headers header is sent',
  supports_credentials: 'supports_credentials stays False, so no Access-Control-Allow-Credentials header is sent',
  max_age: 'no Access-Control-Max-Age header is sent',
  send_wildcard: "send_wildcard stays False, so origins '*' echo the request Origin",
  automatic_options: 'automatic_options stays True',
  vary_header: 'vary_header stays True',
  resources: "the default resources r'/*' applies: every path",
  intercept_exceptions: 'intercept_exceptions stays True',
  always_send: 'always_send stays True',
  allow_private_network: 'allow_private_network keeps its default',
};
const ROUTE_METHODS = new Set(['route', 'get', 'post', 'put', 'patch', 'delete']);

export function probablyRegex(s: string): boolean {
  return REGEX_CHARS.some((c) => s.includes(c));
}

type Options = Map<string, CallOption>;

interface Constructor {
  node: PyNode;
  mod: PyModule;
  args: CallArgs;
  bound: boolean;
}

/** Flask-CORS: `CORS(app, ...)`, `CORS()` + `cors.init_app(app, ...)`, `@cross_origin(...)`. */
export class FlaskCors {
  private readonly constructors = new Map<string, Constructor>();
  private readonly policies: CorsPolicy[] = [];
  /** Unknown app.config keys found while reading a layer of options. */
  private readonly configProblems = new WeakMap<CallArgs, InvalidOption[]>();

  constructor(private readonly ev: Evaluator) {}

  scan(mod: PyModule): void {
    for (const call of mod.nodesOf('call')) {
      const fn = call.childForFieldName('function');
      if (!fn) continue;
      if (call.parent?.type === 'decorator') continue;
      if (fn.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'init_app') {
        this.initApp(call, fn, mod);
        continue;
      }
      if (!/(^|\.)CORS$/.test(fn.text)) continue;
      if (!this.isSymbol(fn, mod, CORS_CLASS, 'CORS')) continue;
      const args = this.ev.callArgs(call, mod);
      const app = args.positional[0]?.value ?? args.keywords.get('app')?.value;
      const key = keyOf(call, mod);
      if (app && app.t !== 'none') {
        this.constructors.set(key, { node: call, mod, args, bound: true });
        const appName = args.positional[0]?.node.text ?? args.keywords.get('app')?.node.text ?? 'app';
        // CORS(bp) on a Blueprint covers that blueprint's routes only.
        const kind = /^flask(\.blueprints)?\.Blueprint$/.test(app.t === 'call' ? (qualifiedName(app.callee) ?? '') : '') ? 'router' : 'app';
        this.emit(call, mod, [this.appConfig(mod, appName), args], appName, [], kind);
      } else if (!this.constructors.has(key)) {
        this.constructors.set(key, { node: call, mod, args, bound: false });
      }
    }
    for (const decorator of mod.nodesOf('decorator')) this.crossOrigin(decorator, mod);
  }

  /** Constructors without an app and no init_app in the scanned files still describe the app's policy. */
  finish(): CorsPolicy[] {
    for (const c of this.constructors.values()) {
      if (c.bound) continue;
      this.emit(c.node, c.mod, [c.args], 'app', ['CORS() is created without an app; the init_app(app) call that binds it was not found in the scanned files']);
    }
    return this.policies;
  }

  private isSymbol(fn: PyNode, mod: PyModule, pattern: RegExp, bare: string): boolean {
    const callee = this.ev.eval(fn, mod);
    const q = qualifiedName(callee);
    if (q) return pattern.test(q);
    return callee.t === 'unknown' && fn.text === bare && USES_FLASK_CORS.test(mod.text);
  }

  private initApp(call: PyNode, fn: PyNode, mod: PyModule): void {
    const target = this.ev.eval(fn.childForFieldName('object'), mod);
    if (target.t !== 'call' || !CORS_CLASS.test(qualifiedName(target.callee) ?? '')) return;
    const key = keyOf(target.node, target.mod);
    const ctor = this.constructors.get(key) ?? { node: target.node, mod: target.mod, args: this.ev.callArgs(target.node, target.mod), bound: true };
    ctor.bound = true;
    this.constructors.set(key, ctor);
    const args = this.ev.callArgs(call, mod);
    const app = args.positional[0]?.node.text ?? args.keywords.get('app')?.node.text ?? 'app';
    const notes = ctor.args.keywords.size ? [`options also come from CORS(...) at ${ctor.mod.path}:${ctor.node.startPosition.row + 1}`] : [];
    this.emit(call, mod, [this.appConfig(mod, app), ctor.args, args], app, notes);
  }

  /**
   * `app.config["CORS_SUPPORTS_CREDENTIALS"] = True` / `app.config.update(CORS_ORIGINS=...)` in the
   * same module: Flask-CORS reads these below the keyword arguments (get_app_kwarg_dict).
   */
  private appConfig(mod: PyModule, appName: string): CallArgs {
    const out: CallArgs = { positional: [], keywords: new Map(), unresolvedSplats: [] };
    const unknownKeys: InvalidOption[] = [];
    const put = (key: string, value: PyValue, span: Span, node: PyNode, written = true) => {
      if (!/^CORS_[A-Z_]+$/.test(key)) return;
      if (CONFIG_KEYS.includes(key)) out.keywords.set(key.slice(5).toLowerCase(), { value, span, node });
      // Written in this module: a key get_app_kwarg_dict never reads.
      else if (written) unknownKeys.push(unknownOption(key, span, CONFIG_KEYS, configAliases(), 'app.config key'));
    };
    for (const node of mod.nodesOf(['assignment', 'call'])) {
      if (node.type === 'assignment') {
        const left = node.childForFieldName('left');
        if (left?.type !== 'subscript' || left.childForFieldName('value')?.text !== `${appName}.config`) continue;
        const key = this.ev.eval(left.childForFieldName('subscript'), mod);
        if (key.t === 'str') put(key.v, this.ev.eval(node.childForFieldName('right'), mod), spanOf(node, mod.path), node);
      } else if (node.childForFieldName('function')?.text === `${appName}.config.update`) {
        const args = this.ev.callArgs(node, mod);
        for (const [k, v] of args.keywords) put(k, v.value, v.span, v.node);
        const dict = args.positional[0]?.value;
        if (dict?.t === 'dict') for (const e of dict.entries) if (e.key.t === 'str') put(e.key.v, e.value, e.span, node);
      } else if (node.childForFieldName('function')?.text === `${appName}.config.from_object`) {
        // app.config.from_object(Config) / ("config.Config"): the class attributes (inherited too).
        const arg = this.ev.callArgs(node, mod).positional[0]?.value;
        const target = arg?.t === 'str' ? this.ev.evalDotted(arg.v, mod) : arg;
        if (target?.t !== 'class' && target?.t !== 'module') continue;
        const span = spanOf(node, mod.path);
        for (const key of this.configKeys(target, new Set())) {
          put(key, reachedVia(this.ev.getAttr(target, key, node, mod), span), span, node, false);
        }
      }
    }
    this.configProblems.set(out, unknownKeys);
    return out;
  }

  /** CORS_* names a config class (with its bases in the scanned tree) or module defines. */
  private configKeys(target: PyValue, seen: Set<number>): Set<string> {
    const keys = new Set<string>();
    if (target.t !== 'class' && target.t !== 'module') return keys;
    const scopeNode = target.t === 'class' ? target.node : target.mod.root;
    if (seen.has(scopeNode.id)) return keys;
    seen.add(scopeNode.id);
    for (const name of target.mod.scopes.get(scopeNode.id)?.keys() ?? []) if (/^CORS_[A-Z_]+$/.test(name)) keys.add(name);
    if (target.t === 'class') {
      for (const base of target.node.childForFieldName('superclasses')?.namedChildren ?? []) {
        if (base.type === 'keyword_argument') continue;
        for (const key of this.configKeys(this.ev.eval(base, target.mod), seen)) keys.add(key);
      }
    }
    return keys;
  }

  /** One policy per resources entry; options layer as Flask-CORS merges them (later wins). */
  private emit(call: PyNode, mod: PyModule, layers: CallArgs[], appName: string, notes: string[] = [], kind: 'app' | 'router' = 'app'): void {
    const merged: Options = new Map();
    const splats: string[] = [];
    for (const layer of layers) {
      for (const [k, v] of layer.keywords) merged.set(k, v);
      splats.push(...layer.unresolvedSplats);
    }
    const span = spanOf(call, mod.path);
    // Keys Flask-CORS does not know, reported once per call (on its first policy).
    const invalid: InvalidOption[] = [];
    for (const layer of layers) {
      invalid.push(...(this.configProblems.get(layer) ?? []));
      for (const [k, v] of layer.keywords) if (k !== 'app' && !OPTIONS.includes(k)) invalid.push(unknownOption(k, v.span, OPTIONS, OPTION_ALIASES, 'option'));
    }
    const start = this.policies.length;
    this.emitResources(span, merged, splats, notes, kind, appName);
    const first = this.policies[start];
    if (first && invalid.length) first.invalidOptions = [...(first.invalidOptions ?? []), ...invalid];
    const hook = maskingHook(call, mod, appName);
    if (hook) {
      const name = hook.childForFieldName('name')?.text ?? 'an after_request hook';
      for (const policy of this.policies.slice(start)) {
        policy.preflight = {
          value: 'not-handled',
          span: spanOf(hook, mod.path),
          why: `${name}(), registered after Flask-CORS, runs before it (Flask runs after_request functions in reverse order of registration) and sets Access-Control-Allow-Origin, so Flask-CORS sees that header and leaves every response alone: the automatic OPTIONS answer gets no Access-Control-Allow-Methods or Allow-Headers`,
        };
      }
    }
  }

  private emitResources(span: Span, merged: Options, splats: string[], notes: string[], kind: 'app' | 'router', appName: string): void {
    const resources = merged.get('resources');
    if (!resources) {
      this.policies.push(this.policy(span, { kind, name: appName }, merged, splats, notes, 'extension'));
      return;
    }
    const r = resources.value;
    const entries: Array<{ pattern?: string; label: string; options: Options; span: Span; invalid: InvalidOption[] }> = [];
    if (r.t === 'dict') {
      for (const e of r.entries) {
        // A key the scanner cannot resolve (a pattern built from app.config) still covers some paths.
        const pattern = e.key.t === 'str' ? e.key.v : e.key.t === 'regex' ? e.key.pattern : undefined;
        const options: Options = new Map(merged);
        options.delete('resources');
        const invalid: InvalidOption[] = [];
        if (e.value.t === 'dict') {
          for (const o of e.value.entries) {
            if (o.key.t !== 'str') continue;
            options.set(o.key.v, { value: o.value, span: o.span, node: resources.node });
            if (!OPTIONS.includes(o.key.v)) invalid.push(unknownOption(o.key.v, o.span, OPTIONS, OPTION_ALIASES, 'option'));
          }
        } else if (e.value.t === 'unknown') {
          splats.push(`resource options ${e.value.why}`);
        }
        entries.push({ pattern, label: pattern ?? `a path pattern the scanner could not resolve (${describe(e.key)})`, options, span: e.span, invalid });
      }
    } else if (r.t === 'str' || r.t === 'seq' || r.t === 'regex') {
      // A pattern string, a compiled pattern, or a list of them: the call's options apply to each.
      // An item the scanner cannot resolve still names paths that get these options.
      for (const item of r.t === 'seq' ? r.items : [r]) {
        const at = item.useSpan ?? item.span ?? resources.span;
        if (item.t === 'str') entries.push({ pattern: item.v, label: item.v, options: merged, span: at, invalid: [] });
        else if (item.t === 'regex') entries.push({ pattern: item.pattern, label: item.pattern, options: merged, span: at, invalid: [] });
        else entries.push({ label: `a path pattern the scanner could not resolve (${describe(item)})`, options: merged, span: at, invalid: [] });
      }
    } else {
      notes = [...notes, `resources could not be resolved (${describe(r)}); the options are shown for every path`];
      // Each resource's own options override the call's, so any of them (origins too) may come from there.
      splats.push(`resources ${describe(r)}`);
      this.policies.push(this.policy(span, { kind, name: appName }, merged, splats, notes, 'extension'));
      return;
    }
    for (const e of entries) {
      const scope: PolicyScope = { kind: 'route', name: e.label };
      if (e.pattern !== undefined) scope.path = e.pattern === '*' ? '.*' : e.pattern;
      const policy = this.policy(span, scope, e.options, splats, notes, 'extension');
      if (e.invalid.length) policy.invalidOptions = e.invalid;
      this.policies.push(policy);
    }
  }

  private crossOrigin(decorator: PyNode, mod: PyModule): void {
    const expr = decorator.namedChildren.find((c) => c.type !== 'comment');
    if (!expr) return;
    const fn = expr.type === 'call' ? expr.childForFieldName('function') : expr;
    if (!fn || !/(^|\.)cross_origin$/.test(fn.text)) return;
    if (!this.isSymbol(fn, mod, CROSS_ORIGIN, 'cross_origin')) return;
    const args: CallArgs = expr.type === 'call' ? this.ev.callArgs(expr, mod) : { positional: [], keywords: new Map(), unresolvedSplats: [] };
    const decorated = decorator.parent;
    const def = decorated?.childForFieldName('definition');
    const scope: PolicyScope = { kind: 'route', name: def?.childForFieldName('name')?.text };
    const notes: string[] = [];
    const siblings = decorated?.namedChildren.filter((c) => c.type === 'decorator') ?? [];
    for (const other of siblings) {
      const call = other.namedChildren.find((c) => c.type === 'call');
      const callee = call?.childForFieldName('function');
      if (callee?.type !== 'attribute' || !ROUTE_METHODS.has(callee.childForFieldName('attribute')?.text ?? '')) continue;
      const routeArgs = this.ev.callArgs(call!, mod);
      const path = routeArgs.positional[0]?.value;
      if (path?.t === 'str') scope.path = path.v;
      const verb = callee.childForFieldName('attribute')!.text;
      const methods = routeArgs.keywords.get('methods')?.value;
      if (verb !== 'route') scope.methods = [verb.toUpperCase()];
      else if (methods?.t === 'seq' && methods.items.every((m) => m.t === 'str')) scope.methods = methods.items.map((m) => (m as { v: string }).v.toUpperCase());
      if (other.startIndex > decorator.startIndex) {
        notes.push('@cross_origin is above the route decorator: the route registers the undecorated view, so these CORS headers are never added');
      }
    }
    const options: Options = new Map(args.keywords);
    const policy = this.policy(spanOf(decorator, mod.path), scope, options, args.unresolvedSplats, notes, 'decorator');
    const invalid = [...args.keywords].filter(([k]) => !OPTIONS.includes(k)).map(([k, v]) => unknownOption(k, v.span, OPTIONS, OPTION_ALIASES, 'option'));
    if (invalid.length) policy.invalidOptions = invalid;
    this.policies.push(policy);
  }

  private policy(span: Span, scope: PolicyScope, options: Options, splats: string[], notes: string[], via: 'extension' | 'decorator'): CorsPolicy {
    const policy = newPolicy({ stack: 'flask', library: 'flask-cors', span, scope });
    const allNotes = [...notes];
    const opt = <T>(name: string, fromOpt: (o: CallOption) => Valued<T>, def: T): Valued<T> => {
      const o = options.get(name);
      if (o) return fromOpt(o);
      return maybeInSplat<T>(splats, name) ?? byDefault(def);
    };
    const sendWildcard = opt('send_wildcard', (o) => valuedBool(o, 'send_wildcard'), false);
    policy.credentials = opt('supports_credentials', (o) => valuedBool(o, 'supports_credentials'), false);
    policy.allowMethods = opt('methods', (o) => upper(valuedStrings(o, 'methods')), ALL_METHODS);
    policy.allowHeaders = opt('allow_headers', (o) => valuedStrings(o, 'allow_headers'), ['*']);
    policy.exposeHeaders = opt('expose_headers', (o) => valuedStrings(o, 'expose_headers'), [] as string[]);
    const maxAge = options.get('max_age');
    policy.maxAge = maxAge ? valuedNumber(maxAge, 'max_age') : { value: 'unknown', isDefault: true, why: 'not set: Flask-CORS sends no Access-Control-Max-Age' };

    const origins = options.get('origins');
    if (origins) {
      policy.originsSpan = origins.span;
      policy.origins = flaskOrigins(origins.value, origins.span, sendWildcard, allNotes);
    } else if (splats.length) {
      policy.origins = [{ kind: 'unknown', why: `origins may be set by ${splats.join(', ')}`, span }];
    } else {
      policy.origins = [wildcardEntry(sendWildcard, { t: 'str', v: '*' }, span, allNotes, true)];
    }

    if (sendWildcard.value === true && policy.credentials.value === true && policy.origins.some((o) => o.kind === 'any')) {
      allNotes.push('origins "*" with send_wildcard=True and supports_credentials=True: Flask-CORS raises ValueError when the app starts');
    }
        const vary = opt('vary_header', (o) => valuedBool(o, 'vary_header'), true);
    if (vary.value === false) policy.varyOrigin = { ...vary, value: false, why: 'vary_header=False: Flask-CORS never adds Vary: Origin' };
    else if (vary.value === 'unknown') policy.varyOrigin = vary;
    else {
      const dynamic = policy.origins.length > 1 || policy.origins.some((o) => o.kind === 'regex' || o.kind === 'reflect' || o.kind === 'unknown');
      policy.varyOrigin = dynamic
        ? { value: true, isDefault: vary.isDefault, why: 'Flask-CORS adds Vary: Origin when several origins or a pattern are configured' }
        : { value: false, isDefault: vary.isDefault, why: 'Flask-CORS adds Vary: Origin only when several origins or a pattern are configured' };
    }
    if (via === 'decorator') {
      const auto = opt('automatic_options', (o) => valuedBool(o, 'automatic_options'), true);
      policy.preflight = auto.value === false ? { ...auto, value: 'not-handled', why: 'automatic_options=False: OPTIONS goes to the view' } : { value: 'handled', isDefault: auto.isDefault };
      policy.headersOnErrors = { value: false, why: 'an exception raised in the view skips @cross_origin, so the error response carries no CORS headers' };
    } else {
      const intercept = opt('intercept_exceptions', (o) => valuedBool(o, 'intercept_exceptions'), true);
      policy.preflight = { value: 'handled', why: 'Flask answers OPTIONS automatically and the after_request hook adds the CORS headers' };
      policy.headersOnErrors =
        intercept.value === false
          ? { ...intercept, value: false, why: 'intercept_exceptions=False: responses from error handlers carry no CORS headers' }
          : { ...intercept, value: intercept.value, why: 'Flask-CORS wraps handle_exception and handle_user_exception, so error responses get the CORS headers too' };
    }
    if (allNotes.length) policy.notes = allNotes;
    return policy;
  }
}

function upper(v: Valued<string[]>): Valued<string[]> {
  return Array.isArray(v.value) ? { ...v, value: v.value.map((m) => m.toUpperCase()) } : v;
}

function keyOf(node: PyNode, mod: PyModule): string {
  return `${mod.absPath}:${node.startIndex}`;
}

/** '*' (and '.*', which is what Flask-CORS turns '*' into) reflects the request Origin unless send_wildcard. */
function wildcardEntry(sendWildcard: Valued<boolean>, v: PyValue, fallback: Span, notes: string[], isDefault = false): OriginEntry {
  const what = isDefault ? 'origins is not set, so Flask-CORS uses its default "*"' : 'origins "*"';
  if (sendWildcard.value === true) {
    notes.push(`${what} with send_wildcard=True: Access-Control-Allow-Origin: *`);
    return entry({ kind: 'any' }, v, fallback);
  }
  notes.push(`${what}: Flask-CORS matches it as the regex ".*" and echoes the request Origin${sendWildcard.value === 'unknown' ? ' (unless send_wildcard, which could not be resolved)' : ''}`);
  return entry({ kind: 'reflect' }, v, fallback);
}

function flaskOrigins(v: PyValue, optionSpan: Span, sendWildcard: Valued<boolean>, notes: string[]): OriginEntry[] {
  const items = originItems(v);
  const out: OriginEntry[] = [];
  for (const item of items) {
    if (item.t === 'str') {
      if (item.v === '*' || item.v === '.*') out.push(wildcardEntry(sendWildcard, item, optionSpan, notes));
      else if (probablyRegex(item.v)) out.push(entry({ kind: 'regex', pattern: item.v, flavor: 'python', mode: 'match', ignoreCase: true }, item, optionSpan));
      else if (item.v.toLowerCase() === 'null') out.push(entry({ kind: 'null' }, item, optionSpan));
      else out.push(entry({ kind: 'exact', origin: item.v }, item, optionSpan));
    } else if (item.t === 'regex') {
      // Compiled patterns are applied with re.match and their own flags.
      out.push(entry({ kind: 'regex', pattern: item.pattern, flavor: 'python', mode: 'match', ignoreCase: item.ignoreCase }, item, optionSpan));
    } else if (item.t === 'none' && items.length === 1) {
      continue;
    } else {
      out.push(entry({ kind: 'unknown', why: item.t === 'unknown' ? item.why : `origins entry ${describe(item)}` }, item, optionSpan));
    }
  }
  return out;
}

function configAliases(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [alias, real] of Object.entries(OPTION_ALIASES)) out[`CORS_${alias.toUpperCase()}`] = `CORS_${real.toUpperCase()}`;
  return out;
}

/** An option (or app.config key) Flask-CORS does not read: it is ignored and the default applies. */
function unknownOption(name: string, span: Span, real: readonly string[], aliases: Record<string, string>, what: 'option' | 'app.config key'): InvalidOption {
  const suggestion = nearestOption(name, real, aliases);
  const meant = suggestion?.replace(/^CORS_/, '').toLowerCase();
  const logged = what === 'option' ? 'Flask-CORS only logs "Unknown option passed to Flask-CORS"' : 'Flask-CORS reads only its own CORS_* keys from app.config';
  return {
    name,
    span,
    problem: 'unknown-option',
    effect: 'ignored',
    ...(suggestion ? { suggestion } : {}),
    consequence: meant && DEFAULT_EFFECT[meant] ? `${logged}; ${DEFAULT_EFFECT[meant]}` : logged,
  };
}

/**
 * An `@app.after_request` hook (or `app.after_request(f)`) registered after the CORS call in the same
 * scope that always writes Access-Control-Allow-Origin. Flask calls after_request functions in
 * reverse order of registration, and Flask-CORS's own hook returns early when the response already
 * has that header (extension.py, cors_after_request), so such a hook switches Flask-CORS off.
 */
function maskingHook(call: PyNode, mod: PyModule, appName: string): PyNode | undefined {
  const scope = enclosingBlock(call);
  const defs = new Map<string, PyNode>();
  for (const def of scope.descendantsOfType('function_definition')) {
    const name = def.childForFieldName('name')?.text;
    if (name) defs.set(name, def);
  }
  const candidates: PyNode[] = [];
  for (const decorator of scope.descendantsOfType('decorator')) {
    if (decorator.startIndex < call.endIndex) continue;
    if (decorator.namedChildren[0]?.text !== `${appName}.after_request`) continue;
    const def = decorator.parent?.childForFieldName('definition');
    if (def?.type === 'function_definition') candidates.push(def);
  }
  for (const c of scope.descendantsOfType('call')) {
    if (c.startIndex < call.endIndex || c.childForFieldName('function')?.text !== `${appName}.after_request`) continue;
    const arg = c.childForFieldName('arguments')?.namedChildren[0];
    const def = arg?.type === 'identifier' ? defs.get(arg.text) : undefined;
    if (def) candidates.push(def);
  }
  return candidates.find((def) => writesOriginAlways(def));
}

function enclosingBlock(node: PyNode): PyNode {
  for (let n = node.parent; n; n = n.parent) if (n.type === 'function_definition' || n.type === 'module') return n;
  return node;
}

/** The function writes Access-Control-Allow-Origin on the response outside any if/try/loop. */
function writesOriginAlways(def: PyNode): boolean {
  const body = def.childForFieldName('body');
  for (const stmt of body?.namedChildren ?? []) {
    if (stmt.type !== 'expression_statement') continue;
    if (/^[\w.]+\s*\[\s*['"]access-control-allow-origin['"]\s*\]\s*=|\.(?:set|add|setdefault)\(\s*['"]access-control-allow-origin['"]/i.test(stmt.text)) return true;
  }
  return false;
}
