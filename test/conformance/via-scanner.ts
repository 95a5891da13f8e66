// Turns a fixture's source text into policies through the real pipeline when a scanner for its
// language is registered; otherwise the caller builds the policy from the fixture options directly.
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { scanners } from '../../src/extract/index.js';
import { lint } from '../../src/lint.js';
import type { CorsPolicy, Language } from '../../src/model/types.js';

export function scannerRegistered(language: Language): boolean {
  return scanners.some((s) => s.language === language);
}

/** Writes each source to its own folder and returns the policies lint() extracts, per fixture. */
export async function policiesViaScanner(files: Array<{ id: string; name: string; text: string }>): Promise<Map<string, CorsPolicy[]>> {
  const root = mkdtempSync(path.join(tmpdir(), 'cors-lint-conformance-'));
  const out = new Map<string, CorsPolicy[]>();
  try {
    for (const f of files) {
      const dir = path.join(root, f.id);
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, f.name), f.text);
      const result = await lint([dir], { cwd: root, config: {} });
      out.set(f.id, result.policies);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  return out;
}
