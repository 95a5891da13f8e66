import { defineRule } from '../../src/rules/define-rule.js';
import { libraryLabel, originSpan, provenanceNote } from '../../src/rules/library-effects.js';
import type { OriginEntry } from '../../src/model/types.js';
import { allowlistProbes, allows, parseAllowlist, type Allowlist } from '../../src/origin/allowlist.js';
import {
  candidateGroups,
  DEFAULT_BUDGET_MS,
  isAttackerReachable,
  isBrowserOrigin,
  matchingSemantics,
  normalizeOrigin,
  patternLabel,
  patternText,
  preparePattern,
  renderTemplate,
  asOriginForSearch,
  searchWitness,
  specOf,
} from '../../src/regex/index.js';
import { patternWording } from '../../src/regex/index.js';

export interface Options {
  /** Time budget per pattern in milliseconds. */
  budgetMs: number;
}

/** An origin no sensible allowlist contains, shown for policies that trust everything. */
const OUTSIDER = 'https://attacker-cors-lint.net';

export default defineRule<'exact' | 'every' | 'pattern' | 'substring' | 'unchecked', Options>({
  meta: {
    id: 'origin-not-allowed-by-policy',
    docs: {
      description:
        "A trusted origin (exact, reachable through a pattern, or every origin) falls outside the organisation's allowlist (allowedOrigins). Runs only when allowedOrigins is configured.",
      cwe: [942],
      securitySeverity: 6.5,
    },
    defaultSeverity: 'error',
    messages: {
      exact: "Origin '{{origin}}' is trusted by {{library}} but is not in allowedOrigins{{provenance}}",
      every: '{{library}} trusts {{what}}, so origins outside allowedOrigins such as {{witness}} can read the responses{{provenance}}',
      pattern: '{{label}} {{pattern}} accepts {{witness}} ({{semantics}}), which is not in allowedOrigins{{provenance}}',
      substring:
        "allow_origins is the string '{{haystack}}': Starlette tests `origin in string`, so it accepts {{witness}}, which is not in allowedOrigins{{provenance}}",
      unchecked: '{{label}} {{pattern}} could not be checked against allowedOrigins: {{reason}}',
    },
    defaultOptions: { budgetMs: DEFAULT_BUDGET_MS },
  },
  check({ policies, options, settings, report }) {
    if (settings.allowedOrigins === undefined) return;
    const allowlist = parseAllowlist(settings.allowedOrigins);
    const probes = allowlistProbes(allowlist);
    for (const policy of policies) {
      const library = libraryLabel(policy);
      for (const entry of policy.origins) {
        const span = originSpan(policy, entry);
        const provenance = provenanceNote(entry);
        const base = { span, policy };
        switch (entry.kind) {
          case 'exact': {
            const origin = normalizeOrigin(entry.origin);
            if (!origin || allows(allowlist, origin)) continue; // malformed ones are malformed-origin's
            report({ ...base, messageId: 'exact', data: { origin: entry.origin, library, provenance }, witness: origin, fingerprintText: origin });
            continue;
          }
          case 'null':
            if (allows(allowlist, 'null')) continue;
            report({ ...base, messageId: 'exact', data: { origin: 'null', library, provenance }, witness: 'null', fingerprintText: 'null' });
            continue;
          case 'any':
          case 'reflect': {
            const what = entry.kind === 'any' ? 'every origin (*)' : 'every origin (it echoes the request Origin)';
            report({ ...base, messageId: 'every', data: { library, what, witness: OUTSIDER, provenance }, witness: OUTSIDER, fingerprintText: entry.kind });
            continue;
          }
          case 'substring': {
            const witness = substringWitness(entry.haystack, allowlist);
            if (!witness) continue;
            report({ ...base, messageId: 'substring', data: { haystack: entry.haystack, witness, provenance }, witness, fingerprintText: entry.haystack });
            continue;
          }
          case 'regex':
            checkRegex(entry);
            continue;
          default:
            continue;
        }

        function checkRegex(regex: Extract<OriginEntry, { kind: 'regex' }>): void {
          const spec = specOf(regex);
          const common = patternWording(policy.library, { ...spec, writtenAs: regex.writtenAs });
          const prepared = preparePattern(spec, { budgetMs: options.budgetMs });
          if ('unsupported' in prepared) {
            if (prepared.invalid) return; // never matches anything (permissive-origin-regex explains why)
            report({ ...base, messageId: 'unchecked', data: { ...common, reason: prepared.unsupported }, severity: 'note', fingerprintText: spec.pattern });
            return;
          }
          const own: string[] = [];
          for (const t of prepared.templates) {
            for (const filler of ['app', 'attacker-cors-lint', 'www']) {
              const o = asOriginForSearch(renderTemplate(t, filler));
              if (o) own.push(o);
            }
          }
          const groups = [
            { weakness: 'other' as const, origins: [...own, ...probes] },
            ...candidateGroups(prepared.templates, prepared.intended),
          ];
          const found = searchWitness(prepared, (o) => !allows(allowlist, o), groups, false);
          if (found.kind === 'found') {
            report({
              ...base,
              messageId: 'pattern',
              data: { ...common, witness: found.origin, semantics: matchingSemantics({ ...spec, writtenAs: regex.writtenAs }, policy.library), provenance },
              witness: found.origin,
              fingerprintText: spec.pattern,
            });
          } else if (found.kind === 'undecided') {
            report({ ...base, messageId: 'unchecked', data: { ...common, reason: found.reason }, severity: 'note', fingerprintText: spec.pattern });
          }
        }
      }
    }
  },
});

/** A browser origin that is a substring of the string and not allowlisted (Starlette's `in` test). */
function substringWitness(haystack: string, allowlist: Allowlist): string | undefined {
  const text = haystack.slice(0, 2048);
  let fallback: string | undefined;
  for (let start = 0; start < text.length; start++) {
    if (!text.startsWith('http', start) && !text.startsWith('null', start)) continue;
    for (let end = text.length; end > start; end--) {
      const candidate = text.slice(start, end);
      if (!isBrowserOrigin(candidate) || allows(allowlist, candidate)) continue;
      if (isAttackerReachable(candidate)) return candidate;
      fallback ??= candidate;
    }
  }
  return fallback;
}
