// Differential test: the Flask-CORS model against the real extension (Debian python3-flask-cors).
import { describe, expect, it } from 'vitest';
import { printTally } from './compare.js';
import { APP, EVIL, LOCAL, SUB, UPPER } from './matrix.js';
import { oracleMissing, pythonHas } from './oracle.js';
import { pyLiteral, runPythonConformance } from './python-oracle.js';

type Kwargs = Record<string, unknown>;

const FIXTURES: Kwargs[] = [
  {},
  { supports_credentials: true },
  { origins: '*' },
  { origins: APP },
  { origins: [APP] },
  { origins: [APP, LOCAL], supports_credentials: true },
  { origins: [UPPER] },
  { origins: 'https://.*\\.example\\.com' },
  { origins: ['https://app\\.example\\.com', LOCAL] },
  { origins: 'https://app.example.com*' },
  { origins: ['null'] },
  { origins: [APP], methods: ['GET', 'POST'] },
  { origins: [APP], methods: ['put'] },
  { origins: [APP], allow_headers: ['X-Custom'] },
  { origins: [APP], allow_headers: ['Content-Type', 'Authorization'], supports_credentials: true },
  { origins: [APP], allow_headers: 'x-.*' },
  { origins: [APP], expose_headers: ['X-Total', 'X-Page'] },
  { origins: [APP], max_age: 600 },
  { send_wildcard: true },
  { send_wildcard: true, max_age: 0 },
  { origins: [APP], vary_header: false },
  { origins: [APP, SUB], always_send: false },
  { origins: [SUB], methods: ['PATCH'], allow_headers: ['X-Custom'], supports_credentials: true },
  { origins: [EVIL, APP], expose_headers: 'X-Total' },
  { origins: LOCAL, supports_credentials: true, allow_headers: ['Content-Type', 'X-Requested-With'] },
  { origins: '*', supports_credentials: true },
  { origins: ['*'], send_wildcard: true },
  { origins: [APP, 'https://.*\\.example\\.net'] },
  { origins: 'https?://localhost(:\\d+)?' },
  { origins: [APP], methods: ['GET', 'PUT', 'DELETE'], max_age: 86400, supports_credentials: true },
  { origins: [APP], methods: 'GET' },
  { origins: [APP], allow_headers: '*', expose_headers: ['X-Total'] },
  { origins: [SUB, LOCAL], methods: ['PATCH', 'POST'], allow_headers: ['x-custom', 'content-type', 'x-requested-with'], supports_credentials: true },
  { origins: [`${APP}/`] },
  { origins: ['https://APP.example.com'] },
  { origins: [APP], vary_header: false, supports_credentials: true },
  { max_age: 600, methods: ['GET', 'HEAD'] },
  { origins: 'https://app\\.example\\.com$', supports_credentials: true },
  { origins: [APP], allow_headers: ['Authorization'], methods: ['DELETE'] },
  { origins: [APP, EVIL], always_send: true, supports_credentials: true },
];

function source(k: Kwargs): { name: string; text: string } {
  const args = Object.entries(k).map(([key, v]) => `, ${key}=${pyLiteral(v)}`).join('');
  return { name: 'app.py', text: `from flask import Flask\nfrom flask_cors import CORS\n\napp = Flask(__name__)\nCORS(app${args})\n` };
}

const skip = oracleMissing(pythonHas(['flask', 'flask_cors']), 'Flask-CORS');

describe('Flask-CORS conformance', () => {
  it.skipIf(skip !== null)('the model answers every request exactly as the installed Flask-CORS does', async () => {
    const tally = await runPythonConformance({
      stack: 'Flask-CORS',
      library: 'flask-cors',
      helper: 'flask_oracle.py',
      fixtures: FIXTURES,
      source,
      describe: (k) => source(k).text.split('\n').slice(-2).join(''),
      fillGap: (policy, k) =>
        k.always_send !== undefined && policy.libraryOptions?.always_send === undefined
          ? {
              policy: { ...policy, libraryOptions: { ...policy.libraryOptions, always_send: k.always_send as boolean } },
              gap: 'always_send is not in libraryOptions; compared with the fixture value',
            }
          : undefined,
    });
    printTally(tally);
    expect(tally.configs).toBeGreaterThanOrEqual(40);
    expect(tally.mismatches).toEqual([]);
  }, 180_000);
});
