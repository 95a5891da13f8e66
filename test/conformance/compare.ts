// Compares the model's answer with the real server's, header for header.
import { corsHeadersOf, type HeaderBag } from '../../src/simulate/header-bag.js';
import type { HttpRequest } from '../../src/simulate/types.js';

export interface Answer {
  status: number | null;
  headers: HeaderBag;
}

function lowerBag(headers: Record<string, string | string[]>): HeaderBag {
  const out: HeaderBag = {};
  for (const [k, v] of Object.entries(headers)) out[k.toLowerCase()] = v;
  return out;
}

/** Status and CORS headers only. */
export function normalize(answer: { status: number | null; headers: Record<string, string | string[]> }): Answer {
  return { status: answer.status, headers: corsHeadersOf(lowerBag(answer.headers)) };
}

export function sameAnswer(a: Answer, b: Answer): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function describeMismatch(config: string, label: string, request: HttpRequest, model: Answer | string, real: Answer | string): string {
  return [
    `MISMATCH config: ${config}`,
    `  request (${label}): ${request.method} ${request.path} ${JSON.stringify(request.headers)}`,
    `  model: ${typeof model === 'string' ? model : JSON.stringify(model)}`,
    `  real:  ${typeof real === 'string' ? real : JSON.stringify(real)}`,
  ].join('\n');
}

export interface Tally {
  stack: string;
  configs: number;
  browserRequests: number;
  httpRequests: number;
  mismatches: string[];
  viaScanner: number;
}

export function printTally(t: Tally): void {
  console.log(
    `[conformance] ${t.stack}: ${t.configs} configurations × ${t.browserRequests} browser requests (${t.httpRequests} HTTP exchanges compared), ` +
      `${t.viaScanner} configurations through the scanner, ${t.mismatches.length} mismatches`,
  );
  for (const m of t.mismatches.slice(0, 30)) console.log(m);
}
