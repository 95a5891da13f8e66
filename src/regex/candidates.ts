// Candidate attacker origins for a pattern, grouped by the weakness they would demonstrate, most
// telling first. Every candidate is a syntactically valid serialized origin (or `null`); whether
// the pattern accepts it is decided later by the engine.

import { parseSerializedOrigin } from './origin-syntax.js';
import { countParts, fits, render, representative, WILD, type Part, type Template } from './skeleton.js';
import type { IntendedOrigin } from './intended.js';

export type WeaknessClass =
  | 'match-all'
  | 'public-suffix-wildcard'
  | 'no-dot-boundary'
  | 'unescaped-dot'
  | 'missing-end-anchor'
  | 'http-scheme'
  | 'null-origin'
  | 'other';

export interface CandidateGroup {
  weakness: WeaknessClass;
  origins: string[];
}

/** Unrelated https origins: a pattern that accepts all of them accepts every https origin. */
export const UNRELATED_ORIGINS = ['https://evil.net', 'https://cors-lint-probe.io', 'https://attacker.org:8443'];

const ATTACKER_HOST = 'evil.net';
const MAX_GENERIC = 3000;

type Wild = Extract<Part, { t: 'wild' }>;

/** A filler that the wildcard accepts, preferring an ordinary label. */
function neutral(part: Wild): string {
  for (const f of ['app', 'a', '8443', '0']) if (fits(part, f)) return f;
  return representative(part.chars).repeat(Math.max(1, part.min));
}

/** Completes a rendered template into an origin a browser could send, or undefined. */
export function asOrigin(text: string, scheme = 'https', leadingLabel = 'app'): string | undefined {
  if (text.includes(WILD)) return undefined;
  if (text === 'null') return 'null';
  let candidate = text;
  if (!candidate.includes('://')) candidate = candidate.startsWith('//') ? `${scheme}:${candidate}` : `${scheme}://${candidate}`;
  // A skeleton that starts in the middle of a host (`\.example\.com`) needs a label in front.
  candidate = candidate.replace(/^([a-z]+:\/\/)([.-])/, `$1${leadingLabel}$2`);
  return parseSerializedOrigin(candidate) ? candidate : undefined;
}

function renderWith(t: Template, fill: (i: number, p: Wild) => string, dot?: (i: number) => string): string {
  return render(t, { wild: fill, dot });
}

export function candidateGroups(templates: readonly Template[], intended: readonly IntendedOrigin[]): CandidateGroup[] {
  const groups: CandidateGroup[] = [];
  const add = (weakness: WeaknessClass, origins: Array<string | undefined>) => {
    const list = [...new Set(origins.filter((o): o is string => o !== undefined))];
    if (list.length) groups.push({ weakness, origins: list });
  };

  // A wildcard right under an ICANN public suffix: `.*\.com` accepts any .com site.
  const suffixWild: Array<string | undefined> = [];
  for (const t of templates) {
    for (const filler of ['cors-lint-attacker', 'evil']) {
      suffixWild.push(asOrigin(renderWith(t, (_, p) => (fits(p, filler) ? filler : neutral(p)))));
    }
  }
  if (intended.some((i) => i.baseKind === 'icann-suffix' && i.base)) add('public-suffix-wildcard', suffixWild);

  // The trusted name preceded by attacker text without a dot boundary: evilexample.com.
  const prefixed: Array<string | undefined> = [];
  for (const t of templates) {
    const wilds = countParts(t, 'wild');
    for (const filler of ['evil', 'evil-']) {
      for (let j = 0; j < wilds; j++) {
        prefixed.push(asOrigin(renderWith(t, (i, p) => (i === j && fits(p, filler) ? filler : neutral(p)))));
      }
    }
    const plain = renderWith(t, (_, p) => neutral(p));
    for (const filler of ['evil', 'evil-']) {
      const sep = plain.indexOf('://');
      if (sep >= 0) prefixed.push(asOrigin(`${plain.slice(0, sep + 3)}${filler}${plain.slice(sep + 3)}`));
      else {
        prefixed.push(asOrigin(`${filler}${plain.replace(/^\/+/, '')}`));
        prefixed.push(asOrigin(`${filler}${plain.replace(/^\/+/, '')}`, 'http'));
      }
    }
  }
  add('no-dot-boundary', prefixed);

  // An unescaped dot matches any character: app-example.com.
  const dotted: Array<string | undefined> = [];
  for (const t of templates) {
    const dots = countParts(t, 'dot');
    for (let j = 0; j < dots; j++) {
      for (const c of ['-', 'x']) {
        dotted.push(asOrigin(renderWith(t, (_, p) => neutral(p), (i) => (i === j ? c : '.'))));
      }
    }
  }
  add('unescaped-dot', dotted);

  // Nothing anchors the end of the host: app.example.com.evil.net.
  const suffixed: Array<string | undefined> = [];
  for (const t of templates) {
    const plain = renderWith(t, (_, p) => neutral(p));
    const hostEnd = hostEndIndex(plain);
    const head = plain.slice(0, hostEnd);
    for (const tail of [`.${ATTACKER_HOST}`, `-${ATTACKER_HOST}`, `${ATTACKER_HOST}`]) suffixed.push(asOrigin(head + tail));
    const wilds = countParts(t, 'wild');
    for (let j = 0; j < wilds; j++) {
      suffixed.push(asOrigin(renderWith(t, (i, p) => (i === j && fits(p, `.${ATTACKER_HOST}`) ? `.${ATTACKER_HOST}` : neutral(p)))));
    }
  }
  add('missing-end-anchor', suffixed);

  // Plain http where https was written.
  const downgraded: Array<string | undefined> = [];
  for (const t of templates) {
    const plain = renderWith(t, (_, p) => neutral(p));
    if (plain.startsWith('https://')) downgraded.push(asOrigin(`http://${plain.slice(8)}`));
    else if (!plain.includes('://')) downgraded.push(asOrigin(plain.replace(/^\/+/, ''), 'http'));
  }
  add('http-scheme', downgraded);

  add('null-origin', ['null']);
  add('other', genericCandidates(templates));
  return groups;
}

function hostEndIndex(text: string): number {
  const sep = text.indexOf('://');
  const start = sep >= 0 ? sep + 3 : 0;
  const m = /[:/?#]/.exec(text.slice(start));
  return m ? start + m.index : text.length;
}

/**
 * A small guided search: every template with its wildcards filled by attacker-flavoured text,
 * dots replaced, and attacker prefixes/suffixes around it; plus single-character edits of the
 * ordinary rendering.
 */
function genericCandidates(templates: readonly Template[]): string[] {
  const out = new Set<string>();
  const fillers = ['evil', 'evil.net', 'evil.', '.evil', 'evil-', '-evil', 'x', '', '8443'];
  const prefixes = ['', 'evil', 'evil.', 'evil-'];
  const suffixes = ['', `.${ATTACKER_HOST}`, `-${ATTACKER_HOST}`, ATTACKER_HOST];
  const push = (text: string) => {
    if (out.size >= MAX_GENERIC) return;
    for (const scheme of ['https', 'http']) {
      const o = asOrigin(text, scheme);
      if (o) out.add(o);
    }
  };
  for (const t of templates) {
    for (const f of fillers) {
      for (const dot of ['.', '-']) {
        const body = renderWith(t, (_, p) => (fits(p, f) ? f : neutral(p)), () => dot);
        const sep = body.indexOf('://');
        const scheme = sep >= 0 ? body.slice(0, sep + 3) : '';
        const host = sep >= 0 ? body.slice(sep + 3) : body.replace(/^\/+/, '');
        for (const pre of prefixes) for (const suf of suffixes) push(`${scheme}${pre}${host}${suf}`);
      }
    }
    const plain = renderWith(t, (_, p) => neutral(p));
    for (let i = 0; i <= plain.length; i++) {
      for (const c of ['x', '-', '.']) push(plain.slice(0, i) + c + plain.slice(i));
      if (i < plain.length) push(plain.slice(0, i) + plain.slice(i + 1));
    }
  }
  return [...out];
}

/**
 * Renders a template with `filler` in wildcard `index` (every wildcard when index < 0) where the
 * wildcard accepts it, and ordinary labels elsewhere.
 */
export function fillTemplate(t: Template, filler: string, index = -1): string {
  return renderWith(t, (i, p) => ((index < 0 || i === index) && fits(p, filler) ? filler : neutral(p)));
}

export function countWilds(t: Template): number {
  return countParts(t, 'wild');
}
