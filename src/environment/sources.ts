// Reads the environment sources of a repository for the variables some policy reads. Files are
// chosen by name (context-files.ts); generic YAML is read only when the run needs variables at all,
// and parsed only when its text names a workload or ConfigMap and one of those variables.
import path from 'node:path';
import type { Diagnostic } from '../model/types.js';
import type { ContextFile } from './context-files.js';
import { readCompose } from './compose.js';
import { readDotenv } from './dotenv.js';
import { mayBeKubernetes, readHelmValues, readKubernetes } from './kubernetes.js';
import { environmentNameFromFile, type EnvSource } from './types.js';

export interface SourceReader {
  readText(absPath: string): string | undefined;
  display(absPath: string): string;
}

export function readEnvSources(files: readonly ContextFile[], variables: readonly string[], io: SourceReader): { sources: EnvSource[]; diagnostics: Diagnostic[] } {
  const sources: EnvSource[] = [];
  const diagnostics: Diagnostic[] = [];
  if (!variables.length) return { sources, diagnostics };
  const names = [...new Set(variables.flatMap((v) => [v, v.toUpperCase()]))];
  const mentions = (text: string) => names.some((n) => text.includes(n)) || variables.some((v) => v === v.toLowerCase() && text.toLowerCase().includes(v));
  for (const file of files) {
    if (file.kind !== 'dotenv' && file.kind !== 'compose' && file.kind !== 'helm-values' && file.kind !== 'yaml') continue;
    const text = io.readText(file.absPath);
    if (text === undefined) continue;
    const display = io.display(file.absPath);
    // `api.env` style files are compose env_files: they count where a service reads them.
    if (file.kind === 'dotenv' && !path.basename(file.absPath).startsWith('.env')) continue;
    if (file.kind === 'dotenv') {
      // Every dotenv file is parsed (they are small), so a broken one is always reported.
      const read = readDotenv(text, display);
      if (read.diagnostic) diagnostics.push(read.diagnostic);
      if (read.vars.size) sources.push({ kind: 'dotenv', name: environmentNameFromFile(path.basename(file.absPath), 'default'), file: display, vars: read.vars, codeDirs: [path.dirname(file.absPath)] });
      continue;
    }
    if (file.kind === 'compose') {
      const read = readCompose(text, { absPath: file.absPath, display: io.display, readText: io.readText });
      diagnostics.push(...read.diagnostics);
      sources.push(...read.sources);
      continue;
    }
    if (!mentions(text)) continue;
    const read = file.kind === 'helm-values' ? readHelmValues(text, file.absPath, display, names) : mayBeKubernetes(text, names) ? readKubernetes(text, file.absPath, display) : undefined;
    if (!read) continue;
    diagnostics.push(...read.diagnostics);
    sources.push(...read.sources);
  }
  return { sources, diagnostics: dedupe(diagnostics) };
}

/** An env_file shared by several services is reported once. */
function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.file}\u0000${d.line}\u0000${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
