// Access-Control-* headers written by Python application code, without a CORS library:
//   response["Access-Control-Allow-Origin"] = ...        (Django HttpResponse, werkzeug Headers)
//   response.headers["Access-Control-Allow-Origin"] = ... (Flask / Starlette responses)
//   headers.set / add / setdefault / __setitem__(name, value)
//   Response(..., {"Access-Control-Allow-Origin": ...}), make_response((body, {...})), Headers({...})
// One policy per function (or module) that writes them. The request Origin is recognised by its
// usual spellings (request.headers.get("Origin"), request.META["HTTP_ORIGIN"], ...); a write under
// an `if` that mentions the origin is a checked echo, described but not judged.
import { newPolicy, unknownValue } from '../../model/policy.js';
import type { CorsPolicy, EmittedHeader, OriginEntry, Span, Stack, Valued } from '../../model/types.js';
import type { PyNode } from '../../parse/python.js';
import type { Evaluator } from './evaluate.js';
import { isAfterRequestShape, neverRegistered, ownerInfo, preflightOf } from './manual-flow.js';
import type { ModuleLoader, PyModule } from './modules.js';
import { provenance } from './to-model.js';
import { describe, spanOf, type PyValue } from './values.js';

interface HeaderWrite {
  name: string;
  lower: string;
  value: PyValue;
  valueNode: PyNode;
  span: Span;
  combine: 'add' | 'replace';
  owner: PyNode;
}

/** Methods of header containers that write one header: werkzeug/Starlette Headers, Django HttpResponse. */
const WRITE_METHODS: Record<string, 'add' | 'replace'> = { set: 'replace', setdefault: 'replace', __setitem__: 'replace', add: 'add', add_header: 'add', append: 'add' };
/** Calls that take a header dict: response classes, Flask's make_response, werkzeug Headers. */
const RESPONSE_CALLEE = /(?:Response|^make_response|^Headers)$/;
/** Request Origin spellings in Flask, Starlette/FastAPI, Django and WSGI code. */
const REQUEST_ORIGIN =
  /\b(?:request|req)\s*\.\s*(?:headers\s*(?:\.\s*get\s*\(\s*|\[\s*)(?:'origin'|"origin")|META\s*(?:\.\s*get\s*\(\s*|\[\s*)(?:'HTTP_ORIGIN'|"HTTP_ORIGIN")|environ\s*(?:\.\s*get\s*\(\s*|\[\s*)(?:'HTTP_ORIGIN'|"HTTP_ORIGIN"))/i;

/** Request data the caller writes: query string, form, JSON body, path parameters. */
const REQUEST_DATA = /^(?:request|req)\s*\.\s*(?:args|values|form|json|GET|POST|query_params|path_params)\b/;

export function extractManualHeaders(mod: PyModule, ev: Evaluator, loader: ModuleLoader): CorsPolicy[] {
  const writes = collectWrites(mod, ev);
  const groups = new Map<number, HeaderWrite[]>();
  for (const w of writes) {
    const list = groups.get(w.owner.id) ?? [];
    list.push(w);
    groups.set(w.owner.id, list);
  }
  const policies: CorsPolicy[] = [];
  for (const group of groups.values()) {
    if (!group.some((w) => w.lower.startsWith('access-control-'))) continue;
    const owner = group[0]!.owner;
    // A function nothing registers or calls never runs: its headers are never sent.
    if (owner.type === 'function_definition' && neverRegistered(ownerInfo(owner), mod, loader)) continue;
    const stack = stackOf(mod, owner);
    if (!stack) continue;
    policies.push(buildPolicy(mod, group, stack, ev));
  }
  return policies;
}

function collectWrites(mod: PyModule, ev: Evaluator): HeaderWrite[] {
  const out: HeaderWrite[] = [];
  const add = (nameNode: PyNode, valueNode: PyNode | null, spanNode: PyNode, combine: 'add' | 'replace') => {
    if (!valueNode) return;
    const name = ev.eval(nameNode, mod);
    if (name.t !== 'str' || !isCorsHeaderName(name.v)) return;
    out.push({ name: name.v, lower: name.v.trim().toLowerCase(), value: ev.eval(valueNode, mod), valueNode, span: spanOf(spanNode, mod.path), combine, owner: ownerOf(spanNode, mod) });
  };
  for (const node of mod.nodesOf(['assignment', 'call', 'dictionary'])) {
    if (node.type === 'assignment') {
      const left = node.childForFieldName('left');
      if (left?.type !== 'subscript') continue;
      // One key only: `r["Access-Control-Allow-Origin", 42]` indexes with a tuple, not a header name.
      const keys = left.childrenForFieldName('subscript').filter((k): k is PyNode => !!k && k.type !== 'comment');
      if (keys.length === 1) add(keys[0]!, node.childForFieldName('right'), node, 'replace');
    } else if (node.type === 'call') {
      const fn = node.childForFieldName('function');
      const method = fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : undefined;
      const combine = method !== undefined ? WRITE_METHODS[method] : undefined;
      if (!combine) continue;
      const args = (node.childForFieldName('arguments')?.namedChildren ?? []).filter((a): a is PyNode => !!a && a.type !== 'comment');
      if (args.length >= 2 && args[0]!.type !== 'keyword_argument' && args[1]!.type !== 'keyword_argument') add(args[0]!, args[1]!, node, combine);
    } else if (passedToResponse(node)) {
      for (const pair of node.namedChildren) {
        if (pair?.type !== 'pair') continue;
        const key = pair.childForFieldName('key');
        if (key) add(key, pair.childForFieldName('value'), pair, 'replace');
      }
    }
  }
  // Raw ASGI header pairs: `headers.append((b"access-control-allow-origin", b"*"))`,
  // `message["headers"] = [[b"access-control-allow-origin", b"*"], ...]`.
  for (const pair of mod.nodesOf(['tuple', 'list'])) {
    const items = pair.namedChildren.filter((c) => c.type !== 'comment');
    if (items.length !== 2 || !isHeaderPairContext(pair)) continue;
    add(items[0]!, items[1]!, pair, 'add');
  }
  return out.sort((a, b) => a.span.line - b.span.line || a.span.column - b.span.column);
}

/** A two-item tuple or list that is one entry of a header list: inside a list, or appended to one. */
function isHeaderPairContext(pair: PyNode): boolean {
  const parent = pair.parent;
  if (!parent) return false;
  if (parent.type === 'list') return true;
  if (parent.type === 'argument_list') {
    const fn = parent.parent?.childForFieldName('function');
    const method = fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : undefined;
    return method === 'append' || method === 'insert';
  }
  return false;
}

function isCorsHeaderName(name: string): boolean {
  const lower = name.trim().toLowerCase();
  return lower.startsWith('access-control-') || lower === 'vary';
}

/**
 * A dict literal handed to a response: `Response(body, status, {...})`, `headers={...}`,
 * `make_response((body, {...}))`, or the headers of a returned `(body, status, headers)` tuple.
 */
function passedToResponse(dict: PyNode): boolean {
  let node = dict;
  let parent = node.parent;
  if (parent?.type === 'keyword_argument') {
    if (parent.childForFieldName('name')?.text !== 'headers') return false;
    node = parent;
    parent = node.parent;
  }
  if (parent?.type === 'tuple' || parent?.type === 'expression_list') {
    node = parent;
    parent = node.parent;
    if (parent?.type === 'parenthesized_expression') parent = parent.parent;
    // Flask view return value `(body, status, headers)`.
    if (parent?.type === 'return_statement') return true;
  }
  if (parent?.type !== 'argument_list') return false;
  const call = parent.parent;
  const fn = call?.type === 'call' ? call.childForFieldName('function') : null;
  // response.headers.update({...}) / headers.update({...})
  if (fn?.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'update' && /(?:^|\.)headers$/i.test(fn.childForFieldName('object')?.text ?? '')) return true;
  const name = fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : fn?.type === 'identifier' ? fn.text : undefined;
  return name !== undefined && RESPONSE_CALLEE.test(name);
}

function ownerOf(node: PyNode, mod: PyModule): PyNode {
  for (let n = node.parent; n; n = n.parent) if (n.type === 'function_definition') return n;
  return mod.root;
}

/** The web framework the code runs in: imports inside the function, then the module's own, then any in the file. */
function stackOf(mod: PyModule, owner: PyNode): Stack | undefined {
  const framework = /(?:from|import)[ \t]+(flask|werkzeug|django|fastapi|starlette)\b/.source;
  const tries: Array<[string, RegExp]> = [
    [owner.text, new RegExp(`^\\s*${framework}`, 'm')],
    [mod.text, new RegExp(`^${framework}`, 'm')],
    [mod.text, new RegExp(`^\\s*${framework}`, 'm')],
  ];
  for (const [text, re] of tries) {
    const m = re.exec(text);
    if (m) return m[1] === 'werkzeug' ? 'flask' : (m[1] as Stack);
  }
  // No framework import, but the shape of a Flask after_request hook: `def hook(response): ... return response`.
  if (owner.type === 'function_definition' && isAfterRequestShape(owner)) return 'flask';
  return undefined;
}

function buildPolicy(mod: PyModule, group: HeaderWrite[], stack: Stack, ev: Evaluator): CorsPolicy {
  const cors = group.filter((w) => w.lower.startsWith('access-control-'));
  const owner = group[0]!.owner;
  // Methods are named with their class (`CORSMiddleware.dispatch`): the class is what gets registered.
  const info = owner.type === 'function_definition' ? ownerInfo(owner) : undefined;
  const className = info?.cls?.childForFieldName('name')?.text;
  const fnName = info?.name && className ? `${className}.${info.name}` : info?.name;
  const policy = newPolicy({ stack, library: 'manual', span: cors[0]!.span, scope: fnName ? { kind: 'route', name: fnName } : { kind: 'app', name: mod.name } });
  const emitted: EmittedHeader[] = [];
  const origins: OriginEntry[] = [];
  for (const w of group) {
    const guard = guardOf(w.valueNode, owner);
    const echoes = readsRequestOrigin(w.valueNode, owner);
    const sent = sentText(w.value, stack);
    const header: EmittedHeader = { name: w.name, value: sent ?? w.valueNode.text, span: w.span, combine: w.combine };
    if (guard) header.conditional = guard;
    if (echoes) header.dependsOnOrigin = true;
    if (sent === undefined) header.expression = true;
    emitted.push(header);
    if (w.lower !== 'access-control-allow-origin') continue;
    const span = spanOf(w.valueNode, mod.path);
    if (echoes) {
      // A guard is a check the scanner does not model: keep it as a condition, unless it cannot
      // restrict who is echoed (a presence test of the Origin, a test of the request method, a
      // pattern match against "*").
      const restricting = guard ? restrictingGuard(w.valueNode, owner, mod, ev) : undefined;
      origins.push(restricting ? { kind: 'reflect', condition: restricting, span } : { kind: 'reflect', span });
    } else if (requestData(w.valueNode, owner) && !guard) {
      // Whoever sends the request picks this value: an attacker's page names its own origin.
      origins.push({ kind: 'reflect', from: requestData(w.valueNode, owner)!, sentVerbatim: true, span });
    } else if (w.value.t === 'str') {
      const v = w.value.v.trim();
      if (v === '*') origins.push({ kind: 'any', sentVerbatim: true, ...provenance(w.value), span });
      else if (v === 'null') origins.push({ kind: 'null', sentVerbatim: true, ...provenance(w.value), span });
      else if (v !== '') origins.push({ kind: 'exact', origin: w.value.v, sentVerbatim: true, ...provenance(w.value), span });
    } else if (w.value.t !== 'none') {
      origins.push({ kind: 'unknown', why: `Access-Control-Allow-Origin set to ${w.value.t === 'unknown' ? w.value.why : describe(w.value)}`, span });
    }
  }
  policy.origins = origins;
  policy.originsSpan = origins[0]?.span;
  policy.emittedHeaders = emitted;
  const nonString = raisesOnNonString(stack) ? group.find((w) => w.value.t === 'bool' || w.value.t === 'num') : undefined;
  if (nonString) {
    policy.notes = [
      `${w2s(nonString)} is not a str: Starlette's MutableHeaders calls value.encode("latin-1") on it and raises AttributeError, so the response becomes a 500 without CORS headers`,
    ];
  }

  const acac = cors.filter((w) => w.lower === 'access-control-allow-credentials');
  if (acac.length) {
    const literal = acac.map((w) => (w.value.t === 'str' ? w.value.v.trim() : undefined));
    const at = literal.indexOf('true');
    const pyTrue = raisesOnNonString(stack) ? -1 : acac.findIndex((w) => w.value.t === 'bool' && w.value.v);
    if (at >= 0) policy.credentials = { value: true, span: acac[at]!.span };
    else if (pyTrue >= 0) {
      // The Python bool True: the header is written to ask for credentials, but the framework sends
      // str(True) = 'True', and browsers accept only the literal 'true', so credentialed requests fail.
      policy.credentials = {
        value: true,
        span: acac[pyTrue]!.span,
        raw: 'True',
        why: "Access-Control-Allow-Credentials is the Python bool True, which is sent as 'True'; browsers accept only the literal 'true', so credentialed cross-origin requests fail",
      };
    }
    else if (acac.every((w) => sentText(w.value, stack) !== undefined)) policy.credentials = { value: false, span: acac[0]!.span, why: `Access-Control-Allow-Credentials is '${sentText(acac[0]!.value, stack)}', not 'true'` };
    else policy.credentials = unknownValue(`Access-Control-Allow-Credentials is ${describe(acac[0]!.value)}`, acac[0]!.span);
  } else policy.credentials = { value: false, why: 'no Access-Control-Allow-Credentials header is written' };
  policy.allowMethods = listHeader(cors, 'access-control-allow-methods');
  policy.allowHeaders = listHeader(cors, 'access-control-allow-headers');
  policy.exposeHeaders = listHeader(cors, 'access-control-expose-headers');
  const maxAge = cors.find((w) => w.lower === 'access-control-max-age');
  const age = maxAge?.value.t === 'num' ? maxAge.value.v : maxAge?.value.t === 'str' && /^\s*\d+\s*$/.test(maxAge.value.v) ? Number(maxAge.value.v) : undefined;
  policy.maxAge = maxAge && age !== undefined ? { value: age, span: maxAge.span } : unknownValue(maxAge ? describe(maxAge.value) : 'no Access-Control-Max-Age header is written', maxAge?.span);
  const vary = group.filter((w) => w.lower === 'vary');
  const varyOrigin = vary.find((w) => w.value.t === 'str' && /(?:^|,)\s*origin\s*(?:,|$)/i.test(w.value.v));
  policy.varyOrigin = varyOrigin
    ? { value: true, span: varyOrigin.span }
    : vary.some((w) => w.value.t !== 'str')
      ? unknownValue('a Vary header is written with a value that is not a constant', vary[0]!.span)
      : { value: false, why: 'no Vary header naming Origin is written here' };
  policy.preflight = owner.type === 'function_definition' ? preflightOf(ownerInfo(owner), mod, cors.map((w) => ({ span: w.span, node: w.valueNode }))) : unknownValue('hand-written headers: whether OPTIONS requests reach this code is not visible here');
  policy.headersOnErrors = unknownValue('hand-written headers: error responses depend on the error path');
  return policy;
}

function listHeader(writes: HeaderWrite[], lower: string): Valued<string[]> {
  const w = writes.filter((x) => x.lower === lower).pop();
  if (!w) return { value: [], why: `no ${lower} header is written` };
  if (w.value.t !== 'str') return unknownValue(describe(w.value), w.span);
  return { value: w.value.v.split(',').map((s) => s.trim()).filter(Boolean), span: w.span };
}

/** The value is the request Origin, directly or through a name assigned from it in the same function. */
function readsRequestOrigin(value: PyNode, owner: PyNode): boolean {
  if (REQUEST_ORIGIN.test(value.text)) return true;
  const right = assignedFrom(value, owner);
  return right !== undefined && REQUEST_ORIGIN.test(right) && !/\bif\b/.test(right);
}

/** The request-data expression the value is (or was assigned from, unconditionally), if any. */
function requestData(value: PyNode, owner: PyNode): string | undefined {
  if (REQUEST_DATA.test(value.text)) return value.text;
  const right = assignedFrom(value, owner);
  return right !== undefined && REQUEST_DATA.test(right) && !/\bif\b/.test(right) ? right : undefined;
}

/** For a name, the text of its last assignment before this use in the same function. */
function assignedFrom(value: PyNode, owner: PyNode): string | undefined {
  if (value.type !== 'identifier') return undefined;
  const assigned = owner.descendantsOfType('assignment').filter((a) => a && a.childForFieldName('left')?.text === value.text && a.startIndex < value.startIndex);
  return assigned.pop()?.childForFieldName('right')?.text;
}

/** The tests of the `if` statements and conditional expressions around a node, inside its function. */
function guardOf(node: PyNode, owner: PyNode): string | undefined {
  const tests: string[] = [];
  for (let n = node.parent; n && n.id !== owner.id; n = n.parent) {
    if (n.type === 'if_statement' || n.type === 'elif_clause' || n.type === 'while_statement') {
      const c = n.childForFieldName('condition');
      if (c) tests.push(c.text);
    } else if (n.type === 'conditional_expression') tests.push(n.text);
  }
  return tests.length ? tests.join(' && ') : undefined;
}

/** Starlette / FastAPI response headers take str only (MutableHeaders.__setitem__ encodes the value). */
function raisesOnNonString(stack: Stack): boolean {
  return stack === 'starlette' || stack === 'fastapi';
}

/** The header value as the framework sends it: strings as written, numbers and bools through str() (werkzeug, Django). */
function sentText(v: PyValue, stack: Stack): string | undefined {
  if (v.t === 'str') return v.v;
  // Starlette's MutableHeaders calls value.encode("latin-1"): a bool or number raises AttributeError.
  if (raisesOnNonString(stack)) return undefined;
  if (v.t === 'num') return String(v.v);
  if (v.t === 'bool') return v.v ? 'True' : 'False';
  return undefined;
}

/** Presence tests of a value, which let every value through: `x`, `x is not None`, `x != ""`; group 1 is the value. */
const PRESENCE = /^(.+?)(?:\s+is\s+not\s+None|\s*!=\s*(?:''|""|None))?$/;
/** `"origin" in request.headers`: a presence test of the Origin header. */
const HEADER_PRESENCE = /^['"](?:origin|HTTP_ORIGIN)['"]\s+in\s+[\w.]+$/i;
/** Tests of the request method, which do not restrict who is echoed. */
const METHOD_TEST = /^[\w.[\]'"]*\bmethod\b[\w.()]*\s*(?:==|!=|in|not in)\s*.+$|^['"][A-Za-z]+['"]\s*(?:==|!=)\s*[\w.]*\bmethod$/i;

/**
 * The conditions around an echoed Origin that can restrict who is echoed, joined with &&, or
 * undefined when none can: presence tests, method tests and `fnmatch(origin, p)` against patterns
 * that include "*" let every origin through.
 */
function restrictingGuard(value: PyNode, owner: PyNode, mod: PyModule, ev: Evaluator): string | undefined {
  const kept: string[] = [];
  for (let n = value.parent; n && n.id !== owner.id; n = n.parent) {
    let cond: PyNode | null | undefined;
    if (n.type === 'if_statement' || n.type === 'elif_clause' || n.type === 'while_statement') cond = n.childForFieldName('condition');
    else if (n.type === 'conditional_expression') cond = n.namedChildren[1];
    if (!cond) continue;
    for (const part of conjuncts(cond)) {
      const text = part.text.replace(/\s+/g, ' ').trim();
      if (presenceOfEcho(text, value) || HEADER_PRESENCE.test(text) || METHOD_TEST.test(text)) continue;
      if (fnmatchAll(part, mod, ev)) continue;
      kept.push(text);
    }
  }
  return kept.length ? kept.join(' && ') : undefined;
}

/** `a and b and c` -> [a, b, c]; anything else is one part. */
function conjuncts(node: PyNode): PyNode[] {
  if (node.type === 'parenthesized_expression') {
    const inner = node.namedChildren.find((c) => c.type !== 'comment');
    return inner ? conjuncts(inner) : [node];
  }
  if (node.type === 'boolean_operator' && node.childForFieldName('operator')?.text === 'and') {
    return [...conjuncts(node.childForFieldName('left')!), ...conjuncts(node.childForFieldName('right')!)];
  }
  return [node];
}

/**
 * `fnmatch(origin, pattern)` (also inside `any(... for pattern in patterns)`) where the patterns
 * resolve to a list holding "*": fnmatch("*") accepts every string, so the test lets every origin through.
 */
function fnmatchAll(test: PyNode, mod: PyModule, ev: Evaluator): boolean {
  const calls = [test, ...test.descendantsOfType('call')].filter((c) => c.type === 'call' && /(^|\.)fnmatch(case)?$/.test(c.childForFieldName('function')?.text ?? ''));
  for (const call of calls) {
    const args = (call.childForFieldName('arguments')?.namedChildren ?? []).filter((a) => a.type !== 'comment');
    const pattern = args[1];
    if (!pattern) continue;
    const direct = ev.eval(pattern, mod);
    if (direct.t === 'str' && direct.v === '*') return true;
    if (pattern.type !== 'identifier') continue;
    // The loop that binds the pattern name: a comprehension's `for p in X` or a `for p in X:` statement.
    for (let n: PyNode | null = call; n; n = n.parent) {
      const clauses = n.type === 'for_statement' ? [n] : n.namedChildren.filter((c) => c.type === 'for_in_clause');
      for (const clause of clauses) {
        if (clause.childForFieldName('left')?.text !== pattern.text) continue;
        const iterable = ev.eval(clause.childForFieldName('right'), mod);
        const items = iterable.t === 'seq' ? iterable.items : [iterable];
        if (items.some((i) => i.t === 'str' && i.v.trim() === '*')) return true;
      }
    }
  }
  return false;
}

/** The test only checks that the echoed value (or the request Origin itself) is present. */
function presenceOfEcho(text: string, value: PyNode): boolean {
  const subject = PRESENCE.exec(text)?.[1]?.trim().replace(/^not\s+/, '');
  if (!subject) return false;
  if (subject === value.text.trim()) return true;
  const m = REQUEST_ORIGIN.exec(subject);
  return !!m && subject.slice(0, m.index).trim() === '' && /^\s*(?:,[^()]*)?[)\]]\s*$/.test(subject.slice(m.index + m[0].length));
}

function w2s(w: HeaderWrite): string {
  return `The ${w.name} value ${w.valueNode.text}`;
}
