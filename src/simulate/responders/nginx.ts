// Nginx: the response is what the nginx scanner's own prediction says for this request
// (src/extract/nginx/simulate.ts), when the policy's parsed configuration is known; otherwise the
// policy's emitted headers are evaluated (nginx-interim.ts).
import { effectiveAddHeaders, type Block } from '../../extract/nginx/blocks.js';
import { simulate as nginxPredict } from '../../extract/nginx/simulate.js';
import { addHeader, type HeaderBag } from '../header-bag.js';
import { nginxContextOf } from '../nginx-context.js';
import type { HttpResponse } from '../types.js';
import { nginxInterimResponder } from './nginx-interim.js';
import type { Responder } from './responder.js';

export const nginxResponder: Responder = (policy, request, app) => {
  const ctx = nginxContextOf(policy);
  if (!ctx) return nginxInterimResponder(policy, request, app);
  const predicted = nginxPredict(ctx.server, ctx.maps, { method: request.method, path: request.path, headers: request.headers }, { upstreamStatus: app.status, staticStatus: app.status });
  const headers: HeaderBag = {};
  for (const h of predicted.headers) addHeader(headers, h.name, h.value);
  // Point at the add_header lines of the level that answered (an `if` inside the location, say).
  const spans: NonNullable<HttpResponse['headerSpans']> = {};
  const answering = findByLabel(ctx.block, predicted.block) ?? findByLabel(ctx.server, predicted.block);
  if (answering) for (const h of effectiveAddHeaders(answering)) spans[h.name.toLowerCase()] ??= h.span;
  for (const e of policy.emittedHeaders ?? []) spans[e.name.toLowerCase()] ??= e.span;
  return {
    status: predicted.closed ? null : predicted.status === 'unknown' ? null : predicted.status,
    headers,
    headerSpans: spans,
    producedBy: `nginx (${predicted.block})${predicted.closed ? ', connection closed (444)' : ''}`,
  };
};

function findByLabel(root: Block, label: string): Block | undefined {
  const stack = [root];
  while (stack.length) {
    const b = stack.shift()!;
    if (b.label === label) return b;
    stack.push(...b.children);
  }
  return undefined;
}
