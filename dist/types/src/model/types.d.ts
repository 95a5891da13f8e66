export type Stack = 'fastapi' | 'starlette' | 'flask' | 'django' | 'express' | 'nestjs' | 'fastify' | 'koa' | 'node' | 'nginx' | 'ingress-nginx' | 'traefik';
/** The concrete piece of software that produces the CORS headers; its semantics decide the effect. */
export type Library = 'starlette' | 'flask-cors' | 'django-cors-headers' | 'cors' | '@fastify/cors' | '@koa/cors' | 'koa2-cors' | 'manual' | 'nginx' | 'ingress-nginx' | 'traefik';
export type Language = 'python' | 'js' | 'nginx';
/** 1-based lines and columns; `file` is relative to the current directory, with `/`. */
export interface Span {
    file: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
}
/** Where a value came from when it was not written in place. */
export interface Provenance {
    /** The value is the default of an environment lookup (os.getenv("X", default), process.env.X ?? default). */
    envDriven?: boolean;
    /** The environment variable or settings field the value stands in for. */
    source?: string;
    /** Where the resolved literal itself is written, when it differs from the use site. */
    definedAt?: Span;
}
/** A configured value. `unknown` means the scanner could not resolve it; `why` says what it saw. */
export interface Valued<T> extends Provenance {
    value: T | 'unknown';
    span?: Span;
    why?: string;
    /** True when the framework default applies because the option was not written. */
    isDefault?: boolean;
    /**
     * The option exactly as written when it is one string the library sends verbatim (npm cors /
     * @fastify/cors `methods: 'GET, POST'`), so the simulated header keeps its spacing.
     */
    raw?: string;
}
export type RegexFlavor = 'python' | 'js' | 'pcre';
/** How the framework applies the pattern to the Origin string. */
export type RegexMode = 'fullmatch' | 'match' | 'search';
export type OriginMatcher = 
/** '*' — every origin (Access-Control-Allow-Origin: * or an echo, depending on the library). */
{
    kind: 'any';
}
/** A literal origin, kept exactly as written (rules judge its form). */
 | {
    kind: 'exact';
    origin: string;
}
/** A pattern; `mode` + `ignoreCase` + `flags` say how the library applies it. */
 | {
    kind: 'regex';
    pattern: string;
    flavor: RegexFlavor;
    mode: RegexMode;
    ignoreCase: boolean;
    flags?: string;
    /**
     * The string test the configuration really holds when the pattern is its translation
     * (`origin.startsWith('http://localhost')` is `^http://localhost`); messages quote this instead.
     */
    writtenAs?: string;
}
/** The request Origin is echoed; `condition` describes a check the scanner saw but could not model. */
 | {
    kind: 'reflect';
    condition?: string;
    /**
     * Set when the value sent is request data the caller chooses (a query, body or path parameter,
     * e.g. `req.query.origin`) rather than the Origin header: any page can put its own origin there.
     */
    from?: string;
}
/** The literal origin "null". */
 | {
    kind: 'null';
}
/** A plain string where the library wants a list: membership becomes `origin in string` (Python substring test). */
 | {
    kind: 'substring';
    haystack: string;
}
/**
 * Not resolvable statically. `substringOfEnv`: the Origin is looked up with indexOf / includes in
 * the unsplit string of this environment variable, a substring test whatever the variable holds.
 */
 | {
    kind: 'unknown';
    why: string;
    substringOfEnv?: string;
};
export type OriginEntry = OriginMatcher & Provenance & {
    span?: Span;
    /**
     * The value is sent as Access-Control-Allow-Origin whatever the request Origin is
     * (npm cors string option, a literal manual header, nginx add_header with a literal).
     */
    sentVerbatim?: boolean;
};
/** A header that the configuration writes on responses (manual headers, nginx add_header). */
export interface EmittedHeader {
    name: string;
    /** The value as written; for nginx, variables are kept as `$name`. */
    value: string;
    span: Span;
    /** nginx `always`: also sent on 4xx/5xx. Absent for stacks where it does not apply. */
    always?: boolean;
    /** The header is only sent when a condition holds (an `if` block, a guarded branch). */
    conditional?: string;
    /**
     * The header is only sent on answers to OPTIONS requests (nginx `if ($request_method = OPTIONS)`),
     * which HTTP caches do not store (RFC 9110, 9.3.7).
     */
    preflightOnly?: boolean;
    /** The value depends on the request Origin. */
    dependsOnOrigin?: boolean;
    /**
     * The value is application code the scanner could not reduce to a constant (`origin || ''`,
     * `allowed.join(' ')`), or a template placeholder filled in at deploy time (`{{ .Env.ORIGIN }}`);
     * `value` then holds that source text, not what is sent.
     */
    expression?: boolean;
    /**
     * How this write combines with an earlier write of the same header on the same response:
     * 'add' sends one more field (nginx add_header, Express res.append, werkzeug headers.add),
     * 'replace' overwrites the earlier value (res.setHeader, res.set/res.header, headers[name] = ...,
     * nginx more_set_headers). Absent: 'add' for nginx add_header, 'replace' for everything else.
     */
    combine?: 'add' | 'replace';
    /**
     * The block that sends the header always answers with this status (nginx `return 204` in an
     * OPTIONS `if`), so `always` makes no difference there.
     */
    fixedStatus?: number;
}
/** Headers that a nested block silently loses (nginx add_header inheritance). */
export interface DroppedHeaders {
    /** The block that loses the headers. */
    block: Span;
    blockLabel: string;
    /** The block whose headers are lost. */
    from: Span;
    /** Human name of that block (`server`, `location /api`). */
    fromLabel?: string;
    headers: string[];
    /** The add_header in the nested block that causes the loss. */
    cause: Span;
    /** The directive at `cause`: its own add_header (default) or `add_header_inherit off`. */
    causeDirective?: 'add_header' | 'add_header_inherit';
    /**
     * Which requests the losing block answers, when its condition decides that
     * (`if ($request_method = OPTIONS)` answers only preflights). Absent = any request.
     */
    answers?: 'preflight' | 'actual';
}
export interface UpstreamProxy {
    target: string;
    span: Span;
    /** Names of headers hidden with proxy_hide_header. */
    hiddenHeaders: string[];
}
/** Where a proxy forwards: a URL or host:port, with compose service or Kubernetes Service names as hosts. */
export interface ProxyTarget {
    /** As written: `http://api:8000`, `backend` (an upstream name), `api-svc:80`. */
    raw: string;
    host: string;
    /** Absent when the target names none (the scheme's default, or an upstream block's servers say). */
    port?: number;
    scheme?: 'http' | 'https';
    /**
     * The target is written with variables (`${APP_HOST}:${APP_PORT}` in an envsubst template, `$upstream`):
     * `host` and `port` are unknown until the environment that fills them in is found.
     */
    templated?: boolean;
    /** The target is a Kubernetes Service (Ingress backend, IngressRoute service): `host` is its name. */
    kubernetesService?: {
        name: string;
        port?: number | string;
        namespace?: string;
    };
}
/**
 * A layer that forwards some requests to an application behind it: an nginx location with
 * proxy_pass (or fastcgi/uwsgi/grpc_pass), an Ingress path, a Traefik router. Scanners describe
 * what it does to CORS traffic; src/paths links it to the application and the path rules judge it.
 */
export interface ProxyRoute {
    stack: 'nginx' | 'ingress-nginx' | 'traefik';
    /** The forwarding directive or rule (proxy_pass line, Ingress backend, Traefik router). */
    span: Span;
    /** The block it belongs to, for messages: `location /api` (server example.com), `Ingress api path /api`, `Traefik router api`. */
    label: string;
    /** The enclosing block's header (nginx location), when different from span. */
    blockSpan?: Span;
    /** Path prefix the route serves, when known. */
    path?: string;
    /** nginx: the listen addresses of the server block. */
    listen?: string[];
    /** Hosts the route serves (server_name, Ingress host, Traefik Host() rule). */
    hosts?: string[];
    targets: ProxyTarget[];
    /**
     * Response headers from the application that the proxy removes: nginx proxy_hide_header,
     * more_clear_headers (`Access-Control-*` patterns kept as written), Traefik customResponseHeaders
     * set to "". `header` is lowercase; a trailing `*` is a prefix pattern.
     */
    strips: Array<{
        header: string;
        span: Span;
        how: string;
    }>;
    /**
     * The proxy answers OPTIONS requests itself and never forwards them (nginx
     * `if ($request_method = OPTIONS) { return 204; }` before proxy_pass, limit_except without OPTIONS,
     * ingress-nginx and Traefik CORS preflights). `corsHeaders`: its answer carries Access-Control-Allow-Origin.
     */
    answersPreflight?: {
        span: Span;
        status: number | 'unknown';
        how: string;
        corsHeaders: boolean;
    };
    /** The proxy's own CORS policy on this route (an nginx location's add_header, ingress-nginx or Traefik CORS settings). */
    policy?: CorsPolicy;
}
export type PreflightHandling = 
/** The CORS layer answers OPTIONS preflights itself. */
'handled'
/** OPTIONS reaches the application or an upstream without a CORS answer. */
 | 'not-handled'
/** OPTIONS is forwarded to something the scanner cannot see. */
 | 'passthrough';
export interface PolicyScope {
    kind: 'app' | 'router' | 'route' | 'settings' | 'http' | 'server' | 'location' | 'if' | 'limit_except';
    /** Human name: variable name, route path, `location /api`. */
    name?: string;
    /** Route or location path the policy covers, when known. */
    path?: string;
    /** HTTP methods of the route the policy is attached to, when it is route-level. */
    methods?: string[];
    /** nginx: the `listen` addresses of the server block the policy belongs to, as written (`8081`, `127.0.0.1:8081`). */
    listen?: string[];
}
export interface CorsPolicy {
    stack: Stack;
    library: Library;
    /** Where the CORS configuration is written (the middleware call, the settings module, the block). */
    span: Span;
    scope: PolicyScope;
    /** Allowed origins. Empty = no cross-origin request is allowed. */
    origins: OriginEntry[];
    /** Where the origins option is written, when it is. */
    originsSpan?: Span;
    credentials: Valued<boolean>;
    allowMethods: Valued<string[]>;
    allowHeaders: Valued<string[]>;
    exposeHeaders: Valued<string[]>;
    maxAge: Valued<number>;
    /** Whether `Vary: Origin` is sent when the Allow-Origin value depends on the Origin. */
    varyOrigin: Valued<boolean>;
    preflight: Valued<PreflightHandling>;
    /** Whether error responses (4xx/5xx, unhandled exceptions) still carry the CORS headers. */
    headersOnErrors: Valued<boolean>;
    /** Headers written literally (manual headers, nginx). */
    emittedHeaders?: EmittedHeader[];
    droppedHeaders?: DroppedHeaders[];
    proxy?: UpstreamProxy;
    /**
     * The server that mounts the library itself, when it is not the stack's web framework: socket.io
     * and Apollo Server run npm cors on their own requests. Messages name it instead of the stack.
     */
    mountedBy?: string;
    /** Installed version of the library, when a lockfile or requirements file pins it. */
    libraryVersion?: string;
    /** Where libraryVersion was read from (requirements file, lockfile). */
    libraryVersionSource?: string;
    /**
     * Library options that change the response but have no common field, by the library's own option
     * name: npm cors / @fastify/cors `preflightContinue`, `optionsSuccessStatus`, `strictPreflight`;
     * Flask-CORS `send_wildcard`, `always_send`, `vary_header`; `disabled: true` when the origin option
     * switches CORS off (npm cors / @fastify/cors `origin: false`); `originFunction: true` when the
     * origins come from an origin callback (npm cors then adds no header at all for a refused Origin). Absent = the library default.
     */
    libraryOptions?: Record<string, string | number | boolean | null>;
    /** Ordering facts the scanner saw (Starlette middleware stack, Express registration order). */
    order?: OrderFacts;
    /** Options written in the CORS setup that the library does not have, or values of a type it does not take. */
    invalidOptions?: InvalidOption[];
    /** Stack-specific details that no rule depends on but --print-policies shows. */
    notes?: string[];
    /**
     * The values repository sources (.env files, compose, Kubernetes, Helm) give the environment
     * variables this policy's origins or credentials come from, one entry per environment
     * (src/environment). Absent: nothing in the repository sets them (or the policy reads none).
     */
    environments?: PolicyEnvironment[];
    /** Set on the per-environment copy of a policy that rules run on: the environment it stands for. */
    environment?: PolicyEnvironment;
}
/** One environment's values for an env-driven policy. */
export interface PolicyEnvironment {
    /** `production` (.env.production), `compose` (docker-compose.yml), `staging` (values-staging.yaml). */
    name: string;
    /** Where the name comes from: dotenv, compose, kubernetes, helm. */
    kind: 'dotenv' | 'compose' | 'kubernetes' | 'helm';
    /** Each variable the policy reads, the value this environment gives it and where that is written. */
    settings: Array<{
        variable: string;
        value: string | 'unknown';
        span: Span;
        why?: string;
    }>;
    /** The policy's origins in this environment. */
    origins: OriginEntry[];
    credentials?: Valued<boolean>;
}
/**
 * An option the library does not understand, as the scanner saw it. The scanner states what the
 * library does with it (read from the library's source); the rule decides how bad that is.
 */
export interface InvalidOption {
    /** The option (keyword, key or setting name) exactly as written. */
    name: string;
    span: Span;
    /** 'unknown-option': no such option; 'wrong-type': a real option given a value of a type it does not take. */
    problem: 'unknown-option' | 'wrong-type';
    /** The nearest real option name, when one is close ("did you mean"). */
    suggestion?: string;
    /**
     * What the library does: 'raises' = it throws when the CORS layer is built, so the application never
     * serves (Starlette TypeError); 'ignored' = the option has no effect and the default applies.
     */
    effect: 'raises' | 'ignored';
    /** What the library does instead, in its own terms ("the default origin '*' applies"), when known. */
    consequence?: string;
    /** For wrong-type: what was given and what the library wants ("a list; allow_origin_regex takes one pattern string"). */
    detail?: string;
}
export interface OrderFacts {
    /** Middleware added after this one (so wrapping it), with their spans. Starlette: the last added is outermost. */
    addedAfter?: Array<{
        name: string;
        span: Span;
    }>;
    /** Routes registered before this middleware (Express), which it therefore does not cover. */
    routesBefore?: Array<{
        method: string;
        path: string;
        span: Span;
    }>;
}
export type Severity = 'error' | 'warning' | 'note';
export declare const SEVERITY_RANK: Record<Severity, number>;
export interface Finding {
    ruleId: string;
    severity: Severity;
    message: string;
    location: Span;
    /** A concrete origin that the configuration accepts and should not (permissive regexes, substring tests). */
    witness?: string;
    /** Stable across unrelated edits: rule + file + normalized offending text. */
    fingerprint?: string;
    /** Index of the policy in the run's policy list. */
    policyIndex?: number;
    /** Other places that explain the finding: the environment file that sets a value (SARIF relatedLocations). */
    relatedLocations?: Array<{
        span: Span;
        message: string;
    }>;
    /** The edit that resolves the finding, when there is exactly one right edit (`--fix`). */
    fix?: Fix;
}
/**
 * Fixes, Ruff style. 'safe': the result does what the author evidently meant (a trailing slash
 * dropped, `always` added); 'unsafe': it changes what is allowed (a regex anchored, an option renamed),
 * so it is applied only with --unsafe-fixes.
 */
export type FixApplicability = 'safe' | 'unsafe';
/** One replacement: the range [start, end) in UTF-16 code units of the decoded text, also as a 1-based span. */
export interface FixEdit extends Span {
    start: number;
    end: number;
    replacement: string;
}
export interface Fix {
    applicability: FixApplicability;
    /** Imperative, for people: "Remove the trailing slash: 'https://a.com'". */
    description: string;
    /** Applied together or not at all; never overlapping. */
    edits: FixEdit[];
}
export type DiagnosticKind = 'parse-error' | 'config-error' | 'file-skipped' | 'encoding' | 'unsupported' | 'internal-error' | 'fix-skipped';
export interface Diagnostic {
    kind: DiagnosticKind;
    file: string;
    message: string;
    line?: number;
    column?: number;
}
/** A file the scan will look at. */
export interface SourceFile {
    /** Absolute path on disk. */
    absPath: string;
    /** Path shown to the user: relative to the current directory, with `/`. */
    path: string;
    language: Language;
    text: string;
}
