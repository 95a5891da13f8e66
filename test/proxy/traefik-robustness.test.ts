// No content of a compose file, Traefik dynamic configuration or CRD makes the Traefik reader throw;
// a file that does not parse costs at most one diagnostic.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ContextFile } from '../../src/environment/context-files.js';
import type { Diagnostic } from '../../src/model/types.js';
import { readTraefik } from '../../src/proxy/traefik/index.js';

const pieces = [
  'services:', 'labels:', '- ', '  ', '\n', '"', "'", '=', ':', ',', '.', '[', ']', '{', '}', '#', '*', '~', '""', '${X}', '{{ .x }}',
  'traefik.http.middlewares.c.headers.', 'accesscontrolalloworiginlist', 'accessControlAllowOriginListRegex', 'accessControlAllowCredentials',
  'customResponseHeaders', 'Access-Control-Allow-Origin', 'addVaryHeader', 'accessControlMaxAge', 'traefik.http.routers.r.middlewares',
  'http:', 'middlewares:', 'headers:', 'routers:', 'services:', 'loadBalancer:', 'servers:', 'url: http://a:1', '[http.middlewares.c.headers]',
  'apiVersion: traefik.io/v1alpha1', 'kind: Middleware', 'kind: IngressRoute', 'metadata:', 'name: x', 'spec:', 'routes:', 'match:',
  'true', 'maybe', '600', 'https://a.example.com', '(?=x)', '\\', '\u0000', 'é', '&a', '*a',
];
const junk = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 6 })), { maxLength: 60 }).map((a) => a.join(''));

describe('the Traefik reader never throws', () => {
  it('on random compose, YAML, TOML and CRD contents', () => {
    fc.assert(
      fc.property(junk, junk, junk, junk, (compose, yml, toml, crd) => {
        const texts: Record<string, string> = {
          '/r/docker-compose.yml': `services:\n  api:\n    labels:\n${compose}`,
          '/r/dynamic.yml': `# accessControl\n${yml}`,
          '/r/dynamic.toml': `# accessControl\n${toml}`,
          '/r/k8s/mw.yaml': `apiVersion: traefik.io/v1alpha1\nkind: Middleware\n${crd}`,
        };
        const files: ContextFile[] = [
          { absPath: '/r/docker-compose.yml', kind: 'compose' },
          { absPath: '/r/dynamic.yml', kind: 'yaml' },
          { absPath: '/r/dynamic.toml', kind: 'toml' },
          { absPath: '/r/k8s/mw.yaml', kind: 'yaml' },
        ];
        const diagnostics: Diagnostic[] = [];
        const reading = readTraefik(files, { readText: (abs) => texts[abs], display: (abs) => abs.slice(3), diagnostics });
        expect(Array.isArray(reading.policies)).toBe(true);
        for (const file of Object.keys(texts)) expect(diagnostics.filter((d) => d.file === file.slice(3)).length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 400 },
    );
  });
});
