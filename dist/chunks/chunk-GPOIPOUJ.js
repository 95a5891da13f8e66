import { createRequire as __corsLintCreateRequire } from 'node:module'; const require = __corsLintCreateRequire(import.meta.url); import { fileURLToPath as __corsLintFileURLToPath } from 'node:url'; const __corsLintFilename = __corsLintFileURLToPath(import.meta.url); const __corsLintDirname = __corsLintFileURLToPath(new URL('.', import.meta.url));
import {
  SEVERITY_RANK,
  formatters,
  lintAndFix,
  packageVersion,
  ruleReadmePath
} from "./chunk-JOVV4M2M.js";
import {
  ConfigError,
  allRules,
  findRule,
  isInternalError,
  lint
} from "./chunk-MKA6XT3C.js";

// src/cli/main.ts
import fs2 from "node:fs";
import path2 from "node:path";

// src/filter/baseline.ts
import fs from "node:fs";
import path from "node:path";
function buildBaseline(findings) {
  const byKey = /* @__PURE__ */ new Map();
  for (const f of findings) {
    const key = f.fingerprint ?? `${f.ruleId}:${f.location.file}:${f.message}`;
    const entry = byKey.get(key);
    if (entry) entry.count++;
    else byKey.set(key, { fingerprint: key, ruleId: f.ruleId, file: f.location.file, count: 1 });
  }
  return { version: 1, findings: [...byKey.values()].sort((a, b) => a.file.localeCompare(b.file) || a.ruleId.localeCompare(b.ruleId) || a.fingerprint.localeCompare(b.fingerprint)) };
}
var BaselineError = class extends Error {
};
function readBaseline(file) {
  let raw;
  try {
    raw = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new BaselineError(`cannot read baseline ${file}: ${error.message}`);
  }
  const b = raw;
  if (!b || b.version !== 1 || !Array.isArray(b.findings)) {
    throw new BaselineError(`baseline ${file} is not a cors-lint baseline (expected {"version":1,"findings":[...]})`);
  }
  return b;
}
function subtractBaseline(findings, baseline) {
  const budget = new Map(baseline.findings.map((e) => [e.fingerprint, e.count]));
  const kept = [];
  let matched = 0;
  for (const f of findings) {
    const key = f.fingerprint ?? `${f.ruleId}:${f.location.file}:${f.message}`;
    const left = budget.get(key) ?? 0;
    if (left > 0) {
      budget.set(key, left - 1);
      matched++;
    } else kept.push(f);
  }
  return { kept, matched };
}
function applyBaseline(result, explicit, cwd) {
  const file = explicit ? path.resolve(cwd, explicit) : result.config.baseline ? path.resolve(result.configFile ? path.dirname(result.configFile) : cwd, result.config.baseline) : void 0;
  if (!file) return result;
  return { ...result, findings: subtractBaseline(result.findings, readBaseline(file)).kept };
}

// src/cli/args.ts
import { parseArgs } from "node:util";
var UsageError = class extends Error {
};
var FORMATS = ["text", "json", "sarif", "github", "markdown", "rdjson"];
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
    fix: { type: "boolean", default: false },
    "unsafe-fixes": { type: "boolean", default: false },
    diff: { type: "boolean", default: false },
    quiet: { type: "boolean", short: "q", default: false },
    width: { type: "string" },
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
    color: values["no-color"] ? false : values.color,
    fix: Boolean(values.fix),
    unsafeFixes: Boolean(values["unsafe-fixes"]),
    diff: Boolean(values.diff),
    quiet: Boolean(values.quiet),
    width: values.width === void 0 ? void 0 : width(String(values.width))
  };
}
function width(value) {
  if (!/^\d+$/.test(value)) throw new UsageError(`--width must be a number of columns, 0 for no wrapping (got "${value}")`);
  return Number(value);
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

// src/cli/exit-codes.ts
var EXIT_OK = 0;
var EXIT_FINDINGS = 1;
var EXIT_ERROR = 2;

// src/cli/rules-table.ts
function formatRulesTable(rules) {
  const idWidth = Math.max(...rules.map((r) => r.meta.id.length), 4);
  const rows = rules.map((r) => {
    const severity = r.meta.offByDefault ? "off" : r.meta.defaultSeverity;
    const fix = r.meta.fixable === "safe-or-unsafe" ? "both" : r.meta.fixable ?? "";
    return `${r.meta.id.padEnd(idWidth)}  ${severity.padEnd(7)}  ${fix.padEnd(6)}  ${r.meta.docs.description}`;
  });
  return `${"rule".padEnd(idWidth)}  ${"default".padEnd(7)}  ${"fix".padEnd(6)}  description
${rows.join("\n")}
`;
}

// src/cli/main.ts
async function main(argv, io) {
  try {
    const args = parseCli(argv);
    switch (args.command) {
      case "help":
        io.stdout(HELP);
        return EXIT_OK;
      case "version":
        io.stdout(`${packageVersion()}
`);
        return EXIT_OK;
      case "rules":
        io.stdout(args.format === "json" ? `${JSON.stringify(allRules.map((r) => ({ id: r.meta.id, severity: r.meta.defaultSeverity, description: r.meta.docs.description, url: r.meta.docs.url, ...r.meta.fixable ? { fixable: r.meta.fixable } : {} })), null, 2)}
` : formatRulesTable(allRules));
        return EXIT_OK;
      case "explain":
        return explain(args.ruleId, io);
      case "check": {
        const { runCheckCli } = await import("./check-command-APXYGHCT.js");
        return runCheckCli(args.argv, io);
      }
      case "lint":
        return await runLint(args, io);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`cors-lint: ${error.message}
Run cors-lint --help for usage.
`);
      return EXIT_ERROR;
    }
    if (error instanceof ConfigError || error instanceof BaselineError) {
      io.stderr(`cors-lint: configuration error: ${error.message}
`);
      return EXIT_ERROR;
    }
    io.stderr(`cors-lint: internal error: ${error.stack ?? String(error)}
`);
    return EXIT_ERROR;
  }
}
async function runLint(args, io) {
  if ((args.fix || args.diff) && (args.printPolicies || args.writeBaseline)) throw new UsageError("--fix and --diff cannot be combined with --print-policies or --write-baseline");
  const select = (r) => applyBaseline(r, args.baseline, io.cwd);
  const fixRun = args.fix || args.diff ? await lintAndFix(args.paths, { cwd: io.cwd, configFile: args.config }, { unsafe: args.unsafeFixes, write: !args.diff, select }) : void 0;
  const linted = fixRun ? { ...fixRun.result, diagnostics: [...fixRun.result.diagnostics, ...fixRun.diagnostics] } : await lint(args.paths, { cwd: io.cwd, configFile: args.config });
  if (args.diff) return printDiff(fixRun, linted, io, args.output);
  if (args.printPolicies) {
    io.stdout(`${JSON.stringify({ policies: linted.policies, ...frontendsView(linted), ...pathsView(linted), diagnostics: linted.diagnostics }, null, 2)}
`);
    return EXIT_OK;
  }
  if (args.writeBaseline) {
    const file = path2.resolve(io.cwd, args.writeBaseline);
    fs2.writeFileSync(file, `${JSON.stringify(buildBaseline(linted.findings), null, 2)}
`);
    io.stderr(`cors-lint: recorded ${linted.findings.length} finding(s) in ${args.writeBaseline}
`);
    return EXIT_OK;
  }
  const baselined = fixRun ? linted : applyBaseline(linted, args.baseline, io.cwd);
  const filtered = args.quiet ? { ...baselined, findings: baselined.findings.filter((f) => f.severity === "error") } : baselined;
  const color = args.color ?? (io.isTty && !io.env.NO_COLOR && args.format === "text" && !args.output);
  const width2 = args.width ?? (io.isTty && args.format === "text" && !args.output ? io.columns : void 0);
  const text = formatters[args.format]({ result: filtered, cwd: io.cwd, color: Boolean(color), unsafeFixes: args.unsafeFixes, fixed: fixRun?.fixed, width: width2 });
  if (fixRun && args.format !== "text") io.stderr(`cors-lint: fixed ${fixRun.fixed} finding(s) in ${fixRun.changes.length} file(s)
`);
  if (args.output) fs2.writeFileSync(path2.resolve(io.cwd, args.output), text);
  else io.stdout(text);
  const internal = filtered.diagnostics.some(isInternalError);
  if (internal) return EXIT_ERROR;
  return exitCodeFor(filtered, args.failOn);
}
function frontendsView(result) {
  const context = result.frontends;
  if (!context?.frontends.length) return {};
  return {
    frontends: context.frontends.map(({ absDir: _abs, ...f }) => f),
    frontendLinks: context.links.map((l) => ({ frontend: l.frontend.dir, apiUrl: l.apiUrl.url, policy: `${l.policy.span.file}:${l.policy.span.line}:${l.policy.span.column}`, how: l.how, ...l.proxiedBy ? { proxiedBy: l.proxiedBy } : {} }))
  };
}
function pathsView(result) {
  if (!result.routes?.length) return {};
  const at = (s) => `${s.file}:${s.line}:${s.column}`;
  return {
    routes: result.routes.map(({ policy, ...r }) => ({ ...r, ...policy ? { policy: at(policy.span) } : {} })),
    paths: (result.paths ?? []).map((p) => ({ route: at(p.route.span), label: p.route.label, apps: p.apps.map((a) => at(a.span)), linked: p.linked, how: p.how }))
  };
}
function printDiff(run, result, io, output) {
  if (output) fs2.writeFileSync(path2.resolve(io.cwd, output), run.patch);
  else io.stdout(run.patch);
  const skipped = run.diagnostics.map((d) => `cors-lint: ${d.file}: ${d.message}
`).join("");
  io.stderr(`${skipped}cors-lint: ${run.fixed ? `would fix ${run.fixed} finding(s) in ${run.changes.length} file(s)` : "nothing to fix"}
`);
  if (result.diagnostics.some(isInternalError)) return EXIT_ERROR;
  return run.patch ? EXIT_FINDINGS : EXIT_OK;
}
function exitCodeFor(result, failOn) {
  if (failOn === "never") return EXIT_OK;
  const threshold = SEVERITY_RANK[failOn];
  return result.findings.some((f) => SEVERITY_RANK[f.severity] >= threshold) ? EXIT_FINDINGS : EXIT_OK;
}
function explain(ruleId, io) {
  const rule = findRule(ruleId);
  if (!rule) {
    io.stderr(`cors-lint: unknown rule "${ruleId}"; known rules: ${allRules.map((r) => r.meta.id).join(", ")}
`);
    return EXIT_ERROR;
  }
  try {
    io.stdout(fs2.readFileSync(ruleReadmePath(ruleId), "utf8"));
  } catch {
    io.stdout(`${rule.meta.id} (${rule.meta.defaultSeverity})

${rule.meta.docs.description}

${rule.meta.docs.url}
`);
  }
  return EXIT_OK;
}

export {
  BaselineError,
  applyBaseline,
  FORMATS,
  FAIL_ON,
  EXIT_FINDINGS,
  main,
  exitCodeFor
};
