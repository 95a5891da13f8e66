// Text and JSON output of `cors-lint check`.
import fs from 'node:fs';
import path from 'node:path';
import type { Span } from '../model/types.js';
import type { HeaderBag } from '../simulate/header-bag.js';
import type { SimRequest } from '../simulate/types.js';
import { LIBRARY_PACKAGES } from '../version/packages.js';
import type { CheckResult } from './run-check.js';

export interface RenderContext {
  /** The simulated request, for the header line of the text output. */
  request?: SimRequest;
  /** To read source lines for the text output; default process.cwd(). */
  cwd?: string;
  /** The origins came from the repository's frontends (no --origin given). */
  fromFrontends?: Array<{ origin: string; frontend: string; how: string; backend: string; proxied?: string }>;
}

/** JSON: exactly {"results":[{location:{file,line},stack,allowed,reason,preflight:{status,headers}|null,response:{headers}}]}. */
function renderJson(results: CheckResult[], ctx: RenderContext = {}): string {
  const out = {
    ...(ctx.fromFrontends ? { origins: ctx.fromFrontends } : {}),
    results: results.map((r) => ({
      ...(r.caller ? { origin: r.caller.origin, frontend: r.caller.frontend, ...(r.caller.environment ? { environment: r.caller.environment } : {}) } : {}),
      location: { file: r.location.file, line: r.location.line },
      stack: r.stack,
      ...(r.path ? { path: r.path } : {}),
      allowed: r.allowed,
      reason: r.reason,
      preflight: r.preflight ? { status: r.preflight.status, headers: r.preflight.headers } : null,
      response: { headers: r.response.headers },
    })),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

function headerLines(headers: HeaderBag, indent: string): string[] {
  const lines: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    for (const v of Array.isArray(value) ? value : [value]) lines.push(`${indent}${name}: ${v}`);
  }
  return lines.length ? lines : [`${indent}(no CORS headers)`];
}

function sourceLine(cwd: string, span: Span): string | undefined {
  try {
    return fs.readFileSync(path.resolve(cwd, span.file), 'utf8').split(/\r?\n/)[span.line - 1];
  } catch {
    return undefined;
  }
}

function describeRequest(r: SimRequest): string {
  // Without --path each configuration is asked at its own path (a location's), shown per result.
  const parts = [`${r.method.toUpperCase()}${r.path ? ` ${r.path}` : ''}`, r.origin === undefined ? 'without an Origin header' : `from ${r.origin}`];
  if (r.credentials) parts.push(`with credentials: 'include'${r.cookie === false ? ' (no cookie yet)' : ''}`);
  if (r.requestHeaders.length) parts.push(`with headers ${r.requestHeaders.join(', ')}`);
  return parts.join(' ');
}

function renderText(results: CheckResult[], ctx: RenderContext): string {
  const cwd = ctx.cwd ?? process.cwd();
  const out: string[] = [];
  if (ctx.fromFrontends) {
    out.push('No --origin given: using the origins of the frontends found in the repository.');
    for (const f of ctx.fromFrontends) out.push(`  ${f.origin}  ${f.frontend}, ${f.how}`, `    calls ${f.backend}${f.proxied ? `; same-origin: ${f.proxied}, so no CORS is needed` : ''}`);
    out.push('');
  }
  if (ctx.request) out.push(`Request: ${describeRequest(ctx.fromFrontends ? { ...ctx.request, origin: 'each frontend origin above' } : ctx.request)}`, '');
  if (!results.length) {
    out.push("No CORS configuration found: the response carries no Access-Control-Allow-Origin header, so the browser blocks every cross-origin read.");
    return `${out.join('\n')}\n`;
  }
  for (const r of results) {
    const d = r.detail;
    const versioned = d.library in LIBRARY_PACKAGES;
    const version = !versioned ? '' : d.libraryVersion ? ` ${d.libraryVersion}${d.libraryVersionSource ? ` (${d.libraryVersionSource})` : ''}` : ' (newest behaviour; no version pinned)';
    if (r.path) {
      out.push(`${r.location.file}:${r.location.line}:${d.column}  path through a proxy`);
      out.push(`  path       browser -> ${r.path.layers.map((l) => `${l.label} (${l.file}:${l.line})`).join(' -> ')}`);
      out.push(`  ${r.path.linked ? 'linked' : 'guessed'}     ${r.path.how}`);
    } else out.push(`${r.location.file}:${r.location.line}:${d.column}  ${r.stack} · ${d.library}${version} · ${d.scope}`);
    const answeredBy = (who: 'proxy' | 'app' | undefined) => (!r.path || !who ? '' : who === 'proxy' ? '  [answered by the proxy]' : '  [the application, through the proxy]');
    if (r.caller) out.push(`  from       ${r.caller.origin} (${r.caller.frontend})${r.caller.environment ? `, environment ${r.caller.environment}` : ", the code's default"}`);
    if (r.preflight && d.preflightRequest) {
      const acrh = d.preflightRequest.headers['access-control-request-headers'];
      out.push(`  preflight  OPTIONS ${d.preflightRequest.path}  (Access-Control-Request-Method: ${d.preflightRequest.headers['access-control-request-method']}${acrh ? `, Access-Control-Request-Headers: ${acrh}` : ''})`);
      out.push(`    -> ${r.preflight.status ?? 'status set by application code'}${d.preflightProducedBy ? `  ${d.preflightProducedBy}` : ''}${answeredBy(r.path?.preflightDecidedBy)}`);
      out.push(...headerLines(r.preflight.headers, '       '));
    } else {
      out.push('  preflight  none (simple request)');
    }
    if (d.actualRequest) {
      out.push(`  request    ${d.actualRequest.method} ${d.actualRequest.path}`);
      out.push(`    -> ${d.actualStatus ?? 'status set by application code'}${d.actualProducedBy ? `  ${d.actualProducedBy}` : ''}${answeredBy(r.path?.actualDecidedBy)}`);
      out.push(...headerLines(r.response.headers, '       '));
    }
    const verdict = d.unknown ? 'UNKNOWN' : r.allowed ? 'ALLOWED' : 'BLOCKED';
    out.push(`  ${verdict}: ${r.reason}`);
    if (d.responsible) {
      out.push(`  at ${d.responsible.file}:${d.responsible.line}:${d.responsible.column}`);
      const line = sourceLine(cwd, d.responsible);
      if (line !== undefined) out.push(`    ${String(d.responsible.line).padStart(4)} | ${line}`);
    }
    out.push('');
  }
  const allowed = results.filter((r) => r.allowed).length;
  const unknown = results.filter((r) => r.detail.unknown).length;
  out.push(
    `${results.length} ${results.length === 1 ? 'configuration' : 'configurations'}: ${allowed} allowed, ${results.length - allowed - unknown} blocked${unknown ? `, ${unknown} unknown` : ''}`,
  );
  return `${out.join('\n')}\n`;
}

export function renderCheck(results: CheckResult[], format: 'text' | 'json', ctx: RenderContext = {}): string {
  return format === 'json' ? renderJson(results, ctx) : renderText(results, ctx);
}
