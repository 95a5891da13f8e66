import type { OriginMatcher } from '../../src/model/types.js';
import { defineRule } from '../../src/rules/define-rule.js';
import { originSpan, provenanceNote } from '../../src/rules/library-effects.js';
import { isLoopbackHost, originHost } from '../../src/rules/origin-form.js';
import { compilePattern, intendedOrigins, patternLabel, patternText, PatternEvaluator, specOf, templatesOf, WILD } from '../../src/regex/index.js';
import { patternWording } from '../../src/regex/index.js';

export default defineRule({
  meta: {
    id: 'insecure-origin-scheme',
    docs: {
      description: 'A plain http:// origin on a non-loopback host is trusted: anyone on the network path can inject script into that origin and use its access.',
      cwe: [319, 942],
      securitySeverity: 6.5,
    },
    defaultSeverity: 'warning',
    messages: {
      insecure:
        "Origin '{{origin}}' is plain http: anyone on the network path to {{host}} can inject script into that origin and read these responses{{credentials}}{{provenance}}",
      insecurePattern:
        "{{label}} {{pattern}} accepts the plain-http origin '{{origin}}': anyone on the network path to {{host}} can inject script into that origin and read these responses{{credentials}}{{provenance}}",
    },
  },
  check({ policies, report }) {
    for (const policy of policies) {
      const credentials = policy.credentials.value === true;
      const severity = credentials ? 'error' : 'warning';
      const withCredentials = credentials ? " with the user's credentials" : '';
      for (const entry of policy.origins) {
        if (entry.kind === 'regex') {
          const found = plainHttpOriginOf(entry);
          if (!found) continue;
          const spec = specOf(entry);
          report({
            messageId: 'insecurePattern',
            severity,
            data: {
              ...patternWording(policy.library, { ...spec, writtenAs: entry.writtenAs }),
              origin: found.origin,
              host: found.host,
              credentials: withCredentials,
              provenance: provenanceNote(entry),
            },
            span: originSpan(policy, entry),
            witness: found.origin,
            policy,
            fingerprintText: `${entry.pattern}\u0000${found.origin}`,
          });
          continue;
        }
        if (entry.kind !== 'exact') continue;
        const parsed = originHost(entry.origin);
        if (!parsed || parsed.scheme !== 'http' || isLoopbackHost(parsed.host)) continue;
        report({
          messageId: 'insecure',
          severity,
          data: {
            origin: entry.origin,
            host: parsed.host,
            credentials: withCredentials,
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

/**
 * A plain-http origin on a non-loopback host that the pattern's author meant to trust and that the
 * pattern really accepts (`^https?://(www\.)?example\.com$` -> http://example.com). Only hosts the
 * pattern spells out count; origins an attacker can choose freely are permissive-origin-regex's.
 */
function plainHttpOriginOf(entry: Extract<OriginMatcher, { kind: 'regex' }>): { origin: string; host: string } | undefined {
  const compiled = compilePattern(specOf(entry));
  if (!compiled.ok) return undefined;
  const { templates } = templatesOf(compiled.compiled.ast, compiled.compiled.flags);
  const evaluator = new PatternEvaluator(compiled.compiled);
  for (const intended of intendedOrigins(templates)) {
    if (intended.isNull || intended.scheme !== 'http') continue;
    // A wildcard host is tried with one ordinary label in place of each wildcard, under a real site.
    if (intended.host.includes(WILD) && intended.baseKind !== 'site') continue;
    const host = intended.host.split(WILD).join('app');
    if (!host || isLoopbackHost(host) || !/^[a-z0-9.-]+$/.test(host)) continue;
    for (const origin of [`http://${host}`, `http://${host}:8080`]) {
      if (evaluator.accepts(origin) === true) return { origin, host };
    }
  }
  return undefined;
}
