// Kubernetes Services and the workloads they select, read only for linking an Ingress backend to
// the port its pods listen on (`port` -> `targetPort`, a named targetPort -> the container port).
import type { ContextFile } from '../environment/context-files.js';
import { entries, get, getPath, items, parseYaml, scalarText, type Node } from '../parse/yaml.js';

export interface KubeService {
  name: string;
  namespace?: string;
  /** Service port (number or name) -> the port the pods listen on, when stated as a number. */
  ports: Array<{ port?: number; name?: string; targetPort?: number | string }>;
  selector: Record<string, string>;
  file: string;
}

interface Workload {
  labels: Record<string, string>;
  containerPorts: Array<{ name?: string; port: number }>;
}

export interface KubeIndex {
  services: KubeService[];
  workloads: Workload[];
}

const MENTIONS = /^\s*kind:\s*["']?(?:Service|Deployment|StatefulSet|DaemonSet|Pod)\b/m;

export function readKubeIndex(files: readonly ContextFile[], io: { readText(abs: string): string | undefined; display(abs: string): string }): KubeIndex {
  const index: KubeIndex = { services: [], workloads: [] };
  for (const f of files) {
    if (f.kind !== 'yaml') continue;
    const text = io.readText(f.absPath);
    if (!text || !MENTIONS.test(text) || text.includes('{{')) continue;
    const yaml = parseYaml(text);
    if (yaml.error) continue;
    for (const doc of yaml.docs) {
      const kind = scalarText(get(doc, 'kind'));
      if (kind === 'Service') {
        const name = scalarText(getPath(doc, ['metadata', 'name']));
        if (!name) continue;
        index.services.push({
          name,
          namespace: scalarText(getPath(doc, ['metadata', 'namespace'])),
          ports: items(getPath(doc, ['spec', 'ports'])).map((p) => ({ port: num(get(p, 'port')), name: scalarText(get(p, 'name')), targetPort: num(get(p, 'targetPort')) ?? scalarText(get(p, 'targetPort')) })),
          selector: labels(getPath(doc, ['spec', 'selector'])),
          file: io.display(f.absPath),
        });
      } else if (kind && /^(?:Deployment|StatefulSet|DaemonSet|Pod)$/.test(kind)) {
        const pod = kind === 'Pod' ? doc : getPath(doc, ['spec', 'template']);
        const podLabels = labels(getPath(pod, ['metadata', 'labels']));
        const containerPorts = items(getPath(pod, ['spec', 'containers'])).flatMap((c) =>
          items(get(c, 'ports')).flatMap((p) => {
            const port = num(get(p, 'containerPort'));
            return port ? [{ port, name: scalarText(get(p, 'name')) }] : [];
          }),
        );
        index.workloads.push({ labels: podLabels, containerPorts });
      }
    }
  }
  return index;
}

/** The port the pods behind `service:port` listen on, with how that was found; undefined when the repository does not say. */
export function podPort(index: KubeIndex, service: string, port: number | string | undefined): { port: number; how: string } | undefined {
  const svc = index.services.find((s) => s.name === service);
  if (!svc) return undefined;
  const entry = svc.ports.find((p) => (typeof port === 'number' ? p.port === port : port !== undefined ? p.name === port : true)) ?? (svc.ports.length === 1 ? svc.ports[0] : undefined);
  if (!entry) return undefined;
  const target = entry.targetPort ?? entry.port;
  if (typeof target === 'number') return { port: target, how: `Service ${svc.name} (${svc.file}) sends port ${entry.port ?? port} to port ${target}` };
  if (typeof target !== 'string') return undefined;
  for (const w of index.workloads) {
    if (!Object.keys(svc.selector).length || !Object.entries(svc.selector).every(([k, v]) => w.labels[k] === v)) continue;
    const named = w.containerPorts.find((c) => c.name === target);
    if (named) return { port: named.port, how: `Service ${svc.name} (${svc.file}) sends port ${entry.port ?? port} to the pods' port ${target} (${named.port})` };
  }
  return undefined;
}

function num(node: Node | undefined): number | undefined {
  const text = scalarText(node);
  const n = Number(text);
  return text !== undefined && Number.isInteger(n) && n > 0 ? n : undefined;
}

function labels(node: Node | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { key, value } of entries(node)) {
    const v = scalarText(value);
    if (v !== undefined) out[key] = v;
  }
  return out;
}
