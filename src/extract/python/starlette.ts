import { byDefault, newPolicy } from '../../model/policy.js';
import type { CorsPolicy, InvalidOption, OriginEntry, Span, Stack, Valued } from '../../model/types.js';
import type { PyNode } from '../../parse/python.js';
import type { CallArgs, Evaluator } from './evaluate.js';
import type { PyModule } from './modules.js';
import { nearestOption } from './option-names.js';
import { entry, envPlaceholder, maybeInSplat, originItems, valuedBool, valuedNumber, valuedStrings } from './to-model.js';
import { describe, qualifiedName, spanOf, type PyValue } from './values.js';

// Facts from starlette/middleware/cors.py (CORSMiddleware.__init__ defaults) and
// starlette/applications.py (build_middleware_stack, add_middleware).
const DEFAULT_METHODS = ['GET'];
const DEFAULT_MAX_AGE = 600;
/**
 * Keyword parameters of CORSMiddleware.__init__ (besides `app`, which add_middleware / Middleware
 * pass themselves). `allow_private_network` exists from Starlette 0.51.0; any other keyword makes
 * the constructor raise TypeError when the middleware stack is built.
 */
const PARAMETERS = [
  'allow_origins',
  'allow_methods',
  'allow_headers',
  'allow_credentials',
  'allow_origin_regex',
  'allow_private_network',
  'expose_headers',
  'max_age',
];

const CORS_MIDDLEWARE = /^(starlette|fastapi)(\.[A-Za-z_]\w*)*\.CORSMiddleware$/;
const MIDDLEWARE_WRAPPER = /^(starlette|fastapi)(\.[A-Za-z_]\w*)*\.Middleware$/;
const APP_CLASS = /^(starlette|fastapi)(\.[A-Za-z_]\w*)*\.(Starlette|FastAPI)$/;

function isCorsMiddleware(value: PyValue, node: PyNode): boolean {
  const q = qualifiedName(value);
  if (q) return CORS_MIDDLEWARE.test(q);
  // Not imported in a way the scanner can follow (star import, syntax error): trust the name.
  return value.t === 'unknown' && /(^|\.)CORSMiddleware$/.test(node.text);
}

interface Added {
  receiver: string;
  scope: number;
  name: string;
  span: Span;
  start: number;
  call?: PyNode;
}

/** `app.add_middleware(...)` calls and `@app.middleware("http")` decorators, in source order. */
function middlewareAdditions(mod: PyModule): Added[] {
  const out: Added[] = [];
  for (const call of mod.nodesOf('call')) {
    const fn = call.childForFieldName('function');
    if (fn?.type !== 'attribute') continue;
    const attr = fn.childForFieldName('attribute')?.text;
    const receiver = fn.childForFieldName('object')?.text ?? '';
    const args = call.childForFieldName('arguments');
    const first = args?.namedChildren.find((c) => c.type !== 'comment');
    if (attr === 'add_middleware') {
      out.push({ receiver, scope: scopeId(call, mod), name: first?.text ?? '?', span: spanOf(call, mod.path), start: call.startIndex, call });
    } else if (attr === 'middleware' && call.parent?.type === 'decorator') {
      out.push({ receiver, scope: scopeId(call, mod), name: 'BaseHTTPMiddleware (@middleware)', span: spanOf(call.parent, mod.path), start: call.startIndex });
    }
  }
  return out;
}

function scopeId(node: PyNode, mod: PyModule): number {
  for (let n = node.parent; n; n = n.parent) if (n.type === 'function_definition') return n.id;
  return mod.root.id;
}

export function extractStarlette(mod: PyModule, ev: Evaluator): CorsPolicy[] {
  const policies: CorsPolicy[] = [];
  const additions = middlewareAdditions(mod);
  for (const added of additions) {
    if (!added.call) continue;
    const args = ev.callArgs(added.call, mod);
    const cls = args.positional[0] ?? args.keywords.get('middleware_class');
    if (!cls || !isCorsMiddleware(cls.value, cls.node)) continue;
    const receiverNode = added.call.childForFieldName('function')!.childForFieldName('object');
    const wrapping = additions
      .filter((a) => a.receiver === added.receiver && a.scope === added.scope && a.start > added.start)
      .map((a) => ({ name: a.name, span: a.span }));
    policies.push(
      buildPolicy(args, added.call, mod, {
        stack: stackOf(receiverNode ? ev.eval(receiverNode, mod) : undefined, mod),
        appName: added.receiver,
        addedAfter: wrapping,
        wrapper: `${added.receiver}.add_middleware`,
      }),
    );
  }
  for (const call of mod.nodesOf('call')) {
    const fn = call.childForFieldName('function');
    if (!fn || fn.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'add_middleware') continue;
    if (!/(^|\.)Middleware$/.test(fn.text)) continue;
    const callee = ev.eval(fn, mod);
    const q = qualifiedName(callee);
    if (!(q && MIDDLEWARE_WRAPPER.test(q)) && !(callee.t === 'unknown' && /(^|\.)Middleware$/.test(fn.text))) continue;
    const args = ev.callArgs(call, mod);
    const cls = args.positional[0];
    if (!cls || !isCorsMiddleware(cls.value, cls.node)) continue;
    const app = findApp(call, mod, ev);
    const wrapping = [
      ...app.before.map((n) => ({ name: (n.type === 'call' ? n.childForFieldName('arguments')?.namedChildren[0]?.text : undefined) ?? n.text, span: spanOf(n, mod.path) })),
      ...additions.filter((a) => app.name !== undefined && a.receiver === app.name).map((a) => ({ name: a.name, span: a.span })),
    ];
    policies.push(buildPolicy(args, call, mod, { stack: app.stack ?? stackOf(undefined, mod), appName: app.name ?? 'app', addedAfter: wrapping, wrapper: 'Middleware' }));
  }
  return policies;
}

/** Which app a `Middleware(CORSMiddleware, ...)` belongs to, and the list entries before it (outer layers). */
function findApp(call: PyNode, mod: PyModule, ev: Evaluator): { name?: string; stack?: Stack; before: PyNode[] } {
  const list = call.parent;
  if (!list || (list.type !== 'list' && list.type !== 'tuple')) return { before: [] };
  const before = list.namedChildren.filter((c) => c.type !== 'comment' && c.endIndex <= call.startIndex);
  const holder: PyNode | null = list.parent;
  // middleware=[...] directly in FastAPI(...) / Starlette(...)
  if (holder?.type === 'keyword_argument' && holder.childForFieldName('name')?.text === 'middleware') {
    const appCall = holder.parent?.parent;
    if (appCall?.type === 'call') return { ...describeApp(appCall, mod, ev), before };
  }
  // middleware = [...]; app = FastAPI(middleware=middleware)
  if (holder?.type === 'assignment' && holder.childForFieldName('left')?.type === 'identifier') {
    const name = holder.childForFieldName('left')!.text;
    for (const kw of mod.nodesOf('keyword_argument')) {
      if (kw.childForFieldName('name')?.text !== 'middleware' || kw.childForFieldName('value')?.text !== name) continue;
      const appCall = kw.parent?.parent;
      if (appCall?.type === 'call') return { ...describeApp(appCall, mod, ev), before };
    }
  }
  return { before };
}

function describeApp(appCall: PyNode, mod: PyModule, ev: Evaluator): { name?: string; stack?: Stack } {
  const callee = ev.eval(appCall.childForFieldName('function'), mod);
  const q = qualifiedName(callee);
  const stack: Stack | undefined = q && APP_CLASS.test(q) ? (q.endsWith('FastAPI') ? 'fastapi' : 'starlette') : undefined;
  const assign = appCall.parent?.type === 'assignment' ? appCall.parent.childForFieldName('left') : null;
  return { name: assign?.type === 'identifier' ? assign.text : undefined, stack };
}

function stackOf(app: PyValue | undefined, mod: PyModule): Stack {
  const q = app?.t === 'call' ? qualifiedName(app.callee) : undefined;
  if (q && APP_CLASS.test(q)) return q.endsWith('FastAPI') ? 'fastapi' : 'starlette';
  return /^\s*(from|import)\s+fastapi\b/m.test(mod.text) ? 'fastapi' : 'starlette';
}

function buildPolicy(
  args: CallArgs,
  call: PyNode,
  mod: PyModule,
  ctx: { stack: Stack; appName: string; addedAfter: Array<{ name: string; span: Span }>; wrapper: string },
): CorsPolicy {
  const span = spanOf(call, mod.path);
  const policy = newPolicy({ stack: ctx.stack, library: 'starlette', span, scope: { kind: 'app', name: ctx.appName } });
  const kw = args.keywords;
  const splats = args.unresolvedSplats;
  const notes: string[] = [];

  const origins: OriginEntry[] = [];
  const allowOrigins = kw.get('allow_origins');
  if (allowOrigins) {
    policy.originsSpan = allowOrigins.span;
    origins.push(...starletteOrigins(allowOrigins.value, allowOrigins.span, notes));
  }
  const regex = kw.get('allow_origin_regex');
  if (regex) {
    policy.originsSpan ??= regex.span;
    const v = regex.value;
    if (v.t === 'str') origins.push(entry({ kind: 'regex', pattern: v.v, flavor: 'python', mode: 'fullmatch', ignoreCase: false }, v, regex.span));
    else if (v.t === 'regex') {
      origins.push(entry({ kind: 'regex', pattern: v.pattern, flavor: 'python', mode: 'fullmatch', ignoreCase: v.ignoreCase }, v, regex.span));
    } else if (v.t !== 'none') origins.push(entry({ kind: 'unknown', why: `allow_origin_regex: ${describe(v)}` }, v, regex.span));
  }
  if (splats.length && (!allowOrigins || !regex)) {
    origins.push({ kind: 'unknown', why: `allowed origins may be set by ${splats.join(', ')}`, span });
  }
  policy.origins = origins;

  const opt = <T>(name: string, fromOpt: (o: NonNullable<ReturnType<typeof kw.get>>) => Valued<T>, def: T): Valued<T> => {
    const o = kw.get(name);
    if (o) return fromOpt(o);
    return maybeInSplat<T>(splats, name) ?? byDefault(def);
  };
  policy.credentials = opt('allow_credentials', (o) => valuedBool(o, 'allow_credentials'), false);
  policy.allowMethods = opt('allow_methods', (o) => valuedStrings(o, 'allow_methods', false), DEFAULT_METHODS);
  policy.allowHeaders = opt('allow_headers', (o) => valuedStrings(o, 'allow_headers', false), [] as string[]);
  policy.exposeHeaders = opt('expose_headers', (o) => valuedStrings(o, 'expose_headers', false), [] as string[]);
  policy.maxAge = opt('max_age', (o) => valuedNumber(o, 'max_age'), DEFAULT_MAX_AGE);

  if (Array.isArray(policy.allowMethods.value) && policy.allowMethods.value.includes('*')) {
    notes.push('allow_methods contains "*": Starlette answers preflights with DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT');
  }
  if (Array.isArray(policy.allowHeaders.value) && policy.allowHeaders.value.includes('*')) {
    notes.push('allow_headers contains "*": Starlette mirrors the requested headers in Access-Control-Allow-Headers');
  }
  notes.push(
    'Starlette adds the CORS-safelisted headers (Accept, Accept-Language, Content-Language, Content-Type) to Access-Control-Allow-Headers',
    'with allow_origins containing "*", Starlette answers Access-Control-Allow-Origin: * but echoes the request Origin when the request carries a Cookie (before 1.0) or when allow_credentials=True (1.0 and later), and on preflights when allow_credentials=True',
  );

  policy.varyOrigin = {
    value: true,
    why: 'Starlette adds Vary: Origin whenever it echoes the request origin and on preflights answered with an explicit origin (starlette/middleware/cors.py)',
  };
  policy.preflight = { value: 'handled', why: 'CORSMiddleware answers OPTIONS requests that carry Origin and Access-Control-Request-Method itself (400 when disallowed)' };
  policy.headersOnErrors = {
    value: false,
    why: 'an unhandled exception becomes a 500 from ServerErrorMiddleware, which Starlette always places outside every user middleware, so that response carries no CORS headers; HTTPException responses do pass through CORSMiddleware',
  };
  policy.order = { addedAfter: ctx.addedAfter };
  const invalid = invalidOptions(kw, ctx.wrapper);
  if (invalid.length) policy.invalidOptions = invalid;
  policy.notes = notes;
  return policy;
}

/** Keywords CORSMiddleware.__init__ does not take, and a sequence given where one pattern string is wanted. */
function invalidOptions(kw: CallArgs['keywords'], wrapper: string): InvalidOption[] {
  const out: InvalidOption[] = [];
  for (const [name, opt] of kw) {
    if (name === 'middleware_class' || name === 'app') continue;
    if (!PARAMETERS.includes(name)) {
      const suggestion = nearestOption(name, PARAMETERS);
      out.push({
        name,
        span: opt.span,
        problem: 'unknown-option',
        effect: 'raises',
        ...(suggestion ? { suggestion } : {}),
        detail: `${wrapper} passes it on to CORSMiddleware.__init__, which has no such parameter`,
      });
    }
  }
  const regex = kw.get('allow_origin_regex');
  if (regex && (regex.value.t === 'seq' || regex.value.t === 'dict')) {
    out.push({
      name: 'allow_origin_regex',
      span: regex.span,
      problem: 'wrong-type',
      effect: 'raises',
      detail: `is a ${regex.value.t === 'dict' ? 'dict' : regex.value.kind}; allow_origin_regex takes one pattern string (CORSMiddleware calls re.compile on it)`,
      consequence: 'several patterns go into one string joined with |',
    });
  }
  return out;
}

/** allow_origins: a sequence is a membership test, a plain string a substring test (`origin in "..."`). */
function starletteOrigins(given: PyValue, optionSpan: Span, notes: string[]): OriginEntry[] {
  const v = envPlaceholder(given);
  if (v.t === 'str') {
    if (v.v === '*') return [entry({ kind: 'any' }, v, optionSpan)];
    notes.push('allow_origins is a plain string: Starlette tests `origin in allow_origins`, a substring test');
    return [entry({ kind: 'substring', haystack: v.v }, v, optionSpan)];
  }
  if (v.t === 'seq') {
    return originItems(v).map((item) => {
      if (item.t === 'str') {
        if (item.v === '*') return entry({ kind: 'any' }, item, optionSpan);
        if (item.v === 'null') return entry({ kind: 'null' }, item, optionSpan);
        return entry({ kind: 'exact', origin: item.v }, item, optionSpan);
      }
      if (item.t === 'unknown') return entry({ kind: 'unknown', why: item.why }, item, optionSpan);
      return entry({ kind: 'unknown', why: `allow_origins entry ${describe(item)} is not a string; Starlette compares strings` }, item, optionSpan);
    });
  }
  if (v.t === 'none') return [];
  if (v.t === 'unknown') return [entry({ kind: 'unknown', why: v.why }, v, optionSpan)];
  return [entry({ kind: 'unknown', why: `allow_origins: ${describe(v)}` }, v, optionSpan)];
}
