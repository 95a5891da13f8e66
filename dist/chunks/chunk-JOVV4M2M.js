import { createRequire as __corsLintCreateRequire } from 'node:module'; const require = __corsLintCreateRequire(import.meta.url); import { fileURLToPath as __corsLintFileURLToPath } from 'node:url'; const __corsLintFilename = __corsLintFileURLToPath(import.meta.url); const __corsLintDirname = __corsLintFileURLToPath(new URL('.', import.meta.url));
import {
  DOCS_BASE_URL,
  SourceText,
  allRules,
  classify,
  firstSyntaxError,
  isInternalError,
  lineWise,
  lint,
  loadJsParser,
  parse,
  parseJs,
  parseNginx,
  parsePython,
  parseYaml
} from "./chunk-MKA6XT3C.js";
import {
  fsPath,
  readLines,
  readSource
} from "./chunk-LXGCFLD4.js";

// src/format/github.ts
import path from "node:path";
var formatGithub = ({ result, cwd }) => {
  const root = repositoryRoot(process.env, cwd);
  const rel = (file) => root === cwd || file === "." ? file : path.relative(root, path.resolve(cwd, file)).split(path.sep).join("/");
  const lines = [
    ...result.findings.map((f) => findingCommand({ ...f, location: { ...f.location, file: rel(f.location.file) } })),
    ...result.diagnostics.map((d) => diagnosticCommand({ ...d, file: d.file && !d.file.includes(", ") ? rel(d.file) : d.file }))
  ];
  return lines.length ? `${lines.join("\n")}
` : "";
};
function repositoryRoot(env, cwd) {
  const workspace = env.GITHUB_WORKSPACE ? path.resolve(env.GITHUB_WORKSPACE) : void 0;
  const current = path.resolve(cwd);
  if (!workspace) return current;
  const rel = path.relative(workspace, current);
  return rel === "" || !rel.startsWith("..") && !path.isAbsolute(rel) ? workspace : current;
}
var COMMAND = { error: "error", warning: "warning", note: "notice" };
function findingCommand(f) {
  const properties = {
    file: f.location.file,
    line: f.location.line,
    col: f.location.column,
    endLine: f.location.endLine,
    endColumn: f.location.endColumn,
    title: f.ruleId
  };
  const message = f.witness !== void 0 && !f.message.includes(f.witness) ? `${f.message}
witness: ${f.witness}` : f.message;
  return command(COMMAND[f.severity], properties, message);
}
function diagnosticCommand(d) {
  const internal = isInternalError(d);
  const level = d.kind === "parse-error" || d.kind === "config-error" || internal ? "error" : "warning";
  const properties = { title: `cors-lint ${d.kind}` };
  if (d.file && d.file !== "." && !d.file.includes(", ")) properties.file = d.file;
  if (d.line !== void 0) properties.line = d.line;
  if (d.column !== void 0) properties.col = d.column;
  return command(level, properties, internal ? d.message.split("\n")[0] : d.message);
}
function command(name, properties, message) {
  const props = Object.entries(properties).map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(",");
  return `::${name} ${props}::${escapeData(message)}`;
}
function escapeData(text) {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(text) {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

// src/format/json.ts
var formatJson = ({ result }) => {
  const findings = result.findings.map((f) => ({
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    location: { ...f.location },
    ...f.witness !== void 0 ? { witness: f.witness } : {},
    ...f.relatedLocations?.length ? { relatedLocations: f.relatedLocations.map((r) => ({ location: { ...r.span }, message: r.message })) } : {},
    fingerprint: f.fingerprint,
    // Every fix, safe or unsafe: `start`/`end` are UTF-16 offsets in the file as decoded, `line`/`column` 1-based.
    ...f.fix ? { fix: { applicability: f.fix.applicability, description: f.fix.description, edits: f.fix.edits.map((e) => ({ ...e })) } } : {}
  }));
  const diagnostics = result.diagnostics.map((d) => ({
    kind: d.kind,
    file: d.file,
    message: d.message,
    ...d.line !== void 0 ? { line: d.line, column: d.column } : {}
  }));
  const summary = {
    errors: result.findings.filter((f) => f.severity === "error").length,
    warnings: result.findings.filter((f) => f.severity === "warning").length,
    notes: result.findings.filter((f) => f.severity === "note").length,
    filesScanned: result.stats.filesScanned,
    policies: result.policies.length,
    suppressed: result.suppressed,
    fixable: result.findings.filter((f) => f.fix?.applicability === "safe").length,
    fixableUnsafe: result.findings.filter((f) => f.fix?.applicability === "unsafe").length
  };
  return `${JSON.stringify({ findings, diagnostics, summary }, null, 2)}
`;
};

// src/format/markdown.ts
import path2 from "node:path";
var formatMarkdown = ({ result, cwd }) => {
  const root = repositoryRoot(process.env, cwd);
  const repositoryPath = (file) => path2.relative(root, path2.resolve(cwd, file)).split(path2.sep).join("/");
  return buildMarkdown(result, { linkBase: githubBlobBase(process.env), repositoryPath });
};
function githubBlobBase(env) {
  const { GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_SHA } = env;
  if (!GITHUB_SERVER_URL || !GITHUB_REPOSITORY || !GITHUB_SHA) return void 0;
  return `${GITHUB_SERVER_URL}/${GITHUB_REPOSITORY}/blob/${GITHUB_SHA}/`;
}
var SEVERITIES = ["error", "warning", "note"];
var ICON = { error: "\u{1F534}", warning: "\u{1F7E0}", note: "\u{1F535}" };
var MAX_ROWS = 500;
function buildMarkdown(result, options = {}) {
  const rules = options.rules ?? allRules;
  const link = (file) => fileLink(options.repositoryPath ? options.repositoryPath(file) : file, options.linkBase);
  const out = ["## cors-lint", ""];
  const count = (s) => result.findings.filter((f) => f.severity === s).length;
  const files = result.stats.filesScanned;
  const scope = `${plural(files, "file")} with CORS configuration, ${plural(result.policies.length, "policy", "policies")}`;
  if (!result.findings.length) {
    out.push(`\u2705 No CORS findings (${scope}).`, "");
  } else {
    out.push(`**${SEVERITIES.map((s) => plural(count(s), s)).join(", ")}** in ${scope}.`, "");
    out.push(...byRuleTable(result.findings, rules), "");
    const ordered = [...result.findings].sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity));
    const witnesses = ordered.some((f) => f.witness !== void 0);
    out.push("### Findings", "", `| Location | Severity | Rule | Message |${witnesses ? " Witness |" : ""}`, `|---|---|---|---|${witnesses ? "---|" : ""}`);
    for (const f of ordered.slice(0, MAX_ROWS)) out.push(findingRow(f, rules, link, witnesses));
    if (ordered.length > MAX_ROWS) out.push("", `\u2026 and ${ordered.length - MAX_ROWS} more (see the SARIF report or the log).`);
    out.push("");
  }
  const safe = result.findings.filter((f) => f.fix?.applicability === "safe").length;
  const unsafe = result.findings.filter((f) => f.fix?.applicability === "unsafe").length;
  if (safe) out.push(`${plural(safe, "finding")} fixable with \`cors-lint --fix\`${unsafe ? `, ${unsafe} more with \`--unsafe-fixes\`` : ""}.`, "");
  else if (unsafe) out.push(`${plural(unsafe, "finding")} fixable with \`cors-lint --fix --unsafe-fixes\`.`, "");
  if (result.suppressed) out.push(`${plural(result.suppressed, "finding")} suppressed inline.`, "");
  if (result.diagnostics.length) {
    out.push("### Diagnostics", "", "| File | Kind | Message |", "|---|---|---|");
    for (const d of result.diagnostics) out.push(diagnosticRow(d, link));
    out.push("");
  }
  return `${out.join("\n")}
`;
}
function byRuleTable(findings, rules) {
  const counts = /* @__PURE__ */ new Map();
  for (const f of findings) {
    const row = counts.get(f.ruleId) ?? { error: 0, warning: 0, note: 0 };
    row[f.severity]++;
    counts.set(f.ruleId, row);
  }
  const rows = [...counts].sort(([a], [b]) => a.localeCompare(b));
  return [
    "| Rule | Errors | Warnings | Notes |",
    "|---|--:|--:|--:|",
    ...rows.map(([id, c]) => `| ${ruleLink(id, rules)} | ${c.error} | ${c.warning} | ${c.note} |`)
  ];
}
function findingRow(f, rules, link, witnessColumn) {
  const where = `${f.location.file}:${f.location.line}`;
  const location = `[${cell(where)}](${link(f.location.file)}#L${f.location.line})`;
  const witness = witnessColumn ? ` ${f.witness !== void 0 ? code(f.witness) : ""} |` : "";
  return `| ${location} | ${ICON[f.severity]} ${f.severity} | ${ruleLink(f.ruleId, rules)} | ${cell(f.message)} |${witness}`;
}
function diagnosticRow(d, link) {
  const where = d.line !== void 0 ? `${d.file}:${d.line}` : d.file;
  const file = d.file && d.file !== "." && !d.file.includes(", ") ? `[${cell(where)}](${link(d.file)}${d.line !== void 0 ? `#L${d.line}` : ""})` : cell(where);
  return `| ${file} | ${d.kind} | ${cell(firstLine(d.message))} |`;
}
function ruleLink(id, rules) {
  const url = rules.find((r) => r.meta.id === id)?.meta.docs.url ?? `${DOCS_BASE_URL}/${id}/README.md`;
  return `[\`${id}\`](${url})`;
}
function fileLink(file, linkBase) {
  const encoded = file.split("/").map(encodeURIComponent).join("/");
  return `${linkBase ?? ""}${encoded}`;
}
function cell(text) {
  return text.split(/(`[^`\n]+`)/).map((part, i) => i % 2 === 1 ? part.replace(/\|/g, "\\|") : plain(part)).join("");
}
function plain(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/[\\`*_[\]~|]/g, "\\$&").replace(/\r?\n/g, "<br>");
}
function code(text) {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${pad}${text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ")}${pad}${fence}`;
}
function firstLine(text) {
  return text.split(/\r?\n/)[0];
}
function plural(n, word, many = `${word}s`) {
  return `${n} ${n === 1 ? word : many}`;
}

// src/format/rdjson.ts
import path3 from "node:path";

// src/fix/apply.ts
function isApplicable(fix, unsafe) {
  return fix !== void 0 && (fix.applicability === "safe" || unsafe);
}
function applyFixes(text, fixes) {
  const sorted = [...fixes].sort((a, b) => firstStart(a) - firstStart(b));
  const taken = [];
  const applied = [];
  const deferred = [];
  const seen = /* @__PURE__ */ new Set();
  for (const fix of sorted) {
    const key = JSON.stringify(fix.edits.map((e) => [e.start, e.end, e.replacement]));
    if (seen.has(key)) {
      applied.push(fix);
      continue;
    }
    if (fix.edits.some((e) => e.start > e.end || e.end > text.length || taken.some((t) => overlaps(e, t)))) {
      deferred.push(fix);
      continue;
    }
    seen.add(key);
    taken.push(...fix.edits);
    applied.push(fix);
  }
  return { text: applyEdits(text, taken), applied, deferred };
}
function applyEdits(text, edits) {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) out = out.slice(0, e.start) + e.replacement + out.slice(e.end);
  return out;
}
function firstStart(fix) {
  return Math.min(...fix.edits.map((e) => e.start));
}
function overlaps(a, b) {
  if (a.start < b.end && b.start < a.end) return true;
  const aEmpty = a.start === a.end;
  const bEmpty = b.start === b.end;
  if (aEmpty && (a.start === b.start || a.start === b.end)) return true;
  if (bEmpty && (b.start === a.start || b.start === a.end)) return true;
  return false;
}

// src/format/rdjson.ts
var SOURCE = { name: "cors-lint", url: "https://github.com/cors-lint/cors-lint" };
var SEVERITY = { error: "ERROR", warning: "WARNING", note: "INFO" };
var formatRdjson = ({ result, cwd, unsafeFixes = false }) => {
  const sources = /* @__PURE__ */ new Map();
  const sourceOf = (file) => {
    if (!sources.has(file)) {
      const read = readSource(path3.resolve(cwd, file), file, Number.MAX_SAFE_INTEGER);
      sources.set(file, read.ok ? new SourceText(file, read.text) : void 0);
    }
    return sources.get(file);
  };
  const position = (file, line2, column) => {
    const source = sourceOf(file);
    const start = source?.offset(line2, 1);
    if (!source || start === void 0) return { line: line2, column };
    return { line: line2, column: Buffer.byteLength(source.text.slice(start, start + column - 1), "utf8") + 1 };
  };
  const at = (file, offset) => {
    const p = sourceOf(file).position(offset);
    return position(file, p.line, p.column);
  };
  const suggestion = (fix) => {
    const file = fix.edits[0].file;
    const source = sourceOf(file);
    if (!source) return fix.edits.map((e) => ({ range: { start: position(file, e.line, e.column), end: position(file, e.endLine, e.endColumn) }, text: e.replacement }));
    const lines = lineWise(source, fix.edits);
    return [{ range: { start: at(file, lines.start), end: at(file, lines.end) }, text: lines.text }];
  };
  const diagnostics = result.findings.map((f) => ({
    message: f.message,
    location: {
      path: f.location.file,
      range: { start: position(f.location.file, f.location.line, f.location.column), end: position(f.location.file, f.location.endLine, f.location.endColumn) }
    },
    severity: SEVERITY[f.severity],
    source: SOURCE,
    code: { value: f.ruleId, url: `${DOCS_BASE_URL}/${f.ruleId}/README.md` },
    // reviewdog applies a suggestion to the diagnostic's own file: a fix elsewhere (a constant's definition) is not one.
    ...isApplicable(f.fix, unsafeFixes) && f.fix.edits.every((e) => e.file === f.location.file) ? { suggestions: suggestion(f.fix) } : {}
  }));
  const worst = result.findings.some((f) => f.severity === "error") ? "ERROR" : result.findings.some((f) => f.severity === "warning") ? "WARNING" : result.findings.length ? "INFO" : void 0;
  return `${JSON.stringify({ source: SOURCE, ...worst ? { severity: worst } : {}, diagnostics }, null, 2)}
`;
};

// src/format/sarif.ts
import fs2 from "node:fs";
import path5 from "node:path";
import { pathToFileURL } from "node:url";

// src/package-root.ts
import fs from "node:fs";
import path4 from "node:path";
import { fileURLToPath } from "node:url";
var cached;
function packageRoot() {
  if (cached) return cached;
  let dir = path4.dirname(fileURLToPath(import.meta.url));
  for (; ; ) {
    const pkg = path4.join(dir, "package.json");
    if (fs.existsSync(pkg)) {
      try {
        if (JSON.parse(fs.readFileSync(pkg, "utf8")).name === "cors-lint") return cached = dir;
      } catch {
      }
    }
    const parent = path4.dirname(dir);
    if (parent === dir) throw new Error("cannot find the cors-lint package folder");
    dir = parent;
  }
}
function packageVersion() {
  return JSON.parse(fs.readFileSync(path4.join(packageRoot(), "package.json"), "utf8")).version;
}
function ruleReadmePath(ruleId) {
  return path4.join(packageRoot(), "rules", ruleId, "README.md");
}

// src/format/sarif.ts
var SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
var INFORMATION_URI = "https://github.com/cors-lint/cors-lint";
var SRCROOT = "%SRCROOT%";
var FINGERPRINT_KEY = "corsLint/v1";
var formatSarif = ({ result, cwd, unsafeFixes }) => `${JSON.stringify(buildSarif(result, cwd, { versionControl: githubVersionControl(process.env), srcRoot: repositoryRoot(process.env, cwd), unsafeFixes }), null, 2)}
`;
function githubVersionControl(env) {
  const { GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_SHA, GITHUB_REF } = env;
  if (!GITHUB_SERVER_URL || !GITHUB_REPOSITORY) return void 0;
  return {
    repositoryUri: `${GITHUB_SERVER_URL}/${GITHUB_REPOSITORY}`,
    ...GITHUB_SHA ? { revisionId: GITHUB_SHA } : {},
    ...GITHUB_REF ? { branch: GITHUB_REF } : {}
  };
}
function buildSarif(result, cwd, options = {}) {
  const rules = options.rules ?? allRules;
  const readme = options.readme ?? readRuleReadme;
  const ruleIndex = new Map(rules.map((rule, index) => [rule.meta.id, index]));
  const occurrences = /* @__PURE__ */ new Map();
  const source = sourceLines(cwd);
  const srcRoot = path5.resolve(options.srcRoot ?? cwd);
  const uriOf = (file) => relativeUri(path5.relative(srcRoot, path5.resolve(cwd, file)).split(path5.sep).join("/"));
  const results = result.findings.map((finding) => {
    const index = ruleIndex.get(finding.ruleId);
    const fingerprint = finding.fingerprint ?? `${finding.ruleId}:${finding.location.file}:${finding.message}`;
    const occurrence = occurrences.get(fingerprint) ?? 0;
    occurrences.set(fingerprint, occurrence + 1);
    return {
      ruleId: finding.ruleId,
      ...index !== void 0 ? { ruleIndex: index } : {},
      level: finding.severity,
      message: { text: messageText(finding) },
      locations: [{ physicalLocation: physicalLocation(finding.location, uriOf, source(finding.location.file)) }],
      ...finding.relatedLocations?.length ? { relatedLocations: finding.relatedLocations.map((r, id) => ({ id, physicalLocation: physicalLocation(r.span, uriOf, source(r.span.file)), message: { text: r.message } })) } : {},
      partialFingerprints: { [FINGERPRINT_KEY]: `${fingerprint}:${occurrence}` },
      ...finding.witness !== void 0 ? { properties: { witness: finding.witness } } : {},
      ...isApplicable(finding.fix, options.unsafeFixes ?? false) ? { fixes: [sarifFix(finding.fix, uriOf)] } : {}
    };
  });
  const internalError = result.diagnostics.some(isInternalError);
  return {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "cors-lint",
            version: options.version ?? packageVersion(),
            semanticVersion: options.version ?? packageVersion(),
            informationUri: INFORMATION_URI,
            rules: rules.map((rule) => describeRule(rule, readme(rule.meta.id)))
          }
        },
        originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(srcRoot) } },
        ...options.versionControl ? { versionControlProvenance: [{ ...options.versionControl, mappedTo: { uriBaseId: SRCROOT } }] } : {},
        invocations: [
          {
            executionSuccessful: !internalError,
            toolExecutionNotifications: result.diagnostics.map((d) => notification(d, cwd, uriOf))
          }
        ],
        columnKind: "utf16CodeUnits",
        results
      }
    ]
  };
}
function describeRule(rule, readme) {
  const { id, docs, defaultSeverity } = rule.meta;
  const description = sentence(docs.description);
  const helpText = `${description} Documentation: ${docs.url}`;
  return {
    id,
    name: pascalCase(id),
    shortDescription: { text: shortText(description) },
    fullDescription: { text: description },
    help: { text: helpText, markdown: readme ?? `${description}

[Documentation](${docs.url})` },
    helpUri: docs.url,
    defaultConfiguration: { level: defaultSeverity, ...rule.meta.offByDefault ? { enabled: false } : {} },
    properties: {
      tags: ["security", "cors", ...docs.cwe.map((n) => `external/cwe/cwe-${n}`)],
      "security-severity": docs.securitySeverity.toFixed(1),
      precision: "high",
      problem: { severity: problemSeverity(defaultSeverity) }
    }
  };
}
function problemSeverity(severity) {
  return severity === "note" ? "recommendation" : severity;
}
function sarifFix(fix, uriOf) {
  return {
    description: { text: `${fix.description}${fix.applicability === "unsafe" ? " (unsafe fix: changes what is allowed; review it)" : ""}` },
    artifactChanges: [
      {
        artifactLocation: { uri: uriOf(fix.edits[0].file), uriBaseId: SRCROOT },
        replacements: fix.edits.map((e) => ({
          // An insertion is an empty region: start and end at the same point.
          deletedRegion: { startLine: e.line, startColumn: e.column, endLine: e.endLine, endColumn: e.endColumn },
          insertedContent: { text: e.replacement }
        }))
      }
    ]
  };
}
function physicalLocation(span, uriOf, lines) {
  const where = region(span);
  const snippet = lines ? regionText(lines, where) : void 0;
  const context = lines ? contextRegion(lines, where) : void 0;
  return {
    artifactLocation: { uri: uriOf(span.file), uriBaseId: SRCROOT },
    region: snippet !== void 0 ? { ...where, snippet: { text: snippet } } : where,
    ...context ? { contextRegion: context } : {}
  };
}
function regionText(lines, r) {
  const first = lines[r.startLine - 1];
  const last = lines[r.endLine - 1];
  if (first === void 0 || last === void 0) return void 0;
  if (r.startLine === r.endLine) return first.slice(r.startColumn - 1, r.endColumn - 1) || void 0;
  const middle = lines.slice(r.startLine, r.endLine - 1);
  return [first.slice(r.startColumn - 1), ...middle, last.slice(0, r.endColumn - 1)].join("\n");
}
function contextRegion(lines, r) {
  const startLine = Math.max(1, r.startLine - 1);
  const endLine = Math.min(lines.length, r.endLine + 1);
  if (lines[r.endLine - 1] === void 0 || startLine === r.startLine && endLine === r.endLine) return void 0;
  return { startLine, endLine, snippet: { text: lines.slice(startLine - 1, endLine).join("\n") } };
}
function sourceLines(cwd) {
  const cache = /* @__PURE__ */ new Map();
  return (file) => {
    if (!cache.has(file)) {
      cache.set(file, readLines(path5.resolve(cwd, file)));
    }
    return cache.get(file);
  };
}
function region(span) {
  const startLine = Math.max(1, span.line);
  const startColumn = Math.max(1, span.column);
  let endLine = Math.max(startLine, span.endLine);
  let endColumn = Math.max(1, span.endColumn);
  if (endLine === startLine && endColumn <= startColumn) endColumn = startColumn + 1;
  return { startLine, startColumn, endLine, endColumn };
}
function notification(d, cwd, uriOf) {
  const hasFile = d.file !== "." && d.file !== "" && fs2.existsSync(fsPath(path5.resolve(cwd, d.file)));
  const location = hasFile ? {
    physicalLocation: {
      artifactLocation: { uri: uriOf(d.file), uriBaseId: SRCROOT },
      ...d.line !== void 0 ? { region: { startLine: Math.max(1, d.line), startColumn: Math.max(1, d.column ?? 1) } } : {}
    }
  } : void 0;
  return {
    descriptor: { id: d.kind },
    level: notificationLevel(d),
    message: { text: sentence(hasFile || d.file === "." ? d.message : `${d.file}: ${d.message}`) },
    ...location ? { locations: [location] } : {}
  };
}
function notificationLevel(d) {
  if (d.kind === "parse-error" || d.kind === "config-error" || isInternalError(d)) return "error";
  if (d.kind === "file-skipped" || d.kind === "encoding") return "warning";
  return "note";
}
function messageText(finding) {
  const text = sentence(finding.message);
  return finding.witness !== void 0 && !finding.message.includes(finding.witness) ? `${text} Witness: ${finding.witness}` : text;
}
function sentence(text) {
  const trimmed = text.trim();
  return /[.!?;:]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
function shortText(description) {
  const first = /^(.+?[.!?])(\s|$)/.exec(description)?.[1] ?? description;
  return first;
}
function pascalCase(id) {
  return id.split(/[^A-Za-z0-9]+/).filter(Boolean).map((part) => part[0].toUpperCase() + part.slice(1)).join("");
}
function relativeUri(file) {
  return file.split(/[\\/]/).map((segment) => encodeURIComponent(segment)).join("/");
}
function directoryUri(dir) {
  const uri = pathToFileURL(path5.resolve(dir)).href;
  return uri.endsWith("/") ? uri : `${uri}/`;
}
function readRuleReadme(ruleId) {
  try {
    return fs2.readFileSync(ruleReadmePath(ruleId), "utf8");
  } catch {
    return void 0;
  }
}

// src/format/text.ts
import path6 from "node:path";

// src/format/ansi.ts
function palette(color) {
  const wrap2 = (open, close) => (s) => color ? `\x1B[${open}m${s}\x1B[${close}m` : s;
  return {
    red: wrap2(31, 39),
    yellow: wrap2(33, 39),
    cyan: wrap2(36, 39),
    dim: wrap2(2, 22),
    bold: wrap2(1, 22),
    underline: wrap2(4, 24)
  };
}

// src/format/text.ts
var formatText = ({ result, cwd, color, unsafeFixes = false, fixed, width }) => {
  const c = palette(color);
  const out = [];
  const byFile = /* @__PURE__ */ new Map();
  for (const f of result.findings) byFile.set(f.location.file, [...byFile.get(f.location.file) ?? [], f]);
  const severityLabel = { error: c.red("error"), warning: c.yellow("warning"), note: c.cyan("note") };
  for (const [file, findings] of byFile) {
    out.push(c.underline(printable(file)));
    const lines = readLines(path6.resolve(cwd, file));
    for (const [i, f] of findings.entries()) {
      const pos = `${f.location.line}:${f.location.column}`;
      const fixable = isApplicable(f.fix, unsafeFixes);
      const lead = 2 + 7 + 1 + f.severity.length + 2;
      const body = wrap(`${fixable ? "[*] " : ""}${printable(f.message)}  [${f.ruleId}]`, width, lead);
      const message = body.slice(fixable ? 4 : 0, body.length - f.ruleId.length - 2);
      out.push(`  ${c.dim(pos.padEnd(7))} ${severityLabel[f.severity]}  ${fixable ? `${c.bold("[*]")} ` : ""}${message}${c.dim(`[${f.ruleId}]`)}`);
      if (f.witness) out.push(`  ${" ".repeat(7)} ${c.dim("witness:")} ${f.witness}`);
      for (const r of f.relatedLocations ?? []) out.push(`  ${" ".repeat(7)} ${c.dim("see:")} ${printable(`${r.span.file}:${r.span.line}`)} ${c.dim(printable(r.message))}`);
      if (f.fix) out.push(`  ${" ".repeat(7)} ${c.dim(f.fix.applicability === "safe" ? "fix:" : "unsafe fix:")} ${printable(f.fix.description)}`);
      const next = findings[i + 1];
      if (!next || !sameSpan(next.location, f.location)) out.push(...codeFrame(lines, f, c.dim, c.red));
    }
    out.push("");
  }
  if (result.diagnostics.length) {
    out.push(c.bold("Diagnostics"));
    for (const d of result.diagnostics) out.push(`  ${formatDiagnostic(d)}`);
    out.push("");
  }
  if (fixed) out.push(c.bold(`Fixed ${fixed} finding${fixed === 1 ? "" : "s"}; the report shows what is left.`));
  out.push(summaryLine(result.findings, result.diagnostics.length, result.stats.filesScanned, result.policies.length, c.bold));
  const hint = fixableLine(result.findings, unsafeFixes);
  if (hint) out.push(hint);
  return `${out.join("\n")}
`;
};
function formatDiagnostic(d) {
  const where = d.line !== void 0 ? `${printable(d.file)}:${d.line}:${d.column ?? 1}` : printable(d.file);
  return `${where}: ${d.kind}: ${d.message}`;
}
function printable(text) {
  return text.replace(/[\u0000-\u001f\u007f]/g, (ch) => {
    const named = { "\n": "\\n", "\r": "\\r", "	": "\\t" };
    return named[ch] ?? `\\x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`;
  });
}
function summaryLine(findings, diagnostics, files, policies, bold) {
  const count = (s) => findings.filter((f) => f.severity === s).length;
  const plural2 = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const parts = [plural2(count("error"), "error"), plural2(count("warning"), "warning"), plural2(count("note"), "note")];
  const tail = `in ${plural2(files, "file")} with CORS configuration (${policies} ${policies === 1 ? "policy" : "policies"})`;
  const diag = diagnostics ? `, ${plural2(diagnostics, "diagnostic")}` : "";
  return bold(`${findings.length ? "\u2716" : "\u2714"} ${parts.join(", ")}${diag} ${tail}`);
}
var FRAME_WIDTH = 160;
function codeFrame(lines, f, dim, mark) {
  if (!lines) return [];
  const line2 = lines[f.location.line - 1];
  if (line2 === void 0) return [];
  const gutter = String(f.location.line).length;
  const frame = [];
  const show = (n, text, current) => `  ${current ? mark(">") : " "} ${dim(String(n).padStart(gutter))} ${dim("|")} ${clip(text)}`;
  const previous = lines[f.location.line - 2];
  if (previous !== void 0 && previous.trim()) frame.push(show(f.location.line - 1, previous, false));
  frame.push(show(f.location.line, line2, true));
  const start = f.location.column - 1;
  const end = f.location.endLine === f.location.line ? Math.max(f.location.endColumn - 1, start + 1) : line2.length;
  if (start < FRAME_WIDTH) {
    const width = Math.max(1, Math.min(end, FRAME_WIDTH) - start);
    frame.push(`    ${" ".repeat(gutter)} ${dim("|")} ${line2.slice(0, start).replace(/[^\t]/g, " ")}${mark("^".repeat(width))}`);
  }
  return frame;
}
function clip(text) {
  return text.length > FRAME_WIDTH ? `${text.slice(0, FRAME_WIDTH)}\u2026` : text;
}
function fixableLine(findings, unsafeFixes) {
  const safe = findings.filter((f) => f.fix?.applicability === "safe").length;
  const unsafe = findings.filter((f) => f.fix?.applicability === "unsafe").length;
  if (unsafeFixes) return safe + unsafe ? `[*] ${safe + unsafe} fixable with --fix --unsafe-fixes` : void 0;
  if (!safe && !unsafe) return void 0;
  const more = unsafe ? ` (${unsafe} more with --unsafe-fixes)` : "";
  return safe ? `[*] ${safe} fixable with --fix${more}` : `${unsafe} fixable with --fix --unsafe-fixes`;
}
function wrap(text, width, lead) {
  if (!width || width - lead < 20 || lead + text.length <= width) return text;
  const room = width - lead;
  const lines = [];
  let current = "";
  for (const word of text.split(/ +/)) {
    if (current && current.length + 1 + word.length > room) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) lines.push(current);
  return lines.join(`
${" ".repeat(lead)}`);
}
function sameSpan(a, b) {
  return a.line === b.line && a.column === b.column && a.endLine === b.endLine && a.endColumn === b.endColumn;
}

// src/format/index.ts
var formatters = {
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
  markdown: formatMarkdown,
  rdjson: formatRdjson
};

// src/model/types.ts
var SEVERITY_RANK = { note: 1, warning: 2, error: 3 };

// src/fix/run-fix.ts
import fs3 from "node:fs";
import path7 from "node:path";

// src/fix/diff.ts
var CONTEXT = 3;
function unifiedDiff(file, before, edits) {
  const source = new SourceText(file, before);
  const oldLines = splitKeepingEnds(before);
  const hunks = groupHunks(changesOf(source, edits));
  const out = [];
  let shift = 0;
  for (const hunk of hunks) {
    const start = Math.max(0, hunk[0].from - CONTEXT);
    const end = Math.min(oldLines.length - 1, hunk.at(-1).to + CONTEXT);
    const body = [];
    let oldCount = 0;
    let newCount = 0;
    let changed = false;
    let cursor = start;
    const context = (upTo) => {
      for (; cursor < upTo; cursor++) {
        body.push(line(" ", oldLines[cursor]));
        oldCount++;
        newCount++;
      }
    };
    for (const change of hunk) {
      const { removed, added, head, tail } = rewrite(before, oldLines, change);
      context(change.from + head);
      for (const l of removed) body.push(line("-", l));
      for (const l of added) body.push(line("+", l));
      oldCount += removed.length;
      newCount += added.length;
      changed ||= removed.length > 0 || added.length > 0;
      cursor = change.to + 1 - tail;
    }
    context(end + 1);
    if (!changed) continue;
    out.push(`@@ -${range(start + 1, oldCount)} +${range(start + 1 + shift, newCount)} @@
`, ...body);
    shift += newCount - oldCount;
  }
  return out.length ? `--- a/${file}
+++ b/${file}
${out.join("")}` : "";
}
function changesOf(source, edits) {
  const changes = [];
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    const from = source.position(e.start).line - 1;
    const to = source.position(Math.max(e.start, e.end - 1)).line - 1;
    const last = changes.at(-1);
    if (last && from <= last.to + 1) {
      last.to = Math.max(last.to, to);
      last.edits.push(e);
    } else changes.push({ from, to, edits: [e] });
  }
  return changes;
}
function groupHunks(changes) {
  const hunks = [];
  for (const c of changes) {
    const last = hunks.at(-1);
    if (last && c.from - last.at(-1).to <= 2 * CONTEXT + 1) last.push(c);
    else hunks.push([c]);
  }
  return hunks;
}
function rewrite(before, oldLines, change) {
  const startOffset = lineOffset(oldLines, change.from);
  const endOffset = lineOffset(oldLines, change.to + 1);
  const rebased = change.edits.map((e) => ({ ...e, start: e.start - startOffset, end: e.end - startOffset }));
  const removed = oldLines.slice(change.from, change.to + 1);
  const added = splitKeepingEnds(applyEdits(before.slice(startOffset, endOffset), rebased));
  let head = 0;
  while (head < removed.length && head < added.length && removed[head] === added[head]) head++;
  let tail = 0;
  while (tail < removed.length - head && tail < added.length - head && removed[removed.length - 1 - tail] === added[added.length - 1 - tail]) tail++;
  return { removed: removed.slice(head, removed.length - tail), added: added.slice(head, added.length - tail), head, tail };
}
function range(start, count) {
  return count === 1 ? String(start) : `${count === 0 ? start - 1 : start},${count}`;
}
function line(prefix, text) {
  return text.endsWith("\n") ? `${prefix}${text}` : `${prefix}${text}
\\ No newline at end of file
`;
}
function lineOffset(lines, index) {
  let offset = 0;
  for (let i = 0; i < index && i < lines.length; i++) offset += lines[i].length;
  return offset;
}
function splitKeepingEnds(text) {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

// src/fix/parse-check.ts
async function syntaxError(file, text, language = classify(file) ?? "nginx") {
  if (/\.ya?ml$/i.test(file)) {
    const error2 = parseYaml(text).error;
    return error2 ? `${error2.line}:${error2.column} invalid YAML: ${error2.message}` : void 0;
  }
  if (/\.toml$/i.test(file)) {
    try {
      parse(text);
      return void 0;
    } catch (error2) {
      const at = error2;
      return `${at.line ?? 1}:${at.column ?? 1} invalid TOML: ${at.message.split("\n")[0]}`;
    }
  }
  if (language === "python") {
    const tree = await parsePython(text);
    try {
      const error2 = firstSyntaxError(tree.rootNode);
      return error2 ? `${error2.startPosition.row + 1}:${error2.startPosition.column + 1} invalid Python syntax` : void 0;
    } finally {
      tree.delete();
    }
  }
  if (language === "js") {
    await loadJsParser();
    const outcome = parseJs(text, file);
    return outcome.ok ? void 0 : `${outcome.line}:${outcome.column} ${outcome.message}`;
  }
  const error = parseNginx(text, file).diagnostics.find((d) => d.kind === "parse-error");
  return error ? `${error.line ?? 1}:${error.column ?? 1} ${error.message}` : void 0;
}

// src/fix/run-fix.ts
async function lintAndFix(paths, lintOptions, options) {
  const cwd = path7.resolve(lintOptions.cwd ?? process.cwd());
  const maxRounds = options.write ? options.maxRounds ?? 10 : 1;
  const diagnostics = [];
  const changes = /* @__PURE__ */ new Map();
  const refused = /* @__PURE__ */ new Set();
  const stuck = /* @__PURE__ */ new Set();
  const keyOf = (f) => `${f.fix.edits[0].file}\0${f.ruleId}\0${f.fingerprint ?? f.message}`;
  let fixed = 0;
  const select = options.select ?? ((r) => r);
  let result = select(await lint(paths, lintOptions));
  for (let round = 0; round < maxRounds; round++) {
    const byFile = /* @__PURE__ */ new Map();
    const before = /* @__PURE__ */ new Map();
    const applied = /* @__PURE__ */ new Map();
    for (const f of result.findings) {
      if (!isApplicable(f.fix, options.unsafe)) continue;
      const file = f.fix.edits[0].file;
      if (refused.has(file) || stuck.has(keyOf(f)) || f.fix.edits.some((e) => e.file !== file)) continue;
      before.set(keyOf(f), (before.get(keyOf(f)) ?? 0) + 1);
      byFile.set(file, [...byFile.get(file) ?? [], f]);
    }
    let appliedThisRound = 0;
    for (const [file, findings] of byFile) {
      const abs = path7.resolve(cwd, file);
      const read = readForFix(abs);
      if ("error" in read) {
        diagnostics.push({ kind: "fix-skipped", file, message: `not fixed: ${read.error}` });
        refused.add(file);
        continue;
      }
      const { text: after2, applied: taken } = applyFixes(read.text, findings.map((f) => f.fix));
      if (!taken.length || after2 === read.text) continue;
      const error = await syntaxError(file, after2);
      if (error && !await syntaxError(file, read.text)) {
        diagnostics.push({ kind: "fix-skipped", file, message: `not fixed: the fixed file would not parse (${error}); the file is left as it is` });
        refused.add(file);
        continue;
      }
      const change = changes.get(file) ?? { file, before: read.text, after: read.text, edits: [] };
      change.after = after2;
      change.edits.push(...taken.flatMap((f) => f.edits));
      changes.set(file, change);
      if (options.write) fs3.writeFileSync(abs, read.bom + after2);
      const done = findings.filter((f) => taken.includes(f.fix));
      for (const f of done) applied.set(keyOf(f), (applied.get(keyOf(f)) ?? 0) + 1);
      fixed += done.length;
      appliedThisRound++;
    }
    if (!appliedThisRound || !options.write) break;
    result = select(await lint(paths, lintOptions));
    const after = /* @__PURE__ */ new Map();
    for (const f of result.findings) if (f.fix) after.set(keyOf(f), (after.get(keyOf(f)) ?? 0) + 1);
    for (const [key, count] of applied) {
      if ((after.get(key) ?? 0) <= (before.get(key) ?? 0) - count) continue;
      stuck.add(key);
      const [file, ruleId] = key.split("\0");
      fixed -= count;
      diagnostics.push({ kind: "fix-skipped", file, message: `the ${ruleId} fix did not resolve its finding; it was applied once and is not applied again` });
    }
  }
  const list = [...changes.values()].sort((a, b) => a.file.localeCompare(b.file));
  const patch = options.write ? "" : list.map((c) => unifiedDiff(c.file, c.before, c.edits)).join("");
  return { result, fixed, changes: list, diagnostics, patch };
}
var UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
function readForFix(abs) {
  let bytes;
  try {
    bytes = fs3.readFileSync(abs);
  } catch (error) {
    return { error: error.message };
  }
  if (bytes[0] === 255 && bytes[1] === 254 || bytes[0] === 254 && bytes[1] === 255) return { error: "the file is UTF-16; only UTF-8 files are rewritten" };
  let text;
  try {
    text = UTF8.decode(bytes);
  } catch {
    return { error: "the file is not valid UTF-8, and rewriting it would change its bytes" };
  }
  return text.startsWith("\uFEFF") ? { text: text.slice(1), bom: "\uFEFF" } : { text, bom: "" };
}

export {
  formatGithub,
  githubBlobBase,
  buildMarkdown,
  packageVersion,
  ruleReadmePath,
  githubVersionControl,
  buildSarif,
  formatters,
  SEVERITY_RANK,
  lintAndFix
};
