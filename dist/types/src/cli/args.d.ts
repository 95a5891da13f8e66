export declare class UsageError extends Error {
}
export declare const FORMATS: readonly ["text", "json", "sarif", "github", "markdown", "rdjson"];
export declare const FAIL_ON: readonly ["error", "warning", "note", "never"];
export type FailOn = (typeof FAIL_ON)[number];
export interface LintArgs {
    command: 'lint';
    paths: string[];
    format: string;
    output?: string;
    failOn: FailOn;
    config?: string;
    baseline?: string;
    writeBaseline?: string;
    printPolicies: boolean;
    color?: boolean;
    /** --fix / --unsafe-fixes / --diff (src/fix), --quiet, --width. */
    fix: boolean;
    unsafeFixes: boolean;
    diff: boolean;
    quiet: boolean;
    width?: number;
}
export type CliArgs = LintArgs | {
    command: 'rules';
    format: string;
} | {
    command: 'explain';
    ruleId: string;
} | {
    command: 'check';
    argv: string[];
} | {
    command: 'help';
} | {
    command: 'version';
};
/** argv (without node and script) -> what to do. Throws UsageError with a message for the user. */
export declare function parseCli(argv: string[]): CliArgs;
export declare const HELP = "Usage: cors-lint [paths..] [options]\n       cors-lint check --origin <origin> [--credentials] [--method M] [--header H] [paths..]\n       cors-lint rules\n       cors-lint explain <rule-id>\n\nFinds CORS configuration in Python (FastAPI/Starlette, Flask-CORS, django-cors-headers),\nJavaScript/TypeScript (cors, NestJS, Fastify, Koa, manual headers) and Nginx, and lints it.\n\nOptions:\n  -f, --format <name>        text (default), json, sarif, github, markdown, rdjson (reviewdog)\n  -o, --output <file>        write the report to a file instead of stdout\n      --fail-on <level>      error (default), warning, note, never: exit 1 at or above it\n  -c, --config <file>        configuration file (.cors-lint.json / .cors-lint.yaml)\n      --baseline <file>      report only findings not recorded in this baseline\n      --write-baseline <file> record the current findings as the baseline and exit 0\n      --print-policies       print the extracted CORS policies as JSON\n      --fix                  apply the safe fixes, then report what is left\n      --unsafe-fixes         with --fix or --diff, also the unsafe fixes; otherwise list them as available\n      --diff                 print the fixes as a unified diff instead of writing them\n                             (exit 1 when there is something to fix, 0 when not)\n  -q, --quiet                report errors only (warnings and notes are neither shown nor counted)\n      --width <columns>      wrap text output at this width (default: the terminal's; 0: never)\n      --color / --no-color   force colour on or off (default: on for a TTY, off with NO_COLOR)\n  -v, --version              print the version\n  -h, --help                 print this help\n\nExit codes: 0 no finding at or above --fail-on, 1 findings, 2 usage/config/internal error.\n";
