import path from 'node:path';
import type { Project } from '../../src/extract/scanner.js';
import type { Language, SourceFile } from '../../src/model/types.js';

/**
 * An in-memory tree for scanner tests: `{ 'app/main.py': '...' }`.
 * Display paths are the keys; absolute paths live under a fake root.
 */
export function memoryProject(files: Record<string, string>, languageOf: (p: string) => Language | undefined) {
  const root = '/virtual';
  const abs = (p: string) => path.posix.join(root, p);
  const allFiles = Object.keys(files)
    .map((p) => ({ absPath: abs(p), path: p, language: languageOf(p) }))
    .filter((f): f is { absPath: string; path: string; language: Language } => f.language !== undefined);
  const project: Project = {
    root,
    allFiles,
    displayPath: (a) => path.posix.relative(root, a),
    readText(a) {
      const key = path.posix.relative(root, a);
      return key in files ? { text: files[key]! } : { error: `no such file: ${key}` };
    },
  };
  const sources: SourceFile[] = allFiles.map((f) => ({ ...f, text: files[f.path]! }));
  return { project, sources };
}
