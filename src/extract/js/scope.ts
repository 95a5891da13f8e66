import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { isFunction, propertyKey, walk, type FunctionNode, type Node } from './ast.js';

export type BindingKind = 'const' | 'let' | 'var' | 'function' | 'class' | 'import' | 'param' | 'catch' | 'other';

export interface Binding {
  name: string;
  kind: BindingKind;
  id: TSESTree.Identifier;
  /** The initializer the name was declared with (the whole init for destructured names). */
  init?: Node;
  /** Property/index path from `init` for destructured names: `const { a: { b } } = x` -> ['a', 'b']. */
  path?: Array<string | number>;
  /** Destructuring default: `const { a = 'x' } = y`. */
  fallback?: Node;
  /** The path crosses a rest element or a computed key: the value cannot be followed. */
  opaque?: boolean;
  importSource?: string;
  /** 'default', '*' (namespace) or the exported name. */
  importName?: string;
  fn?: FunctionNode;
  /** The function whose parameter this is, and the parameter index. */
  paramOf?: { fn: FunctionNode; index: number };
  reassigned: boolean;
}

interface Scope {
  node: Node;
  parent?: Scope;
  bindings: Map<string, Binding>;
}

/** Scope analysis good enough to follow constants: module, function and block scopes, hoisted `var`. */
export class Scopes {
  readonly parents = new Map<Node, Node>();
  private readonly scopes = new Map<Node, Scope>();
  /** Every node in document order (the walk is done once and reused by the extractors). */
  readonly nodes: Node[] = [];

  constructor(readonly program: TSESTree.Program) {
    walk(program, (node, parent) => {
      if (parent) this.parents.set(node, parent);
      this.nodes.push(node);
    });
    this.scopes.set(program, { node: program, bindings: new Map() });
    for (const node of this.nodes) this.declare(node);
    for (const node of this.nodes) this.noteAssignment(node);
  }

  /** The binding an identifier reference resolves to, if it is declared in this file. */
  lookup(id: TSESTree.Identifier): Binding | undefined {
    return this.lookupName(id.name, id);
  }

  lookupName(name: string, at: Node): Binding | undefined {
    for (let scope: Scope | undefined = this.scopeAt(at); scope; scope = scope.parent) {
      const found = scope.bindings.get(name);
      if (found) return found;
    }
    return undefined;
  }

  /** Module-level binding by name (exports, re-exports). */
  moduleBinding(name: string): Binding | undefined {
    return this.scopes.get(this.program)!.bindings.get(name);
  }

  parentOf(node: Node): Node | undefined {
    return this.parents.get(node);
  }

  /** The nearest enclosing function of a node, if any. */
  enclosingFunction(node: Node): FunctionNode | undefined {
    for (let p = this.parents.get(node); p; p = this.parents.get(p)) if (isFunction(p)) return p;
    return undefined;
  }

  private isScopeNode(node: Node, parent: Node | undefined): boolean {
    switch (node.type) {
      case 'Program':
      case 'FunctionDeclaration':
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
      case 'ForStatement':
      case 'ForInStatement':
      case 'ForOfStatement':
      case 'CatchClause':
      case 'SwitchStatement':
      case 'StaticBlock':
        return true;
      case 'BlockStatement':
        return !(parent && (isFunction(parent) || parent.type === 'CatchClause'));
      default:
        return false;
    }
  }

  private scopeNodeAt(node: Node): Node {
    for (let current: Node | undefined = node; current; current = this.parents.get(current)) {
      if (this.isScopeNode(current, this.parents.get(current))) return current;
    }
    return this.program;
  }

  private functionScopeNodeAt(node: Node): Node {
    for (let current: Node | undefined = node; current; current = this.parents.get(current)) {
      if (current.type === 'Program' || isFunction(current)) return current;
    }
    return this.program;
  }

  private scopeFor(scopeNode: Node): Scope {
    let scope = this.scopes.get(scopeNode);
    if (!scope) {
      const outer = scopeNode === this.program ? undefined : this.scopeFor(this.scopeNodeAt(this.parents.get(scopeNode)!));
      scope = { node: scopeNode, parent: outer, bindings: new Map() };
      this.scopes.set(scopeNode, scope);
    }
    return scope;
  }

  private scopeAt(node: Node): Scope {
    return this.scopeFor(this.scopeNodeAt(node));
  }

  private add(scopeNode: Node, binding: Binding): void {
    const bindings = this.scopeFor(scopeNode).bindings;
    // A second declaration of the same name (var redeclaration, overloads): the value is not one constant.
    const existing = bindings.get(binding.name);
    if (existing && existing.kind !== 'function') existing.reassigned = true;
    else bindings.set(binding.name, binding);
  }

  private declare(node: Node): void {
    switch (node.type) {
      case 'VariableDeclaration': {
        const kind: BindingKind = node.kind === 'const' ? 'const' : node.kind === 'let' ? 'let' : node.kind === 'var' ? 'var' : 'other';
        const at = kind === 'var' ? this.functionScopeNodeAt(this.parents.get(node)!) : this.scopeNodeAt(this.parents.get(node)!);
        const inLoopHead = isLoopHead(node, this.parents.get(node));
        for (const d of node.declarations) {
          for (const found of patternNames(d.id, [])) {
            this.add(at, {
              name: found.id.name,
              kind,
              id: found.id,
              init: d.init ?? undefined,
              path: found.path.length ? found.path : undefined,
              fallback: found.fallback,
              opaque: found.opaque,
              // A loop head binding takes many values.
              reassigned: inLoopHead,
            });
          }
        }
        return;
      }
      case 'FunctionDeclaration':
        if (node.id) this.add(this.functionScopeNodeAt(this.parents.get(node)!), { name: node.id.name, kind: 'function', id: node.id, fn: node, reassigned: false });
        this.declareParams(node);
        return;
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
        if (node.type === 'FunctionExpression' && node.id) this.add(node, { name: node.id.name, kind: 'function', id: node.id, fn: node, reassigned: false });
        this.declareParams(node);
        return;
      case 'ClassDeclaration':
        if (node.id) this.add(this.scopeNodeAt(this.parents.get(node)!), { name: node.id.name, kind: 'class', id: node.id, reassigned: false });
        return;
      case 'CatchClause':
        if (node.param) for (const found of patternNames(node.param, [])) this.add(node, { name: found.id.name, kind: 'catch', id: found.id, reassigned: false });
        return;
      case 'ImportDeclaration':
        for (const spec of node.specifiers) {
          const importName =
            spec.type === 'ImportDefaultSpecifier'
              ? 'default'
              : spec.type === 'ImportNamespaceSpecifier'
                ? '*'
                : spec.imported.type === 'Identifier'
                  ? spec.imported.name
                  : String(spec.imported.value);
          this.add(this.program, {
            name: spec.local.name,
            kind: 'import',
            id: spec.local,
            importSource: node.source.value,
            importName,
            reassigned: false,
          });
        }
        return;
      case 'TSImportEqualsDeclaration':
        // import x = require('y')
        if (node.moduleReference.type === 'TSExternalModuleReference' && node.moduleReference.expression.type === 'Literal') {
          this.add(this.scopeNodeAt(this.parents.get(node)!), {
            name: node.id.name,
            kind: 'import',
            id: node.id,
            importSource: String(node.moduleReference.expression.value),
            importName: '*',
            reassigned: false,
          });
        }
        return;
      default:
        return;
    }
  }

  private declareParams(fn: FunctionNode): void {
    fn.params.forEach((param, index) => {
      for (const found of patternNames(param, [])) {
        this.add(fn, { name: found.id.name, kind: 'param', id: found.id, paramOf: { fn, index }, path: found.path.length ? found.path : undefined, fallback: found.fallback, reassigned: false });
      }
    });
  }

  private noteAssignment(node: Node): void {
    let targets: TSESTree.Identifier[] = [];
    if (node.type === 'AssignmentExpression') targets = patternNames(node.left, []).map((f) => f.id);
    else if (node.type === 'UpdateExpression' && node.argument.type === 'Identifier') targets = [node.argument];
    else if ((node.type === 'ForInStatement' || node.type === 'ForOfStatement') && node.left.type !== 'VariableDeclaration') {
      targets = patternNames(node.left, []).map((f) => f.id);
    }
    for (const id of targets) {
      const binding = this.lookup(id);
      if (binding) binding.reassigned = true;
    }
  }
}

function isLoopHead(decl: Node, parent: Node | undefined): boolean {
  return !!parent && (parent.type === 'ForInStatement' || parent.type === 'ForOfStatement') && parent.left === decl;
}

interface PatternName {
  id: TSESTree.Identifier;
  path: Array<string | number>;
  fallback?: Node;
  opaque?: boolean;
}

/** Identifiers a pattern declares, with the property path leading to each. */
function patternNames(pattern: Node, path: Array<string | number>, opaque = false): PatternName[] {
  switch (pattern.type) {
    case 'Identifier':
      return [{ id: pattern, path, opaque: opaque || undefined }];
    case 'AssignmentPattern': {
      const inner = patternNames(pattern.left, path, opaque);
      if (inner.length === 1 && inner[0]!.path === path) inner[0]!.fallback = pattern.right;
      return inner;
    }
    case 'ObjectPattern':
      return pattern.properties.flatMap((p) => {
        if (p.type === 'RestElement') return patternNames(p.argument, path, true);
        const key = propertyKey(p);
        return patternNames(p.value, [...path, key ?? '?'], opaque || key === undefined);
      });
    case 'ArrayPattern':
      return pattern.elements.flatMap((el, i) => (el ? patternNames(el, [...path, i], opaque || el.type === 'RestElement') : []));
    case 'RestElement':
      return patternNames(pattern.argument, path, true);
    case 'TSParameterProperty':
      return patternNames(pattern.parameter, path, opaque);
    case 'MemberExpression':
    default:
      return [];
  }
}
