import { describe, expect, it } from 'vitest';
import { lint } from '../../../src/lint.js';
import { tempTree } from '../../helpers/temp-tree.js';

const HEAD = `const express = require('express');
const cors = require('cors');
const app = express();
const allowed = ['https://app.example.com'];
`;

async function originsOf(fn: string) {
  const dir = tempTree({ 'server.js': `${HEAD}app.use(cors({ origin: ${fn}, credentials: true }));\n` });
  const result = await lint(['.'], { cwd: dir, config: {} });
  return { origins: result.policies[0]!.origins.map((o) => ({ kind: o.kind, ...(o.kind === 'exact' ? { origin: o.origin } : {}) })), findings: result.findings };
}

describe('origin functions that also accept origins outside their list', () => {
  it('a final unconditional accept after the membership test admits every origin', async () => {
    const { origins, findings } = await originsOf(`(origin, callback) => {
  if (!origin) return callback(null, true);
  if (allowed.includes(origin)) return callback(null, true);
  callback(null, true); // allow all in dev
}`);
    expect(origins).toContainEqual({ kind: 'reflect' });
    expect(findings.map((f) => [f.ruleId, f.severity, f.location.line])).toContainEqual(['reflected-origin', 'error', 5]);
  });

  it('a deny-list (accept whatever is not listed) admits every attacker origin', async () => {
    const { origins } = await originsOf(`(origin, cb) => cb(null, !allowed.includes(origin))`);
    expect(origins).toEqual([{ kind: 'reflect' }]);
  });

  it('an allowlist that rejects everything else stays an allowlist', async () => {
    const { origins, findings } = await originsOf(`(origin, cb) => {
  if (!allowed.includes(origin)) return cb(new Error('not allowed'));
  cb(null, true);
}`);
    expect(origins).toEqual([{ kind: 'exact', origin: 'https://app.example.com' }]);
    expect(findings.filter((f) => f.ruleId === 'reflected-origin')).toEqual([]);
  });
});
