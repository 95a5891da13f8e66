export declare const ANNOTATION_PREFIX = "nginx.ingress.kubernetes.io/";
export declare const DEFAULT_METHODS = "GET, PUT, POST, DELETE, PATCH, OPTIONS";
export declare const DEFAULT_HEADERS = "DNT,Keep-Alive,User-Agent,X-Requested-With,If-Modified-Since,Cache-Control,Content-Type,Range,Authorization";
export declare const DEFAULT_MAX_AGE = 1728000;
export declare const CORS_ANNOTATIONS: readonly ["enable-cors", "cors-allow-origin", "cors-allow-credentials", "cors-allow-methods", "cors-allow-headers", "cors-expose-headers", "cors-max-age"];
export type CorsAnnotation = (typeof CORS_ANNOTATIONS)[number];
/** corsOriginRegexValidator: `*`, or pieces `[a-z]+://`, `*.`, `[A-Za-z0-9-.]`, `:\d+` and `,` in any order. */
export declare function originListValid(s: string): boolean;
export declare const METHODS_VALID: {
    test: (s: string) => boolean;
};
export declare const EXPOSE_VALID: {
    test: (s: string) => boolean;
};
/** What the controller does with one annotation value. */
export interface AnnotationOutcome {
    /** The annotation's suffix (`cors-allow-origin`). */
    name: CorsAnnotation;
    /** The value as written, when the annotation is present. */
    written?: string;
    /** 'used': the value applies; 'default': absent, so the default applies; 'rejected': present but the controller takes the default. */
    status: 'used' | 'default' | 'rejected';
    /** Why a present value is not used. */
    why?: string;
}
/** One origin of cors-allow-origin the controller drops while the rest of the list stands. */
export interface SkippedOrigin {
    origin: string;
    why: string;
}
/** The controller's CORS configuration for one Ingress (its Config struct, in our terms). */
export interface IngressCorsConfig {
    enabled: boolean;
    /** `['*']`, or origins as written (`https://a.com`, `https://*.a.com`, `null`); empty: no origin is allowed. */
    origins: string[];
    credentials: boolean;
    /** Header values exactly as the template writes them. */
    methods: string;
    headers: string;
    /** Empty: no Access-Control-Expose-Headers. */
    expose: string;
    maxAge: number;
    outcomes: Record<CorsAnnotation, AnnotationOutcome>;
    skippedOrigins: SkippedOrigin[];
}
/** strconv.ParseBool */
export declare function goParseBool(text: string): boolean | undefined;
/** strconv.Atoi for the values that fit an int64 (an optional sign, decimal digits). */
export declare function goAtoi(text: string): number | undefined;
/**
 * The controller's Parse for the CORS group. `annotations` maps the full annotation names to their
 * values (as the API server stores them: strings).
 */
export declare function parseCorsAnnotations(annotations: ReadonlyMap<string, string>): IngressCorsConfig;
/**
 * The regular expression the template tests one origin with (template.go buildOriginRegex): the origin
 * with its metacharacters escaped and the first `*` replaced by one DNS label. The template joins the
 * entries with `|`, appends `$` and tests `$http_origin ~* (...)`: case-insensitive, and anchored only
 * at the end.
 */
export declare function originPattern(origin: string): string;
