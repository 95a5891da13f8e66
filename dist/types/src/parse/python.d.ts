import { Parser, type Node, type Tree } from 'web-tree-sitter';
export type { Node as PyNode, Tree as PyTree } from 'web-tree-sitter';
/** The Python parser, initialised once per process. */
export declare function pythonParser(): Promise<Parser>;
/** Parse Python source. The caller owns the tree and must `delete()` it. */
export declare function parsePython(text: string): Promise<Tree>;
/** The first ERROR or MISSING node, depth-first, for a parse-error diagnostic. */
export declare function firstSyntaxError(root: Node): Node | undefined;
