import type { OriginEntry, Span } from '../../model/types.js';
import type { NginxDirective, NginxWord } from '../../parse/nginx/index.js';
import type { Block } from './blocks.js';
import { evaluateCondition, varName, type Condition } from './conditions.js';
import { hostnamePattern, type MapDef } from './maps.js';

/** What lets a value through: the regex/exact test on the Origin that must pass first. */
export type Gate =
  | { kind: 'regex'; pattern: string; ignoreCase: boolean; span: Span }
  | { kind: 'exact'; origin: string; span: Span }
  | { kind: 'other'; text: string; span: Span };

/** One value a header can take. */
export type Possible =
  | { kind: 'origin'; gate?: Gate; span: Span; via?: string }
  | { kind: 'literal'; text: string; gate?: Gate; span: Span; via?: string }
  | { kind: 'unknown'; why: string; span: Span };

/** Where a request's variables come from: maps (http level) and the rewrite directives that run. */
export interface VarScope {
  maps: Map<string, MapDef>;
  /** Blocks whose `set`/`if` run for the request: the server, then the location. */
  rewriteBlocks: Block[];
}

const VAR = /\$(?:\{(\w+)\}|(\w+))/g;

/** Every value a header value word can take, with the Origin test gating each. */
export function possibleValues(word: NginxWord, scope: VarScope, gate?: Gate, seen: Set<string> = new Set()): Possible[] {
  if (word.templated) return [{ kind: 'unknown', why: `template placeholder ${word.templated}`, span: word.span }];
  const refs = [...word.value.matchAll(VAR)];
  if (refs.length === 0) return [{ kind: 'literal', text: word.value, gate, span: word.span }];
  if (refs.length === 1 && refs[0]![0] === word.value) {
    return resolveVariable((refs[0]![1] ?? refs[0]![2])!.toLowerCase(), word.span, scope, gate, seen);
  }
  return [{ kind: 'unknown', why: `value "${word.value}" is built from variables at request time`, span: word.span }];
}

function resolveVariable(name: string, span: Span, scope: VarScope, gate: Gate | undefined, seen: Set<string>): Possible[] {
  if (name === 'http_origin') return [{ kind: 'origin', gate: gate ?? guardOf(scope), span }];
  if (seen.has(name) || seen.size > 8) return [{ kind: 'unknown', why: `variable $${name} refers to itself`, span }];
  const next = new Set(seen).add(name);
  const map = scope.maps.get(name);
  if (map) return fromMap(map, scope, gate, next);
  const sets = setsOf(name, scope);
  if (sets.length) {
    const out: Possible[] = [];
    for (const s of sets) {
      const value = s.directive.args[1];
      if (!value) continue;
      out.push(...possibleValues(value, scope, gate ?? s.gate, next).map((p) => withVia(p, `set $${name}`)));
    }
    return out;
  }
  return [{ kind: 'unknown', why: `$${name} is not set by a map or set directive the scanner can see`, span }];
}

function fromMap(map: MapDef, scope: VarScope, gate: Gate | undefined, seen: Set<string>): Possible[] {
  const out: Possible[] = [];
  const onOrigin = varName(map.source) === 'http_origin' && /^\$\{?http_origin\}?$/i.test(map.source);
  for (const e of map.entries) {
    // A map on another variable ($sent_http_content_type) does not look at the Origin: what it picks is
    // sent whatever the Origin is, so it gates nothing here.
    const keyGate: Gate | undefined = !onOrigin
      ? undefined
      : e.kind === 'regex'
        ? { kind: 'regex', pattern: e.key, ignoreCase: e.ignoreCase, span: e.keySpan }
        : e.kind === 'hostname'
          ? { kind: 'regex', pattern: hostnamePattern(e.key), ignoreCase: true, span: e.keySpan }
          : { kind: 'exact', origin: e.key, span: e.keySpan };
    out.push(...possibleValues(e.value, scope, gate ?? keyGate, seen).map((p) => withVia(p, `map $${map.target}`)));
  }
  if (map.default) {
    out.push(...possibleValues(map.default, scope, gate, seen).map((p) => withVia(p, `map $${map.target} default`)));
  }
  return out;
}

function withVia(p: Possible, via: string): Possible {
  return p.kind === 'unknown' || p.via ? p : { ...p, via };
}

/** `set $name ...` directives that run for the request, each with the `if` around it as a gate. */
function setsOf(name: string, scope: VarScope): Array<{ directive: NginxDirective; gate?: Gate }> {
  const out: Array<{ directive: NginxDirective; gate?: Gate }> = [];
  for (const block of scope.rewriteBlocks) {
    for (const d of block.body) {
      if (d.name === 'set' && d.args[0] && varName(d.args[0].value) === name) out.push({ directive: d });
    }
    for (const child of block.children) {
      if (child.kind !== 'if') continue;
      for (const d of child.body) {
        if (d.name === 'set' && d.args[0] && varName(d.args[0].value) === name) out.push({ directive: d, gate: gateOf(child) });
      }
    }
  }
  return out;
}

/** The Origin test an `if` block makes, as a gate for what it contains. */
export function gateOf(block: Block): Gate | undefined {
  const c = block.condition;
  if (!c || c.kind === 'other') return undefined;
  return conditionGate(c, block.headerSpan);
}

/**
 * The Origin tests that must pass for an `if` to match. Besides a direct test of $http_origin this
 * follows the common two-step form: `if ($http_origin ~ re) { set $cors true; }` and later
 * `if ($cors = true) { add_header ... $http_origin; }` — the second `if` is gated by the regex of every
 * `set` that makes its condition true. Undefined when the `if` checks nothing about the Origin.
 */
export function gatesOf(block: Block, scope: VarScope): Gate[] | undefined {
  const c = block.condition;
  if (!c) return undefined;
  const direct = gateOf(block);
  if (direct || c.kind === 'other' || c.variable === 'http_origin') return direct ? [direct] : undefined;
  const sets = setsOf(c.variable, scope);
  if (!sets.length) return undefined;
  // A flag no Origin test ever touches (`set $cors "true"; set $cors "${cors}get";` on the method
  // only) says nothing about the Origin, whatever value it ends up with.
  if (!sets.some((s) => s.gate || /\$\{?http_origin\b/i.test(s.directive.args[1]?.value ?? ''))) return undefined;
  const gates: Gate[] = [];
  let undecided = false;
  for (const s of sets) {
    const value = s.directive.args[1];
    if (!value) continue;
    if (/\$/.test(value.value) || value.templated) {
      undecided = true;
      continue;
    }
    if (evaluateCondition(c, (name) => (name === c.variable ? value.value : undefined)) !== true) continue;
    if (!s.gate) return undefined; // set without an Origin test: the flag says nothing about the Origin
    gates.push(s.gate);
  }
  if (gates.length) return gates;
  return undecided ? [{ kind: 'other', text: `if ${c.text}`, span: block.headerSpan }] : undefined;
}

function conditionGate(c: Condition, span: Span): Gate | undefined {
  if (c.kind === 'other') return /\$http_origin/i.test(c.text) ? { kind: 'other', text: `if ${c.text}`, span } : undefined;
  if (c.variable === 'http_origin' && c.kind === 'regex' && !c.op.startsWith('!')) {
    return { kind: 'regex', pattern: c.pattern, ignoreCase: c.op === '~*', span: c.patternWord?.span ?? span };
  }
  if (c.variable === 'http_origin' && c.kind === 'compare' && c.op === '=') return { kind: 'exact', origin: c.value, span };
  if (c.variable === 'http_origin') return { kind: 'other', text: `if ${c.text}`, span };
  return undefined; // a test on another variable ($request_method) is no check of the Origin
}

/**
 * `if ($http_origin !~* '^https://app\.example\.com$') { return 403; }` before the headers: only
 * origins matching the pattern get through, so an echo of $http_origin is gated by it.
 */
function guardOf(scope: VarScope): Gate | undefined {
  for (const block of scope.rewriteBlocks) {
    for (const child of block.children) {
      const c = child.condition;
      if (child.kind !== 'if' || !c || c.kind !== 'regex' || c.variable !== 'http_origin' || !c.op.startsWith('!')) continue;
      if (!child.body.some((d) => d.name === 'return')) continue;
      return { kind: 'regex', pattern: c.pattern, ignoreCase: c.op === '!~*', span: c.patternWord?.span ?? child.headerSpan };
    }
  }
  return undefined;
}

/** Access-Control-Allow-Origin values -> the model's origin matchers. */
export function originEntries(possibles: Possible[]): OriginEntry[] {
  const out: OriginEntry[] = [];
  for (const p of possibles) {
    if (p.kind === 'unknown') {
      out.push({ kind: 'unknown', why: p.why, span: p.span });
      continue;
    }
    if (p.kind === 'origin') {
      const g = p.gate;
      if (!g) out.push({ kind: 'reflect', span: p.span });
      else if (g.kind === 'regex') out.push({ kind: 'regex', pattern: g.pattern, flavor: 'pcre', mode: 'search', ignoreCase: g.ignoreCase, span: g.span });
      else if (g.kind === 'exact') out.push({ kind: 'exact', origin: g.origin, span: g.span });
      else out.push({ kind: 'reflect', condition: g.text, span: p.span });
      continue;
    }
    const text = p.text.trim();
    if (text === '') continue; // an empty value adds no header
    const verbatim = p.gate ? {} : { sentVerbatim: true };
    if (text === '*') out.push({ kind: 'any', span: p.span, ...verbatim });
    else if (text === 'null') out.push({ kind: 'null', span: p.span, ...verbatim });
    else out.push({ kind: 'exact', origin: p.text, span: p.span, ...verbatim });
  }
  // One entry per distinct matcher (seven map keys that all send "*" are one `any`); the first span stays.
  const seen = new Set<string>();
  return out.filter((o) => {
    const { span: _span, ...rest } = o;
    const key = JSON.stringify(rest);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
