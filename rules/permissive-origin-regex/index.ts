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
    messages: {
      permissive: '{{label}} {{pattern}} accepts {{witness}} ({{semantics}}): {{effect}}{{credentials}}{{provenance}}',
      unsupported: '{{label}} {{pattern}} was not analysed: {{reason}}',
      undecided: '{{label}} {{pattern}} could not be analysed in time: {{reason}}',
      invalid: '{{label}} {{pattern}} is not a valid pattern ({{reason}}): {{effect}}',
    },
    defaultOptions: { budgetMs: DEFAULT_BUDGET_MS },
  },
  check({ policies, options, report }) {
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
