import { nestingProblem } from '../../parse/nesting.js';
import { isInside } from '../../discover/discover.js';
import { SkippedFile } from '../budget.js';
import path from 'node:path';
import type { Project } from '../scanner.js';
import type { PyNode, PyParser, PyTree } from '../../parse/python.js';

/** What a name is bound to by one statement in one scope. */
export type Binding =
  | { kind: 'assign'; node: PyNode; value: PyNode | null }
  | { kind: 'augassign'; node: PyNode; op: string; value: PyNode }
  | { kind: 'class' | 'func'; node: PyNode }
  | { kind: 'param'; node: PyNode; fn: PyNode }
  /** `import a.b as m` (module = 'a.b') or `import a.b` binding `a` (module = 'a'). */
  | { kind: 'import'; node: PyNode; module: string; level: 0 }
  /** `from m import name`: module is the dotted module, level the number of leading dots. */
  | { kind: 'from'; node: PyNode; module: string; level: number; name: string }
  /** A binding the evaluator does not follow (for loops, unpacking, with ... as). */
  | { kind: 'other'; node: PyNode; what: string }
  /** `NAME.append(x)`, `NAME.extend(xs)`, `NAME.insert(i, x)`, `NAME.update(...)` as a statement. */
  | { kind: 'mutate'; node: PyNode; method: string; call: PyNode };

const MUTATORS = new Set(['append', 'extend', 'insert', 'add', 'update']);

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
  starImports: Array<{ module: string; level: number; node: PyNode }>;
  /**
   * The module's nodes of these types, in source order (do not modify the array). The extractors ask
   * for the same few types again and again; one walk answers them all (see ModuleNodes).
   */
  nodesOf(types: string | readonly string[]): readonly PyNode[];
}

/** Node types the extractors look up across a whole module, collected in one walk on first use. */
const INDEXED_TYPES = ['call', 'keyword_argument', 'decorator', 'assignment', 'dictionary', 'tuple', 'list'];

function moduleNodes(root: PyNode): PyModule['nodesOf'] {
  let byType: Map<string, PyNode[]> | undefined;
  const combined = new Map<string, readonly PyNode[]>();
  return (types) => {
    const list = typeof types === 'string' ? [types] : types;
    const key = list.join(' ');
    const known = combined.get(key);
    if (known) return known;
    let found: readonly PyNode[];
    if (list.every((t) => INDEXED_TYPES.includes(t))) {
      if (!byType) {
        byType = new Map(INDEXED_TYPES.map((t) => [t, []]));
        for (const node of root.descendantsOfType(INDEXED_TYPES)) if (node) byType.get(node.type)?.push(node);
      }
      found = list.length === 1 ? byType.get(list[0]!)! : list.flatMap((t) => byType!.get(t)!).sort((a, b) => a.startIndex - b.startIndex || b.endIndex - a.endIndex);
    } else {
      found = root.descendantsOfType([...list]).filter((n): n is PyNode => !!n);
    }
    combined.set(key, found);
    return found;
  };
}

/**
 * Expressions: the grammar puts no statement (so no definition, assignment, import or loop) inside
 * them, so the index does not walk their insides (most of a module's nodes).
 */
const NO_BINDINGS_INSIDE = new Set([
  'call', 'argument_list', 'keyword_argument', 'attribute', 'subscript', 'identifier', 'string', 'concatenated_string',
  'integer', 'float', 'true', 'false', 'none', 'binary_operator', 'boolean_operator', 'comparison_operator',
  'unary_operator', 'not_operator', 'dictionary', 'pair', 'list', 'tuple', 'set', 'conditional_expression', 'await',
  'comment',
]);

const SCOPE_TYPES = new Set(['module', 'function_definition', 'class_definition']);

function addBinding(scopes: PyModule['scopes'], scope: PyNode, name: string, binding: Binding): void {
  let names = scopes.get(scope.id);
  if (!names) scopes.set(scope.id, (names = new Map()));
  const list = names.get(name);
  if (list) list.push(binding);
  else names.set(name, [binding]);
}

function dottedText(node: PyNode | null): string {
  return node ? node.text.replace(/\s+/g, '') : '';
}

/** Index every binding of a module by scope, without evaluating anything. */
function indexModule(root: PyNode): Pick<PyModule, 'scopes' | 'starImports'> {
  const scopes: PyModule['scopes'] = new Map();
  const starImports: PyModule['starImports'] = [];
  // Iterative pre-order walk (deeply nested generated code must not exhaust the stack).
  const work: Array<[PyNode, PyNode]> = [[root, root]];
  let pending: Array<[PyNode, PyNode]> = [];
  const walk = (node: PyNode, scope: PyNode): void => {
    pending.push([node, scope]);
  };
  const visit = (node: PyNode, scope: PyNode): void => {
    switch (node.type) {
      case 'function_definition': {
        const name = node.childForFieldName('name');
        if (name) addBinding(scopes, scope, name.text, { kind: 'func', node });
        const params = node.childForFieldName('parameters');
        for (const p of params?.namedChildren ?? []) {
          const id = p.type === 'identifier' ? p : (p.childForFieldName('name') ?? p.namedChildren.find((c) => c.type === 'identifier'));
          if (id?.type === 'identifier') addBinding(scopes, node, id.text, { kind: 'param', node: p, fn: node });
        }
        // Decorators and defaults belong to the enclosing scope; they live outside function_definition.
        for (const p of params?.namedChildren ?? []) {
          const value = p.childForFieldName('value');
          if (value) walk(value, scope);
        }
        const body = node.childForFieldName('body');
        if (body) walk(body, node);
        return;
      }
      case 'class_definition': {
        const name = node.childForFieldName('name');
        if (name) addBinding(scopes, scope, name.text, { kind: 'class', node });
        const body = node.childForFieldName('body');
        if (body) walk(body, node);
        return;
      }
      case 'lambda':
      case 'list_comprehension':
      case 'set_comprehension':
      case 'dictionary_comprehension':
      case 'generator_expression':
        return;
      case 'assignment': {
        const left = node.childForFieldName('left');
        let right = node.childForFieldName('right');
        // a = b = value: every target gets the innermost value.
        const targets: PyNode[] = left ? [left] : [];
        while (right?.type === 'assignment') {
          const l = right.childForFieldName('left');
          if (l) targets.push(l);
          right = right.childForFieldName('right');
        }
        for (const target of targets) {
          if (target.type === 'identifier') addBinding(scopes, scope, target.text, { kind: 'assign', node, value: right });
          else for (const id of target.descendantsOfType('identifier')) {
            if (id.parent?.type === 'attribute' || id.parent?.type === 'subscript') continue;
            addBinding(scopes, scope, id.text, { kind: 'other', node, what: `unpacked in ${truncate(node.text)}` });
          }
        }
        if (right) walk(right, scope);
        return;
      }
      case 'augmented_assignment': {
        const left = node.childForFieldName('left');
        const right = node.childForFieldName('right');
        const op = node.childForFieldName('operator')?.text ?? '';
        if (left?.type === 'identifier' && right) addBinding(scopes, scope, left.text, { kind: 'augassign', node, op, value: right });
        if (right) walk(right, scope);
        return;
      }
      case 'expression_statement': {
        const call = node.namedChildren[0];
        const fn = call?.type === 'call' ? call.childForFieldName('function') : null;
        const target = fn?.type === 'attribute' ? fn.childForFieldName('object') : null;
        const method = fn?.childForFieldName('attribute')?.text ?? '';
        if (call && target?.type === 'identifier' && MUTATORS.has(method)) {
          addBinding(scopes, scope, target.text, { kind: 'mutate', node, method, call });
        }
        break;
      }
      case 'for_statement': {
        const left = node.childForFieldName('left');
        for (const id of left ? (left.type === 'identifier' ? [left] : left.descendantsOfType('identifier')) : []) {
          addBinding(scopes, scope, id.text, { kind: 'other', node, what: `loop variable in ${truncate(node.text.split('\n')[0] ?? '')}` });
        }
        break;
      }
      case 'import_statement': {
        for (const child of node.childrenForFieldName('name')) {
          if (child.type === 'aliased_import') {
            const alias = child.childForFieldName('alias');
            const mod = dottedText(child.childForFieldName('name'));
            if (alias) addBinding(scopes, scope, alias.text, { kind: 'import', node, module: mod, level: 0 });
          } else {
            const mod = dottedText(child);
            const first = mod.split('.')[0]!;
            addBinding(scopes, scope, first, { kind: 'import', node, module: first, level: 0 });
          }
        }
        return;
      }
      case 'import_from_statement': {
        const moduleNode = node.childForFieldName('module_name');
        let level = 0;
        let module = '';
        if (moduleNode?.type === 'relative_import') {
          level = moduleNode.namedChildren.find((c) => c.type === 'import_prefix')?.text.length ?? 0;
          module = dottedText(moduleNode.namedChildren.find((c) => c.type === 'dotted_name') ?? null);
        } else module = dottedText(moduleNode);
        if (node.namedChildren.some((c) => c.type === 'wildcard_import')) {
          starImports.push({ module, level, node });
          return;
        }
        for (const child of node.childrenForFieldName('name')) {
          if (child.type === 'aliased_import') {
            const alias = child.childForFieldName('alias');
            const name = dottedText(child.childForFieldName('name'));
            if (alias) addBinding(scopes, scope, alias.text, { kind: 'from', node, module, level, name });
          } else {
            addBinding(scopes, scope, child.text, { kind: 'from', node, module, level, name: child.text });
          }
        }
        return;
      }
    }
    if (NO_BINDINGS_INSIDE.has(node.type)) return;
    for (const child of node.namedChildren) walk(child, scope);
  };
  while (work.length) {
    const [node, scope] = work.pop()!;
    pending = [];
    visit(node, scope);
    for (let i = pending.length - 1; i >= 0; i--) work.push(pending[i]!);
  }
  return { scopes, starImports };
}

function truncate(text: string, max = 60): string {
  const one = text.replace(/\s+/g, ' ');
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

/** The scopes that can see a name used at `node`, innermost first (class bodies only when directly inside). */
export function enclosingScopes(node: PyNode): PyNode[] {
  const out: PyNode[] = [];
  let first = true;
  for (let n: PyNode | null = node.parent; n; n = n.parent) {
    if (!SCOPE_TYPES.has(n.type)) continue;
    if (n.type === 'class_definition' && !first) continue;
    // A name in a function's decorators or default values belongs to the enclosing scope.
    if (n.type !== 'module' && !isInsideBody(node, n)) continue;
    out.push(n);
    first = false;
  }
  return out;
}

function isInsideBody(node: PyNode, def: PyNode): boolean {
  const body = def.childForFieldName('body');
  if (body && node.startIndex >= body.startIndex && node.endIndex <= body.endIndex) return true;
  if (def.type === 'function_definition') {
    // Parameter names are in the function scope, default values are not.
    const params = def.childForFieldName('parameters');
    if (params && node.startIndex >= params.startIndex && node.endIndex <= params.endIndex) {
      return !params.namedChildren.some((p) => {
        const v = p.childForFieldName('value');
        return v && node.startIndex >= v.startIndex && node.endIndex <= v.endIndex;
      });
    }
  }
  return false;
}

export function truncateText(text: string, max = 60): string {
  return truncate(text, max);
}

/** Parses, caches and locates the modules of the scanned tree. Trees are freed by `dispose()`. */
export class ModuleLoader {
  private readonly byPath = new Map<string, PyModule | { error: string }>();

  constructor(
    private readonly project: Project,
    private readonly parser: PyParser,
  ) {}

  get root(): string {
    return this.project.root;
  }

  /** Parse a file's text (already read) and index it. */
  load(absPath: string, displayPath: string, text: string): PyModule {
    const cached = this.byPath.get(absPath);
    if (cached && 'tree' in cached) return cached;
    const tooDeep = nestingProblem(text, 'python');
    if (tooDeep) {
      this.byPath.set(absPath, { error: tooDeep });
      throw new SkippedFile(tooDeep);
    }
    const tree = this.parser.parse(text);
    if (!tree) throw new Error(`the Python parser returned no tree for ${displayPath}`);
    const mod: PyModule = {
      absPath,
      path: displayPath,
      name: moduleNameOf(this.project.root, absPath),
      text,
      tree,
      root: tree.rootNode,
      ...indexModule(tree.rootNode),
      nodesOf: moduleNodes(tree.rootNode),
    };
    this.byPath.set(absPath, mod);
    return mod;
  }

  /** Read a module of the scanned tree through the project (never outside the root). */
  open(absPath: string): PyModule | undefined {
    const cached = this.byPath.get(absPath);
    if (cached) return 'tree' in cached ? cached : undefined;
    if (!isInside(this.project.root, absPath)) return undefined;
    const read = this.project.readText(absPath);
    if ('error' in read) {
      this.byPath.set(absPath, { error: read.error });
      return undefined;
    }
    try {
      return this.load(absPath, this.project.displayPath(absPath), read.text);
    } catch (error) {
      if (error instanceof SkippedFile) return undefined;
      throw error;
    }
  }

  /**
   * Find the file of `module` imported from `from`: relative imports against the importing file's
   * package; absolute ones against every folder from the file up to the root, and their `src/`.
   */
  resolve(from: PyModule, module: string, level: number): PyModule | undefined {
    const parts = module ? module.split('.') : [];
    const bases: string[] = [];
    if (level > 0) {
      let dir = path.dirname(from.absPath);
      for (let i = 1; i < level; i++) dir = path.dirname(dir);
      bases.push(dir);
    } else {
      const root = this.project.root;
      for (let dir = path.dirname(from.absPath); isInside(root, dir); dir = path.dirname(dir)) {
        bases.push(dir, path.join(dir, 'src'));
        if (dir === root || path.dirname(dir) === dir) break;
      }
      if (!bases.includes(root)) bases.push(root, path.join(root, 'src'));
    }
    for (const base of bases) {
      const stem = path.join(base, ...parts);
      const candidates = parts.length ? [`${stem}.py`, path.join(stem, '__init__.py')] : [path.join(stem, '__init__.py')];
      for (const candidate of candidates) {
        if (candidate === from.absPath) continue;
        const mod = this.open(candidate);
        if (mod) return mod;
      }
    }
    return undefined;
  }

  /**
   * Whether a Python file of the scan other than `except` spells the identifier `name` (an import or
   * a use of it). Texts are read one at a time through the project and not kept.
   */
  mentionedElsewhere(name: string, except: string): boolean {
    const word = new RegExp(`(?<![A-Za-z0-9_])${name.replace(/[^A-Za-z0-9_]/g, '')}(?![A-Za-z0-9_])`);
    for (const file of this.project.allFiles) {
      if (file.language !== 'python' || file.absPath === except) continue;
      const read = this.project.readText(file.absPath);
      if ('text' in read && word.test(read.text)) return true;
    }
    return false;
  }

  dispose(): void {
    for (const entry of this.byPath.values()) if ('tree' in entry) entry.tree.delete();
    this.byPath.clear();
  }
}


function moduleNameOf(root: string, absPath: string): string {
  const rel = path.relative(root, absPath).split(path.sep).join('/');
  return rel.replace(/\.py$/, '').replace(/\/__init__$/, '').replace(/^src\//, '').split('/').join('.');
}
