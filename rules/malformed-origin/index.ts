import type { CorsPolicy } from '../../src/model/types.js';
import { defineRule } from '../../src/rules/define-rule.js';
import { actorLabel, originSpan, provenanceNote } from '../../src/rules/library-effects.js';
import { originFormProblems, originHost, type OriginFormProblem } from '../../src/rules/origin-form.js';

export default defineRule({
  meta: {
    id: 'malformed-origin',
    docs: {
      description: 'An allowed origin that no browser will ever send (trailing slash, path, missing scheme, default port, uppercase, `*` inside a literal, several origins in one string), or a string where a list is wanted.',
      cwe: [942],
      securitySeverity: 5.3,
    },
    defaultSeverity: 'error',
    messages: {
      neverMatches:
        "Origin '{{origin}}' {{problem}}, so it never equals the Origin a browser sends and {{library}} never allows it{{suggestion}}{{startup}}{{provenance}}",
      djangoCheck:
        "Origin '{{origin}}' {{problem}}: django-cors-headers compares only scheme and host at run time, but its system check {{check}} rejects the setting, so manage.py commands such as runserver and migrate stop with an error{{suggestion}}{{provenance}}",
      substring:
        "allowed origins is the string '{{haystack}}', not a list: {{library}} then tests `origin in '{{haystack}}'`, a substring test that also admits {{witness}}{{provenance}}",
    },
  },
  check({ policies, report }) {
    for (const policy of policies) {
      for (const entry of policy.origins) {
        if (entry.kind === 'substring') {
          const witness = substringWitness(entry.haystack);
          if (!witness) continue;
          report({
            messageId: 'substring',
            data: { haystack: entry.haystack, library: actorLabel(policy), witness, provenance: provenanceNote(entry) },
            span: originSpan(policy, entry),
            witness,
            policy,
            fingerprintText: entry.haystack,
          });
          continue;
        }
        if (entry.kind !== 'exact') continue;
        const problems = relevantProblems(policy, entry.origin, entry.sentVerbatim === true);
        if (!problems.length) continue;
        const suggestion = problems.find((p) => p.suggestion)?.suggestion;
        const pathOnly = problems.every((p) => DJANGO_PATH_PARTS.includes(p.id));
        const djangoCheck = policy.library === 'django-cors-headers' && pathOnly;
        report({
          messageId: djangoCheck ? 'djangoCheck' : 'neverMatches',
          data: {
            origin: entry.origin,
            problem: problems.map((p) => p.problem).join(' and '),
            library: actorLabel(policy),
            check: 'corsheaders.E014',
            suggestion: suggestion && suggestion !== entry.origin ? ` (did you mean '${suggestion}'?)` : '',
            startup: policy.library === 'django-cors-headers' && problems.some((p) => p.id === 'no-scheme')
              ? "; django-cors-headers' system check corsheaders.E013 also rejects it"
              : '',
            provenance: provenanceNote(entry),
          },
          span: originSpan(policy, entry),
          policy,
          fingerprintText: entry.origin,
        });
      }
    }
  },
});

/** Parts django-cors-headers ignores at run time (it compares scheme and netloc) but its checks reject. */
const DJANGO_PATH_PARTS: string[] = ['trailing-slash', 'path', 'query', 'fragment'];

function relevantProblems(policy: CorsPolicy, origin: string, sentVerbatim: boolean): OriginFormProblem[] {
  return originFormProblems(origin).filter((p) => {
    // A verbatim header listing several origins is multiple-origin-values' finding.
    if (p.id === 'several' && sentVerbatim) return false;
    // nginx compares map keys without `~` case-insensitively.
    if (p.id === 'uppercase' && policy.library === 'nginx' && !sentVerbatim) return false;
    return true;
  });
}

/**
 * An origin an attacker can register that is a substring of the allowed string: the allowed
 * origin with its last host character dropped (`https://example.com` admits `https://example.co`).
 */
function substringWitness(haystack: string): string | undefined {
  const parsed = originHost(haystack);
  if (!parsed || parsed.port) {
    return haystack.length > 1 ? haystack.slice(0, -1) : undefined;
  }
  const origin = `${parsed.scheme}://${parsed.host}`;
  if (!haystack.includes(origin)) return undefined;
  const labels = parsed.host.split('.');
  const tld = labels.at(-1)!;
  for (let cut = 1; cut < tld.length; cut++) {
    const shorter = `${parsed.scheme}://${[...labels.slice(0, -1), tld.slice(0, tld.length - cut)].join('.')}`;
    if (tld.length - cut >= 2 && haystack.includes(shorter)) return shorter;
  }
  const hostPrefix = `${parsed.scheme}://${parsed.host.slice(0, -1)}`;
  return haystack.includes(hostPrefix) ? hostPrefix : undefined;
}
