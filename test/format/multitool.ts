import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
export const MULTITOOL = path.join(root, 'node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool');
/** Enables the GitHub rules, which `--rule-kind Gh` alone loads but leaves disabled. */
export const GH_RULES_CONFIG = path.join(here, 'sarif-gh-rules.xml');

export interface ValidationIssue {
  ruleId: string;
  level: string;
  message: string;
}

let env: NodeJS.ProcessEnv | undefined;

/** The environment the .NET binary runs in: without ICU it needs invariant globalization. */
function multitoolEnv(): NodeJS.ProcessEnv {
  if (env) return env;
  const stat = fs.statSync(MULTITOOL);
  if (!(stat.mode & 0o100)) fs.chmodSync(MULTITOOL, stat.mode | 0o100);
  const plain = spawnSync(MULTITOOL, ['--version'], { encoding: 'utf8' });
  if (plain.status === 0) return (env = process.env);
  console.log(`Sarif.Multitool failed (${plain.stderr.slice(0, 200)}); retrying with DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1`);
  return (env = { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' });
}

/** Runs `Sarif.Multitool validate --rule-kind "Gh;Sarif"` on a log and returns what it reported. */
export function validateSarif(log: unknown): ValidationIssue[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cors-lint-sarif-'));
  const input = path.join(dir, 'input.sarif');
  const output = path.join(dir, 'validation.sarif');
  fs.writeFileSync(input, typeof log === 'string' ? log : JSON.stringify(log, null, 2));
  const run = spawnSync(
    MULTITOOL,
    ['validate', '--rule-kind', 'Gh;Sarif', '--config', GH_RULES_CONFIG, '--level', 'Error;Warning;Note', '--log', 'ForceOverwrite', '--output', output, input],
    { encoding: 'utf8', env: multitoolEnv() },
  );
  if (!fs.existsSync(output)) throw new Error(`Sarif.Multitool wrote no output (exit ${run.status}): ${run.stdout}\n${run.stderr}`);
  const report = JSON.parse(fs.readFileSync(output, 'utf8'));
  const results: Array<{ ruleId: string; level?: string; message: { id?: string; text?: string; arguments?: string[] } }> = report.runs[0].results ?? [];
  return results.map((r) => ({
    ruleId: r.ruleId,
    level: r.level ?? 'warning',
    message: r.message.text ?? `${r.message.id}: ${(r.message.arguments ?? []).join(' | ')}`,
  }));
}
