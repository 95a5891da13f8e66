import { defineRule } from '../../src/rules/define-rule.js';
import { actorLabel, originSpan, provenanceNote, starletteEchoCondition, traefikEchoCondition, wildcardWithCredentialsEffect } from '../../src/rules/library-effects.js';

export default defineRule({
  meta: {
    id: 'credentials-with-wildcard-origin',
    docs: {
      description: 'A wildcard origin (*) together with credentials: either every site can read authenticated responses, or credentialed requests silently fail.',
      cwe: [942],
      securitySeverity: 9.1,
    },
    defaultSeverity: 'error',
    messages: {
      echo:
        '{{what}} with credentials: {{library}} answers with the requesting Origin and Access-Control-Allow-Credentials: true {{when}}, so every website can read authenticated responses{{provenance}}',
      literalWithoutCredentialsHeader:
        "{{what}} with credentials: {{library}} sends Access-Control-Allow-Origin: * (it answers preflights with Access-Control-Allow-Credentials: true and removes that header from other responses), and a browser accepts '*' for no credentialed request, so every credentialed cross-origin request fails{{provenance}}",
      literal:
        '{{what}} with credentials: {{library}} sends Access-Control-Allow-Origin: * together with Access-Control-Allow-Credentials: true, which browsers refuse, so every credentialed cross-origin request fails{{provenance}}',
      startupError:
        '{{what}} with supports_credentials=True: Flask-CORS raises ValueError at start-up for send_wildcard with credentials{{provenance}}',
    },
  },
  check({ policies, report }) {
    for (const policy of policies) {
      if (policy.credentials.value !== true) continue;
      for (const entry of policy.origins) {
        if (entry.kind !== 'any') continue;
        const effect = wildcardWithCredentialsEffect(policy);
        const literal = policy.library === 'koa2-cors' ? 'literalWithoutCredentialsHeader' : 'literal';
        const messageId = effect === 'echo' ? 'echo' : effect === 'literal' ? literal : 'startupError';
        report({
          messageId,
          data: {
            what: "Origin '*'",
            library: actorLabel(policy),
            when: policy.library === 'starlette' ? starletteEchoCondition(policy) : policy.library === 'traefik' ? traefikEchoCondition(policy) : 'for every request',
            provenance: provenanceNote(entry),
          },
          span: originSpan(policy, entry),
          policy,
          fingerprintText: `${policy.library}:*`,
        });
      }
    }
  },
});
