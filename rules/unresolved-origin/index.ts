import { defineRule } from '../../src/rules/define-rule.js';
import { libraryLabel, originSpan } from '../../src/rules/library-effects.js';

export default defineRule({
  meta: {
    id: 'unresolved-origin',
    docs: {
      description: 'The allowed origins come from somewhere cors-lint cannot resolve (environment without default, a function, another module), so they were not checked.',
      cwe: [942],
      securitySeverity: 0.1,
    },
    defaultSeverity: 'note',
    offByDefault: true,
    messages: {
      unresolved: 'Allowed origins for {{library}} could not be resolved statically: {{why}}; the other origin rules did not check them',
    },
  },
  check({ policies, report }) {
    for (const policy of policies) {
      for (const entry of policy.origins) {
        if (entry.kind !== 'unknown') continue;
        report({
          messageId: 'unresolved',
          data: { library: libraryLabel(policy), why: entry.why },
          span: originSpan(policy, entry),
          policy,
          fingerprintText: entry.why,
        });
      }
    }
  },
});
