import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, type Io } from '../../src/cli/main.js';
import { EXIT_FINDINGS, EXIT_OK } from '../../src/cli/exit-codes.js';
import { tempTree } from './sample.js';

async function cli(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const io: Io = { cwd, env: {}, isTty: false, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

const reported = async (args: string[], cwd: string) => {
  const run = await cli([...args, '--format', 'json'], cwd);
  const report = JSON.parse(run.stdout) as { findings: Array<{ ruleId: string; location: { file: string; line: number; column: number } }> };
  return { code: run.code, findings: report.findings.map((f) => `${f.location.file}:${f.location.line}:${f.location.column} ${f.ruleId}`) };
};

const OLD_API = `from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

app = FastAPI()
app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True)
`;
const NEW_API = `from flask import Flask
from flask_cors import CORS

app = Flask(__name__)
CORS(app, origins=["null"], supports_credentials=True)
`;

describe('baseline', () => {
  it('hides recorded findings, reports new ones, and survives unrelated lines moving', async () => {
    const dir = tempTree({ 'api/main.py': OLD_API });
    expect(await reported(['.'], dir)).toEqual({ code: EXIT_FINDINGS, findings: ['api/main.py:5:51 credentials-with-wildcard-origin'] });

    const write = await cli(['.', '--write-baseline', 'cors-lint-baseline.json'], dir);
    expect(write.code).toBe(EXIT_OK);
    expect(write.stderr).toContain('recorded 1 finding(s) in cors-lint-baseline.json');
    const baseline = JSON.parse(fs.readFileSync(path.join(dir, 'cors-lint-baseline.json'), 'utf8'));
    expect(baseline).toMatchObject({ version: 1, findings: [{ ruleId: 'credentials-with-wildcard-origin', file: 'api/main.py', count: 1 }] });

    // The recorded finding is not reported.
    expect(await reported(['.', '--baseline', 'cors-lint-baseline.json'], dir)).toEqual({ code: EXIT_OK, findings: [] });

    // Unrelated lines above it move it from line 5 to line 9: still recorded.
    fs.writeFileSync(path.join(dir, 'api/main.py'), OLD_API.replace('app = FastAPI()', '# Service entry point.\nimport logging\n\nlog = logging.getLogger(__name__)\napp = FastAPI()'));
    expect(await reported(['.'], dir)).toEqual({ code: EXIT_FINDINGS, findings: ['api/main.py:9:51 credentials-with-wildcard-origin'] });
    expect(await reported(['.', '--baseline', 'cors-lint-baseline.json'], dir)).toEqual({ code: EXIT_OK, findings: [] });

    // A new problem is reported, the old one still is not.
    fs.writeFileSync(path.join(dir, 'api/admin.py'), NEW_API);
    const withNew = await reported(['.', '--baseline', 'cors-lint-baseline.json'], dir);
    expect(withNew.code).toBe(EXIT_FINDINGS);
    expect(withNew.findings).toContain('api/admin.py:5:20 null-origin');
    expect(withNew.findings.filter((f) => f.startsWith('api/main.py'))).toEqual([]);
  });

  it('reports a second occurrence of a recorded finding (the baseline counts them)', async () => {
    const dir = tempTree({ 'api/main.py': OLD_API });
    expect((await cli(['.', '--write-baseline', 'b.json'], dir)).code).toBe(EXIT_OK);
    // The same mistake again, in the same file: one is absorbed by the baseline, the other is new.
    fs.writeFileSync(path.join(dir, 'api/main.py'), `${OLD_API}\nother = FastAPI()\nother.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True)\n`);
    const run = await reported(['.', '--baseline', 'b.json'], dir);
    expect(run.code).toBe(EXIT_FINDINGS);
    expect(run.findings).toHaveLength(1);
  });

  it('is read from the configuration, relative to the configuration file', async () => {
    const dir = tempTree({ 'api/main.py': OLD_API, 'config/.cors-lint.json': JSON.stringify({ baseline: 'known.json' }) });
    expect((await cli(['.', '--write-baseline', 'config/known.json'], dir)).code).toBe(EXIT_OK);
    expect(await reported(['.', '--config', 'config/.cors-lint.json'], dir)).toEqual({ code: EXIT_OK, findings: [] });
  });

  it('refuses a file that is not a baseline, with exit code 2', async () => {
    const dir = tempTree({ 'api/main.py': OLD_API, 'b.json': '{"findings": 3}' });
    const run = await cli(['.', '--baseline', 'b.json'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('is not a cors-lint baseline');
  });
});
