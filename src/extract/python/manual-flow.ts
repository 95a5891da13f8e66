// Where hand-written CORS headers sit in the request flow: whether the code that writes them runs at
// all, and what an OPTIONS preflight gets from it.
import { unknownValue } from '../../model/policy.js';
import type { PreflightHandling, Span, Valued } from '../../model/types.js';
import type { PyNode } from '../../parse/python.js';
import type { ModuleLoader, PyModule } from './modules.js';
import { spanOf } from './values.js';

/** The function (or class) a hand-written header function belongs to, and how it is hooked in. */
export interface HeaderOwner {
  fn: PyNode;
  name?: string;
  /** The enclosing class when `fn` is a method. */
  cls?: PyNode;
}

export function ownerInfo(fn: PyNode): HeaderOwner {
  const name = fn.childForFieldName('name')?.text;
  const body = fn.parent?.type === 'decorated_definition' ? fn.parent.parent : fn.parent;
  const cls = body?.type === 'block' && body.parent?.type === 'class_definition' ? body.parent : undefined;
  return { fn, name, cls };
}

/** A module-level `app = Flask(...)` / `create_app()` / `FastAPI(...)`: the object hooks and views are registered on. */
const APP_FACTORY = /(?:^|\.)(?:Flask|Quart|FastAPI|Starlette|Sanic|create_app|make_app|get_app|get_application|build_app)$/;

function ownsApp(mod: PyModule): boolean {
  for (const stmt of mod.root.namedChildren) {
    const expr = stmt.type === 'expression_statement' ? stmt.namedChildren[0] : undefined;
    if (expr?.type !== 'assignment') continue;
    const right = expr.childForFieldName('right');
    if (right?.type === 'call' && APP_FACTORY.test(right.childForFieldName('function')?.text ?? '')) return true;
  }
  return false;
}

/**
 * A function (or the class of a method) that nothing can call: defined at module level in the
 * module that creates the app, not decorated, its name not used anywhere else in that module, and
 * no other Python file of the scan spells it (so it is not imported and registered elsewhere
 * either). Its headers are never sent. Definitions in modules without an app may be registered by
 * the module that has it.
 */
export function neverRegistered(owner: HeaderOwner, mod: PyModule, loader: ModuleLoader): boolean {
  const { fn, cls } = owner;
  // A method runs when its class is used: the class is what has to be registered.
  const def = cls ?? fn;
  const name = def.childForFieldName('name')?.text;
  if (!name || def.parent?.type === 'decorated_definition') return false;
  // Only definitions at module level: nested ones are handed out by their enclosing function.
  if (def.parent?.type !== 'module' || !ownsApp(mod)) return false;
  for (const id of mod.nodesOf('identifier')) {
    if (id.text !== name) continue;
    if (id.parent?.id === def.id && id.parent.childForFieldName('name')?.id === id.id) continue;
    return false;
  }
  // `__all__ = ["name"]`, `getattr(module, "name")`, app.after_request("name") spelled as a string.
  if (new RegExp(`['"]${name}['"]`).test(mod.text)) return false;
  return !loader.mentionedElsewhere(name, mod.absPath);
}

/** Flask `after_request` hook shape: one parameter (the response), which it returns. */
export function isAfterRequestShape(fn: PyNode): boolean {
  const params = (fn.childForFieldName('parameters')?.namedChildren ?? []).filter((p) => p.type !== 'comment');
  if (params.length !== 1 || params[0]!.type !== 'identifier' && params[0]!.type !== 'typed_parameter') return false;
  const param = params[0]!.type === 'identifier' ? params[0]!.text : params[0]!.namedChildren[0]?.text;
  return !!param && fn.descendantsOfType('return_statement').some((r) => r.namedChildren[0]?.text === param);
}

type Style = 'dispatch' | 'http-middleware' | 'asgi';

/**
 * Starlette middleware that forwards to the app: BaseHTTPMiddleware `dispatch(request, call_next)`,
 * `@app.middleware("http")` functions, and pure ASGI `__call__(self, scope, receive, send)` wrappers
 * (the headers are often written in a `send` wrapper nested in `__call__`). `root` is the function
 * whose body decides what an OPTIONS request gets.
 */
function middlewareStyle(owner: HeaderOwner, mod: PyModule): { style: Style; root: PyNode } | undefined {
  const { fn, name, cls } = owner;
  const paramsOf = (f: PyNode) => (f.childForFieldName('parameters')?.namedChildren ?? []).filter((p) => p.type !== 'comment').map((p) => (p.type === 'identifier' ? p.text : p.namedChildren[0]?.text ?? p.text));
  const params = paramsOf(fn);
  if (cls && name === 'dispatch' && params.includes('call_next')) {
    const bases = cls.childForFieldName('superclasses')?.text ?? '';
    if (/BaseHTTPMiddleware/.test(bases)) return { style: 'dispatch', root: fn };
  }
  if (!cls && params.includes('call_next') && fn.parent?.type === 'decorated_definition') {
    const decorators = fn.parent.namedChildren.filter((c) => c.type === 'decorator').map((d) => d.text);
    if (decorators.some((d) => /\.middleware\(\s*['"]http['"]\s*\)/.test(d))) return { style: 'http-middleware', root: fn };
  }
  if (!/^\s*(from|import)\s+(starlette|fastapi)\b/m.test(mod.text)) return undefined;
  for (let n: PyNode | null = fn; n; n = n.parent) {
    if (n.type !== 'function_definition' || n.childForFieldName('name')?.text !== '__call__') continue;
    const p = paramsOf(n);
    const inClass = ownerInfo(n).cls !== undefined;
    if (inClass && p.length === 4 && /^(scope|_scope)$/.test(p[1]!) && /send/.test(p[3]!)) return { style: 'asgi', root: n };
    return undefined;
  }
  return undefined;
}

function classMethod(cls: PyNode, name: string): PyNode | undefined {
  const body = cls.childForFieldName('body');
  for (const child of body?.namedChildren ?? []) {
    const def = child.type === 'decorated_definition' ? child.childForFieldName('definition') : child;
    if (def?.type === 'function_definition' && def.childForFieldName('name')?.text === name) return def;
  }
  return undefined;
}

function contains(outer: PyNode, inner: PyNode): boolean {
  return inner.startIndex >= outer.startIndex && inner.endIndex <= outer.endIndex;
}

/** `request.method == "OPTIONS"` (any spelling of the method test), or undefined. */
function optionsTest(node: PyNode): boolean {
  return /\bmethod\b[^\n]*(?:==|in)\s*[([{]?\s*['"]options['"]/i.test(node.text) || /['"]options['"]\s*==\s*[\w.]*\bmethod\b/i.test(node.text) || /\bmethod\b\s*\.\s*(?:lower|upper|casefold)\s*\(\s*\)\s*==\s*['"]options['"]/i.test(node.text);
}

/**
 * What an OPTIONS preflight gets from a hand-written Starlette middleware:
 *  - an OPTIONS branch that returns a response before any CORS header is written: not-handled;
 *  - no OPTIONS branch at all, headers only on what call_next returns: the preflight reaches the
 *    router, which answers 405 Method Not Allowed for routes without OPTIONS: not-handled;
 *  - an OPTIONS branch that builds its own response and the CORS headers are then added: handled.
 * Other frameworks and shapes stay unknown.
 */
export function preflightOf(owner: HeaderOwner, mod: PyModule, corsWrites: Array<{ span: Span; node: PyNode }>): Valued<PreflightHandling> {
  const found = middlewareStyle(owner, mod);
  if (!found) return unknownValue('hand-written headers: whether OPTIONS requests reach this code is not visible here');
  const { style, root } = found;
  const tests = root.descendantsOfType(['if_statement', 'elif_clause', 'conditional_expression']).filter((n) => {
    const cond = n.type === 'conditional_expression' ? n.namedChildren[1] : n.childForFieldName('condition');
    return !!cond && optionsTest(cond);
  });
  const firstWrite = Math.min(...corsWrites.map((w) => w.node.startIndex));
  for (const test of tests) {
    const branch = test.type === 'conditional_expression' ? test : test.childForFieldName('consequence');
    if (!branch) continue;
    const early = branch.descendantsOfType('return_statement').find((r) => r.startIndex < firstWrite);
    const writesInside = corsWrites.some((w) => contains(branch, w.node));
    if (early && !writesInside && !/access-control-/i.test(early.text)) {
      return {
        value: 'not-handled',
        span: spanOf(early, mod.path),
        why: `OPTIONS requests get \`${oneLine(early.text)}\`, returned before any Access-Control-* header is written, so the preflight answer carries none`,
      };
    }
    return { value: 'handled', span: spanOf(test, mod.path), why: 'the middleware answers OPTIONS itself and the CORS headers are added to that answer' };
  }
  const forwards = style === 'asgi' ? 'the wrapped ASGI app' : 'call_next(request)';
  return {
    value: 'not-handled',
    span: corsWrites[0]?.span,
    why: `the middleware only adds the CORS headers to the response of ${forwards} and has no OPTIONS answer of its own, so a preflight reaches the router, which answers 405 Method Not Allowed unless a route handles OPTIONS`,
  };
}

function oneLine(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > 60 ? `${t.slice(0, 59)}…` : t;
}
