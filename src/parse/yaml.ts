// Small helpers over the `yaml` package's node tree: keys, items, scalars and their lines.
import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Node } from 'yaml';

export interface YamlFile {
  docs: Node[];
  /** Line (1-based) of a node's first character. */
  lineOf(node: Node | null | undefined): number;
  columnOf(node: Node | null | undefined): number;
  /** The first syntax error, when the file is not valid YAML. */
  error?: { message: string; line: number; column: number };
}

export function parseYaml(text: string): YamlFile {
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, { lineCounter, uniqueKeys: false, strict: false });
  const all = Array.isArray(parsed) ? parsed : [parsed];
  const pos = (node: Node | null | undefined) => (node?.range ? lineCounter.linePos(node.range[0]) : { line: 1, col: 1 });
  const file: YamlFile = {
    docs: all.flatMap((d) => (d.contents ? [d.contents as Node] : [])),
    lineOf: (node) => pos(node).line,
    columnOf: (node) => pos(node).col,
  };
  const first = all.flatMap((d) => d.errors)[0];
  if (first) {
    const at = first.linePos?.[0];
    file.error = { message: first.message.split('\n')[0]!, line: at?.line ?? 1, column: at?.col ?? 1 };
  }
  return file;
}

/** The value node of `key` in a map node. */
export function get(node: unknown, key: string): Node | undefined {
  if (!isMap(node)) return undefined;
  for (const pair of node.items) {
    const k = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (k === key) return (pair.value ?? undefined) as Node | undefined;
  }
  return undefined;
}

export function getPath(node: unknown, keys: string[]): Node | undefined {
  let current: unknown = node;
  for (const key of keys) current = get(current, key);
  return current as Node | undefined;
}

/** Key/value pairs of a map node (keys as strings). */
export function entries(node: unknown): Array<{ key: string; keyNode: Node; value: Node | undefined }> {
  if (!isMap(node)) return [];
  return node.items.flatMap((pair) => (isScalar(pair.key) ? [{ key: String(pair.key.value), keyNode: pair.key as Node, value: (pair.value ?? undefined) as Node | undefined }] : []));
}

export function items(node: unknown): Node[] {
  return isSeq(node) ? (node.items as Node[]) : [];
}

/** A scalar's value as text; undefined for maps, lists and null. */
export function scalarText(node: unknown): string | undefined {
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  return String(node.value);
}

export { isMap, isScalar, isSeq, type Node };
