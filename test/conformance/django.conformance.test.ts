// Differential test: the django-cors-headers model against the real middleware (Debian package).
import { describe, expect, it } from 'vitest';
import { printTally } from './compare.js';
import { APP, LOCAL, SUB, UPPER } from './matrix.js';
import { oracleMissing, pythonHas } from './oracle.js';
import { pyLiteral, runPythonConformance } from './python-oracle.js';

type Settings = Record<string, unknown>;

const FIXTURES: Settings[] = [
  { CORS_ALLOW_ALL_ORIGINS: true },
  { CORS_ALLOW_ALL_ORIGINS: true, CORS_ALLOW_CREDENTIALS: true },
  { CORS_ORIGIN_ALLOW_ALL: true },
  { CORS_ALLOWED_ORIGINS: [APP] },
  { CORS_ALLOWED_ORIGINS: [APP, LOCAL], CORS_ALLOW_CREDENTIALS: true },
  { CORS_ORIGIN_WHITELIST: [APP] },
  { CORS_ALLOWED_ORIGINS: [`${APP}/`] },
  { CORS_ALLOWED_ORIGINS: [UPPER] },
  { CORS_ALLOWED_ORIGINS: ['null'] },
  { CORS_ALLOWED_ORIGIN_REGEXES: ['^https://\\w+\\.example\\.com$'] },
  { CORS_ALLOWED_ORIGIN_REGEXES: ['https://app\\.example\\.com'], CORS_ALLOW_CREDENTIALS: true },
  { CORS_ALLOWED_ORIGINS: [APP], CORS_ALLOW_METHODS: ['GET', 'POST'] },
  { CORS_ALLOWED_ORIGINS: [APP], CORS_ALLOW_HEADERS: ['x-custom', 'authorization'] },
  { CORS_ALLOWED_ORIGINS: [APP], CORS_EXPOSE_HEADERS: ['X-Total'] },
  { CORS_ALLOWED_ORIGINS: [APP], CORS_PREFLIGHT_MAX_AGE: 0 },
  { CORS_ALLOWED_ORIGINS: [APP], CORS_PREFLIGHT_MAX_AGE: 600, CORS_ALLOW_CREDENTIALS: true },
  { CORS_ALLOWED_ORIGINS: [SUB], CORS_ALLOW_METHODS: ['PATCH'], CORS_ALLOW_HEADERS: ['x-custom'], CORS_ALLOW_CREDENTIALS: true },
  { CORS_ALLOWED_ORIGINS: [LOCAL], CORS_ALLOW_CREDENTIALS: true, CORS_ALLOW_HEADERS: ['content-type', 'x-requested-with'] },
  { CORS_ALLOWED_ORIGINS: ['https://app.example.com:443'] },
  { CORS_ALLOWED_ORIGINS: [APP], CORS_ALLOWED_ORIGIN_REGEXES: ['^https://api\\.example\\.com$'] },
  { CORS_ALLOWED_ORIGIN_REGEXES: ['.*'], CORS_ALLOW_CREDENTIALS: true },
  { CORS_ALLOWED_ORIGIN_REGEXES: ['https://.*\\.example\\.com'] },
  { CORS_ALLOWED_ORIGINS: ['http://localhost:3000'], CORS_ALLOW_METHODS: ['POST'], CORS_ALLOW_HEADERS: ['content-type'] },
  { CORS_ALLOW_ALL_ORIGINS: true, CORS_EXPOSE_HEADERS: ['X-Total', 'X-Page'] },
  { CORS_ALLOW_ALL_ORIGINS: true, CORS_PREFLIGHT_MAX_AGE: 0, CORS_ALLOW_METHODS: ['GET'] },
  { CORS_ORIGIN_ALLOW_ALL: true, CORS_ALLOW_CREDENTIALS: true, CORS_ALLOW_HEADERS: ['x-custom'] },
  { CORS_ORIGIN_WHITELIST: [LOCAL, SUB], CORS_ALLOW_CREDENTIALS: true },
  { CORS_ALLOWED_ORIGINS: ['https://app.example.com:8443'] },
  { CORS_ALLOWED_ORIGINS: ['HTTPS://app.example.com'] },
  { CORS_ALLOWED_ORIGINS: [APP, 'null'], CORS_ALLOW_CREDENTIALS: true },
  { CORS_ALLOWED_ORIGINS: [APP], CORS_ALLOW_HEADERS: [], CORS_ALLOW_METHODS: [] },
  { CORS_ALLOWED_ORIGINS: [APP], CORS_EXPOSE_HEADERS: ['X-Total'], CORS_ALLOW_CREDENTIALS: true, CORS_PREFLIGHT_MAX_AGE: 60 },
  { CORS_ALLOWED_ORIGIN_REGEXES: ['^http://localhost:\\d+$'], CORS_ALLOW_CREDENTIALS: true, CORS_ALLOW_HEADERS: ['content-type', 'x-requested-with'] },
  { CORS_ALLOWED_ORIGINS: [SUB], CORS_ALLOW_METHODS: ['PATCH', 'GET'] },
  { CORS_ALLOWED_ORIGINS: [APP], CORS_URLS_REGEX: '^/api/.*$' },
  { CORS_ALLOWED_ORIGINS: [APP], CORS_URLS_REGEX: '^/status/' },
  { CORS_ALLOWED_ORIGINS: ['app.example.com'] },
  { CORS_ALLOWED_ORIGINS: [APP, LOCAL, SUB], CORS_ALLOW_HEADERS: ['authorization', 'content-type', 'x-custom', 'x-requested-with'], CORS_ALLOW_METHODS: ['DELETE', 'GET', 'PATCH', 'POST', 'PUT'], CORS_ALLOW_CREDENTIALS: true },
  { CORS_ALLOW_ALL_ORIGINS: false, CORS_ALLOWED_ORIGINS: [APP] },
  { CORS_ALLOWED_ORIGIN_REGEXES: ['^https://(app|api)\\.example\\.com$'], CORS_EXPOSE_HEADERS: ['X-Page'] },
];

function source(s: Settings): { name: string; text: string } {
  const lines = Object.entries(s).map(([k, v]) => `${k} = ${pyLiteral(v)}\n`).join('');
  return {
    name: 'settings.py',
    text: `INSTALLED_APPS = ["corsheaders"]\nMIDDLEWARE = [\n    "corsheaders.middleware.CorsMiddleware",\n    "django.middleware.common.CommonMiddleware",\n]\n${lines}`,
  };
}

const skip = oracleMissing(pythonHas(['django', 'corsheaders']), 'django-cors-headers');

describe('django-cors-headers conformance', () => {
  it.skipIf(skip !== null)('the model answers every request exactly as the installed django-cors-headers does', async () => {
    const tally = await runPythonConformance({
      stack: 'django-cors-headers',
      library: 'django-cors-headers',
      helper: 'django_oracle.py',
      fixtures: FIXTURES,
      source,
      describe: (s) => JSON.stringify(s),
    });
    printTally(tally);
    expect(tally.configs).toBeGreaterThanOrEqual(40);
    expect(tally.mismatches).toEqual([]);
  }, 180_000);
});
