import type { Project } from '../scanner.js';
import type { PyNode, PyParser, PyTree } from '../../parse/python.js';
/** What a name is bound to by one statement in one scope. */
export type Binding = {
    kind: 'assign';
    node: PyNode;
    value: PyNode | null;
} | {
    kind: 'augassign';
    node: PyNode;
    op: string;
    value: PyNode;
} | {
    kind: 'class' | 'func';
    node: PyNode;
} | {
    kind: 'param';
    node: PyNode;
    fn: PyNode;
}
/** `import a.b as m` (module = 'a.b') or `import a.b` binding `a` (module = 'a'). */
 | {
    kind: 'import';
    node: PyNode;
    module: string;
    level: 0;
}
/** `from m import name`: module is the dotted module, level the number of leading dots. */
 | {
    kind: 'from';
    node: PyNode;
    module: string;
    level: number;
    name: string;
}
/** A binding the evaluator does not follow (for loops, unpacking, with ... as). */
 | {
    kind: 'other';
    node: PyNode;
    what: string;
}
/** `NAME.append(x)`, `NAME.extend(xs)`, `NAME.insert(i, x)`, `NAME.update(...)` as a statement. */
 | {
    kind: 'mutate';
    node: PyNode;
    method: string;
    call: PyNode;
};
export interface PyModule {
    absPath: string;
    /** Display path. */
    path: string;
    /** Dotted module name guessed from the path relative to the scan root. */
    name: string;
    text: string;
    tree: PyTree;
    root: PyNode;
    /** Scope node id -> name -> bindings in source order. Scopes: module, functions, class bodies. */
    scopes: Map<number, Map<string, Binding[]>>;
    /** `from x import *` statements. */
    starImports: Array<{
        module: string;
        level: number;
        node: PyNode;
    }>;
    /**
     * The module's nodes of these types, in source order (do not modify the array). The extractors ask
     * for the same few types again and again; one walk answers them all (see ModuleNodes).
     */
    nodesOf(types: string | readonly string[]): readonly PyNode[];
}
/** The scopes that can see a name used at `node`, innermost first (class bodies only when directly inside). */
export declare function enclosingScopes(node: PyNode): PyNode[];
export declare function truncateText(text: string, max?: number): string;
/** Parses, caches and locates the modules of the scanned tree. Trees are freed by `dispose()`. */
export declare class ModuleLoader {
    private readonly project;
    private readonly parser;
    private readonly byPath;
    constructor(project: Project, parser: PyParser);
    get root(): string;
    /** Parse a file's text (already read) and index it. */
    load(absPath: string, displayPath: string, text: string): PyModule;
    /** Read a module of the scanned tree through the project (never outside the root). */
    open(absPath: string): PyModule | undefined;
    /**
     * Find the file of `module` imported from `from`: relative imports against the importing file's
     * package; absolute ones against every folder from the file up to the root, and their `src/`.
     */
    resolve(from: PyModule, module: string, level: number): PyModule | undefined;
    /**
     * Whether a Python file of the scan other than `except` spells the identifier `name` (an import or
     * a use of it). Texts are read one at a time through the project and not kept.
     */
    mentionedElsewhere(name: string, except: string): boolean;
    dispose(): void;
}
