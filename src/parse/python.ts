import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Language, Parser, type Node, type Tree } from 'web-tree-sitter';

export type { Node as PyNode, Tree as PyTree } from 'web-tree-sitter';

const GRAMMAR_WASM = 'tree-sitter-python.wasm';
const RUNTIME_WASM = 'web-tree-sitter.wasm';

let ready: Promise<Parser> | undefined;

/**
 * Folders that may hold a wasm file: beside this module (the esbuild bundle copies both wasm files
 * into dist/, and this code may sit in dist/ or dist/chunks/), then the package's node_modules
 * (running from src/ or a tsc build).
 */
function candidateFiles(file: string, packageDir: string): string[] {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const dirs = [here, path.dirname(here)];
  const out = dirs.map((d) => path.join(d, file));
  for (let dir = here, i = 0; i < 6; i++) {
    out.push(path.join(dir, 'node_modules', packageDir, file));
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  out.push(path.join(process.cwd(), 'node_modules', packageDir, file));
  return out;
}

function locate(file: string, packageDir: string): string {
  const candidates = candidateFiles(file, packageDir);
  const found = candidates.find((c) => fs.existsSync(c));
  if (!found) throw new Error(`cannot find ${file}; looked in ${candidates.join(', ')}`);
  return found;
}

/** The Python parser, initialised once per process. */
export function pythonParser(): Promise<Parser> {
  ready ??= (async () => {
    await Parser.init({
      locateFile: (name: string) => (name === RUNTIME_WASM ? locate(RUNTIME_WASM, 'web-tree-sitter') : name),
    });
    const language = await Language.load(locate(GRAMMAR_WASM, 'tree-sitter-python'));
    const parser = new Parser();
    parser.setLanguage(language);
    return parser;
  })();
  ready.catch(() => {
    ready = undefined;
  });
  return ready;
}

/** Parse Python source. The caller owns the tree and must `delete()` it. */
export async function parsePython(text: string): Promise<Tree> {
  const parser = await pythonParser();
  const tree = parser.parse(text);
  if (!tree) throw new Error('tree-sitter returned no tree');
  return tree;
}

/** The first ERROR or MISSING node, depth-first, for a parse-error diagnostic. */
export function firstSyntaxError(root: Node): Node | undefined {
  if (!root.hasError) return undefined;
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.isError || node.isMissing) return node;
    for (let i = node.childCount - 1; i >= 0; i--) {
      const child = node.child(i);
      if (child && (child.hasError || child.isMissing)) stack.push(child);
    }
  }
  return undefined;
}
