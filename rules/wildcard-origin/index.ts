import { defineRule } from '../../src/rules/define-rule.js';
import { actorLabel, originSpan, provenanceNote } from '../../src/rules/library-effects.js';

export default defineRule({
  meta: {
    id: 'wildcard-origin',
    docs: {
      description: 'Every origin may read responses (Access-Control-Allow-Origin: *) without credentials: fine for public data, reported so it is a conscious choice.',
      cwe: [942],
      securitySeverity: 3.1,
    },
    defaultSeverity: 'note',
    messages: {
      wildcard:
        "Origin '*': {{library}} lets every website read these responses (without cookies); make sure they hold only public data{{provenance}}",
    },
  },
  check({ policies, report }) {
    for (const policy of policies) {
      if (policy.credentials.value === true) continue; // credentials-with-wildcard-origin reports that case
      for (const entry of policy.origins) {
        if (entry.kind !== 'any') continue;
        report({
          messageId: 'wildcard',
          data: { library: actorLabel(policy), provenance: provenanceNote(entry) },
          span: originSpan(policy, entry),
          policy,
          fingerprintText: '*',
        });
      }
    }
  },
});
