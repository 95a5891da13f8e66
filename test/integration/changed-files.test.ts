import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint.js';

// pre-commit passes only the staged files. The rest of the repository is still context: nginx
// includes and the main config's maps, Python modules a staged file imports.
const repo = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/changed-files');

const originsOf = async (file: string) => {
  const result = await lint([file], { cwd: repo });
  return result.policies.map((p) => ({ scope: p.scope.name, origins: p.origins.map((o) => o.kind), credentials: p.credentials.value }));
};

describe('linting only the changed files', () => {
  it('a Python file passed alone resolves constants imported from another module', async () => {
    const result = await lint(['app/main.py'], { cwd: repo });
    expect(result.findings.map((f) => [f.ruleId, f.location.file, f.location.line, f.location.column])).toContainEqual([
      'credentials-with-wildcard-origin',
      'app/main.py',
      7,
      50,
    ]);
  });

  const inContext = [{ scope: 'location /api/', origins: ['reflect'], credentials: true }];

  it('the whole nginx folder gives the location its snippet headers and the map from nginx.conf', async () => {
    expect(await originsOf('deploy')).toEqual(inContext);
  });

  it('an nginx snippet passed alone is analysed where it is included, with the map of nginx.conf', async () => {
    expect(await originsOf('deploy/nginx/snippets/cors.conf')).toEqual(inContext);
    // So the hook reports what the staged snippet turns on: the map's default echoes any Origin.
    const result = await lint(['deploy/nginx/snippets/cors.conf'], { cwd: repo });
    expect(result.findings.map((f) => [f.ruleId, f.location.file, f.location.line, f.location.column])).toEqual([['reflected-origin', 'deploy/nginx/nginx.conf', 4, 17]]);
  });

  it('an nginx site file passed alone resolves its include against the main config directory', async () => {
    expect(await originsOf('deploy/nginx/sites-enabled/app.conf')).toEqual(inContext);
  });

  it('nginx.conf passed alone follows its glob include', async () => {
    expect(await originsOf('deploy/nginx/nginx.conf')).toEqual(inContext);
  });
});
