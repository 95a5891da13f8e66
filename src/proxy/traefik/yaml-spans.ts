// Spans of YAML nodes and the RawValue form of YAML values, shared by the file provider, compose
// labels and Kubernetes readers.
import type { Span } from '../../model/types.js';
import { isMap, isScalar, isSeq, type Node, type YamlFile } from '../../parse/yaml.js';
import type { RawValue } from './config.js';

export interface YamlSource {
  file: string;
  text: string;
  yaml: YamlFile;
}

/** The node's whole extent (its value, not trailing comments). */
export function nodeSpan(src: YamlSource, node: Node | null | undefined): Span {
  const line = src.yaml.lineOf(node);
  const column = src.yaml.columnOf(node);
  const range = node?.range;
  if (!range) return { file: src.file, line, column, endLine: line, endColumn: column + 1 };
  const body = src.text.slice(range[0], range[1]).replace(/\s+$/, '');
  const lines = body.split('\n');
  if (lines.length === 1) return { file: src.file, line, column, endLine: line, endColumn: column + Math.max(1, body.length) };
  return { file: src.file, line, column, endLine: line + lines.length - 1, endColumn: lines[lines.length - 1]!.length + 1 };
}

/** Where `value` starts inside a one-line scalar node written without escapes, or undefined. */
export function valueStart(src: YamlSource, node: Node | null | undefined, value: string, from = 0): { line: number; column: number } | undefined {
  const range = node?.range;
  if (!range || !value) return undefined;
  const body = src.text.slice(range[0], range[1]);
  if (body.includes('\n')) return undefined;
  const at = body.indexOf(value, from);
  if (at < 0) return undefined;
  return { line: src.yaml.lineOf(node), column: src.yaml.columnOf(node) + at };
}

/** A YAML value as a RawValue: sequences, maps and scalars (numbers and booleans as their text). */
export function rawValue(src: YamlSource, node: Node | null | undefined): RawValue | undefined {
  if (!node) return undefined;
  const span = nodeSpan(src, node);
  if (isSeq(node)) {
    const items = (node.items as Node[]).flatMap((item) => {
      if (!isScalar(item) || item.value === null || item.value === undefined) return [];
      const text = String(item.value);
      return [{ text: templated(text) ? ('unknown' as const) : text, ...(templated(text) ? { why: `${text} is filled in by a template` } : {}), span: nodeSpan(src, item) }];
    });
    return { kind: 'list', span, items };
  }
  if (isMap(node)) {
    const entries = node.items.flatMap((pair) => {
      if (!isScalar(pair.key)) return [];
      const keyNode = pair.key as Node;
      return [{ key: String((pair.key as { value: unknown }).value), value: rawValue(src, (pair.value ?? undefined) as Node | undefined), span: nodeSpan(src, keyNode) }];
    });
    return { kind: 'map', span, entries };
  }
  if (isScalar(node)) {
    if (node.value === null || node.value === undefined) return { kind: 'scalar', span, text: '' };
    const text = String(node.value);
    if (templated(text)) return { kind: 'scalar', span, text: 'unknown', why: `${text} is filled in by a template` };
    return { kind: 'scalar', span, text, valueAt: valueStart(src, node, text) };
  }
  return undefined;
}

/** Go templates (Traefik's file provider, Helm) and `${VAR}` placeholders that something fills in later. */
export function templated(text: string): boolean {
  return text.includes('{{') || /\$\{[^}]*\}/.test(text);
}
