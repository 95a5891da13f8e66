import { clearCovers } from '../../src/extract/nginx/blocks.js';
import { defineRule } from '../../src/rules/define-rule.js';
import { libraryLabel } from '../../src/rules/policy-facts.js';
import { acaoFields, firstOfPath, linkText, where } from '../../src/rules/path-probes.js';

export default defineRule({
  meta: {
    id: 'proxy-strips-cors-headers',
    docs: {
      description:
        'A proxy in front of an application removes the CORS headers the application sends (nginx proxy_hide_header, more_clear_headers, an ingress or Traefik rule) and adds none of its own, so every cross-origin request through it fails.',
      cwe: [16],
      securitySeverity: 2.0,
    },
    defaultSeverity: 'error',
    messages: {
      strips:
        '{{how}} in {{proxy}} removes the Access-Control-Allow-Origin that {{app}} sends ({{appAt}}), and the proxy adds none of its own: {{request}} from {{origin}} gets no Access-Control-Allow-Origin through the proxy, so the browser blocks every cross-origin request on this path though the application allows it ({{link}}). Remove the {{directive}} line, or let the proxy send the CORS headers itself.',
    },
  },
  check({ settings, report }) {
    for (const path of settings.paths ?? []) {
      if (!path.route.strips.length) continue;
      const found = firstOfPath(path, (probe) => probe.through.decidedBy === 'app' && acaoFields(probe.direct).length > 0 && acaoFields(probe.through).length === 0);
      if (found) {
        const { probe, more } = found;
        const strip = path.route.strips.find((s) => clearCovers(s.header, 'access-control-allow-origin')) ?? path.route.strips[0]!;
        report({
          messageId: 'strips',
          data: {
            how: strip.how,
            proxy: path.route.label,
            app: libraryLabel(probe.app),
            appAt: `${where(probe.app.originsSpan ?? probe.app.span)}${more}`,
            request: probe.kind === 'preflight' ? 'the preflight of a PUT' : 'a GET',
            origin: probe.origin,
            link: linkText(path),
            directive: strip.how.split(' ')[0]!,
          },
          span: strip.span,
          policy: probe.app,
          fingerprintText: `${path.route.label}\u0000${strip.how}`,
          relatedLocations: [
            { span: path.route.span, message: `forwards to ${path.route.targets.map((t) => t.raw).join(', ') || 'the application'}` },
            { span: probe.app.originsSpan ?? probe.app.span, message: `${libraryLabel(probe.app)} sends Access-Control-Allow-Origin` },
          ],
        });
      }
    }
  },
});
