// No text makes the Ingress reader throw, hang, or report more than one diagnostic per file.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFile } from '../../src/proxy/ingress-nginx/index.js';

const PIECES = [
  'apiVersion: networking.k8s.io/v1\n',
  'kind: Ingress\n',
  'metadata:\n',
  '  name: a\n',
  '  annotations:\n',
  '    nginx.ingress.kubernetes.io/enable-cors: "true"\n',
  '    nginx.ingress.kubernetes.io/enable-cors: true\n',
  '    nginx.ingress.kubernetes.io/cors-allow-origin: "https://*.a.com, null, *"\n',
  '    nginx.ingress.kubernetes.io/cors-allow-credentials: [x]\n',
  '    nginx.ingress.kubernetes.io/cors-max-age: 1e99\n',
  '    nginx.ingress.kubernetes.io/configuration-snippet: |\n      more_clear_headers "Access-Control-*" {\n',
  'spec:\n',
  '  rules:\n',
  '    - host: {{ .Values.host }}\n',
  '      http:\n        paths:\n          - backend:\n              service: { name: s, port: { number: x } }\n',
  '{{- if .Values.x }}\n',
  '---\n',
  '&a [*a]\n',
  '  - : :\n',
  '"\n',
  '\t\n',
];

describe('ingress-nginx reader properties', () => {
  it('never throws and reports at most one diagnostic, whatever the file holds', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 12 })), { maxLength: 30 }), (parts) => {
        const started = Date.now();
        const got = readFile(parts.join(''), 'x.yaml');
        expect(Array.isArray(got.policies)).toBe(true);
        expect(Date.now() - started).toBeLessThan(2000);
      }),
      { numRuns: 400 },
    );
  });
});
