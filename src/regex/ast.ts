// Parses a (translated) JavaScript pattern with regexpp and judges whether running it on short
// inputs in-process is safe from catastrophic backtracking.

import { RegExpParser, type AST } from '@eslint-community/regexpp';

export function parseJsPattern(source: string, flags: string): { ok: true; ast: AST.Pattern } | { ok: false; reason: string } {
  try {
    const parser = new RegExpParser({ ecmaVersion: 2025, strict: false });
    const ast = parser.parsePattern(source, 0, source.length, {
      unicode: flags.includes('u'),
      unicodeSets: flags.includes('v'),
    });
    return { ok: true, ast };
  } catch (error) {
    return { ok: false, reason: `not a valid pattern: ${(error as Error).message}` };
  }
}

export interface BacktrackRisk {
  risky: boolean;
  reason?: string;
}

/**
 * A pattern is risky when a repeated part contains another unbounded repetition (star height 2,
 * e.g. `(a+)+`, `([a-z]+\.)*`), when it has a backreference, or when a single alternative chains
 * more than `maxChain` unbounded repetitions (polynomial backtracking on a miss). Risky patterns are
 * only ever run in a worker with a hard time limit.
 */
export function backtrackRisk(ast: AST.Pattern, maxChain = 3): BacktrackRisk {
  let reason: string | undefined;
  const visit = (node: AST.Node, starDepth: number): void => {
    if (reason) return;
    switch (node.type) {
      case 'Pattern':
      case 'Group':
      case 'CapturingGroup':
        for (const alt of node.alternatives) visit(alt, starDepth);
        return;
      case 'Assertion':
        if (node.kind === 'lookahead' || node.kind === 'lookbehind') for (const alt of node.alternatives) visit(alt, starDepth);
        return;
      case 'Alternative': {
        const chain = node.elements.filter((e) => e.type === 'Quantifier' && e.max > 1).length;
        if (chain > maxChain) reason = `${chain} unbounded repetitions in one sequence`;
        for (const e of node.elements) visit(e, starDepth);
        return;
      }
      case 'Quantifier': {
        const repeats = node.max > 1;
        if (repeats && starDepth >= 1) {
          reason = `nested repetition ${node.raw}`;
          return;
        }
        visit(node.element, starDepth + (repeats ? 1 : 0));
        return;
      }
      case 'Backreference':
        reason = `backreference ${node.raw}`;
        return;
      default:
        return;
    }
  };
  visit(ast, 0);
  return reason ? { risky: true, reason } : { risky: false };
}
