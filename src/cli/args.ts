import { parseArgs } from 'node:util';

export class UsageError extends Error {}

export const FORMATS = ['text', 'json', 'sarif', 'github', 'markdown', 'rdjson'] as const;
export const FAIL_ON = ['error', 'warning', 'note', 'never'] as const;
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

export type CliArgs =
  | LintArgs
  | { command: 'rules'; format: string }
  | { command: 'explain'; ruleId: string }
  | { command: 'check'; argv: string[] }
  | { command: 'help' }
  | { command: 'version' };

/** argv (without node and script) -> what to do. Throws UsageError with a message for the user. */
export function parseCli(argv: string[]): CliArgs {
  const [first, ...rest] = argv;
  if (first === 'rules') {
    const { values } = parse(rest, { format: { type: 'string', default: 'text' } });
    return { command: 'rules', format: oneOf('--format', String(values.format), ['text', 'json']) };
  }
  if (first === 'explain') {
    const { positionals } = parse(rest, {});
    if (positionals.length !== 1) throw new UsageError('usage: cors-lint explain <rule-id>');
    return { command: 'explain', ruleId: positionals[0]! };
  }
  if (first === 'check') return { command: 'check', argv: rest };
  if (first === 'lint') return parseLint(rest);
  return parseLint(argv);
}

function parseLint(argv: string[]): CliArgs {
  const { values, positionals } = parse(argv, {
    format: { type: 'string', short: 'f' },
    output: { type: 'string', short: 'o' },
    'fail-on': { type: 'string', default: 'error' },
    config: { type: 'string', short: 'c' },
    baseline: { type: 'string' },
    'write-baseline': { type: 'string' },
    'print-policies': { type: 'boolean', default: false },
    color: { type: 'boolean' },
    'no-color': { type: 'boolean' },
    fix: { type: 'boolean', default: false },
    'unsafe-fixes': { type: 'boolean', default: false },
    diff: { type: 'boolean', default: false },
    quiet: { type: 'boolean', short: 'q', default: false },
    width: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean', short: 'v' },
  });
  if (values.help) return { command: 'help' };
  if (values.version) return { command: 'version' };
  return {
    command: 'lint',
    paths: positionals,
    format: oneOf('--format', String(values.format ?? 'text'), FORMATS),
    output: values.output as string | undefined,
    failOn: oneOf('--fail-on', String(values['fail-on']), FAIL_ON),
    config: values.config as string | undefined,
    baseline: values.baseline as string | undefined,
    writeBaseline: values['write-baseline'] as string | undefined,
    printPolicies: Boolean(values['print-policies']),
    color: values['no-color'] ? false : (values.color as boolean | undefined),
    fix: Boolean(values.fix),
    unsafeFixes: Boolean(values['unsafe-fixes']),
    diff: Boolean(values.diff),
    quiet: Boolean(values.quiet),
    width: values.width === undefined ? undefined : width(String(values.width)),
  };
}

function width(value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`--width must be a number of columns, 0 for no wrapping (got "${value}")`);
  return Number(value);
}

type Options = NonNullable<Parameters<typeof parseArgs>[0]>['options'];

function parse(argv: string[], options: Options): { values: Record<string, unknown>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { values: values as Record<string, unknown>, positionals };
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) throw new UsageError(`${flag} must be one of ${allowed.join(', ')} (got "${value}")`);
  return value as T;
}

export const HELP = `Usage: cors-lint [paths..] [options]
       cors-lint check --origin <origin> [--credentials] [--method M] [--header H] [paths..]
       cors-lint rules
       cors-lint explain <rule-id>

Finds CORS configuration in Python (FastAPI/Starlette, Flask-CORS, django-cors-headers),
JavaScript/TypeScript (cors, NestJS, Fastify, Koa, manual headers) and Nginx, and lints it.

Options:
  -f, --format <name>        text (default), json, sarif, github, markdown, rdjson (reviewdog)
  -o, --output <file>        write the report to a file instead of stdout
      --fail-on <level>      error (default), warning, note, never: exit 1 at or above it
  -c, --config <file>        configuration file (.cors-lint.json / .cors-lint.yaml)
      --baseline <file>      report only findings not recorded in this baseline
      --write-baseline <file> record the current findings as the baseline and exit 0
      --print-policies       print the extracted CORS policies as JSON
      --fix                  apply the safe fixes, then report what is left
      --unsafe-fixes         with --fix or --diff, also the unsafe fixes; otherwise list them as available
      --diff                 print the fixes as a unified diff instead of writing them
                             (exit 1 when there is something to fix, 0 when not)
  -q, --quiet                report errors only (warnings and notes are neither shown nor counted)
      --width <columns>      wrap text output at this width (default: the terminal's; 0: never)
      --color / --no-color   force colour on or off (default: on for a TTY, off with NO_COLOR)
  -v, --version              print the version
  -h, --help                 print this help

Exit codes: 0 no finding at or above --fail-on, 1 findings, 2 usage/config/internal error.
`;
