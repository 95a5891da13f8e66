import type { CorsPolicy, DroppedHeaders } from '../../model/types.js';
import { evaluateCondition } from './conditions.js';
import { addHeaderSource, effectiveAddHeaders, effectiveMoreHeaders, isCorsHeader, walk, type Block } from './blocks.js';

/** Nested levels that write add_header of their own and so lose CORS headers set above them. */
export function attachDrops(tree: Block, policies: Map<Block, CorsPolicy>, create: (from: Block) => CorsPolicy): void {
  walk(tree, (block) => {
    if (!block.parent || addHeaderSource(block) !== block) return;
    const above = effectiveAddHeaders(block.parent).filter((h) => isCorsHeader(h.name));
    if (!above.length) return;
    const here = new Set([...effectiveAddHeaders(block), ...effectiveMoreHeaders(block)].map((h) => h.name.toLowerCase()));
    const lost = above.filter((h) => !here.has(h.name.toLowerCase()));
    if (!lost.length) return;
    const from = lost[0]!.owner;
    const off = block.inherit?.mode === 'off' ? block.inherit : undefined;
    const cause = off?.span ?? block.ownAddHeaders[0]?.span ?? block.headerSpan;
    const drop: DroppedHeaders = {
      block: block.headerSpan,
      blockLabel: block.kind === 'if' || block.kind === 'limit_except' ? `${block.label} in ${block.parent.label}` : block.label,
      from: from.headerSpan,
      fromLabel: from.kind === 'main' ? `the top level of ${from.headerSpan.file}` : from.label,
      headers: [...new Set(lost.map((h) => h.name))],
      cause,
      causeDirective: off ? 'add_header_inherit' : 'add_header',
      answers: answersOf(block),
    };
    let policy = policies.get(from);
    if (!policy) {
      policy = create(from);
      policies.set(from, policy);
    }
    (policy.droppedHeaders ??= []).push(drop);
  });
}

/** `if ($request_method = OPTIONS)` answers only preflights; `if ($request_method != OPTIONS)` only actual requests. */
export function answersOf(block: Block): DroppedHeaders['answers'] {
  if (block.kind !== 'if' || !block.condition) return undefined;
  const when = (method: string) => evaluateCondition(block.condition!, (n) => (n === 'request_method' ? method : undefined));
  const onOptions = when('OPTIONS');
  const onOthers = ['GET', 'POST', 'PUT', 'DELETE'].map(when);
  if (onOptions === true && onOthers.every((v) => v === false)) return 'preflight';
  if (onOptions === false && onOthers.every((v) => v === true)) return 'actual';
  return undefined;
}
