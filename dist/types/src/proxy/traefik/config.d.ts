import type { ProxyTarget, Span } from '../../model/types.js';
/** Traefik's provider namespaces (`name@docker`, `name@file`, `name@kubernetescrd`). */
export type Provider = 'docker' | 'file' | 'kubernetescrd';
/** One written value: a list (YAML sequence, TOML array), a scalar (a label, a YAML string) or a map. */
export type RawValue = {
    kind: 'list';
    span: Span;
    items: RawItem[];
} | {
    kind: 'scalar';
    span: Span;
    /** The value after interpolation; 'unknown' when it comes from somewhere the repository does not say. */
    text: string | 'unknown';
    why?: string;
    /** Where the value's first character is, when the value is written on one line exactly as `text` (labels). */
    valueAt?: {
        line: number;
        column: number;
    };
} | {
    kind: 'map';
    span: Span;
    entries: Array<{
        key: string;
        value: RawValue | undefined;
        span: Span;
    }>;
};
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
export declare function emptyConfig(): TraefikConfig;
/** A one-line span starting at a 1-based line and column. */
export declare function lineSpan(file: string, line: number, column: number, length: number): Span;
/** `http://api:8000/x` -> a ProxyTarget; undefined when it is not a URL. */
export declare function targetOfUrl(raw: string): ProxyTarget | undefined;
/** Hosts and the path prefix of a router rule: Host(`a`, `b`) && PathPrefix(`/api`). */
export declare function readRule(rule: string | undefined): {
    hosts?: string[];
    path?: string;
};
/** `cors@file` -> name cors, provider file. */
export declare function middlewareRef(raw: string, span: Span, namespace?: string): MiddlewareRef;
