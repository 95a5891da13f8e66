import { createRequire } from 'node:module';
import type { PyNode, PyParser } from './python-node.js';

/**
 * The native engine: the `tree-sitter` Node.js bindings with the `tree-sitter-python` grammar.
 * Both are loaded at run time with a `createRequire` anchored at this module, so they are resolved
 * the way Node resolves the dependencies of cors-lint itself: from the node_modules folders above
 * where cors-lint is installed (a project that has `cors-lint`, `tree-sitter` and `tree-sitter-python`
 * in its node_modules). Never from the scanned folder: a pull request must not be able to plant
 * code the linter runs. The bundle marks both packages external (.ci/build-dist.mjs), so dist/
 * holds no native code; without them the wasm engine parses.
 */
const BINDINGS = 'tree-sitter';
const GRAMMAR = 'tree-sitter-python';

interface NativeTree {
  readonly rootNode: PyNode;
}
interface NativeParser {
  setLanguage(language: unknown): void;
  parse(input: string): NativeTree | undefined;
}

let loaded: { parser: PyParser } | { error: string } | undefined;

/** The native Python parser, or why it cannot be loaded. Tried once per process. */
export function loadNativePython(): { parser: PyParser } | { error: string } {
  loaded ??= (() => {
    try {
      const load = createRequire(import.meta.url);
      const Parser = load(BINDINGS) as new () => NativeParser;
      const language = load(GRAMMAR) as unknown;
      const native = new Parser();
      native.setLanguage(language);
      // A parser that loads but cannot parse (grammar ABI mismatch) counts as unavailable.
      if (native.parse('x = 1\n')?.rootNode.type !== 'module') return { error: `${BINDINGS} did not parse with ${GRAMMAR}` };
      const parser: PyParser = {
        engine: 'native',
        parse(text) {
          const tree = native.parse(text);
          return tree ? { rootNode: tree.rootNode, engine: 'native', delete() {} } : null;
        },
      };
      return { parser };
    } catch (error) {
      return { error: firstLine((error as Error).message ?? String(error)) };
    }
  })();
  return loaded;
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
