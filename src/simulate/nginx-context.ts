// Connects an nginx policy to the parsed configuration it came from, so that simulate() can use the
// nginx scanner's own per-request prediction (src/extract/nginx/simulate.ts: location choice,
// rewrite-phase `if`/`return`, add_header inheritance and `always`) instead of re-implementing it.
import fs from 'node:fs';
import path from 'node:path';
import { analyseRoot, type AnalysedConfig } from '../extract/nginx/analyze.js';
import type { Block } from '../extract/nginx/blocks.js';
import { IncludeLoader } from '../extract/nginx/includes.js';
import type { MapDef } from '../extract/nginx/maps.js';
import type { Project } from '../extract/scanner.js';
import { classify, looksLikeNginx } from '../discover/classify.js';
import type { CorsPolicy, Language, Span } from '../model/types.js';

export interface NginxContext {
  /** The server block (or a snippet's top level) the policy's block lives in. */
  server: Block;
  /** The block the policy describes (location, server). */
  block: Block;
  maps: Map<string, MapDef>;
}

const contexts = new WeakMap<CorsPolicy, NginxContext>();

export function nginxContextOf(policy: CorsPolicy): NginxContext | undefined {
  return contexts.get(policy);
}

/** For a scanner that already holds the parsed configuration. */
export function attachNginxContext(policy: CorsPolicy, context: NginxContext): void {
  contexts.set(policy, context);
}

function sameSpan(a: Span, b: Span): boolean {
  return a.file === b.file && a.line === b.line && a.column === b.column;
}

function findBlock(tree: Block, span: Span): Block | undefined {
  const stack = [tree];
  while (stack.length) {
    const b = stack.pop()!;
    if (sameSpan(b.headerSpan, span)) return b;
    stack.push(...b.children);
  }
  return undefined;
}

function serverOf(block: Block): Block {
  let b: Block | undefined = block;
  while (b) {
    if (b.kind === 'server') return b;
    b = b.parent;
  }
  return block;
}

const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'build', '.venv', 'venv', '__pycache__']);

function nginxFilesUnder(root: string, limit = 2000): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (out.length >= limit) return;
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) walk(abs);
      } else if (e.isFile() && classify(abs) === 'nginx') out.push(abs);
    }
  };
  walk(root);
  return out;
}

function diskProject(root: string, cwd: string): Project {
  const display = (abs: string) => path.relative(cwd, abs).split(path.sep).join('/');
  const files = nginxFilesUnder(root);
  return {
    root,
    allFiles: files.map((absPath) => ({ absPath, path: display(absPath), language: 'nginx' as Language })),
    displayPath: display,
    readText(absPath) {
      const rel = path.relative(root, absPath);
      if (rel.startsWith('..') || path.isAbsolute(rel)) return { error: 'outside the scan root' };
      try {
        return { text: fs.readFileSync(absPath, 'utf8') };
      } catch {
        return { error: 'no such file or directory' };
      }
    },
  };
}

/**
 * Finds, for every nginx policy without a context, the configuration it was extracted from: each
 * nginx file under `root` is parsed as a top-level configuration (with its includes), and the one
 * that contains the policy's block and reaches the most files wins (the nginx.conf that includes a
 * conf.d piece, rather than the piece on its own). Read-only; nothing is executed.
 */
export function attachNginxContexts(policies: CorsPolicy[], options: { root: string; cwd: string }): number {
  const pending = policies.filter((p) => p.library === 'nginx' && !contexts.has(p));
  if (!pending.length) return 0;
  const project = diskProject(path.resolve(options.root), path.resolve(options.cwd));
  const loader = new IncludeLoader(project);
  const configs: AnalysedConfig[] = [];
  for (const f of project.allFiles) {
    const read = project.readText(f.absPath);
    if (!('text' in read) || !looksLikeNginx(read.text)) continue;
    try {
      configs.push(analyseRoot(loader, project, f.absPath));
    } catch {
      // a file the nginx parser rejects gives no context
    }
  }
  let attached = 0;
  for (const policy of pending) {
    let best: { config: AnalysedConfig; block: Block } | undefined;
    for (const config of configs) {
      const block = findBlock(config.tree, policy.span);
      if (block && (!best || config.reached.size > best.config.reached.size)) best = { config, block };
    }
    if (!best) continue;
    const maps = new Map([...configs.flatMap((c) => [...c.maps]), ...best.config.maps]);
    contexts.set(policy, { server: serverOf(best.block), block: best.block, maps });
    attached++;
  }
  return attached;
}
