import { defineRule } from '../../src/rules/define-rule.js';
import { libraryLabel, originSpan, provenanceNote } from '../../src/rules/library-effects.js';
import { acceptsEveryOrigin } from '../../src/rules/match-all.js';
import {
  analyzeOriginPattern,
  DEFAULT_BUDGET_MS,
  invalidPatternEffect,
  matchingSemantics,
  patternLabel,
  patternText,
  specOf,
  weaknessEffect,
} from '../../src/regex/index.js';
import { patternWording } from '../../src/regex/index.js';
import { fixOf, plainStringLiteral, type SourceReader } from '../../src/fix/source.js';
import type { CorsPolicy, Fix, OriginEntry } from '../../src/model/types.js';
import { tightenPattern } from './tighten.js';
import { compilePattern, intendedOrigins, PatternEvaluator, templatesOf, WILD } from '../../src/regex/index.js';

/** The same pattern often appears in many policies (nginx includes, shared settings): analyse it once. */
const verdicts = new Map<string, ReturnType<typeof analyzeOriginPattern>>();
function analyzeOnce(spec: Parameters<typeof analyzeOriginPattern>[0], budgetMs: number) {
  const key = JSON.stringify([spec.pattern, spec.flavor, spec.mode, spec.ignoreCase, spec.flags ?? '', budgetMs]);
  let verdict = verdicts.get(key);
  if (!verdict) {
    verdict = analyzeOriginPattern(spec, { budgetMs });
    if (verdicts.size > 2000) verdicts.clear();
    verdicts.set(key, verdict);
  }
  return verdict;
}

export interface Options {
  /** Time budget per pattern in milliseconds (all candidate tests together). */
  budgetMs: number;
}

export default defineRule<'permissive' | 'unsupported' | 'undecided' | 'invalid', Options>({
  meta: {
    id: 'permissive-origin-regex',
    docs: {
      description:
        'An origin pattern accepts origins its author did not mean; the finding carries a concrete origin the pattern accepts under the stack\'s own matching semantics.',
      cwe: [942, 346],
      securitySeverity: 8.1,
    },
    defaultSeverity: 'error',
    fixable: 'unsafe',
    messages: {
      permissive: '{{label}} {{pattern}} accepts {{witness}} ({{semantics}}): {{effect}}{{credentials}}{{provenance}}',
      unsupported: '{{label}} {{pattern}} was not analysed: {{reason}}',
      undecided: '{{label}} {{pattern}} could not be analysed in time: {{reason}}',
      invalid: '{{label}} {{pattern}} is not a valid pattern ({{reason}}): {{effect}}',
    },
    defaultOptions: { budgetMs: DEFAULT_BUDGET_MS },
  },
  check({ policies, options, report, source }) {
    for (const policy of policies) {
      for (const entry of policy.origins) {
        if (entry.kind !== 'regex') continue;
        // A pattern that accepts literally every origin is reflection; reflected-origin reports it.
        if (acceptsEveryOrigin(entry)) continue;
        const spec = specOf(entry);
        const verdict = analyzeOnce(spec, options.budgetMs);
        const common = patternWording(policy.library, { ...spec, writtenAs: entry.writtenAs });
        const span = originSpan(policy, entry);
        if (verdict.verdict === 'permissive') {
          report({
            messageId: 'permissive',
            data: {
              ...common,
              witness: verdict.witness,
              semantics: matchingSemantics({ ...spec, writtenAs: entry.writtenAs }, policy.library),
              effect: weaknessEffect(verdict.weakness, verdict.witness, verdict.intended),
              credentials: policy.credentials.value === true ? `, with credentials (${libraryLabel(policy)} sends Access-Control-Allow-Credentials: true)` : '',
              provenance: provenanceNote(entry),
            },
            span,
            witness: verdict.witness,
            policy,
            fingerprintText: `${spec.flavor}:${spec.mode}:${spec.pattern}`,
            fix: tightenFix(policy, entry, options.budgetMs, source),
          });
        } else if (verdict.verdict === 'invalid') {
          report({
            messageId: 'invalid',
            data: { ...common, reason: verdict.reason, effect: invalidPatternEffect(policy.library) },
            span,
            severity: 'note',
            policy,
            fingerprintText: `${spec.flavor}:${spec.mode}:${spec.pattern}`,
          });
        } else if (verdict.verdict === 'unsupported' || verdict.verdict === 'undecided') {
          report({
            messageId: verdict.verdict,
            data: { ...common, reason: verdict.reason },
            span,
            severity: 'note',
            policy,
            fingerprintText: `${spec.flavor}:${spec.mode}:${spec.pattern}`,
          });
        }
      }
    }
  },
});

/**
 * Unsafe: escaping dots and anchoring changes which origins are let in (that is the point), and the
 * author must check the result still admits every origin they need. Offered only when the tightened
 * pattern passes this rule's own analysis, and where the pattern is written verbatim: a JavaScript
 * RegExp literal, a Python string (made raw when backslashes are added), an nginx word.
 */
function tightenFix(policy: CorsPolicy, entry: OriginEntry & { kind: 'regex' }, budgetMs: number, source: SourceReader): Fix | undefined {
  if (entry.writtenAs) return undefined;
  const tightened = tightenPattern(entry.pattern, entry.mode);
  if (!tightened || analyzeOnce({ ...specOf(entry), pattern: tightened }, budgetMs).verdict !== 'safe' || !keepsIntended(entry, tightened)) return undefined;
  const span = entry.definedAt ?? entry.span;
  const text = span && source(span.file);
  const range = span && text?.range(span);
  if (!span || !text || !range) return undefined;
  const raw = text.text.slice(range.start, range.end);
  const description = `Tighten the pattern to ${tightened}`;
  if (raw === `/${entry.pattern}/${entry.flags ?? ''}`) {
    return fixOf('unsafe', description, [text.edit(range.start + 1, range.start + 1 + entry.pattern.length, tightened)]);
  }
  const literal = plainStringLiteral(text, span, entry.pattern);
  if (literal && policy.library === 'traefik') {
    if (literal.quote === '`') return undefined;
    // YAML and TOML: single quotes take backslashes as written, double quotes want them doubled.
    return fixOf('unsafe', description, [text.edit(literal.contentStart, literal.contentEnd, literal.quote === '"' ? tightened.replace(/\\/g, '\\\\') : tightened)]);
  }
  if (literal && policy.library !== 'nginx') {
    const python = entry.flavor === 'python';
    if (literal.prefix.toLowerCase() === 'r' || !tightened.includes('\\')) return fixOf('unsafe', description, [text.edit(literal.contentStart, literal.contentEnd, tightened)]);
    if (python && literal.prefix === '') return fixOf('unsafe', description, [text.edit(range.start, range.end, `r${literal.quote}${tightened}${literal.quote}`)]);
    if (!python) return fixOf('unsafe', description, [text.edit(literal.contentStart, literal.contentEnd, tightened.replace(/\\/g, '\\\\'))]);
    return undefined;
  }
  if (policy.library === 'nginx') {
    // A map key (`~*^https://...`), or the last word of an `if (... ~* pattern)` with its `)`.
    const at = raw.lastIndexOf(entry.pattern);
    const prefix = raw.slice(0, Math.max(0, at));
    const suffix = at >= 0 ? raw.slice(at + entry.pattern.length) : '';
    if (at >= 0 && (suffix === '' || suffix === ')') && /^~?\*?$/.test(prefix) && !/[\s;{}'"]/.test(tightened)) {
      return fixOf('unsafe', description, [text.edit(range.start + at, range.start + at + entry.pattern.length, tightened)]);
    }
  }
  return undefined;
}

/**
 * The tightened pattern still admits the origins the author named (each wildcard filled with `app`):
 * otherwise anchoring turned it into a pattern that admits nothing (`example\.com$` becomes
 * `^example\.com$`, which no Origin matches), and the right pattern is a human's choice.
 */
function keepsIntended(entry: OriginEntry & { kind: 'regex' }, tightened: string): boolean {
  const original = compilePattern(specOf(entry));
  const next = compilePattern({ ...specOf(entry), pattern: tightened });
  if (!original.ok || !next.ok) return false;
  const { templates } = templatesOf(original.compiled.ast, original.compiled.flags);
  const wanted = intendedOrigins(templates)
    .filter((i) => !i.isNull && i.scheme && i.host)
    .map((i) => `${i.scheme}://${i.host.split(WILD).join('app')}`);
  if (!wanted.length) return false;
  return new PatternEvaluator(next.compiled).acceptsAll(wanted).every((v) => v === true);
}
