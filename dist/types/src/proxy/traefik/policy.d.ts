import type { CorsPolicy, Span } from '../../model/types.js';
import { type MiddlewareDef } from './config.js';
/** The CORS options of dynamic.Headers, by the names the file provider and CRDs use. */
export declare const CORS_OPTIONS: readonly ["accessControlAllowOriginList", "accessControlAllowOriginListRegex", "accessControlAllowCredentials", "accessControlAllowMethods", "accessControlAllowHeaders", "accessControlExposeHeaders", "accessControlMaxAge", "addVaryHeader"];
export declare function hasCorsOptions(mw: MiddlewareDef): boolean;
/** customResponseHeaders entries on Access-Control-* (and Vary), with their values. */
export declare function corsResponseHeaders(mw: MiddlewareDef): Array<{
    name: string;
    value: string | 'unknown';
    span: Span;
}>;
/** The middleware's CORS policy, or undefined when it sets no CORS option and no Access-Control-* header. */
export declare function policyOf(mw: MiddlewareDef): CorsPolicy | undefined;
