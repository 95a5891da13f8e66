import { defineRule } from '../../src/rules/define-rule.js';
import { libraryLabel, originSpan, provenanceNote } from '../../src/rules/library-effects.js';

export default defineRule({
  meta: {
    id: 'null-origin',
    docs: {
      description: 'The origin "null" is trusted; sandboxed iframes, data: and file: pages send it, so any attacker can.',
      cwe: [346],
      securitySeverity: 8.1,
    },
    defaultSeverity: 'error',
    messages: {
      trusted:
        "Origin 'null' is trusted by {{library}}: any page can send Origin: null from a sandboxed iframe or a data: URL and read the responses{{credentials}}{{provenance}}",
    },
  },
  check({ policies, report }) {
    for (const policy of policies) {
      for (const entry of policy.origins) {
        const isNull = entry.kind === 'null' || (entry.kind === 'exact' && entry.origin.trim().toLowerCase() === 'null');
        if (!isNull) continue;
        report({
          messageId: 'trusted',
          data: {
            library: libraryLabel(policy),
            credentials: policy.credentials.value === true ? ', including authenticated ones' : '',
            provenance: provenanceNote(entry),
          },
          span: originSpan(policy, entry),
          policy,
          fingerprintText: 'null',
        });
      }
    }
  },
});
