// The library API of the `cors-lint` package: `import { lint } from 'cors-lint'`.
// Everything exported here is public interface; fields are only ever added.

export { lint, type LintOptions, type LintResult } from './lint.js';
export { lintAndFix, type FixOptions, type FixRun, type FileChange } from './fix/run-fix.js';
export { ConfigError } from './config/load.js';
export type { Config, RuleEntry, RuleLevel, Override } from './config/types.js';
export { SEVERITY_RANK } from './model/types.js';
export type {
  CorsPolicy,
  Diagnostic,
  DiagnosticKind,
  DroppedHeaders,
  EmittedHeader,
  Finding,
  Fix,
  FixApplicability,
  FixEdit,
  Language,
  Library,
  OrderFacts,
  OriginEntry,
  OriginMatcher,
  PolicyScope,
  PreflightHandling,
  Provenance,
  RegexFlavor,
  RegexMode,
  Severity,
  Span,
  Stack,
  UpstreamProxy,
  Valued,
} from './model/types.js';
export { formatters } from './format/index.js';
export type { Formatter, FormatContext } from './format/formatter.js';
