import { defineRule } from '../../src/rules/define-rule.js';
import { libraryLabel } from '../../src/rules/policy-facts.js';
import type { InvalidOption } from '../../src/model/types.js';

/**
 * Options the CORS library does not have, or values of a type it does not take. The scanner states
 * what the library does with them (read from its source); this rule words it and names the nearest
 * real option. A layer that raises is worse than a broken policy: the application never serves.
 */
export default defineRule({
  meta: {
    id: 'invalid-cors-option',
    docs: {
      description: 'The CORS setup uses an option the library does not have, or a value of the wrong type, so it does not do what it says.',
      cwe: [942],
      securitySeverity: 5.3,
    },
    defaultSeverity: 'error',
    messages: {
      raises: '{{library}} has no option `{{name}}`{{suggestion}}: it raises {{error}} when the middleware is built, so the application never starts serving{{consequence}}',
      raisesType: '`{{name}}` {{detail}}: {{library}} raises {{error}} when the middleware is built, so the application never starts serving{{consequence}}',
      ignored: '{{library}} has no option `{{name}}`{{suggestion}}: it is silently ignored{{consequence}}',
      ignoredType: '`{{name}}` {{detail}}: {{library}} does not use it as written{{consequence}}',
    },
  },
  check({ policies, report }) {
    for (const policy of policies) {
      for (const option of policy.invalidOptions ?? []) {
        const wrongType = option.problem === 'wrong-type';
        report({
          messageId: option.effect === 'raises' ? (wrongType ? 'raisesType' : 'raises') : wrongType ? 'ignoredType' : 'ignored',
          data: {
            library: libraryLabel(policy),
            name: option.name,
            suggestion: option.suggestion ? ` (did you mean \`${option.suggestion}\`?)` : '',
            detail: option.detail ?? 'has a value of the wrong type',
            error: wrongType ? 'TypeError' : 'TypeError (unexpected keyword argument)',
            consequence: consequenceOf(option),
          },
          span: option.span,
          policy,
          fingerprintText: `${option.problem}:${option.name}`,
        });
      }
    }
  },
});

function consequenceOf(option: InvalidOption): string {
  if (option.consequence) return `; ${option.consequence}`;
  return option.effect === 'ignored' ? '; the library default applies instead' : '';
}
