// Traefik's dynamic configuration as cors-lint reads it, before it becomes the common model: the
// headers middlewares, routers and services of the three places a repository writes it (docker
// compose labels, the file provider's YAML/TOML, Kubernetes CRDs), each value with where it is written.
import type { ProxyTarget, Span } from '../../model/types.js';

/** Traefik's provider namespaces (`name@docker`, `name@file`, `name@kubernetescrd`). */
export type Provider = 'docker' | 'file' | 'kubernetescrd';

/** One written value: a list (YAML sequence, TOML array), a scalar (a label, a YAML string) or a map. */
export type RawValue =
  | { kind: 'list'; span: Span; items: RawItem[] }
  | {
      kind: 'scalar';
      span: Span;
      /** The value after interpolation; 'unknown' when it comes from somewhere the repository does not say. */
      text: string | 'unknown';
      why?: string;
      /** Where the value's first character is, when the value is written on one line exactly as `text` (labels). */
      valueAt?: { line: number; column: number };
    }
  | { kind: 'map'; span: Span; entries: Array<{ key: string; value: RawValue | undefined; span: Span }> };

export interface RawItem {
  text: string | 'unknown';
  why?: string;
  span: Span;
}

/** One option of a headers middleware, with its key as written. */
export interface RawOption {
  key: string;
  value: RawValue | undefined;
  span: Span;
}

export interface MiddlewareDef {
  name: string;
  provider: Provider;
  /** Kubernetes namespace of a Middleware object. */
  namespace?: string;
  /** Where the middleware is written (its name key, the CRD's metadata, its first label). */
  span: Span;
  /** Options under `headers`, by lowercase key (labels and the file provider match keys case-insensitively). */
  headers: Map<string, RawOption>;
  /** What the middleware definition says about itself that is not an option (compose service). */
  origin: string;
  /** The middleware is defined but Traefik will not build it (a decode error), with why. */
  rejected?: string;
  /** Keys are matched case-sensitively (Kubernetes objects are JSON, pruned by the CRD schema). */
  caseSensitive?: boolean;
  /** A `chain` middleware: the middlewares it runs, in order. */
  chain?: MiddlewareRef[];
}

export interface MiddlewareRef {
  /** As written, with any `@provider` suffix. */
  raw: string;
  name: string;
  provider?: string;
  namespace?: string;
  span: Span;
}

export interface RouterDef {
  name: string;
  provider: Provider;
  span: Span;
  /** `IngressRoute api route 0`, `router api (compose service web)`: how messages name it. */
  label: string;
  rule?: string;
  middlewares: MiddlewareRef[];
  /** The service named by the router (labels, file provider); CRD routes carry their targets. */
  service?: string;
  targets?: ProxyTarget[];
  /** Compose service whose labels define the router (its own container is the default service). */
  composeService?: string;
  namespace?: string;
}

export interface ServiceDef {
  name: string;
  provider: Provider;
  targets: ProxyTarget[];
}

export interface TraefikConfig {
  middlewares: MiddlewareDef[];
  routers: RouterDef[];
  services: ServiceDef[];
}

export function emptyConfig(): TraefikConfig {
  return { middlewares: [], routers: [], services: [] };
}

/** A one-line span starting at a 1-based line and column. */
export function lineSpan(file: string, line: number, column: number, length: number): Span {
  return { file, line, column, endLine: line, endColumn: column + Math.max(1, length) };
}

/** `http://api:8000/x` -> a ProxyTarget; undefined when it is not a URL. */
export function targetOfUrl(raw: string): ProxyTarget | undefined {
  const m = /^(https?|h2c):\/\/(\[[^\]]+\]|[^/:?#]+)(?::(\d+))?/i.exec(raw.trim());
  if (!m) return undefined;
  const scheme = m[1]!.toLowerCase() === 'https' ? 'https' : 'http';
  const port = m[3] ? Number.parseInt(m[3], 10) : undefined;
  return { raw, host: m[2]!, ...(port !== undefined ? { port } : {}), scheme };
}

/** Hosts and the path prefix of a router rule: Host(`a`, `b`) && PathPrefix(`/api`). */
export function readRule(rule: string | undefined): { hosts?: string[]; path?: string } {
  if (!rule) return {};
  const hosts: string[] = [];
  for (const m of rule.matchAll(/\bHost\s*\(([^)]*)\)/g)) {
    for (const h of m[1]!.matchAll(/[`"']([^`"']+)[`"']/g)) hosts.push(h[1]!);
  }
  const prefix = /\bPath(?:Prefix)?\s*\(\s*[`"']([^`"']+)[`"']/.exec(rule);
  return { ...(hosts.length ? { hosts } : {}), ...(prefix ? { path: prefix[1] } : {}) };
}

/** `cors@file` -> name cors, provider file. */
export function middlewareRef(raw: string, span: Span, namespace?: string): MiddlewareRef {
  const at = raw.lastIndexOf('@');
  const name = at > 0 ? raw.slice(0, at) : raw;
  return { raw, name, ...(at > 0 ? { provider: raw.slice(at + 1) } : {}), ...(namespace ? { namespace } : {}), span };
}
