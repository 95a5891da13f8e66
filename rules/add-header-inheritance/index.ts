import type { DroppedHeaders, Span } from '../../src/model/types.js';
import { defineRule } from '../../src/rules/define-rule.js';

/** "server (line 4)", or "server (conf.d/site.conf:4)" when it is written in another file. */
function place(label: string, span: Span, relativeTo: Span): string {
  return span.file === relativeTo.file ? `${label} (line ${span.line})` : `${label} (${span.file}:${span.line})`;
}

function list(headers: string[]): string {
  return headers.join(', ');
}

export default defineRule({
  meta: {
    id: 'add-header-inheritance',
    docs: {
      description:
        'Nginx: CORS headers set at http/server/location level are silently dropped in a nested block that has any add_header of its own (including one inside if).',
      cwe: [16],
      securitySeverity: 2.0,
    },
    defaultSeverity: 'error',
    messages: {
      ownAddHeader:
        '{{block}} defines its own add_header, so the {{headers}} set in {{from}} {{verb}} not sent there: nginx inherits add_header only into blocks that have none of their own, and {{effect}}. Repeat the CORS headers in {{block}} (or include one shared CORS snippet in every block that uses add_header).',
      inheritOff:
        '{{block}} sets add_header_inherit off, so the {{headers}} set in {{from}} {{verb}} not sent there, and {{effect}}.',
    },
  },
  check({ policies, report }) {
    const seen = new Set<string>();
    for (const policy of policies) {
      if (policy.stack !== 'nginx') continue;
      for (const found of policy.droppedHeaders ?? []) {
        const drop = { ...found, headers: found.headers.filter((h) => mattersFor(h, found.answers)) };
        if (!drop.headers.length) continue;
        const key = `${drop.cause.file}:${drop.cause.line}:${drop.cause.column}:${drop.block.line}:${drop.headers.join(',')}`;
        if (seen.has(key)) continue;
        seen.add(key);
        report({
          messageId: isInheritOff(drop) ? 'inheritOff' : 'ownAddHeader',
          data: {
            block: drop.blockLabel,
            headers: list(drop.headers),
            verb: drop.headers.length === 1 ? 'is' : 'are',
            from: place(drop.fromLabel ?? 'the enclosing block', drop.from, drop.cause),
            effect: effect(drop),
          },
          span: drop.cause,
          policy,
          fingerprintText: `${drop.blockLabel}\u0000${drop.headers.join(',')}`,
        });
      }
    }
  },
});

/**
 * Headers the browser reads on the responses a block gives (Fetch standard): a preflight answer is
 * read for Allow-Origin/-Credentials/-Methods/-Headers/Max-Age; an actual response for
 * Allow-Origin/-Credentials/Expose-Headers. Other headers (Vary, non-CORS) count everywhere.
 */
const PREFLIGHT_ONLY = new Set(['access-control-allow-methods', 'access-control-allow-headers', 'access-control-max-age']);
const ACTUAL_ONLY = new Set(['access-control-expose-headers']);

function mattersFor(header: string, answers: 'preflight' | 'actual' | undefined): boolean {
  const name = header.toLowerCase();
  if (answers === 'preflight') return !ACTUAL_ONLY.has(name);
  if (answers === 'actual') return !PREFLIGHT_ONLY.has(name);
  return true;
}

function isInheritOff(drop: DroppedHeaders): boolean {
  return drop.causeDirective === 'add_header_inherit';
}

/** What the browser does without the lost headers. */
function effect(drop: DroppedHeaders): string {
  const lost = drop.headers.map((h) => h.toLowerCase());
  if (lost.includes('access-control-allow-origin')) return `cross-origin requests answered by ${drop.blockLabel} fail with a CORS error`;
  if (lost.includes('access-control-allow-credentials')) return `credentialed cross-origin requests (cookies, HTTP auth) answered by ${drop.blockLabel} fail with a CORS error`;
  if (lost.some((h) => h.startsWith('access-control-allow-'))) return `preflights answered by ${drop.blockLabel} no longer allow those methods or headers, so the browser blocks the real request`;
  return `the browser no longer gets them from ${drop.blockLabel}`;
}
