import fs from 'node:fs';
import path from 'node:path';
import type { Project } from '../../../src/extract/scanner.js';
import { classify } from '../../../src/discover/classify.js';
import type { Language } from '../../../src/model/types.js';

/** A Project over a folder on disk (for fixtures): display paths are relative to the folder. */
export function diskProject(root: string): Project {
  const allFiles: Array<{ absPath: string; path: string; language: Language }> = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const abs = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(abs);
      else {
        const language = classify(abs);
        if (language) allFiles.push({ absPath: abs, path: rel(abs), language });
      }
    }
  };
  const rel = (abs: string) => path.relative(root, abs).split(path.sep).join('/');
  walk(root);
  return {
    root,
    allFiles,
    displayPath: rel,
    readText(absPath) {
      const r = path.relative(root, absPath);
      if (r.startsWith('..') || path.isAbsolute(r)) return { error: 'outside the scan root' };
      try {
        return { text: fs.readFileSync(absPath, 'utf8') };
      } catch {
        return { error: 'no such file or directory' };
      }
    },
  };
}

import { memoryProject } from '../../helpers/memory-project.js';
import { nginxScanner } from '../../../src/extract/nginx/scanner.js';
import { runRules } from '../../../src/rules/run-rules.js';
import type { AnyRule } from '../../../src/rules/define-rule.js';
import type { CorsPolicy, Finding } from '../../../src/model/types.js';

/** Scans in-memory files (`{ 'nginx.conf': '...' }`) with the nginx scanner, prefilter included. */
export async function scanNginx(files: Record<string, string>) {
  const { project, sources } = memoryProject(files, classify);
  const result = await nginxScanner.scan(
    sources.filter((s) => s.language === 'nginx' && nginxScanner.mentionsCors(s.text)),
    project,
  );
  return result;
}

/** Runs one rule over the given policies (plus extra ones, e.g. an app policy) and returns its findings. */
export function runRule(rule: AnyRule, policies: CorsPolicy[]): Finding[] {
  const { findings, errors } = runRules([rule], policies, () => ({ options: {} }), {});
  if (errors.length) throw errors[0]!.error;
  return findings;
}
