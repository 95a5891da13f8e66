// Traefik's Kubernetes CRDs (traefik.io/v1alpha1, and traefik.containo.us/v1alpha1 before v3):
// `Middleware` objects with `spec.headers`, and `IngressRoute` routes with their middlewares and
// Kubernetes Service backends. Objects are JSON to the API server, so keys match exactly (the CRD's
// structural schema prunes keys it does not know).
import type { ProxyTarget } from '../../model/types.js';
import { middlewareRef, type TraefikConfig } from './config.js';
import { headerOptions } from './file-provider.js';
import type { ConfNode } from './tree.js';

const API_GROUP = /^traefik\.(?:io|containo\.us)\/v1alpha1$/;

export function isTraefikObject(doc: ConfNode): boolean {
  return API_GROUP.test(doc.get('apiVersion', true)?.text() ?? '');
}

export function readCrd(doc: ConfNode, config: TraefikConfig): void {
  if (!isTraefikObject(doc)) return;
  const kind = doc.get('kind', true)?.text();
  const metadata = doc.get('metadata', true);
  const name = metadata?.get('name', true)?.text();
  if (!name) return;
  const namespace = metadata?.get('namespace', true)?.text() ?? 'default';
  const spec = doc.get('spec', true);
  if (kind === 'Middleware') {
    const chain = spec?.get('chain', true)?.get('middlewares', true);
    if (chain) {
      const refs = chain.items().flatMap((m) => {
        const ref = m.get('name', true);
        return ref?.text() ? [middlewareRef(ref.text()!, ref.span, m.get('namespace', true)?.text() ?? namespace)] : [];
      });
      config.middlewares.push({ name, provider: 'kubernetescrd', namespace, span: metadata!.get('name', true)!.span, headers: new Map(), origin: `Middleware ${namespace}/${name}`, caseSensitive: true, chain: refs });
    }
    const headers = spec?.get('headers', true);
    if (!headers) return;
    config.middlewares.push({
      name,
      provider: 'kubernetescrd',
      namespace,
      span: metadata!.get('name', true)!.span,
      headers: headerOptions(headers, true),
      origin: `Middleware ${namespace}/${name}`,
      caseSensitive: true,
    });
    return;
  }
  if (kind !== 'IngressRoute') return;
  spec?.get('routes', true)?.items().forEach((route, index) => {
    const match = route.get('match', true);
    const refs = (route.get('middlewares', true)?.items() ?? []).flatMap((m) => {
      const ref = m.get('name', true);
      const text = ref?.text();
      return text ? [middlewareRef(text, ref!.span, m.get('namespace', true)?.text() ?? namespace)] : [];
    });
    const targets: ProxyTarget[] = (route.get('services', true)?.items() ?? []).flatMap((s) => {
      const svc = s.get('name', true)?.text();
      if (!svc || (s.get('kind', true)?.text() ?? 'Service') !== 'Service') return [];
      const portText = s.get('port', true)?.text();
      const port = portText && /^\d+$/.test(portText) ? Number.parseInt(portText, 10) : portText;
      const ns = s.get('namespace', true)?.text() ?? namespace;
      return [{
        raw: portText ? `${svc}:${portText}` : svc,
        host: svc,
        ...(typeof port === 'number' ? { port } : {}),
        kubernetesService: { name: svc, ...(port !== undefined ? { port } : {}), namespace: ns },
      }];
    });
    config.routers.push({
      name: `${name}#${index}`,
      provider: 'kubernetescrd',
      span: match?.span ?? route.span,
      label: `Traefik IngressRoute ${name} route ${match?.text() ?? index}`,
      ...(match?.text() !== undefined ? { rule: match!.text() } : {}),
      middlewares: refs,
      targets,
      namespace,
    });
  });
}
