import type { CorsPolicy, OriginEntry } from '../../src/model/types.js';
import { defineRule } from '../../src/rules/define-rule.js';
import { actorLabel, originSpan, provenanceNote } from '../../src/rules/library-effects.js';
import { acceptsEveryOrigin } from '../../src/rules/match-all.js';

export default defineRule({
  meta: {
    id: 'reflected-origin',
    docs: {
      description: 'The request Origin is echoed back without validation, so every website is trusted.',
      cwe: [346, 942],
      securitySeverity: 8.8,
    },
    defaultSeverity: 'warning',
    messages: {
      withCredentials:
        '{{what}}: {{library}} echoes any requesting Origin with Access-Control-Allow-Credentials: true, so every website can read authenticated responses{{provenance}}',
      withoutCredentials:
        '{{what}}: {{library}} echoes any requesting Origin, so every website can read these responses (without cookies){{provenance}}',
      chosenWithCredentials:
        '{{what}}: any website can send its own origin there, and {{library}} returns it with Access-Control-Allow-Credentials: true, so every website can read authenticated responses{{provenance}}',
      chosenWithoutCredentials:
        '{{what}}: any website can send its own origin there and {{library}} returns it, so every website can read these responses (without cookies){{provenance}}',
    },
  },
  check({ policies, report }) {
    for (const policy of policies) {
      for (const entry of policy.origins) {
        const what = describeReflection(policy, entry);
        if (!what) continue;
        const credentials = policy.credentials.value === true;
        const chosen = entry.kind === 'reflect' && entry.from !== undefined;
        report({
          messageId: chosen ? (credentials ? 'chosenWithCredentials' : 'chosenWithoutCredentials') : credentials ? 'withCredentials' : 'withoutCredentials',
          severity: credentials ? 'error' : 'warning',
          data: { what, library: actorLabel(policy), provenance: provenanceNote(entry) },
          span: originSpan(policy, entry),
          policy,
          fingerprintText: what,
        });
      }
    }
  },
});

/** A phrase naming the construct that reflects, or undefined when the entry does not reflect unconditionally. */
function describeReflection(policy: CorsPolicy, entry: OriginEntry): string | undefined {
  if (entry.kind === 'regex' && acceptsEveryOrigin(entry)) return `Origin pattern '${entry.pattern}' matches every origin`;
  if (entry.kind !== 'reflect' || entry.condition !== undefined) return undefined;
  if (entry.from !== undefined) {
    return `${policy.library === 'manual' ? 'Access-Control-Allow-Origin' : 'the origin option'} set to ${entry.from}, a value the caller chooses`;
  }
  switch (policy.library) {
    case 'flask-cors':
      return "Flask-CORS origins '*' without send_wildcard (its default)";
    case 'cors':
      return 'origin: true (or an origin function that accepts every origin)';
    case '@koa/cors':
      return "@koa/cors origin '*' (or unset) with credentials";
    case 'koa2-cors':
      return 'koa2-cors with origin unset (its default sends back the request Origin) or an origin function that accepts every origin';
    case 'nginx':
      return 'Access-Control-Allow-Origin $http_origin without an origin check';
    case 'manual':
      return 'Access-Control-Allow-Origin set to the request Origin without a check';
    default:
      return 'the allowed origin is the request Origin itself';
  }
}
