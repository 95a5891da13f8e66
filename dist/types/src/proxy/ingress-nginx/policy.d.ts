import type { CorsPolicy, Span } from '../../model/types.js';
import { type CorsAnnotation, type IngressCorsConfig } from './annotations.js';
export declare const CONTROLLER_VERSION = "controller-v1.15.1";
/** Where each annotation is written: the whole `key: value` line and the value alone. */
export interface AnnotationSpans {
    line(name: CorsAnnotation): Span | undefined;
    value(name: CorsAnnotation): Span | undefined;
    /** The annotation's value contains a Helm template expression. */
    templated(name: CorsAnnotation): boolean;
}
export declare const DEFAULT_TEXT: Record<CorsAnnotation, string>;
/** `label` names where the annotations are: `Ingress api`, `Helm values ingress`. */
export declare function ingressPolicy(label: string, config: IngressCorsConfig, spans: AnnotationSpans, enableSpan: Span): CorsPolicy;
