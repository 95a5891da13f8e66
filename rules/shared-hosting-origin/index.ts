import { defineRule } from '../../src/rules/define-rule.js';
import { libraryLabel, originSpan, provenanceNote } from '../../src/rules/library-effects.js';
import type { CorsPolicy } from '../../src/model/types.js';
import {
  asOriginForSearch,
  countWilds,
  DEFAULT_BUDGET_MS,
  normalizeOrigin,
  parseSerializedOrigin,
  patternLabel,
  patternText,
  preparePattern,
  searchWitness,
  specOf,
  renderTemplate,
} from '../../src/regex/index.js';
import { patternWording } from '../../src/regex/index.js';
import { ATTACKER_FILLERS, attackerDeployable, isSharedRoot, SHARED_ORIGIN_PLAYGROUNDS, type SharedHosting } from './shared-hosting.js';

export interface Options {
  /** Time budget per pattern in milliseconds. */
  budgetMs: number;
}

/** Origins on ordinary registrable domains, not on any shared host. */
const GENERIC_ATTACKER_ORIGINS = ['https://cors-lint-attacker.com', 'https://evil.net', 'http://cors-lint-attacker.com'];

function where(shared: SharedHosting): string {
  return shared.kind === 'playground'
    ? `${shared.suffix} is a code playground where anyone can run their own page`
    : `${shared.suffix} is on the Public Suffix List's private section: anyone can deploy a site under it`;
}

function credentialsNote(policy: CorsPolicy): string {
  return policy.credentials.value === true ? `, including authenticated responses (${libraryLabel(policy)} sends Access-Control-Allow-Credentials: true)` : '';
}

export default defineRule<'pattern' | 'exact', Options>({
  meta: {
    id: 'shared-hosting-origin',
    docs: {
      description:
        'The policy trusts every subdomain of a domain where anyone can get a subdomain (a private public suffix such as vercel.app or github.io, or a code playground).',
      cwe: [942, 346],
      securitySeverity: 7.5,
    },
    defaultSeverity: 'error',
    messages: {
      pattern:
        '{{label}} {{pattern}} accepts {{witness}}: {{where}}, so an attacker who deploys there can read the responses{{credentials}}{{provenance}}',
      exact: "Trusted origin '{{origin}}': {{where}}, so an attacker's page there can read the responses{{credentials}}{{provenance}}",
    },
    defaultOptions: { budgetMs: DEFAULT_BUDGET_MS },
  },
  check({ policies, options, report }) {
    for (const policy of policies) {
      const severity = policy.credentials.value === true ? 'error' : 'warning';
      for (const entry of policy.origins) {
        const span = originSpan(policy, entry);
        if (entry.kind === 'exact') {
          const origin = normalizeOrigin(entry.origin);
          const parsed = origin ? parseSerializedOrigin(origin) : undefined;
          if (!parsed) continue;
          const shared = isSharedRoot(parsed.host);
          if (!shared) continue;
          report({
            messageId: 'exact',
            data: { origin: entry.origin, where: where(shared), credentials: credentialsNote(policy), provenance: provenanceNote(entry) },
            span,
            severity,
            witness: origin,
            policy,
            fingerprintText: origin,
          });
          continue;
        }
        if (entry.kind !== 'regex') continue;
        const spec = specOf(entry);
        const prepared = preparePattern(spec, { budgetMs: options.budgetMs });
        if ('unsupported' in prepared) continue; // permissive-origin-regex reports it as a note
        // A pattern that admits ordinary attacker domains is permissive-origin-regex's finding; shared
        // hosting is only the news when the pattern is otherwise tight.
        if (GENERIC_ATTACKER_ORIGINS.some((o) => prepared.evaluator.accepts(o) === true)) continue;
        const origins: string[] = [];
        for (const t of prepared.templates) {
          const wilds = countWilds(t);
          for (const filler of ATTACKER_FILLERS) {
            for (let j = -1; j < wilds; j++) {
              const o = asOriginForSearch(renderTemplate(t, filler, j), 'https', filler.replace(/^[-.]|[-.]$/g, ''));
              if (o) origins.push(o);
            }
          }
          // A pattern that does not start at the scheme (`\.vercel\.app$`) admits any name in front.
          const plain = renderTemplate(t, 'app');
          if (!plain.includes('://')) {
            for (const filler of ATTACKER_FILLERS) {
              const o = asOriginForSearch(`${filler.replace(/[-.]$/, '')}.${plain.replace(/^[./]+/, '')}`);
              if (o) origins.push(o);
            }
          }
        }
        for (const host of SHARED_ORIGIN_PLAYGROUNDS) origins.push(`https://${host}`);
        const found = searchWitness(
          prepared,
          (o) => {
            const p = parseSerializedOrigin(o);
            return p !== undefined && attackerDeployable(p.host) !== undefined;
          },
          [{ weakness: 'other', origins: [...new Set(origins)] }],
          false, // deployability is judged by the predicate (wildcard PSL rules such as *.replit.dev have no registrable domain)
        );
        if (found.kind !== 'found') continue;
        const shared = attackerDeployable(parseSerializedOrigin(found.origin)!.host)!;
        report({
          messageId: 'pattern',
          data: {
            ...patternWording(policy.library, { ...spec, writtenAs: entry.writtenAs }),
            witness: found.origin,
            where: where(shared),
            credentials: credentialsNote(policy),
            provenance: provenanceNote(entry),
          },
          span,
          severity,
          witness: found.origin,
          policy,
          fingerprintText: `${spec.flavor}:${spec.mode}:${spec.pattern}`,
        });
      }
    }
  },
});
