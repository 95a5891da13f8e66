import path from 'node:path';
import type { Project } from '../scanner.js';

/**
 * The Express major version declared by the nearest package.json (dependencies,
 * devDependencies, peerDependencies), read through the project (never outside the root).
 */
export class ExpressVersions {
  private readonly byDir = new Map<string, { major?: number; file?: string }>();

  constructor(private readonly project: Project) {}

  majorFor(absFile: string): { major?: number; file?: string } {
    return this.lookup(path.dirname(absFile));
  }

  private lookup(dir: string): { major?: number; file?: string } {
    const cached = this.byDir.get(dir);
    if (cached) return cached;
    let result: { major?: number; file?: string } = {};
    const manifest = path.join(dir, 'package.json');
    const read = this.project.readText(manifest);
    const major = 'text' in read ? majorOf(read.text) : undefined;
    if (major !== undefined) {
      result = { major, file: this.project.displayPath(manifest) };
    } else {
      const parent = path.dirname(dir);
      const inside = !path.relative(this.project.root, parent).startsWith('..');
      if (parent !== dir && inside) result = this.lookup(parent);
    }
    this.byDir.set(dir, result);
    return result;
  }
}

function majorOf(text: string): number | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!json || typeof json !== 'object') return undefined;
  const record = json as Record<string, unknown>;
  for (const field of ['dependencies', 'devDependencies', 'peerDependencies']) {
    const deps = record[field];
    if (deps && typeof deps === 'object') {
      const range = (deps as Record<string, unknown>).express;
      if (typeof range === 'string') {
        // "^5.1.0", "~4.18.2", ">=4 <6" (first number), "5.x", "latest" (unknown)
        const m = /(\d+)/.exec(range.replace(/^npm:express@/, ''));
        return m ? Number(m[1]) : undefined;
      }
    }
  }
  return undefined;
}
