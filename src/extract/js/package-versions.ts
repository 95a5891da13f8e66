import path from 'node:path';
import type { Project } from '../scanner.js';

/** A dependency as the nearest package.json declares it. */
export interface DeclaredDependency {
  /** The version range as written ("^5.1.0"). */
  range: string;
  /** Its first number, when it has one. */
  major?: number;
  /** Display path of the package.json. */
  file: string;
}

const FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];

/**
 * Versions of the CORS libraries and Express declared by the nearest package.json that names them
 * (walking up from the file, never above the scan root), read through the project.
 */
export class PackageVersions {
  private readonly manifests = new Map<string, Record<string, string> | null>();
  private readonly found = new Map<string, DeclaredDependency | null>();

  constructor(private readonly project: Project) {}

  dependency(absFile: string, name: string): DeclaredDependency | undefined {
    return this.lookup(path.dirname(absFile), name) ?? undefined;
  }

  /** The Express major version, when declared. */
  majorFor(absFile: string): { major?: number; file?: string } {
    const dep = this.dependency(absFile, 'express');
    return dep ? { major: dep.major, file: dep.file } : {};
  }

  private lookup(dir: string, name: string): DeclaredDependency | null {
    const key = `${dir}\u0000${name}`;
    const cached = this.found.get(key);
    if (cached !== undefined) return cached;
    let result: DeclaredDependency | null = null;
    const deps = this.manifest(dir);
    const range = deps?.[name];
    if (range !== undefined) {
      const m = /(\d+)/.exec(range.replace(/^npm:[^@]+@/, ''));
      result = { range, major: m ? Number(m[1]) : undefined, file: this.project.displayPath(path.join(dir, 'package.json')) };
    } else {
      const parent = path.dirname(dir);
      const inside = !path.relative(this.project.root, parent).startsWith('..');
      if (parent !== dir && inside) result = this.lookup(parent, name);
    }
    this.found.set(key, result);
    return result;
  }

  private manifest(dir: string): Record<string, string> | null {
    const cached = this.manifests.get(dir);
    if (cached !== undefined) return cached;
    let deps: Record<string, string> | null = null;
    const read = this.project.readText(path.join(dir, 'package.json'));
    if ('text' in read) {
      try {
        const json = JSON.parse(read.text) as Record<string, unknown>;
        deps = {};
        for (const field of FIELDS) {
          const value = json?.[field];
          if (value && typeof value === 'object') {
            for (const [k, v] of Object.entries(value as Record<string, unknown>)) if (typeof v === 'string') deps[k] ??= v;
          }
        }
      } catch {
        deps = null;
      }
    }
    this.manifests.set(dir, deps);
    return deps;
  }
}
