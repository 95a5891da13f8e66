// Reading Ingress objects: which documents count, the policy's fields and spans, routes, snippets, bad input.
import { describe, expect, it } from 'vitest';
import { readFile, mayHoldIngress } from '../../src/proxy/ingress-nginx/index.js';

const INGRESS = (annotations: string, rest = '') => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: api
  namespace: shop
  annotations:
${annotations}
spec:
  rules:
    - host: api.example.com
      http:
        paths:
          - path: /v1
            pathType: Prefix
            backend:
              service:
                name: api-svc
                port:
                  number: 8000
${rest}`;

describe('ingress-nginx reader', () => {
  it('reads enable-cors into one policy with spans on the annotation lines', () => {
    const got = readFile(INGRESS('    nginx.ingress.kubernetes.io/enable-cors: "true"'), 'k8s/ingress.yaml');
    expect(got.policies).toHaveLength(1);
    const p = got.policies[0]!;
    expect(p).toMatchObject({ stack: 'ingress-nginx', library: 'ingress-nginx', scope: { kind: 'app', name: 'Ingress api' } });
    expect(p.origins).toMatchObject([{ kind: 'any' }]);
    expect(p.span).toMatchObject({ file: 'k8s/ingress.yaml', line: 7, column: 5 });
    expect(p.originsSpan?.line).toBe(7);
    expect(p.credentials).toMatchObject({ value: true, isDefault: true, span: { line: 7 } });
    expect(got.diagnostic).toBeUndefined();
  });

  it('points origins and credentials at their own annotations', () => {
    const got = readFile(
      INGRESS(
        [
          '    nginx.ingress.kubernetes.io/enable-cors: "true"',
          '    nginx.ingress.kubernetes.io/cors-allow-origin: "https://app.example.com, https://*.example.com, null"',
          '    nginx.ingress.kubernetes.io/cors-allow-credentials: "false"',
        ].join('\n'),
      ),
      'i.yaml',
    );
    const p = got.policies[0]!;
    expect(p.origins.map((o) => o.kind)).toEqual(['exact', 'regex', 'null']);
    expect(p.origins[1]).toMatchObject({ pattern: 'https://[A-Za-z0-9\\-]+\\.example\\.com$', flavor: 'pcre', mode: 'search', ignoreCase: true, writtenAs: 'https://*.example.com' });
    expect(p.originsSpan?.line).toBe(8);
    expect(p.origins[0]!.span).toMatchObject({ line: 8, column: 52 });
    expect(p.credentials).toMatchObject({ value: false, span: { line: 9 } });
  });

  it('makes no policy without enable-cors, but still the routes', () => {
    const got = readFile(INGRESS('    nginx.ingress.kubernetes.io/cors-allow-origin: "https://app.example.com"'), 'i.yaml');
    expect(got.policies).toEqual([]);
    expect(got.routes).toHaveLength(1);
    expect(got.routes[0]!.policy).toBeUndefined();
    expect(got.routes[0]!.answersPreflight).toBeUndefined();
  });

  it('turns every rule path into a route to its Service, with host, path, policy and the preflight answer', () => {
    const got = readFile(INGRESS('    nginx.ingress.kubernetes.io/enable-cors: "true"'), 'i.yaml');
    const r = got.routes[0]!;
    expect(r).toMatchObject({ stack: 'ingress-nginx', label: 'Ingress api host api.example.com path /v1', path: '/v1', hosts: ['api.example.com'] });
    expect(r.targets).toEqual([{ raw: 'api-svc:8000', host: 'api-svc', port: 8000, kubernetesService: { name: 'api-svc', port: 8000, namespace: 'shop' } }]);
    expect(r.span.line).toBe(17);
    expect(r.policy).toBe(got.policies[0]);
    expect(r.answersPreflight).toMatchObject({ status: 204, corsHeaders: true, span: { line: 7 } });
  });

  it('reads v1beta1 backends, named ports and default backends, and every document of the file', () => {
    const text = `apiVersion: extensions/v1beta1
kind: Ingress
metadata:
  name: old
spec:
  backend:
    serviceName: fallback
    servicePort: http
  rules:
    - http:
        paths:
          - path: /
            backend:
              serviceName: web
              servicePort: 80
---
apiVersion: v1
kind: Service
metadata:
  name: web
---
apiVersion: networking.k8s.io/v1beta1
kind: Ingress
metadata:
  name: second
  annotations:
    nginx.ingress.kubernetes.io/enable-cors: "true"
spec:
  rules:
    - http:
        paths:
          - backend:
              serviceName: api
              servicePort: 8080
---
apiVersion: example.com/v1
kind: Ingress
metadata:
  name: not-kubernetes
  annotations:
    nginx.ingress.kubernetes.io/enable-cors: "true"
`;
    const got = readFile(text, 'all.yaml');
    expect(got.routes.map((r) => [r.label, r.targets[0]!.raw])).toEqual([
      ['Ingress old default backend', 'fallback:http'],
      ['Ingress old path /', 'web:80'],
      ['Ingress second path /', 'api:8080'],
    ]);
    expect(got.policies.map((p) => p.scope.name)).toEqual(['Ingress second']);
  });

  it('reads Access-Control-* removals from snippets, with their lines in the YAML', () => {
    const got = readFile(
      INGRESS(
        [
          '    nginx.ingress.kubernetes.io/configuration-snippet: |',
          '      more_clear_headers "Access-Control-*";',
          '      proxy_hide_header Access-Control-Allow-Origin;',
          '      more_set_headers "X-Frame-Options: DENY";',
          "      more_set_headers -s 404 'Access-Control-Allow-Credentials:';",
          '    nginx.ingress.kubernetes.io/server-snippet: "proxy_hide_header Access-Control-Allow-Credentials;"',
        ].join('\n'),
      ),
      'i.yaml',
    );
    const strips = got.routes[0]!.strips;
    expect(strips.map((s) => [s.header, s.span.line, s.how])).toEqual([
      ['access-control-*', 8, 'more_clear_headers in configuration-snippet'],
      ['access-control-allow-origin', 9, 'proxy_hide_header in configuration-snippet'],
      ['access-control-allow-credentials', 11, 'more_set_headers in configuration-snippet (empty value: removed)'],
      ['access-control-allow-credentials', 12, 'proxy_hide_header in server-snippet'],
    ]);
    expect(strips[1]!.span.column).toBe(7);
  });

  it('reports invalid YAML once for a plain manifest and stays quiet for a Helm template', () => {
    const broken = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: [oops\n  annotations:\n    a: "b\n';
    const plain = readFile(broken, 'bad.yaml');
    expect(plain.policies).toEqual([]);
    expect(plain.diagnostic).toMatchObject({ kind: 'parse-error', file: 'bad.yaml' });
    const helm = readFile(`{{- if .Values.ingress.enabled }}\n${broken}{{ end }}\n  {{ toYaml .Values.x | indent 2 }: [\n`, 'templates/ingress.yaml');
    expect(helm.diagnostic).toBeUndefined();
    expect(helm.policies).toEqual([]);
  });

  it('reads a Helm template that parses, with templated annotations left unknown', () => {
    const text = `{{- if .Values.ingress.enabled }}
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: {{ include "app.fullname" . }}
  annotations:
    nginx.ingress.kubernetes.io/enable-cors: "true"
    nginx.ingress.kubernetes.io/cors-allow-origin: {{ .Values.corsOrigin | quote }}
spec:
  rules:
    - http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: {{ include "app.fullname" . }}
                port:
                  number: 80
{{- end }}
`;
    const got = readFile(text, 'templates/ingress.yaml');
    expect(got.diagnostic).toBeUndefined();
    expect(got.policies).toHaveLength(1);
    expect(got.policies[0]!.origins).toMatchObject([{ kind: 'unknown' }]);
    expect(got.routes).toEqual([]);
  });

  it('reads non-string annotation values as written and says once that Kubernetes rejects them', () => {
    const got = readFile(
      INGRESS(['    nginx.ingress.kubernetes.io/enable-cors: true', '    nginx.ingress.kubernetes.io/cors-max-age: 600', '    nginx.ingress.kubernetes.io/cors-allow-methods: [GET]', '    nginx.ingress.kubernetes.io/cors-allow-headers:'].join('\n')),
      'i.yaml',
    );
    expect(got.policies).toHaveLength(1);
    expect(got.policies[0]!.maxAge.value).toBe(600);
    expect(got.diagnostic?.kind).toBe('parse-error');
    expect(got.diagnostic?.message).toMatch(/enable-cors is the YAML boolean true.*must be strings.*\(and 3 more\)/);
  });

  it('never throws on odd shapes', () => {
    for (const text of ['kind: Ingress\n', 'kind: Ingress\nmetadata: 5\nspec: [1]\n', 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  annotations: [a]\nspec:\n  rules: {a: 1}\n', '---\n---\n', 'kind: Ingress\n'.repeat(2) + ': :\n']) {
      expect(() => readFile(text, 'x.yaml')).not.toThrow();
    }
  });

  it('prefilters on kind: Ingress or the annotation prefix', () => {
    expect(mayHoldIngress('kind: Deployment\n')).toBe(false);
    expect(mayHoldIngress('- kind: "Ingress"\n')).toBe(true);
    expect(mayHoldIngress('annotations:\n  nginx.ingress.kubernetes.io/enable-cors: "true"')).toBe(true);
    expect(mayHoldIngress('kind: IngressClass\n')).toBe(false);
  });

  it('reads a chart values file: ingress.annotations become one policy, without routes', () => {
    const text = `replicaCount: 2
api:
  ingress:
    enabled: true
    className: nginx
    annotations:
      nginx.ingress.kubernetes.io/enable-cors: "true"
      nginx.ingress.kubernetes.io/cors-allow-origin: "https://app.example.com"
    hosts:
      - host: api.example.com
web:
  ingress:
    className: traefik
    annotations:
      nginx.ingress.kubernetes.io/enable-cors: "true"
`;
    const got = readFile(text, 'chart/values.yaml', true);
    expect(got.policies.map((p) => p.scope.name)).toEqual(['Helm values api.ingress']);
    expect(got.policies[0]!.origins).toMatchObject([{ kind: 'exact', origin: 'https://app.example.com', span: { line: 8 } }]);
    expect(got.routes).toEqual([]);
    expect(readFile(text, 'chart/other.yaml', false).policies).toEqual([]);
  });
});
