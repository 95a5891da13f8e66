import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { allRules } from '../../rules/index.js';
import { isApplicable } from '../fix/apply.js';
import type { LintResult } from '../lint.js';
import type { Diagnostic, Finding, Fix, Severity, Span } from '../model/types.js';
import { packageVersion, ruleReadmePath } from '../package-root.js';
import type { AnyRule } from '../rules/define-rule.js';
import type { Formatter } from './formatter.js';
import { repositoryRoot } from './github.js';
import { isInternalError } from '../model/diagnostics.js';
import { fsPath } from '../discover/fs-names.js';
import { readLines } from '../discover/read-source.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const INFORMATION_URI = 'https://github.com/cors-lint/cors-lint';
/** Every result URI is relative to this base; `originalUriBaseIds` says where it was on disk. */
export const SRCROOT = '%SRCROOT%';
/** Key of our partial fingerprint; bump the version if the fingerprint's recipe ever changes. */
export const FINGERPRINT_KEY = 'corsLint/v1';

export interface SarifOptions {
  /** The rules to describe in tool.driver.rules (default: every registered rule). */
  rules?: readonly AnyRule[];
  /** Tool version (default: the package version). */
  version?: string;
  /** The rule's README (Markdown) for help.markdown; undefined when there is none. */
  readme?: (ruleId: string) => string | undefined;
  /**
   * The folder result URIs are relative to (`%SRCROOT%`); default the current directory. Inside GitHub
   * Actions it is the workspace, so a run from a sub-folder still gives repository-relative paths.
   */
  srcRoot?: string;
  /** Also carry unsafe fixes in `fixes` (--unsafe-fixes); safe ones always are. */
  unsafeFixes?: boolean;
  /** The repository and commit the scanned tree is (GitHub Actions: from GITHUB_* variables). */
  versionControl?: { repositoryUri: string; revisionId?: string; branch?: string };
}

/** SARIF 2.1.0 for GitHub code scanning (`--format sarif`). */
export const formatSarif: Formatter = ({ result, cwd, unsafeFixes }) =>
  `${JSON.stringify(buildSarif(result, cwd, { versionControl: githubVersionControl(process.env), srcRoot: repositoryRoot(process.env, cwd), unsafeFixes }), null, 2)}\n`;

/** The checked-out repository and commit inside a GitHub Actions run, else undefined. */
export function githubVersionControl(env: NodeJS.ProcessEnv): SarifOptions['versionControl'] {
  const { GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_SHA, GITHUB_REF } = env;
  if (!GITHUB_SERVER_URL || !GITHUB_REPOSITORY) return undefined;
  return {
    repositoryUri: `${GITHUB_SERVER_URL}/${GITHUB_REPOSITORY}`,
    ...(GITHUB_SHA ? { revisionId: GITHUB_SHA } : {}),
    ...(GITHUB_REF ? { branch: GITHUB_REF } : {}),
  };
}

export function buildSarif(result: LintResult, cwd: string, options: SarifOptions = {}): Sarif.Log {
  const rules = options.rules ?? allRules;
  const readme = options.readme ?? readRuleReadme;
  const ruleIndex = new Map(rules.map((rule, index) => [rule.meta.id, index]));
  const occurrences = new Map<string, number>();
  const source = sourceLines(cwd);
  const srcRoot = path.resolve(options.srcRoot ?? cwd);
  const uriOf = (file: string) => relativeUri(path.relative(srcRoot, path.resolve(cwd, file)).split(path.sep).join('/'));

  const results = result.findings.map((finding): Sarif.Result => {
    const index = ruleIndex.get(finding.ruleId);
    const fingerprint = finding.fingerprint ?? `${finding.ruleId}:${finding.location.file}:${finding.message}`;
    // Identical findings (same rule, file and offending text) stay apart by their order in the file,
    // which unrelated edits do not change.
    const occurrence = occurrences.get(fingerprint) ?? 0;
    occurrences.set(fingerprint, occurrence + 1);
    return {
      ruleId: finding.ruleId,
      ...(index !== undefined ? { ruleIndex: index } : {}),
      level: finding.severity,
      message: { text: messageText(finding) },
      locations: [{ physicalLocation: physicalLocation(finding.location, uriOf, source(finding.location.file)) }],
      ...(finding.relatedLocations?.length
        ? { relatedLocations: finding.relatedLocations.map((r, id) => ({ id, physicalLocation: physicalLocation(r.span, uriOf, source(r.span.file)), message: { text: r.message } })) }
        : {}),
      partialFingerprints: { [FINGERPRINT_KEY]: `${fingerprint}:${occurrence}` },
      ...(finding.witness !== undefined ? { properties: { witness: finding.witness } } : {}),
      ...(isApplicable(finding.fix, options.unsafeFixes ?? false) ? { fixes: [sarifFix(finding.fix, uriOf)] } : {}),
    };
  });

  const internalError = result.diagnostics.some(isInternalError);
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'cors-lint',
            version: options.version ?? packageVersion(),
            semanticVersion: options.version ?? packageVersion(),
            informationUri: INFORMATION_URI,
            rules: rules.map((rule) => describeRule(rule, readme(rule.meta.id))),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(srcRoot) } },
        ...(options.versionControl ? { versionControlProvenance: [{ ...options.versionControl, mappedTo: { uriBaseId: SRCROOT } }] } : {}),
        invocations: [
          {
            executionSuccessful: !internalError,
            toolExecutionNotifications: result.diagnostics.map((d) => notification(d, cwd, uriOf)),
          },
        ],
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

function describeRule(rule: AnyRule, readme: string | undefined): Sarif.ReportingDescriptor {
  const { id, docs, defaultSeverity } = rule.meta;
  const description = sentence(docs.description);
  const helpText = `${description} Documentation: ${docs.url}`;
  return {
    id,
    name: pascalCase(id),
    shortDescription: { text: shortText(description) },
    fullDescription: { text: description },
    help: { text: helpText, markdown: readme ?? `${description}\n\n[Documentation](${docs.url})` },
    helpUri: docs.url,
    defaultConfiguration: { level: defaultSeverity, ...(rule.meta.offByDefault ? { enabled: false } : {}) },
    properties: {
      tags: ['security', 'cors', ...docs.cwe.map((n) => `external/cwe/cwe-${n}`)],
      'security-severity': docs.securitySeverity.toFixed(1),
      precision: 'high',
      problem: { severity: problemSeverity(defaultSeverity) },
    },
  };
}

/** GitHub's `problem.severity` for non-security views: error, warning, recommendation. */
function problemSeverity(severity: Severity): string {
  return severity === 'note' ? 'recommendation' : severity;
}

/** SARIF §3.55: one artifactChange for the file, a replacement (deletedRegion + insertedContent) per edit. */
function sarifFix(fix: Fix, uriOf: (file: string) => string): Sarif.Fix {
  return {
    description: { text: `${fix.description}${fix.applicability === 'unsafe' ? ' (unsafe fix: changes what is allowed; review it)' : ''}` },
    artifactChanges: [
      {
        artifactLocation: { uri: uriOf(fix.edits[0]!.file), uriBaseId: SRCROOT },
        replacements: fix.edits.map((e) => ({
          // An insertion is an empty region: start and end at the same point.
          deletedRegion: { startLine: e.line, startColumn: e.column, endLine: e.endLine, endColumn: e.endColumn },
          insertedContent: { text: e.replacement },
        })),
      },
    ],
  };
}

function physicalLocation(span: Span, uriOf: (file: string) => string, lines: string[] | undefined): Sarif.PhysicalLocation {
  const where = region(span);
  const snippet = lines ? regionText(lines, where) : undefined;
  const context = lines ? contextRegion(lines, where) : undefined;
  return {
    artifactLocation: { uri: uriOf(span.file), uriBaseId: SRCROOT },
    region: snippet !== undefined ? { ...where, snippet: { text: snippet } } : where,
    ...(context ? { contextRegion: context } : {}),
  };
}

/** The text a region covers (columns are 1-based, endColumn exclusive). */
function regionText(lines: string[], r: Sarif.Region): string | undefined {
  const first = lines[r.startLine! - 1];
  const last = lines[r.endLine! - 1];
  if (first === undefined || last === undefined) return undefined;
  if (r.startLine === r.endLine) return first.slice(r.startColumn! - 1, r.endColumn! - 1) || undefined;
  const middle = lines.slice(r.startLine!, r.endLine! - 1);
  return [first.slice(r.startColumn! - 1), ...middle, last.slice(0, r.endColumn! - 1)].join('\n');
}

/** The region's lines with one line of context either side, for viewers that show a code frame. */
function contextRegion(lines: string[], r: Sarif.Region): Sarif.Region | undefined {
  const startLine = Math.max(1, r.startLine! - 1);
  const endLine = Math.min(lines.length, r.endLine! + 1);
  // A context region must be a proper superset of the region: skip it when there are no lines around.
  if (lines[r.endLine! - 1] === undefined || (startLine === r.startLine && endLine === r.endLine)) return undefined;
  return { startLine, endLine, snippet: { text: lines.slice(startLine - 1, endLine).join('\n') } };
}

/** Cached lines of each reported file, undefined when the file cannot be read. */
function sourceLines(cwd: string): (file: string) => string[] | undefined {
  const cache = new Map<string, string[] | undefined>();
  return (file) => {
    if (!cache.has(file)) {
      cache.set(file, readLines(path.resolve(cwd, file)));
    }
    return cache.get(file);
  };
}

function region(span: Span): Sarif.Region {
  const startLine = Math.max(1, span.line);
  const startColumn = Math.max(1, span.column);
  let endLine = Math.max(startLine, span.endLine);
  let endColumn = Math.max(1, span.endColumn);
  // SARIF wants a non-empty, forward region; a zero-width span marks one character.
  if (endLine === startLine && endColumn <= startColumn) endColumn = startColumn + 1;
  return { startLine, startColumn, endLine, endColumn };
}

function notification(d: Diagnostic, cwd: string, uriOf: (file: string) => string): Sarif.Notification {
  const hasFile = d.file !== '.' && d.file !== '' && fs.existsSync(fsPath(path.resolve(cwd, d.file)));
  const location: Sarif.Location | undefined = hasFile
    ? {
        physicalLocation: {
          artifactLocation: { uri: uriOf(d.file), uriBaseId: SRCROOT },
          ...(d.line !== undefined ? { region: { startLine: Math.max(1, d.line), startColumn: Math.max(1, d.column ?? 1) } } : {}),
        },
      }
    : undefined;
  return {
    descriptor: { id: d.kind },
    level: notificationLevel(d),
    message: { text: sentence(hasFile || d.file === '.' ? d.message : `${d.file}: ${d.message}`) },
    ...(location ? { locations: [location] } : {}),
  };
}

function notificationLevel(d: Diagnostic): Sarif.Notification.level {
  if (d.kind === 'parse-error' || d.kind === 'config-error' || isInternalError(d)) return 'error';
  if (d.kind === 'file-skipped' || d.kind === 'encoding') return 'warning';
  return 'note';
}

function messageText(finding: Finding): string {
  const text = sentence(finding.message);
  return finding.witness !== undefined && !finding.message.includes(finding.witness) ? `${text} Witness: ${finding.witness}` : text;
}

/**
 * SARIF messages read as sentences ending in a period (SARIF §3.11 guidance), unless they already end
 * in punctuation, such as a suggested nginx directive ending in `;`.
 */
function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?;:]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** The first sentence, for shortDescription. */
function shortText(description: string): string {
  const first = /^(.+?[.!?])(\s|$)/.exec(description)?.[1] ?? description;
  return first;
}

function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}

/** A display path (relative, `/`) as a relative URI reference. */
function relativeUri(file: string): string {
  return file
    .split(/[\\/]/)
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

function directoryUri(dir: string): string {
  const uri = pathToFileURL(path.resolve(dir)).href;
  return uri.endsWith('/') ? uri : `${uri}/`;
}

function readRuleReadme(ruleId: string): string | undefined {
  try {
    return fs.readFileSync(ruleReadmePath(ruleId), 'utf8');
  } catch {
    return undefined;
  }
}
