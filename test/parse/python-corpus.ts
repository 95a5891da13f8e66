import fs from 'node:fs';
import path from 'node:path';
import { parse, simpleTraverse, type TSESTree } from '@typescript-eslint/typescript-estree';
import fg from 'fast-glob';
import { pythonScanner } from '../../src/extract/python/scanner.js';
import { readmeExamples } from '../docs/readme-examples.js';

/** A set of Python files scanned together (display path -> text), and where it comes from. */
export interface PythonCase {
  origin: string;
  files: Record<string, string>;
}

const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

/** Every `.py` file of the repository (examples, fixtures, README-independent oracles), one case per folder. */
export function pythonFiles(): PythonCase[] {
  const byDir = new Map<string, Record<string, string>>();
  for (const rel of fg.sync('**/*.py', { cwd: repo, ignore: ['node_modules/**', 'dist/**', '.git/**'] }).sort()) {
    const dir = path.posix.dirname(rel);
    const files = byDir.get(dir) ?? {};
    files[rel] = fs.readFileSync(path.join(repo, rel), 'utf8');
    byDir.set(dir, files);
  }
  return [...byDir].map(([dir, files]) => ({ origin: `${dir}/*.py`, files }));
}

/** The ```python blocks of the rule READMEs and the main README (what the docs test runs). */
export function readmePython(): PythonCase[] {
  const out: PythonCase[] = [];
  for (const rel of ['README.md', ...fg.sync('rules/*/README.md', { cwd: repo }).sort()]) {
    const markdown = fs.readFileSync(path.join(repo, rel), 'utf8');
    const lines = markdown.split('\n');
    // Every python block, with or without a ❌/✅ verdict (readmeExamples gives the file names).
    const named = new Map(readmeExamples(markdown).map((e) => [e.line, e.fileName]));
    lines.forEach((line, i) => {
      const open = /^```(?:python|py)(?:\s+(\S+))?\s*$/.exec(line);
      if (!open) return;
      let end = i + 1;
      while (end < lines.length && !/^```\s*$/.test(lines[end]!)) end++;
      const name = named.get(i + 1) ?? open[1] ?? 'app.py';
      out.push({ origin: `${rel}:${i + 1}`, files: { [name]: `${lines.slice(i + 1, end).join('\n')}\n` } });
    });
  }
  return out;
}

/**
 * The Python snippets written inline in the test files: objects mapping `*.py` paths to source (multi-file
 * cases) and every other multi-line string that could configure CORS in Python, one file each.
 */
export function testSnippets(): PythonCase[] {
  const out: PythonCase[] = [];
  const seen = new Set<string>();
  const add = (c: PythonCase) => {
    const key = JSON.stringify(c.files);
    if (seen.has(key) || !Object.keys(c.files).length) return;
    seen.add(key);
    out.push(c);
  };
  const testFiles = fg.sync(['test/**/*.test.ts', 'rules/**/*.test.ts'], { cwd: repo, ignore: ['test/parse/**'] }).sort();
  for (const rel of testFiles) {
    const code = fs.readFileSync(path.join(repo, rel), 'utf8');
    const pythonFile = rel.startsWith('test/extract/python/');
    if (!pythonFile && !/\.py['"`]|python/i.test(code)) continue;
    let ast: TSESTree.Program;
    try {
      ast = parse(code, { range: true, loc: true, jsx: false });
    } catch {
      continue;
    }
    const textOf = (node: TSESTree.Node | null | undefined): string | undefined => {
      if (node?.type === 'Literal' && typeof node.value === 'string') return node.value;
      if (node?.type === 'TemplateLiteral') {
        return node.quasis.map((q, i) => (q.value.cooked ?? q.value.raw) + (node.expressions[i] ? code.slice(...node.expressions[i]!.range) : '')).join('');
      }
      return undefined;
    };
    const inObjects = new Set<TSESTree.Node>();
    simpleTraverse(ast, {
      enter(node) {
        if (node.type !== 'ObjectExpression') return;
        const files: Record<string, string> = {};
        for (const prop of node.properties) {
          if (prop.type !== 'Property') continue;
          const key = prop.key.type === 'Literal' ? String(prop.key.value) : prop.key.type === 'Identifier' ? prop.key.name : '';
          const text = textOf(prop.value as TSESTree.Node);
          if (key.endsWith('.py') && text !== undefined) {
            files[key] = text;
            inObjects.add(prop.value as TSESTree.Node);
          }
        }
        add({ origin: `${rel}:${node.loc.start.line}`, files });
      },
    });
    simpleTraverse(ast, {
      enter(node) {
        if (inObjects.has(node)) return;
        const text = textOf(node);
        if (text === undefined || !text.includes('\n')) return;
        if (!pythonScanner.mentionsCors(text) && !pythonFile) return;
        add({ origin: `${rel}:${node.loc.start.line}`, files: { 'app/main.py': text } });
      },
    });
  }
  return out;
}
