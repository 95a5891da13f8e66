// The literal skeleton of a pattern: the origins its author had in mind, as templates in which
// repeated character sets are wildcards. `^https://[a-z]+\.example\.com$` becomes
// `https://<W>.example.com`; `https?://app.example.com` becomes two templates with an unescaped dot.

import type { AST } from '@eslint-community/regexpp';

export type Part =
  | { t: 'lit'; s: string }
  /** An unescaped `.` (any character) written where a literal dot was probably meant. */
  | { t: 'dot' }
  /** One character out of a set; `chars` = which printable ASCII characters it accepts. */
  | { t: 'one'; chars: string }
  /** A repetition of a set (`.*`, `[a-z0-9-]+`, `\w+`): stands for "any label(s)". */
  | { t: 'wild'; chars: string; min: number };

export type Template = Part[];

/** Most templates kept per pattern; alternations and optional parts multiply. */
const MAX_TEMPLATES = 128;

const PRINTABLE = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');

/** The templates of a parsed pattern, plus whether some construct (backreference) was skipped. */
export function templatesOf(ast: AST.Pattern, flags: string): { templates: Template[]; lossy: boolean } {
  const state = { lossy: false };
  const templates = alternatives(ast.alternatives, flags, state).map(mergeLiterals);
  return { templates, lossy: state.lossy };
}

function alternatives(alts: readonly AST.Alternative[], flags: string, state: { lossy: boolean }): Template[] {
  const out: Template[] = [];
  for (const alt of alts) {
    for (const t of sequence(alt.elements, flags, state)) {
      if (out.length >= MAX_TEMPLATES) return out;
      out.push(t);
    }
  }
  return out;
}

function sequence(elements: readonly AST.Element[], flags: string, state: { lossy: boolean }): Template[] {
  let acc: Template[] = [[]];
  for (const element of elements) {
    const options = element_(element, flags, state);
    const next: Template[] = [];
    for (const a of acc) {
      for (const o of options) {
        if (next.length >= MAX_TEMPLATES) break;
        next.push([...a, ...o]);
      }
    }
    acc = next;
  }
  return acc;
}

function element_(node: AST.Element, flags: string, state: { lossy: boolean }): Template[] {
  switch (node.type) {
    case 'Assertion':
      return [[]];
    case 'Backreference':
      state.lossy = true;
      return [[]];
    case 'Character':
      return [[{ t: 'lit', s: charOf(node, flags) }]];
    case 'CharacterSet':
    case 'CharacterClass':
    case 'ExpressionCharacterClass':
      return [[single(node, flags)]];
    case 'Group':
    case 'CapturingGroup':
      return alternatives(node.alternatives, flags, state);
    case 'Quantifier':
      return quantified(node, flags, state);
    default:
      return [[]];
  }
}

function single(node: AST.CharacterSet | AST.CharacterClass | AST.ExpressionCharacterClass, flags: string): Part {
  if (node.type === 'CharacterSet' && node.kind === 'any') return { t: 'dot' };
  const chars = acceptedChars(node.raw, flags);
  if (chars.length === 1) return { t: 'lit', s: chars };
  // [eE] from a case-insensitive pattern: one letter in either case.
  if (chars.length === 2 && chars[0]!.toLowerCase() === chars[1]!.toLowerCase()) return { t: 'lit', s: chars.toLowerCase()[0]! };
  return { t: 'one', chars };
}

function quantified(node: AST.Quantifier, flags: string, state: { lossy: boolean }): Template[] {
  const inner = node.element;
  const isSet = inner.type === 'CharacterSet' || inner.type === 'CharacterClass' || inner.type === 'ExpressionCharacterClass';
  if (node.max <= 1) {
    const once = element_(inner, flags, state);
    return node.min === 0 ? [[], ...once] : once;
  }
  if (isSet) {
    const part = single(inner, flags);
    if (part.t === 'lit') return [[{ t: 'lit', s: part.s.repeat(Math.max(1, Math.min(node.min, 8))) }]];
    const chars = part.t === 'dot' ? acceptedChars('.', flags) : part.chars;
    return [[{ t: 'wild', chars, min: node.min }]];
  }
  if (inner.type === 'Character') {
    const s = charOf(inner, flags).repeat(Math.max(1, Math.min(node.min, 8)));
    return node.min === 0 ? [[], [{ t: 'lit', s }]] : [[{ t: 'lit', s }]];
  }
  const once = element_(inner, flags, state);
  const times = Math.max(1, Math.min(node.min, 3));
  const repeated = once.map((t) => Array.from({ length: times }, () => t).flat());
  // One more repetition too: `([a-z]+\.)+` also means a.b.example.com.
  const more = node.max > times ? once.map((t) => Array.from({ length: times + 1 }, () => t).flat()) : [];
  return [...(node.min === 0 ? [[]] : []), ...repeated, ...more].slice(0, MAX_TEMPLATES);
}

/** A literal character; under the i flag, in the lowercase form browsers send hosts in. */
function charOf(node: AST.Character, flags: string): string {
  const c = String.fromCodePoint(node.value);
  return flags.includes('i') ? c.toLowerCase() : c;
}

const charCache = new Map<string, string>();

/** The printable ASCII characters a single-character pattern accepts. */
export function acceptedChars(raw: string, flags: string): string {
  const key = `${flags}/${raw}`;
  const cached = charCache.get(key);
  if (cached !== undefined) return cached;
  let chars = '';
  try {
    const re = new RegExp(`^(?:${raw})$`, flags.replace(/[gy]/g, ''));
    for (const c of PRINTABLE) if (re.test(c)) chars += c;
  } catch {
    chars = '';
  }
  charCache.set(key, chars);
  return chars;
}

function mergeLiterals(t: Template): Template {
  const out: Template = [];
  for (const p of t) {
    const last = out[out.length - 1];
    if (p.t === 'lit' && last?.t === 'lit') out[out.length - 1] = { t: 'lit', s: last.s + p.s };
    else out.push(p);
  }
  return out;
}

/** The marker that stands for a wildcard in a rendered template. */
export const WILD = '\u0000';

export interface RenderChoice {
  /** Text for the wildcard with this index (in template order). */
  wild?: (index: number, part: Extract<Part, { t: 'wild' }>) => string;
  /** Text for the unescaped dot with this index; default '.'. */
  dot?: (index: number) => string;
}

/** Renders a template into a string; `one` parts take their most "ordinary" character. */
export function render(t: Template, choice: RenderChoice = {}): string {
  let wilds = 0;
  let dots = 0;
  let out = '';
  for (const p of t) {
    if (p.t === 'lit') out += p.s;
    else if (p.t === 'dot') out += choice.dot ? choice.dot(dots++) : '.';
    else if (p.t === 'one') out += representative(p.chars);
    else out += choice.wild ? choice.wild(wilds++, p) : WILD;
  }
  return out;
}

export function representative(chars: string): string {
  for (const c of 'a0-.') if (chars.includes(c)) return c;
  return chars.match(/[a-z]/)?.[0] ?? chars[0]?.toLowerCase() ?? '';
}

export function countParts(t: Template, kind: Part['t']): number {
  return t.filter((p) => p.t === kind).length;
}

/** True when every character of `text` is one the wildcard accepts. */
export function fits(part: Extract<Part, { t: 'wild' }>, text: string): boolean {
  if (text.length < part.min) return false;
  for (const c of text) if (!part.chars.includes(c)) return false;
  return true;
}
