import { defineRule } from '../../src/rules/define-rule.js';
import { originSpan, provenanceNote } from '../../src/rules/library-effects.js';
import { isLoopbackHost, originHost } from '../../src/rules/origin-form.js';

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
    },
  },
  check({ policies, report }) {
    for (const policy of policies) {
      for (const entry of policy.origins) {
        if (entry.kind !== 'exact') continue;
        const parsed = originHost(entry.origin);
        if (!parsed || parsed.scheme !== 'http' || isLoopbackHost(parsed.host)) continue;
        const credentials = policy.credentials.value === true;
        report({
          messageId: 'insecure',
          severity: credentials ? 'error' : 'warning',
          data: {
            origin: entry.origin,
            host: parsed.host,
            credentials: credentials ? ' with the user\'s credentials' : '',
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
