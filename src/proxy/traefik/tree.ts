// One view over YAML and TOML documents, so the file provider reads both the same way: keys, items,
// scalars, each with the span it is written at. Keys are looked up case-insensitively (traefik/paerser
// matches file keys to fields with strings.EqualFold) unless the caller asks for exact keys.
import { parse as parseToml, TomlError } from 'smol-toml';
import type { Span } from '../../model/types.js';
import { isMap, isScalar, isSeq, type Node } from '../../parse/yaml.js';
import { lineSpan, type RawValue } from './config.js';
import { templated } from './yaml-spans.js';
import { nodeSpan, rawValue, type YamlSource } from './yaml-spans.js';

export interface ConfNode {
  span: Span;
  /** The child under `key` (case-insensitive unless `exact`). */
  get(key: string, exact?: boolean): ConfNode | undefined;
  entries(): Array<{ key: string; node: ConfNode; keySpan: Span }>;
  items(): ConfNode[];
  /** Scalar text (numbers and booleans as text); undefined for maps, lists and null. */
  text(): string | undefined;
  raw(): RawValue | undefined;
}

export function yamlTree(src: YamlSource, node: Node | null | undefined): ConfNode | undefined {
  if (!node) return undefined;
  const self: ConfNode = {
    span: nodeSpan(src, node),
    get(key, exact) {
      if (!isMap(node)) return undefined;
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        const k = String((pair.key as { value: unknown }).value);
        if (exact ? k === key : k.toLowerCase() === key.toLowerCase()) return yamlTree(src, (pair.value ?? undefined) as Node | undefined);
      }
      return undefined;
    },
    entries() {
      if (!isMap(node)) return [];
      return node.items.flatMap((pair) => {
        if (!isScalar(pair.key)) return [];
        const child = yamlTree(src, (pair.value ?? undefined) as Node | undefined) ?? emptyNode(nodeSpan(src, pair.key as Node));
        return [{ key: String((pair.key as { value: unknown }).value), node: child, keySpan: nodeSpan(src, pair.key as Node) }];
      });
    },
    items() {
      return isSeq(node) ? (node.items as Node[]).flatMap((n) => yamlTree(src, n) ?? []) : [];
    },
    text() {
      return isScalar(node) && node.value !== null && node.value !== undefined ? String(node.value) : undefined;
    },
    raw() {
      return rawValue(src, node);
    },
  };
  return self;
}

function emptyNode(span: Span): ConfNode {
  return { span, get: () => undefined, entries: () => [], items: () => [], text: () => undefined, raw: () => ({ kind: 'scalar', span, text: '' }) };
}

// ---------------------------------------------------------------------------------------------------
// TOML: smol-toml gives values without positions, so the lines are found in the text: every
// `[table]` header and `key = value` line, by its full dotted path, and the strings of arrays.

interface TomlPositions {
  /** Lowercased dotted path -> where its key is written. */
  keys: Map<string, Span>;
  /** Lowercased dotted path of an array -> the spans of its string items, in order. */
  arrayItems: Map<string, Span[]>;
}

function splitDotted(text: string): string[] {
  const out: string[] = [];
  const re = /\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*(?:\.|$)/y;
  let m: RegExpExecArray | null;
  while (re.lastIndex < text.length && (m = re.exec(text))) out.push(m[1] ?? m[2] ?? m[3] ?? '');
  return out;
}

function locateToml(file: string, text: string): TomlPositions {
  const keys = new Map<string, Span>();
  const arrayItems = new Map<string, Span[]>();
  const lines = text.split('\n');
  const arrayCounts = new Map<string, number>();
  let table: string[] = [];
  let open: { path: string; depth: number } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    if (open) {
      collectStrings(file, i + 1, line, 0, open.path, arrayItems);
      open.depth += bracketBalance(line);
      if (open.depth <= 0) open = undefined;
      continue;
    }
    const header = /^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$/.exec(line);
    if (header) {
      table = splitDotted(header[2]!).map((p) => p.toLowerCase());
      if (header[1] === '[[') {
        const base = table.join('.');
        const n = arrayCounts.get(base) ?? 0;
        arrayCounts.set(base, n + 1);
        table = [...table, String(n)];
      }
      const col = line.indexOf(header[2]!) + 1;
      keys.set(table.join('.'), lineSpan(file, i + 1, col, header[2]!.length));
      continue;
    }
    const kv = /^(\s*)((?:"(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_.\s-])+?)\s*=\s*(.*)$/.exec(line);
    if (!kv) continue;
    const keyPath = [...table, ...splitDotted(kv[2]!).map((p) => p.toLowerCase())].join('.');
    const col = kv[1]!.length + 1;
    if (!keys.has(keyPath)) keys.set(keyPath, lineSpan(file, i + 1, col, line.trimEnd().length - kv[1]!.length));
    const value = kv[3]!;
    if (value.startsWith('[')) {
      const valueCol = line.length - value.length;
      collectStrings(file, i + 1, line.slice(valueCol), valueCol, keyPath, arrayItems);
      const depth = bracketBalance(value);
      if (depth > 0) open = { path: keyPath, depth };
    }
  }
  return { keys, arrayItems };
}

function bracketBalance(text: string): number {
  const bare = text.replace(/"(?:[^"\\]|\\.)*"|'[^']*'|#.*$/g, '');
  return (bare.match(/\[/g)?.length ?? 0) - (bare.match(/\]/g)?.length ?? 0);
}

function collectStrings(file: string, lineNo: number, text: string, offset: number, path: string, out: Map<string, Span[]>): void {
  for (const m of text.matchAll(/"(?:[^"\\]|\\.)*"|'[^']*'|#.*$/g)) {
    if (m[0].startsWith('#')) break;
    const list = out.get(path) ?? [];
    list.push(lineSpan(file, lineNo, offset + m.index! + 1, m[0].length));
    out.set(path, list);
  }
}

export type TomlParse = { ok: true; root: ConfNode } | { ok: false; message: string; line: number; column: number };

export function tomlTree(file: string, text: string): TomlParse {
  let data: unknown;
  try {
    data = parseToml(text);
  } catch (error) {
    if (error instanceof TomlError) return { ok: false, message: error.message.split('\n')[0]!, line: error.line, column: error.column };
    return { ok: false, message: (error as Error).message, line: 1, column: 1 };
  }
  const positions = locateToml(file, text);
  const fallback = lineSpan(file, 1, 1, 1);
  // The earliest key below each table path, computed once (keys x depth).
  const below = new Map<string, Span>();
  for (const [k, span] of positions.keys) {
    const parts = k.split('.');
    for (let i = 1; i < parts.length; i++) {
      const prefix = parts.slice(0, i).join('.');
      const best = below.get(prefix);
      if (!best || span.line < best.line) below.set(prefix, span);
    }
  }
  const firstBelow = (key: string): Span | undefined => below.get(key);
  const make = (value: unknown, path: string[], parentSpan: Span): ConfNode => {
    const key = path.join('.');
    // A table written only through deeper headers (`[http.middlewares.cors.headers]`) is where its first child is.
    const span = positions.keys.get(key) ?? firstBelow(key) ?? parentSpan;
    const node: ConfNode = {
      span,
      get(k, exact) {
        if (!isPlainObject(value)) return undefined;
        const found = Object.keys(value).find((name) => (exact ? name === k : name.toLowerCase() === k.toLowerCase()));
        return found === undefined ? undefined : make(value[found], [...path, found.toLowerCase()], span);
      },
      entries() {
        if (!isPlainObject(value)) return [];
        return Object.keys(value).map((name) => {
          const child = make(value[name], [...path, name.toLowerCase()], span);
          return { key: name, node: child, keySpan: child.span };
        });
      },
      items() {
        return Array.isArray(value) ? value.map((v, i) => make(v, [...path, String(i)], itemSpan(i) ?? span)) : [];
      },
      text() {
        return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' ? String(value) : undefined;
      },
      raw() {
        if (Array.isArray(value)) {
          return {
            kind: 'list',
            span,
            items: value.flatMap((v, i) => {
              if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') return [];
              const t = String(v);
              return [{ text: templated(t) ? ('unknown' as const) : t, ...(templated(t) ? { why: `${t} is filled in by a template` } : {}), span: itemSpan(i) ?? span }];
            }),
          };
        }
        if (isPlainObject(value)) return { kind: 'map', span, entries: node.entries().map((e) => ({ key: e.key, value: e.node.raw(), span: e.keySpan })) };
        const t = node.text();
        if (t === undefined) return undefined;
        return templated(t) ? { kind: 'scalar', span, text: 'unknown', why: `${t} is filled in by a template` } : { kind: 'scalar', span, text: t };
      },
    };
    function itemSpan(i: number): Span | undefined {
      return positions.arrayItems.get(key)?.[i];
    }
    return node;
  };
  return { ok: true, root: make(data, [], fallback) };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}
