export declare class CheckUsageError extends Error {
}
export interface CheckArgs {
    /** The page's origin (serialized: scheme://host[:port], or `null`). Absent = no Origin header. */
    origin?: string;
    /** credentials: 'include' (the browser also sends a Cookie header). */
    credentials: boolean;
    /** With credentials: no Cookie header yet (the login call); default false (cookies are sent). */
    noCookie?: boolean;
    /** Request method; default GET. */
    method: string;
    /** Request headers the page sets: `X-Token` or `Content-Type: application/json`. */
    headers: string[];
    /** Files or folders to scan; default the current directory. */
    paths: string[];
    format: 'text' | 'json';
    /** Directory paths are resolved against (default process.cwd()). */
    cwd?: string;
    /** --config FILE */
    config?: string;
    /** Request path (for path-scoped policies); default `/`. */
    path?: string;
    /** Status the application answers the actual request with; default 200. */
    appStatus?: number;
}
export declare const CHECK_HELP = "Usage: cors-lint check [--origin <origin>] [options] [paths..]\n\nSimulates a browser request against every CORS configuration found under the paths and says,\nper configuration, whether the browser lets the page read the response.\n\nOptions:\n  --origin <origin>      the page's origin, e.g. http://localhost:3000 (omit: the dev origins of\n                         the frontends found in the repository, else no Origin header)\n  --credentials          credentials: 'include' (cookies are sent)\n  --no-cookie            with --credentials: the browser holds no cookie for the API yet\n  -X, --method <method>  request method (default GET)\n  -H, --header <header>  a request header the page sets, e.g. 'Authorization' or\n                         'Content-Type: application/json' (repeatable)\n  --headers <list>       comma-separated header names\n  --path <path>          request path (default /)\n  --app-status <code>    status the application answers with (default 200)\n  -f, --format <format>  text | json (default text)\n  -c, --config <file>    configuration file\nExit codes: 0 every configuration allows the request, 1 some do not (or none was found), 2 usage error.\n";
/** True when `text` is what a browser sends as Origin. */
export declare function isSerializedOrigin(text: string): boolean;
export declare function parseCheckArgs(argv: string[], cwd?: string): CheckArgs | 'help';
export declare function validateCheckArgs(args: CheckArgs): void;
