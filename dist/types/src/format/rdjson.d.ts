import type { Formatter } from './formatter.js';
/**
 * reviewdog's Diagnostic Format, rdjson (the `DiagnosticResult` message of proto/rdf/reviewdog.proto):
 * one diagnostic per finding with severity, source, rule code with its documentation URL, an exclusive
 * range, and each fix as one line-based suggestion (safe fixes; unsafe ones too with --unsafe-fixes),
 * which `reviewdog -f=rdjson -reporter=github-pr-review` posts as a suggested change. Columns are UTF-8
 * byte counts, as the format wants (cors-lint's own are UTF-16 code units).
 */
export declare const formatRdjson: Formatter;
