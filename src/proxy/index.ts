// Proxy layers read from the repository's context files (Ingress objects, Traefik configuration).
// lint() calls readProxyLayers() once, after the language scanners: the policies join the scanners'
// policies (so every origin rule judges them) and the routes go to src/paths with nginx's.
import { internalError } from '../model/diagnostics.js';
import type { ContextFile } from '../environment/context-files.js';
import { readTraefik } from './traefik/index.js';
import type { ProxyReadContext, ProxyReader, ProxyReading } from './types.js';
import { readIngressNginx } from './ingress-nginx/index.js';

/** The readers, one per proxy kind. */
export const PROXY_READERS: ReadonlyArray<{ name: string; read: ProxyReader }> = [
  { name: 'ingress-nginx', read: readIngressNginx },
  { name: 'Traefik', read: readTraefik },
];

/** A reader that fails costs its own results only: one internal-error diagnostic. */
export function readProxyLayers(files: readonly ContextFile[], context: ProxyReadContext, readers = PROXY_READERS): ProxyReading {
  const out: ProxyReading = { policies: [], routes: [] };
  if (!files.length) return out;
  for (const reader of readers) {
    try {
      const got = reader.read(files, context);
      out.policies.push(...got.policies);
      out.routes.push(...got.routes);
    } catch (error) {
      context.diagnostics.push(internalError('.', `reading ${reader.name} configuration`, error, true));
    }
  }
  return out;
}
