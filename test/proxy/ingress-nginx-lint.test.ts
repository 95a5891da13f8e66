// Small repositories with an Ingress (and a Service and an app) through lint(): the findings.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint.js';
import { lintAndFix } from '../../src/fix/run-fix.js';
import { parseYaml } from '../../src/parse/yaml.js';
import { tempTree } from '../helpers/temp-tree.js';

const SERVICE = `---
apiVersion: v1
kind: Service
metadata:
  name: api
spec:
  selector: { app: api }
  ports:
    - port: 80
      targetPort: 8000
`;
const APP = `const express = require('express');\nconst app = express();\napp.get('/api/items', (req, res) => res.json([]));\napp.listen(8000);\n`;

function repo(annotations: Record<string, string>): string {
  const lines = Object.entries(annotations).map(([k, v]) => `    nginx.ingress.kubernetes.io/${k}: ${JSON.stringify(v)}`);
  const ingress = ['apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata:', '  name: api', '  annotations:', ...lines, 'spec:', '  ingressClassName: nginx', '  rules:', '    - host: api.example.com', '      http:', '        paths:', '          - path: /api', '            pathType: Prefix', '            backend:', '              service:', '                name: api', '                port:', '                  number: 80', ''].join('\n');
  return tempTree({ 'k8s/ingress.yaml': ingress + SERVICE, 'src/app.js': APP });
}

async function findings(annotations: Record<string, string>, config: object = {}) {
  const dir = repo(annotations);
  const result = await lint(['.'], { cwd: dir, config });
  return { dir, result, ids: result.findings.map((f) => f.ruleId).sort() };
}

describe('ingress-nginx Ingress objects through lint()', () => {
  it('enable-cors alone: * with credentials, pointed at enable-cors, naming the Ingress and the annotation', async () => {
    const { result, ids } = await findings({ 'enable-cors': 'true' });
    expect(ids).toEqual(['credentials-with-wildcard-origin']);
    const f = result.findings[0]!;
    expect(f.severity).toBe('error');
    expect(f.location).toMatchObject({ file: 'k8s/ingress.yaml', line: 6, column: 5 });
    expect(f.message).toContain('ingress-nginx (Ingress api) sends Access-Control-Allow-Origin: * together with Access-Control-Allow-Credentials: true');
    expect(f.message).toContain('nginx.ingress.kubernetes.io/cors-allow-origin');
    expect(result.policies.filter((p) => p.library === 'ingress-nginx')).toHaveLength(1);
    expect(result.diagnostics).toEqual([]);
    expect(result.stats.filesScanned).toBeGreaterThanOrEqual(1);
  });

  it('credentials off: the wildcard note', async () => {
    const { ids } = await findings({ 'enable-cors': 'true', 'cors-allow-credentials': 'false' });
    expect(ids).toEqual(['wildcard-origin']);
  });

  it('no finding for one explicit https origin with credentials', async () => {
    const { ids, result } = await findings({ 'enable-cors': 'true', 'cors-allow-origin': 'https://app.example.com', 'cors-allow-credentials': 'true' });
    expect(ids).toEqual([]);
    expect(result.policies[0]!.origins).toMatchObject([{ kind: 'exact', origin: 'https://app.example.com' }]);
  });

  it('a list of https origins: only the missing Vary (the template sends none)', async () => {
    const { ids, result } = await findings({ 'enable-cors': 'true', 'cors-allow-origin': 'https://app.example.com, https://admin.example.com' });
    expect(ids).toEqual(['missing-vary-origin']);
    expect(result.findings[0]!.message).toContain("more_set_headers 'Vary: Origin'");
  });

  it('a wildcard subdomain on a shared host: shared-hosting-origin with a deployable witness, no regex false alarm', async () => {
    const { ids, result } = await findings({ 'enable-cors': 'true', 'cors-allow-origin': 'https://app.example.com, https://*.vercel.app' });
    expect(ids).toEqual(['missing-vary-origin', 'shared-hosting-origin']);
    const shared = result.findings.find((f) => f.ruleId === 'shared-hosting-origin')!;
    expect(shared.message).toContain("cors-allow-origin entry 'https://*.vercel.app'");
    expect(shared.witness).toMatch(/^https:\/\/[a-z0-9-]+\.vercel\.app$/);
    expect(shared.location.line).toBe(7);
  });

  it('a wildcard subdomain of the own domain is no permissive regex, and origins outside the allowlist are named', async () => {
    const { ids, result } = await findings({ 'enable-cors': 'true', 'cors-allow-origin': 'https://*.example.com' }, { allowedOrigins: ['https://app.example.com'] });
    expect(ids).toEqual(['missing-vary-origin', 'origin-not-allowed-by-policy']);
    expect(result.findings.find((f) => f.ruleId === 'origin-not-allowed-by-policy')!.message).toContain("'https://*.example.com'");
  });

  it('a trailing slash makes the controller drop the whole list for *: the wildcard-with-credentials error and the rejected value', async () => {
    const { ids, result } = await findings({ 'enable-cors': 'true', 'cors-allow-origin': 'https://app.example.com/' });
    expect(ids).toEqual(['credentials-with-wildcard-origin', 'invalid-cors-option']);
    const invalid = result.findings.find((f) => f.ruleId === 'invalid-cors-option')!;
    expect(invalid.message).toContain("'https://app.example.com/' ends with a slash");
    expect(invalid.message).toContain("'*'");
    expect(result.findings.find((f) => f.ruleId === 'credentials-with-wildcard-origin')!.message).toContain('fallback');
    expect(result.findings.every((f) => !f.fix)).toBe(true);
  });

  it('an origin with the default port never matches: malformed-origin, and its fix edits the YAML correctly', async () => {
    const { dir, ids, result } = await findings({ 'enable-cors': 'true', 'cors-allow-origin': 'https://app.example.com:443' });
    expect(ids).toEqual(['malformed-origin']);
    expect(result.findings[0]!.message).toContain("ingress-nginx (Ingress api) never allows it (did you mean 'https://app.example.com'?)");
    const run = await lintAndFix(['.'], { cwd: dir, config: {} }, { unsafe: true, write: true });
    const text = fs.readFileSync(path.join(dir, 'k8s/ingress.yaml'), 'utf8');
    expect(text).toContain('nginx.ingress.kubernetes.io/cors-allow-origin: "https://app.example.com"\n');
    expect(parseYaml(text).error).toBeUndefined();
    expect(run.result.findings).toEqual([]);
  });

  it('null, plain http and an uppercase host: null-origin and insecure-origin-scheme, no malformed-origin (the test is case-insensitive)', async () => {
    const { ids } = await findings({ 'enable-cors': 'true', 'cors-allow-origin': 'null, http://partner.example.org, https://APP.example.com', 'cors-allow-credentials': 'true' });
    expect(ids).toEqual(['insecure-origin-scheme', 'missing-vary-origin', 'null-origin']);
  });

  it('Expose-Headers * with the default credentials: credentials-with-wildcard-headers; Allow-Headers * falls back to the default list', async () => {
    const { ids, result } = await findings({ 'enable-cors': 'true', 'cors-allow-origin': 'https://app.example.com', 'cors-expose-headers': '*', 'cors-allow-headers': '*' });
    expect(ids).toEqual(['credentials-with-wildcard-headers', 'invalid-cors-option']);
    expect(result.findings.find((f) => f.ruleId === 'credentials-with-wildcard-headers')!.location.line).toBe(8);
  });

  it('no rule offers a fix on an ingress policy except where it is a plain, checked replacement', async () => {
    const { result } = await findings({ 'enable-cors': 'true', 'cors-allow-origin': 'https://*.vercel.app, http://x.example.org, null', 'cors-allow-methods': '*', 'cors-max-age': 'x', 'cors-expose-headers': '*' });
    expect(result.findings.length).toBeGreaterThan(3);
    expect(result.findings.filter((f) => f.fix).map((f) => f.ruleId)).toEqual([]);
  });

  it('bad input: invalid YAML, a Helm template, a huge file, non-string values — no crash, at most one diagnostic each', async () => {
    const dir = tempTree({
      'broken.yaml': 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: [\n',
      'chart/templates/ingress.yaml': '{{- if .Values.ingress.enabled }}\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  annotations:\n    {{- toYaml .Values.ingress.annotations | nindent 4 }}\n  {{ bad: [\n{{- end }}\n',
      'huge.yaml': `kind: Ingress\n${'# x\n'.repeat(600_000)}`,
      'typed.yaml': 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: typed\n  annotations:\n    nginx.ingress.kubernetes.io/enable-cors: true\n    nginx.ingress.kubernetes.io/cors-max-age: 10\n',
    });
    const result = await lint(['.'], { cwd: dir, config: {} });
    const byFile = (file: string) => result.diagnostics.filter((d) => d.file === file);
    expect(byFile('broken.yaml')).toHaveLength(1);
    expect(byFile('broken.yaml')[0]!.kind).toBe('parse-error');
    expect(byFile('chart/templates/ingress.yaml')).toEqual([]);
    expect(byFile('huge.yaml').length).toBeLessThanOrEqual(1);
    expect(byFile('typed.yaml')).toHaveLength(1);
    expect(byFile('typed.yaml')[0]!.message).toContain('must be strings');
    expect(result.diagnostics.filter((d) => d.kind === 'internal-error')).toEqual([]);
    expect(result.findings.map((f) => f.ruleId)).toEqual(['credentials-with-wildcard-origin']);
  });

  it('a misspelled CORS annotation: invalid-cors-option names the real one, without a fix', async () => {
    const { ids, result } = await findings({ 'enable-cors': 'true', 'cors-allow-origins': 'https://app.example.com' });
    expect(ids).toEqual(['credentials-with-wildcard-origin', 'invalid-cors-option']);
    const f = result.findings.find((x) => x.ruleId === 'invalid-cors-option')!;
    expect(f.message).toContain('did you mean `nginx.ingress.kubernetes.io/cors-allow-origin`?');
    expect(f.message).toContain("its default, '*'");
    expect(f.fix).toBeUndefined();
  });
});
