import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { Span } from '../../model/types.js';

export type Node = TSESTree.Node;
export type Expr = TSESTree.Expression;
export type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

const SKIP_KEYS = new Set(['parent', 'loc', 'range', 'typeAnnotation', 'returnType', 'typeParameters', 'typeArguments', 'decorators']);

/** Child nodes of an ESTree node, in source order (type annotations are skipped: they hold no values). */
export function childrenOf(node: Node): Node[] {
  const out: Node[] = [];
  for (const key of Object.keys(node)) {
    if (SKIP_KEYS.has(key)) continue;
    const value = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) out.push(item);
    } else if (isNode(value)) {
      out.push(value);
    }
  }
  return out;
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string' && 'range' in value;
}

/** Visits every node once, parents before children, without recursion (deep minified code must not overflow the stack). */
export function walk(root: Node, visit: (node: Node, parent: Node | undefined) => void): void {
  const stack: Array<[Node, Node | undefined]> = [[root, undefined]];
  while (stack.length) {
    const [node, parent] = stack.pop()!;
    visit(node, parent);
    const kids = childrenOf(node);
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i]!, node]);
  }
}

export function spanOf(node: Node, file: string): Span {
  return {
    file,
    line: node.loc.start.line,
    column: node.loc.start.column + 1,
    endLine: node.loc.end.line,
    endColumn: node.loc.end.column + 1,
  };
}

/** Strips wrappers that do not change the value: TS assertions, non-null, satisfies, optional chains. */
export function unwrap(node: Node): Node {
  let current: Node = node;
  for (;;) {
    switch (current.type) {
      case 'TSAsExpression':
      case 'TSSatisfiesExpression':
      case 'TSNonNullExpression':
      case 'TSTypeAssertion':
      case 'TSInstantiationExpression':
        current = current.expression;
        continue;
      case 'ChainExpression':
        current = current.expression;
        continue;
      default:
        return current;
    }
  }
}

/** The property name of `a.b`, `a['b']`, or undefined for computed non-literal keys. */
export function memberName(node: TSESTree.MemberExpression): string | undefined {
  if (!node.computed && node.property.type === 'Identifier') return node.property.name;
  if (node.computed && node.property.type === 'Literal' && typeof node.property.value === 'string') return node.property.value;
  if (node.computed && node.property.type === 'TemplateLiteral' && node.property.expressions.length === 0) {
    return node.property.quasis[0]?.value.cooked ?? undefined;
  }
  if (!node.computed && node.property.type === 'PrivateIdentifier') return undefined;
  return undefined;
}

/** Key of an object property when it is static. */
export function propertyKey(prop: TSESTree.Property | TSESTree.PropertyDefinition): string | undefined {
  const key = prop.key;
  if (!prop.computed && key.type === 'Identifier') return key.name;
  if (key.type === 'Literal' && (typeof key.value === 'string' || typeof key.value === 'number')) return String(key.value);
  if (key.type === 'TemplateLiteral' && key.expressions.length === 0) return key.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

export function isFunction(node: Node): node is FunctionNode {
  return node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression';
}

/** `a.b.c` as text for plain member chains of identifiers, else undefined. */
export function dottedName(node: Node): string | undefined {
  const n = unwrap(node);
  if (n.type === 'Identifier') return n.name;
  if (n.type === 'ThisExpression') return 'this';
  if (n.type === 'MemberExpression') {
    const obj = dottedName(n.object);
    const prop = memberName(n);
    return obj !== undefined && prop !== undefined ? `${obj}.${prop}` : undefined;
  }
  return undefined;
}

/** Source text of a node, shortened for messages. */
export function textOf(node: Node, text: string, max = 160): string {
  const raw = text.slice(node.range[0], node.range[1]).replace(/\s+/g, ' ');
  return raw.length > max ? `${raw.slice(0, max - 1)}…` : raw;
}
