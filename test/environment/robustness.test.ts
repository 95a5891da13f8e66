// No content of an environment or frontend file makes the run fail: bad files are diagnostics at most.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint.js';
import { tempTree } from '../helpers/temp-tree.js';

const BACKEND = `const cors = require('cors');\nrequire('express')().use(cors({ origin: process.env.CORS_ORIGIN?.split(','), credentials: true })).listen(8000);\n`;
const pieces = ['CORS_ORIGIN', '=', ':', '"', "'", '`', '{{ .Values.x }}', '${CORS_ORIGIN:-*}', '\n', '  ', '- ', '[', ']', '{', '}', '*', 'http://localhost:8000', 'services:', 'environment:', 'kind: Deployment', 'env:', 'name: CORS_ORIGIN', 'value:', 'proxy', '"vite"', 'port', '5173', '#', '&a', '*a', '\u0000', 'é'];
const junk = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 6 })), { maxLength: 40 }).map((a) => a.join(''));

describe('environment and frontend files never break the run', () => {
  it('random .env, compose, Kubernetes, Helm, package.json and Vite config contents', async () => {
    await fc.assert(
      fc.asyncProperty(junk, junk, junk, junk, junk, async (env, compose, k8s, pkg, vite) => {
        const cwd = tempTree({
          'api/server.js': BACKEND,
          'api/.env': env,
          'docker-compose.yml': compose,
          'k8s/deploy.yaml': `kind: Deployment\n${k8s}`,
          'chart/values-prod.yaml': k8s,
          'web/package.json': `{"devDependencies":{"vite":"5"},"scripts":{"dev":"vite"},${pkg}}`,
          'web/vite.config.ts': `export default { server: { ${vite} } }`,
          'web/.env': `VITE_API_URL=http://localhost:8000\n${env}`,
        });
        const result = await lint(['.'], { cwd });
        expect(result.diagnostics.filter((d) => d.kind === 'internal-error')).toEqual([]);
        expect(result.policies).toHaveLength(1);
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
