import { createRequire as __corsLintCreateRequire } from 'node:module'; const require = __corsLintCreateRequire(import.meta.url); import { fileURLToPath as __corsLintFileURLToPath } from 'node:url'; const __corsLintFilename = __corsLintFileURLToPath(import.meta.url); const __corsLintDirname = __corsLintFileURLToPath(new URL('.', import.meta.url));

// src/cli/args.ts
import { parseArgs } from "node:util";
var UsageError = class extends Error {
};
var FORMATS = ["text", "json", "sarif", "github", "markdown"];
var FAIL_ON = ["error", "warning", "note", "never"];
function parseCli(argv) {
  const [first, ...rest] = argv;
  if (first === "rules") {
    const { values } = parse(rest, { format: { type: "string", default: "text" } });
    return { command: "rules", format: oneOf("--format", String(values.format), ["text", "json"]) };
  }
  if (first === "explain") {
    const { positionals } = parse(rest, {});
    if (positionals.length !== 1) throw new UsageError("usage: cors-lint explain <rule-id>");
    return { command: "explain", ruleId: positionals[0] };
  }
  if (first === "check") return { command: "check", argv: rest };
  if (first === "lint") return parseLint(rest);
  return parseLint(argv);
}
function parseLint(argv) {
  const { values, positionals } = parse(argv, {
    format: { type: "string", short: "f" },
    output: { type: "string", short: "o" },
    "fail-on": { type: "string", default: "error" },
    config: { type: "string", short: "c" },
    baseline: { type: "string" },
    "write-baseline": { type: "string" },
    "print-policies": { type: "boolean", default: false },
    color: { type: "boolean" },
    "no-color": { type: "boolean" },
    help: { type: "boolean", short: "h" },
    version: { type: "boolean", short: "v" }
  });
  if (values.help) return { command: "help" };
  if (values.version) return { command: "version" };
  return {
    command: "lint",
    paths: positionals,
    format: oneOf("--format", String(values.format ?? "text"), FORMATS),
    output: values.output,
    failOn: oneOf("--fail-on", String(values["fail-on"]), FAIL_ON),
    config: values.config,
    baseline: values.baseline,
    writeBaseline: values["write-baseline"],
    printPolicies: Boolean(values["print-policies"]),
    color: values["no-color"] ? false : values.color
  };
}
function parse(argv, options) {
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { values, positionals };
  } catch (error) {
    throw new UsageError(error.message);
  }
}
function oneOf(flag, value, allowed) {
  if (!allowed.includes(value)) throw new UsageError(`${flag} must be one of ${allowed.join(", ")} (got "${value}")`);
  return value;
}
var HELP = `Usage: cors-lint [paths..] [options]
       cors-lint check --origin <origin> [--credentials] [--method M] [--header H] [paths..]
       cors-lint rules
       cors-lint explain <rule-id>

Finds CORS configuration in Python (FastAPI/Starlette, Flask-CORS, django-cors-headers),
JavaScript/TypeScript (cors, NestJS, Fastify, Koa, manual headers) and Nginx, and lints it.

Options:
  -f, --format <name>        text (default), json, sarif, github, markdown
  -o, --output <file>        write the report to a file instead of stdout
      --fail-on <level>      error (default), warning, note, never: exit 1 at or above it
  -c, --config <file>        configuration file (.cors-lint.json / .cors-lint.yaml)
      --baseline <file>      report only findings not recorded in this baseline
      --write-baseline <file> record the current findings as the baseline and exit 0
      --print-policies       print the extracted CORS policies as JSON
      --color / --no-color   force colour on or off (default: on for a TTY, off with NO_COLOR)
  -v, --version              print the version
  -h, --help                 print this help

Exit codes: 0 no finding at or above --fail-on, 1 findings, 2 usage/config/internal error.
`;

export {
  UsageError,
  FORMATS,
  FAIL_ON,
  parseCli,
  HELP
};
