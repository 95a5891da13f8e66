// `cors-lint check` options -> CheckArgs. Usage errors throw CheckUsageError (exit code 2).
import { parseArgs } from 'node:util';

export class CheckUsageError extends Error {}

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

export const CHECK_HELP = `Usage: cors-lint check [--origin <origin>] [options] [paths..]

Simulates a browser request against every CORS configuration found under the paths and says,
per configuration, whether the browser lets the page read the response.

Options:
  --origin <origin>      the page's origin, e.g. http://localhost:3000 (omit: the dev origins of
                         the frontends found in the repository, else no Origin header)
  --credentials          credentials: 'include' (cookies are sent)
  --no-cookie            with --credentials: the browser holds no cookie for the API yet
  -X, --method <method>  request method (default GET)
  -H, --header <header>  a request header the page sets, e.g. 'Authorization' or
                         'Content-Type: application/json' (repeatable)
  --headers <list>       comma-separated header names
  --path <path>          request path (default /)
  --app-status <code>    status the application answers with (default 200)
  -f, --format <format>  text | json (default text)
  -c, --config <file>    configuration file
Exit codes: 0 every configuration allows the request, 1 some do not (or none was found), 2 usage error.
`;

/** True when `text` is what a browser sends as Origin. */
export function isSerializedOrigin(text: string): boolean {
  if (text === 'null') return true;
  try {
    const url = new URL(text);
    return url.origin !== 'null' && url.origin === text;
  } catch {
    return false;
  }
}

function originHint(text: string): string {
  try {
    const url = new URL(text);
    if (url.origin !== 'null' && url.origin !== text) return ` (a browser would send ${url.origin})`;
  } catch {
    // no hint
  }
  return '';
}

export function parseCheckArgs(argv: string[], cwd?: string): CheckArgs | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        origin: { type: 'string' },
        credentials: { type: 'boolean', default: false },
        'no-cookie': { type: 'boolean', default: false },
        method: { type: 'string', short: 'X', default: 'GET' },
        header: { type: 'string', short: 'H', multiple: true },
        headers: { type: 'string', multiple: true },
        path: { type: 'string' },
        'app-status': { type: 'string' },
        format: { type: 'string', short: 'f', default: 'text' },
        config: { type: 'string', short: 'c' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new CheckUsageError((error as Error).message);
  }
  const v = parsed.values;
  if (v.help) return 'help';
  const format = String(v.format);
  if (format !== 'text' && format !== 'json') throw new CheckUsageError(`--format must be text or json, got '${format}'`);
  const method = String(v.method);
  if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(method)) throw new CheckUsageError(`--method '${method}' is not an HTTP method token`);
  const headers = [...((v.header as string[] | undefined) ?? []), ...((v.headers as string[] | undefined) ?? []).flatMap((h) => h.split(',').map((s) => s.trim()).filter(Boolean))];
  let appStatus: number | undefined;
  if (v['app-status'] !== undefined) {
    appStatus = Number(v['app-status']);
    if (!Number.isInteger(appStatus) || appStatus < 100 || appStatus > 599) throw new CheckUsageError(`--app-status must be an HTTP status code, got '${v['app-status']}'`);
  }
  const args: CheckArgs = {
    origin: v.origin as string | undefined,
    credentials: Boolean(v.credentials),
    noCookie: Boolean(v['no-cookie']),
    method,
    headers,
    paths: parsed.positionals,
    format,
    cwd,
    config: v.config as string | undefined,
    path: v.path as string | undefined,
    appStatus,
  };
  validateCheckArgs(args);
  return args;
}

export function validateCheckArgs(args: CheckArgs): void {
  if (args.origin !== undefined && !isSerializedOrigin(args.origin)) {
    throw new CheckUsageError(`--origin '${args.origin}' is not an origin a browser sends: use scheme://host[:port] with no path or trailing slash${originHint(args.origin)}`);
  }
  if (args.path !== undefined && !args.path.startsWith('/')) throw new CheckUsageError(`--path must start with '/', got '${args.path}'`);
}
