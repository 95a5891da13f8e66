import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { lint } from '../../src/lint.js';
import type { CorsPolicy } from '../../src/model/types.js';

/** Lints an in-disk tree built from `files` and returns its policies (display paths relative to the tree). */
export async function policiesOf(files: Record<string, string>): Promise<CorsPolicy[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cors-lint-sim-'));
  try {
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), text);
    }
    return (await lint(['.'], { cwd: dir, config: {} })).policies;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function onePolicy(name: string, text: string): Promise<CorsPolicy> {
  const policies = await policiesOf({ [name]: text });
  if (policies.length !== 1) throw new Error(`expected one policy, got ${policies.length}`);
  return policies[0]!;
}
