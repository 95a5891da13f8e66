// Rewrites a Python `re` or PCRE pattern into an equivalent JavaScript (non-unicode) pattern,
// or says which construct has no faithful translation. Origins are ASCII and never contain a
// newline (HTTP header values cannot), so Unicode-versus-ASCII classes and `$` before a final
// newline cannot change a verdict and are translated to their plain JavaScript forms.

import type { RegexFlavor } from '../model/types.js';

export type Translation =
  | { ok: true; source: string; flags: string }
  /** `invalid`: the dialect itself rejects the pattern; otherwise it has no faithful translation. */
  | { ok: false; reason: string; invalid?: boolean };

interface FlagState {
  i: boolean;
  x: boolean;
  s: boolean;
}

class Unsupported extends Error {}
class Invalid extends Error {}

const POSIX_CLASSES: Record<string, string> = {
  alpha: 'a-zA-Z',
  digit: '0-9',
  alnum: 'a-zA-Z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  word: '\\w',
  xdigit: '0-9A-Fa-f',
  punct: '!-\\/:-@\\[-`{-~',
};

/** JavaScript flavor: the pattern is already JavaScript; only the flags need care. */
function translateJs(pattern: string, ignoreCase: boolean, flags = ''): Translation {
  // `g` only changes where the next .test() starts (lastIndex); the analysis models the first test
  // from lastIndex 0, which is what a fresh RegExp does. `d` only adds indices.
  let kept = [...new Set(flags.replace(/[gd]/g, ''))].join('');
  if (ignoreCase && !kept.includes('i')) kept += 'i';
  return { ok: true, source: pattern, flags: kept };
}

export function translatePattern(
  pattern: string,
  flavor: RegexFlavor,
  ignoreCase: boolean,
  flags?: string,
): Translation {
  if (flavor === 'js') return translateJs(pattern, ignoreCase, flags);
  try {
    return { ok: true, source: new Translator(pattern, flavor, ignoreCase).run(), flags: '' };
  } catch (error) {
    if (error instanceof Unsupported) return { ok: false, reason: error.message };
    if (error instanceof Invalid) return { ok: false, reason: error.message, invalid: true };
    throw error;
  }
}

class Translator {
  private pos = 0;
  private out = '';
  private state: FlagState;
  private readonly stack: Array<{ state: FlagState; outStart: number; atomic: boolean }> = [];
  /** Where in `out` the last quantifiable atom starts (for possessive quantifiers). */
  private lastAtom = -1;
  private atomicCount = 0;
  private hasNumericBackref = false;
  private atStart = true;

  constructor(
    private readonly src: string,
    private readonly flavor: 'python' | 'pcre',
    ignoreCase: boolean,
  ) {
    this.state = { i: ignoreCase, x: false, s: false };
  }

  private invalid(what: string): never {
    const dialect = this.flavor === 'python' ? 'Python re' : 'PCRE';
    throw new Invalid(`${dialect} rejects the pattern: ${what} at offset ${this.pos}`);
  }

  private fail(what: string): never {
    throw new Unsupported(`${what} (at offset ${this.pos} of the ${this.flavor === 'python' ? 'Python' : 'PCRE'} pattern) has no JavaScript equivalent`);
  }

  run(): string {
    while (this.pos < this.src.length) this.step();
    if (this.stack.length) this.invalid('missing )');
    if (this.atomicCount && this.hasNumericBackref) this.fail('an atomic group or possessive quantifier together with a numbered backreference');
    return this.out;
  }

  private emitAtom(text: string): void {
    this.lastAtom = this.out.length;
    this.out += text;
    this.atStart = false;
  }

  private step(): void {
    const c = this.src[this.pos]!;
    if (this.state.x) {
      if (/\s/.test(c)) {
        this.pos++;
        return;
      }
      if (c === '#') {
        while (this.pos < this.src.length && this.src[this.pos] !== '\n') this.pos++;
        return;
      }
    }
    switch (c) {
      case '\\':
        return this.escape();
      case '[':
        return this.charClass();
      case '(':
        return this.openGroup();
      case ')':
        return this.closeGroup();
      case '.':
        this.pos++;
        return this.emitAtom(this.state.s ? '[\\s\\S]' : '.');
      case '^':
      case '$':
      case '|':
        this.pos++;
        this.out += c;
        this.lastAtom = -1;
        return;
      case '*':
      case '+':
      case '?':
        return this.quantifier(c);
      case '{': {
        const q = this.braceQuantifier();
        if (q !== undefined) return this.quantifier(q);
        this.pos++;
        return this.emitAtom('\\{');
      }
      case '}':
        this.pos++;
        return this.emitAtom('\\}');
      default:
        this.pos++;
        return this.emitAtom(this.literal(c));
    }
  }

  private literal(c: string): string {
    const escaped = /[\\^$.*+?()[\]{}|/]/.test(c) ? `\\${c}` : c;
    if (this.state.i && /[a-z]/i.test(c)) return `[${c.toLowerCase()}${c.toUpperCase()}]`;
    return escaped;
  }

  /** `{n}`, `{n,}`, `{n,m}` (and `{,m}` in Python) when it is a quantifier; undefined when literal. */
  private braceQuantifier(): string | undefined {
    const m = /^\{(\d*)(?:(,)(\d*))?\}/.exec(this.src.slice(this.pos));
    if (!m) return undefined;
    const [whole, min, comma, max] = m;
    if (min === '' && (this.flavor === 'pcre' || comma === undefined)) return undefined; // PCRE2 10.42: literal
    if (min === '' && max === '') return undefined;
    this.pos += whole!.length - 1; // quantifier() consumes the last char
    return `{${min === '' ? '0' : min}${comma ?? ''}${max ?? ''}}`;
  }

  private quantifier(q: string): void {
    this.pos++;
    if (this.lastAtom < 0) this.invalid('nothing to repeat');
    let text = q;
    const next = this.src[this.pos];
    if (next === '?') {
      text += '?';
      this.pos++;
    } else if (next === '+') {
      // Possessive: X*+ == (?>X*), emulated as a lookahead capture plus backreference.
      this.pos++;
      const atom = this.out.slice(this.lastAtom);
      this.out = this.out.slice(0, this.lastAtom);
      const start = this.out.length;
      this.out += this.atomic(atom + text);
      this.lastAtom = start;
      return;
    }
    this.out += text;
    this.lastAtom = -1; // a quantified atom cannot be quantified again
  }

  private atomic(inner: string): string {
    const name = `cl_atomic${++this.atomicCount}`;
    return `(?:(?=(?<${name}>${inner}))\\k<${name}>)`;
  }

  private escape(): void {
    const next = this.src[this.pos + 1];
    if (next === undefined) this.invalid('trailing backslash');
    this.pos += 2;
    switch (next) {
      case 'A':
        this.out += '^';
        this.lastAtom = -1;
        return;
      case 'Z':
      case 'z':
        this.out += '$';
        this.lastAtom = -1;
        return;
      case 'b':
      case 'B':
        this.out += `\\${next}`;
        this.lastAtom = -1;
        return;
      case 'd':
      case 'D':
      case 'w':
      case 'W':
      case 's':
      case 'S':
      case 'n':
      case 't':
      case 'r':
      case 'f':
      case 'v':
        return this.emitAtom(`\\${next}`);
      case 'a':
        return this.emitAtom('\\x07');
      case 'e':
        if (this.flavor === 'pcre') return this.emitAtom('\\x1b');
        return this.invalid('bad escape \\e');
      case 'h':
        if (this.flavor === 'pcre') return this.emitAtom('[ \\t\\xa0]');
        return this.invalid('bad escape \\h');
      case 'x': {
        const m = /^[0-9a-fA-F]{2}/.exec(this.src.slice(this.pos));
        if (m) {
          this.pos += 2;
          return this.emitAtom(`\\x${m[0]}`);
        }
        const braced = /^\{([0-9a-fA-F]{1,4})\}/.exec(this.src.slice(this.pos));
        if (braced && this.flavor === 'pcre') {
          this.pos += braced[0].length;
          return this.emitAtom(`\\u${braced[1]!.padStart(4, '0')}`);
        }
        return this.invalid('incomplete escape \\x');
      }
      case 'u': {
        const m = /^[0-9a-fA-F]{4}/.exec(this.src.slice(this.pos));
        if (m && this.flavor === 'python') {
          this.pos += 4;
          return this.emitAtom(`\\u${m[0]}`);
        }
        return this.fail('the escape \\u');
      }
      case 'U': {
        const m = /^[0-9a-fA-F]{8}/.exec(this.src.slice(this.pos));
        if (this.flavor !== 'python' || !m) return this.invalid('bad escape \\U');
        this.pos += 8;
        const code = parseInt(m[0], 16);
        if (code > 0x10ffff) return this.invalid('bad escape \\U');
        // Without the u flag an astral character is two UTF-16 units, matched in sequence.
        const units = [...String.fromCodePoint(code)].join('').split('').map((u) => `\\u${u.charCodeAt(0).toString(16).padStart(4, '0')}`);
        return this.emitAtom(units.length > 1 ? `(?:${units.join('')})` : units[0]!);
      }
      case 'Q': {
        if (this.flavor !== 'pcre') return this.invalid('bad escape \\Q');
        const end = this.src.indexOf('\\E', this.pos);
        const text = end < 0 ? this.src.slice(this.pos) : this.src.slice(this.pos, end);
        this.pos = end < 0 ? this.src.length : end + 2;
        for (const ch of text) this.emitAtom(this.literal(ch));
        return;
      }
      case 'E':
        if (this.flavor === 'pcre') return; // stray \E is ignored by PCRE
        return this.invalid('bad escape \\E');
      case 'k':
      case 'g': {
        const m = /^(?:<(\w+)>|\{(\w+)\}|'(\w+)')/.exec(this.src.slice(this.pos));
        if (this.flavor !== 'pcre' || !m) return this.invalid(`bad escape \\${next}`);
        this.pos += m[0].length;
        const ref = m[1] ?? m[2] ?? m[3]!;
        if (/^\d+$/.test(ref)) {
          this.hasNumericBackref = true;
          return this.emitAtom(`\\${ref}`);
        }
        return this.emitAtom(`\\k<${ref}>`);
      }
      default:
        break;
    }
    if (next === '0') {
      const m = /^[0-7]{0,2}/.exec(this.src.slice(this.pos))!;
      this.pos += m[0].length;
      return this.emitAtom(`\\x${parseInt(`0${m[0]}`, 8).toString(16).padStart(2, '0')}`);
    }
    if (/[1-9]/.test(next)) {
      const m = /^\d?/.exec(this.src.slice(this.pos))!;
      this.pos += m[0].length;
      this.hasNumericBackref = true;
      return this.emitAtom(`\\${next}${m[0]}`);
    }
    if (/[a-zA-Z]/.test(next)) {
      // Known to the dialect but without a JavaScript equivalent, or not an escape at all.
      const known = this.flavor === 'pcre' ? 'GKRXpPHVNCoc' : 'N';
      if (known.includes(next)) return this.fail(`the escape \\${next}`);
      return this.invalid(`bad escape \\${next}`);
    }
    this.emitAtom(/[\\^$.*+?()[\]{}|/-]/.test(next) ? `\\${next}` : next);
  }

  private charClass(): void {
    let i = this.pos + 1;
    let body = '';
    if (this.src[i] === '^') {
      body += '^';
      i++;
    }
    let first = true;
    for (;;) {
      const c = this.src[i];
      if (c === undefined) this.invalid('unterminated character set');
      if (c === ']' && !first) break;
      first = false;
      if (c === '[' && this.src[i + 1] === ':') {
        const m = /^\[:(\^?)(\w+):\]/.exec(this.src.slice(i));
        if (this.flavor === 'pcre' && m && POSIX_CLASSES[m[2]!] && !m[1]) {
          body += POSIX_CLASSES[m[2]!];
          i += m[0].length;
          continue;
        }
        this.fail('a POSIX class or nested set');
      }
      if (c === '\\') {
        const n = this.src[i + 1];
        if (n === undefined) this.invalid('trailing backslash');
        if ('dDwWsSntrfvb'.includes(n)) body += `\\${n}`;
        else if (n === 'x' && /^[0-9a-fA-F]{2}/.test(this.src.slice(i + 2))) {
          body += this.src.slice(i, i + 4);
          i += 2;
        } else if (/[a-zA-Z0-9]/.test(n)) {
          this.pos = i;
          this.fail(`the escape \\${n} inside a character class`);
        } else body += `\\${n}`;
        i += 2;
        continue;
      }
      if (c === '[' || c === ']') body += `\\${c}`;
      else body += c;
      i++;
    }
    this.pos = i + 1;
    if (this.state.i) body = caseFoldClassBody(body);
    this.emitAtom(`[${body}]`);
  }

  private openGroup(): void {
    const rest = this.src.slice(this.pos);
    const saved = { ...this.state };
    const push = (text: string, atomic = false) => {
      this.stack.push({ state: saved, outStart: this.out.length, atomic });
      this.out += text;
      this.lastAtom = -1;
      this.atStart = false;
    };
    if (!rest.startsWith('(?')) {
      this.pos++;
      return push('(');
    }
    let m: RegExpExecArray | null;
    if ((m = /^\(\?#[^)]*\)/.exec(rest))) {
      this.pos += m[0].length;
      return;
    }
    if ((m = /^\(\?P<(\w+)>/.exec(rest)) || (m = /^\(\?<(\w+)>/.exec(rest)) || (m = /^\(\?'(\w+)'/.exec(rest))) {
      // Python (3.11) only knows (?P<name>...); PCRE knows all three spellings.
      if (this.flavor === 'python' && !m[0].startsWith('(?P<')) this.invalid(`unknown extension ${m[0].slice(0, 3)}`);
      this.pos += m[0].length;
      return push(`(?<${m[1]}>`);
    }
    if ((m = /^\(\?P=(\w+)\)/.exec(rest))) {
      this.pos += m[0].length;
      return this.emitAtom(`\\k<${m[1]}>`);
    }
    if ((m = /^\(\?(:|=|!|<=|<!)/.exec(rest))) {
      this.pos += m[0].length;
      return push(m[0]);
    }
    if (rest.startsWith('(?>')) {
      this.pos += 3;
      return push('(?:', true);
    }
    if ((m = /^\(\?([a-zA-Z]*)(?:-([a-zA-Z]*))?(:|\))/.exec(rest))) {
      const [, on = '', off = '', end] = m;
      const next = { ...this.state };
      for (const f of on + off) {
        const value = on.includes(f);
        if (f === 'i') next.i = value;
        else if (f === 'x') next.x = value;
        else if (f === 's') next.s = value;
        else if (f === 'm' || f === 'a' || f === 'u' || f === 'U') continue; // no effect on a one-line ASCII origin / on whether a match exists
        else this.fail(`the inline flag ${f}`);
      }
      if (this.flavor === 'python' && end === ')' && !this.atStart) this.invalid('global flags not at the start of the expression');
      this.pos += m[0].length;
      if (end === ')') {
        this.state = next; // rest of the enclosing group
        return;
      }
      push('(?:');
      this.state = next;
      return;
    }
    return this.fail(`the group syntax ${rest.slice(0, 4)}`);
  }

  private closeGroup(): void {
    this.pos++;
    const frame = this.stack.pop();
    if (!frame) this.invalid('unbalanced parenthesis');
    this.state = frame.state;
    this.out += ')';
    if (frame.atomic) {
      const inner = this.out.slice(frame.outStart + 3, -1);
      this.out = this.out.slice(0, frame.outStart) + this.atomic(inner);
    }
    this.lastAtom = frame.outStart;
  }
}

/** Adds the other case of every ASCII letter and letter range in a class body. */
function caseFoldClassBody(body: string): string {
  // A trailing unescaped '-' would turn the appended letters into a range.
  if (/(^|[^\\])-$/.test(body)) body = `${body.slice(0, -1)}\\-`;
  let extra = '';
  const re = /\\.|([a-zA-Z])-([a-zA-Z])|[a-zA-Z]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body))) {
    if (m[0].startsWith('\\')) continue;
    if (m[1] !== undefined) {
      const lo = m[1]!;
      const hi = m[2]!;
      if (/[a-z]/.test(lo) && /[a-z]/.test(hi)) extra += `${lo.toUpperCase()}-${hi.toUpperCase()}`;
      else if (/[A-Z]/.test(lo) && /[A-Z]/.test(hi)) extra += `${lo.toLowerCase()}-${hi.toLowerCase()}`;
      else extra += 'a-zA-Z';
    } else {
      const c = m[0];
      extra += c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase();
    }
  }
  return body + extra;
}
