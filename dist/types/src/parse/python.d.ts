import { type PyNode, type PyParser, type PythonParserSetting, type PyTree } from './python-node.js';
export type { PyNode, PyParser, PyTree, PythonEngine, PythonParserSetting } from './python-node.js';
/**
 * The Python parser for a `parser` setting: `wasm` (default), `native` (the `tree-sitter` bindings;
 * when they cannot be loaded a one-line notice goes to stderr, once per process, and wasm parses),
 * or `auto` (native when it loads, else wasm, silently). Both engines give the same trees.
 */
export declare function pythonParser(setting?: PythonParserSetting): Promise<PyParser>;
/** Parse Python source. The caller owns the tree and must `delete()` it. */
export declare function parsePython(text: string, setting?: PythonParserSetting): Promise<PyTree>;
/** The first ERROR or MISSING node, depth-first, for a parse-error diagnostic. */
export declare function firstSyntaxError(root: PyNode): PyNode | undefined;
