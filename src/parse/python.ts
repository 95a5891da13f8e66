import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Language, Parser } from 'web-tree-sitter';
import { loadNativePython } from './python-native.js';
import { hasSyntaxError, type PyNode, type PyParser, type PythonParserSetting, type PyTree } from './python-node.js';

export type { PyNode, PyParser, PyTree, PythonEngine, PythonParserSetting } from './python-node.js';

const GRAMMAR_WASM = 'tree-sitter-python.wasm';
const RUNTIME_WASM = 'web-tree-sitter.wasm';

let ready: Promise<PyParser> | undefined;

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

/** The wasm engine (web-tree-sitter), initialised once per process: the default, the same everywhere. */
function wasmParser(): Promise<PyParser> {
  ready ??= (async () => {
    await Parser.init({
      locateFile: (name: string) => (name === RUNTIME_WASM ? locate(RUNTIME_WASM, 'web-tree-sitter') : name),
    });
    const language = await Language.load(locate(GRAMMAR_WASM, 'tree-sitter-python'));
    const parser = new Parser();
    parser.setLanguage(language);
    const engine: PyParser = {
      engine: 'wasm',
      parse(text) {
        const tree = parser.parse(text);
        return tree && { rootNode: tree.rootNode, engine: 'wasm', delete: () => tree.delete() };
      },
    };
    return engine;
  })();
  ready.catch(() => {
    ready = undefined;
  });
  return ready;
}

let warnedNative = false;

/**
 * The Python parser for a `parser` setting: `wasm` (default), `native` (the `tree-sitter` bindings;
 * when they cannot be loaded a one-line notice goes to stderr, once per process, and wasm parses),
 * or `auto` (native when it loads, else wasm, silently). Both engines give the same trees.
 */
export async function pythonParser(setting: PythonParserSetting = 'wasm'): Promise<PyParser> {
  if (setting === 'wasm') return wasmParser();
  const native = loadNativePython();
  if ('parser' in native) return nativeWithWasmForErrors(native.parser, await wasmParser());
  if (setting === 'native' && !warnedNative) {
    warnedNative = true;
    process.stderr.write(
      `cors-lint: notice: parser "native" was requested but the native tree-sitter bindings cannot be loaded (${native.error}); ` +
        'parsing Python with the wasm parser. Install tree-sitter and tree-sitter-python next to cors-lint to use it.\n',
    );
  }
  return wasmParser();
}

/**
 * The native engine, except for files with a syntax error. Valid Python parses to the same tree in
 * both engines (same grammar, same parse table), but error recovery belongs to the tree-sitter
 * library, and the native bindings (0.25) and web-tree-sitter (0.27) recover differently (e.g. from
 * `origins=café = 😀` one keeps a keyword_argument, the other an ERROR). Such a file is parsed again
 * by wasm, so its partial results and its parse-error position are the same whichever engine was chosen.
 */
function nativeWithWasmForErrors(native: PyParser, wasm: PyParser): PyParser {
  return {
    engine: 'native',
    parse(text) {
      const tree = native.parse(text);
      if (tree && !hasSyntaxError(tree.rootNode)) return tree;
      return wasm.parse(text);
    },
  };
}

/** Parse Python source. The caller owns the tree and must `delete()` it. */
export async function parsePython(text: string, setting: PythonParserSetting = 'wasm'): Promise<PyTree> {
  const parser = await pythonParser(setting);
  const tree = parser.parse(text);
  if (!tree) throw new Error('tree-sitter returned no tree');
  return tree;
}

/** The first ERROR or MISSING node, depth-first, for a parse-error diagnostic. */
export function firstSyntaxError(root: PyNode): PyNode | undefined {
  if (!hasSyntaxError(root)) return undefined;
  const stack: PyNode[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.isError || node.isMissing) return node;
    for (let i = node.childCount - 1; i >= 0; i--) {
      const child = node.child(i);
      if (child && (hasSyntaxError(child) || child.isMissing)) stack.push(child);
    }
  }
  return undefined;
}
