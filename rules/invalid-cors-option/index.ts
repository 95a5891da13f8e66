import { defineRule } from '../../src/rules/define-rule.js';
import { libraryLabel } from '../../src/rules/policy-facts.js';
import type { Fix, InvalidOption } from '../../src/model/types.js';
import { fixOf, type SourceReader } from '../../src/fix/source.js';

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
    fixable: 'unsafe',
    messages: {
      raises: '{{library}} has no option `{{name}}`{{suggestion}}: it raises {{error}} when the middleware is built, so the application never starts serving{{consequence}}',
      raisesType: '`{{name}}` {{detail}}: {{library}} raises {{error}} when the middleware is built, so the application never starts serving{{consequence}}',
      ignored: '{{library}} has no option `{{name}}`{{suggestion}}: it is silently ignored{{consequence}}',
      ignoredType: '`{{name}}` {{detail}}: {{library}} does not use it as written{{consequence}}',
      proxyRejects: '{{library}}: Traefik has no headers option `{{name}}`{{suggestion}}; {{consequence}}',
      proxyRejectsType: '{{library}}: `{{name}}` {{detail}}; {{consequence}}',
    },
  },
  check({ policies, report, source }) {
    for (const policy of policies) {
      for (const option of policy.invalidOptions ?? []) {
        const wrongType = option.problem === 'wrong-type';
        // A proxy layer does not raise: it refuses the configuration, and the scanner says what that costs.
        const proxy = policy.library === 'traefik' && option.effect === 'raises';
        report({
          messageId: proxy ? (wrongType ? 'proxyRejectsType' : 'proxyRejects') : option.effect === 'raises' ? (wrongType ? 'raisesType' : 'raises') : wrongType ? 'ignoredType' : 'ignored',
          data: {
            library: libraryLabel(policy),
            name: option.name,
            suggestion: option.suggestion ? ` (did you mean \`${option.suggestion}\`?)` : '',
            detail: option.detail ?? 'has a value of the wrong type',
            error: wrongType ? 'TypeError' : 'TypeError (unexpected keyword argument)',
            consequence: proxy ? (option.consequence ?? 'Traefik refuses the configuration') : consequenceOf(option),
          },
          span: option.span,
          policy,
          fingerprintText: `${option.problem}:${option.name}`,
          // Traefik: the right option often takes another shape (a list, not one string), so no rename is offered.
          fix: policy.library === 'traefik' ? undefined : renameFix(option, source),
        });
      }
    }
  },
});

function consequenceOf(option: InvalidOption): string {
  if (option.consequence) return `; ${option.consequence}`;
  return option.effect === 'ignored' ? '; the library default applies instead' : '';
}

/**
 * Renames an unknown option to the real one it is a typo of. Unsafe: the option starts to act (an
 * ignored `origins:` list becomes the policy, Starlette starts serving), which is the point but changes
 * behaviour. Not offered when the real option is written anywhere in the file (the rename could repeat
 * it).
 */
function renameFix(option: InvalidOption, source: SourceReader): Fix | undefined {
  const suggestion = option.suggestion;
  if (option.problem !== 'unknown-option' || !suggestion || !/^[A-Za-z_$][\w$]*$/.test(suggestion)) return undefined;
  const text = source(option.span.file);
  const range = text?.range(option.span);
  if (!text || !range) return undefined;
  // The whole file, not only the CORS call: options may be built in a variable, settings are module-wide.
  const setup = text.text;
  if (new RegExp(`(^|[^\\w$])['"]?${escapeRegExp(suggestion)}['"]?\\s*[=:]`).test(setup)) return undefined;
  const description = `Rename \`${option.name}\` to \`${suggestion}\``;
  // The span is the name, or the whole `name=value` / `name: value` / `'name': value`.
  const raw = text.text.slice(range.start, range.end);
  const written = new RegExp(`^(['"]?)${escapeRegExp(option.name)}\\1(?![\\w$])`).exec(raw);
  if (!written) return undefined;
  const start = range.start + written[1]!.length;
  return fixOf('unsafe', description, [text.edit(start, start + option.name.length, suggestion)]);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
