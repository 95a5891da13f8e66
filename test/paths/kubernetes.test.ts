// An Ingress in front of an application: linked through its Service to the port the pods listen on.
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint.js';
import { tempTree } from '../helpers/temp-tree.js';

const APP = `from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
import uvicorn

app = FastAPI()
app.add_middleware(CORSMiddleware, allow_origins=["https://app.example.com"], allow_methods=["*"], allow_headers=["*"])

if __name__ == "__main__":
    uvicorn.run(app, host="0.0.0.0", port=8000)
`;

const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: api
spec:
  selector:
    app: api
  ports:
    - name: http
      port: 80
      targetPort: web
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  selector:
    matchLabels:
      app: api
  template:
    metadata:
      labels:
        app: api
    spec:
      containers:
        - name: api
          image: example/api:1
          ports:
            - name: web
              containerPort: 8000
`;

const ingress = (annotations: string) => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: api
  annotations:
${annotations}
spec:
  ingressClassName: nginx
  rules:
    - host: api.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: api
                port:
                  number: 80
`;

async function run(files: Record<string, string>) {
  const result = await lint(['.'], { cwd: tempTree(files) });
  expect(result.diagnostics).toEqual([]);
  return result;
}

describe('an Ingress in front of an application', () => {
  it('links Ingress -> Service -> the workload\'s named port -> the port the app listens on', async () => {
    const result = await run({ 'k8s/ingress.yaml': ingress('    nginx.ingress.kubernetes.io/proxy-body-size: 8m'), 'k8s/api.yaml': SERVICE, 'main.py': APP });
    expect(result.paths?.map((p) => [p.linked, p.apps.map((a) => a.span.file), p.how])).toEqual([
      [true, ['main.py'], "Service api:80: Service api (k8s/api.yaml) sends port 80 to the pods' port web (8000), port 8000 in main.py"],
    ]);
    expect(result.findings).toEqual([]);
  });

  it('a configuration-snippet that clears the CORS headers the app sends: proxy-strips-cors-headers', async () => {
    const result = await run({
      'k8s/ingress.yaml': ingress("    nginx.ingress.kubernetes.io/configuration-snippet: |\n      more_clear_headers 'Access-Control-*';"),
      'k8s/api.yaml': SERVICE,
      'main.py': APP,
    });
    const found = result.findings.filter((f) => f.ruleId === 'proxy-strips-cors-headers');
    expect(found.map((f) => f.location.file)).toEqual(['k8s/ingress.yaml']);
    expect(found[0]!.message).toContain('linked by Service api:80');
  });

  it('enable-cors with the app\'s origin: the controller replaces the app\'s header, one value, no duplicate-layers finding', async () => {
    const result = await run({
      'k8s/ingress.yaml': ingress('    nginx.ingress.kubernetes.io/enable-cors: "true"\n    nginx.ingress.kubernetes.io/cors-allow-origin: "https://app.example.com"\n    nginx.ingress.kubernetes.io/cors-allow-credentials: "false"'),
      'k8s/api.yaml': SERVICE,
      'main.py': APP,
    });
    expect(result.findings.filter((f) => ['duplicate-cors-layers', 'proxy-strips-cors-headers', 'preflight-not-handled'].includes(f.ruleId))).toEqual([]);
    expect(result.paths?.[0]?.route.policy?.stack).toBe('ingress-nginx');
  });
});
