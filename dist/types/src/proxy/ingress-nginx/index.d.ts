import type { Diagnostic } from '../../model/types.js';
import type { ProxyReader, ProxyReading } from '../types.js';
import { type CorsAnnotation } from './annotations.js';
/** Cheap text test: only files that can hold an Ingress with ingress-nginx annotations are parsed. */
export declare function mayHoldIngress(text: string): boolean;
export declare const readIngressNginx: ProxyReader;
/** One file's Ingress objects; at most one diagnostic for the whole file. */
export declare function readFile(text: string, file: string, helmValues?: boolean): ProxyReading & {
    diagnostic?: Diagnostic;
};
export type { CorsAnnotation };
