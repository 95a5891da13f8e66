// What Traefik's headers middleware answers, table-driven. There is no Traefik binary here, so the
// expectations come from Traefik's own unit tests (pkg/middlewares/headers/header_test.go at
// traefik/traefik fd5a576, v3.7.9+: TestNewHeader_CORSPreflights, TestNewHeader_CORSResponses), named
// per case, restated in this project's terms; cases marked "source" are read from header.go where no
// Traefik test covers them. Each policy goes through the reader (a file-provider dynamic.yml), so the
// table also checks that the options are read the way Traefik decodes them.
import { describe, expect, it } from 'vitest';
import { corsHeadersOf } from '../../src/simulate/header-bag.js';
import { respond } from '../../src/simulate/respond.js';
import { simulate } from '../../src/simulate/simulate.js';
import { policiesOf } from './helpers.js';

/** A dynamic.yml with one headers middleware `cors` holding `options` (YAML lines under headers:). */
function dynamic(options: string): string {
  const body = options
    .trim()
    .split('\n')
    .map((l) => `        ${l}`)
    .join('\n');
  return `http:\n  middlewares:\n    cors:\n      headers:\n${body}\n`;
}

async function traefikPolicy(options: string) {
  const policies = await policiesOf({ 'dynamic.yml': dynamic(options) });
  expect(policies).toHaveLength(1);
  expect(policies[0]!.library).toBe('traefik');
  return policies[0]!;
}

interface Case {
  name: string;
  /** The Traefik release (policy.libraryVersion); absent = the newest. */
  version?: string;
  options: string;
  method: string;
  headers: Record<string, string>;
  appStatus?: number;
  status: number;
  expected: Record<string, string>;
}

const PREFLIGHT = { origin: 'https://foo.bar.org', 'access-control-request-method': 'GET', 'access-control-request-headers': 'origin' };
const THREE_METHODS = 'accessControlAllowMethods: [GET, OPTIONS, PUT]';

const CASES: Case[] = [
  // TestNewHeader_CORSPreflights
  {
    name: 'Test Simple Preflight',
    options: `${THREE_METHODS}\naccessControlAllowOriginList: ["https://foo.bar.org"]\naccessControlMaxAge: 600`,
    method: 'OPTIONS',
    headers: PREFLIGHT,
    status: 200,
    expected: { 'access-control-allow-origin': 'https://foo.bar.org', 'access-control-max-age': '600', 'access-control-allow-methods': 'GET,OPTIONS,PUT' },
  },
  {
    name: 'Wildcard origin Preflight',
    options: `${THREE_METHODS}\naccessControlAllowOriginList: ["*"]\naccessControlMaxAge: 600`,
    method: 'OPTIONS',
    headers: PREFLIGHT,
    status: 200,
    expected: { 'access-control-allow-origin': '*', 'access-control-max-age': '600', 'access-control-allow-methods': 'GET,OPTIONS,PUT' },
  },
  {
    name: 'Allow Credentials Preflight',
    options: `${THREE_METHODS}\naccessControlAllowOriginList: ["*"]\naccessControlAllowCredentials: true\naccessControlMaxAge: 600`,
    method: 'OPTIONS',
    headers: PREFLIGHT,
    status: 200,
    expected: {
      'access-control-allow-origin': 'https://foo.bar.org',
      'access-control-allow-credentials': 'true',
      'access-control-max-age': '600',
      'access-control-allow-methods': 'GET,OPTIONS,PUT',
    },
  },
  {
    name: 'Allow Headers Preflight',
    options: `${THREE_METHODS}\naccessControlAllowOriginList: ["*"]\naccessControlAllowHeaders: [origin, X-Forwarded-For]\naccessControlMaxAge: 600`,
    method: 'OPTIONS',
    headers: PREFLIGHT,
    status: 200,
    expected: { 'access-control-allow-origin': '*', 'access-control-max-age': '600', 'access-control-allow-methods': 'GET,OPTIONS,PUT', 'access-control-allow-headers': 'origin,X-Forwarded-For' },
  },
  {
    name: 'No Request Headers Preflight',
    options: `${THREE_METHODS}\naccessControlAllowOriginList: ["*"]\naccessControlAllowHeaders: [origin, X-Forwarded-For]\naccessControlMaxAge: 600`,
    method: 'OPTIONS',
    headers: { origin: 'https://foo.bar.org', 'access-control-request-method': 'GET' },
    status: 200,
    expected: { 'access-control-allow-origin': '*', 'access-control-max-age': '600', 'access-control-allow-methods': 'GET,OPTIONS,PUT', 'access-control-allow-headers': 'origin,X-Forwarded-For' },
  },
  {
    name: 'Nil MaxAge Preflight',
    options: `${THREE_METHODS}\naccessControlAllowOriginList: ["*"]`,
    method: 'OPTIONS',
    headers: { origin: 'https://foo.bar.org', 'access-control-request-method': 'GET' },
    status: 200,
    expected: { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'GET,OPTIONS,PUT' },
  },
  // TestNewHeader_CORSResponses
  {
    name: 'Test Simple Request',
    options: 'accessControlAllowOriginList: ["https://foo.bar.org"]',
    method: 'GET',
    headers: { origin: 'https://foo.bar.org' },
    status: 200,
    expected: { 'access-control-allow-origin': 'https://foo.bar.org' },
  },
  {
    name: 'Wildcard origin Request',
    options: 'accessControlAllowOriginList: ["*"]',
    method: 'GET',
    headers: { origin: 'https://foo.bar.org' },
    status: 200,
    expected: { 'access-control-allow-origin': '*' },
  },
  {
    name: 'Regexp Origin Request',
    options: "accessControlAllowOriginListRegex: ['^https?://([a-z]+)\\.bar\\.org$']",
    method: 'GET',
    headers: { origin: 'https://foo.bar.org' },
    status: 200,
    expected: { 'access-control-allow-origin': 'https://foo.bar.org' },
  },
  {
    name: 'Partial Regexp Origin Request (MatchString is an unanchored search)',
    options: "accessControlAllowOriginListRegex: ['([a-z]+)\\.bar']",
    method: 'GET',
    headers: { origin: 'https://foo.bar.org' },
    status: 200,
    expected: { 'access-control-allow-origin': 'https://foo.bar.org' },
  },
  {
    name: 'Regexp Origin Request without matching',
    options: "accessControlAllowOriginListRegex: ['([a-z]+)\\.bar\\.org']",
    method: 'GET',
    headers: { origin: 'https://bar.org' },
    status: 200,
    expected: {},
  },
  {
    name: 'Empty origin Request',
    options: 'accessControlAllowOriginList: ["https://foo.bar.org"]',
    method: 'GET',
    headers: {},
    status: 200,
    expected: {},
  },
  {
    name: 'Allow Credentials Request',
    options: 'accessControlAllowOriginList: ["*"]\naccessControlAllowCredentials: true',
    method: 'GET',
    headers: { origin: 'https://foo.bar.org' },
    status: 200,
    expected: { 'access-control-allow-origin': 'https://foo.bar.org', 'access-control-allow-credentials': 'true' },
  },
  {
    name: 'Expose Headers Request',
    options: 'accessControlAllowOriginList: ["*"]\naccessControlExposeHeaders: [origin, X-Forwarded-For]',
    method: 'GET',
    headers: { origin: 'https://foo.bar.org' },
    status: 200,
    expected: { 'access-control-allow-origin': '*', 'access-control-expose-headers': 'origin,X-Forwarded-For' },
  },
  {
    name: 'Test Simple Request with Vary Headers',
    options: 'accessControlAllowOriginList: ["https://foo.bar.org"]\naddVaryHeader: true',
    method: 'GET',
    headers: { origin: 'https://foo.bar.org' },
    status: 200,
    expected: { 'access-control-allow-origin': 'https://foo.bar.org', vary: 'Origin' },
  },
  // Read from header.go (processCorsHeaders, matchOrigin, PostRequestModifyResponseHeaders); no Traefik test.
  {
    name: 'source: a preflight from an origin not in the list is still answered 200, without Allow-Origin',
    options: `${THREE_METHODS}\naccessControlAllowOriginList: ["https://foo.bar.org"]`,
    method: 'OPTIONS',
    headers: { ...PREFLIGHT, origin: 'https://evil.example' },
    status: 200,
    expected: { 'access-control-allow-methods': 'GET,OPTIONS,PUT' },
  },
  {
    name: 'source: the origin list is compared case-sensitively',
    options: 'accessControlAllowOriginList: ["https://foo.bar.org"]',
    method: 'GET',
    headers: { origin: 'https://FOO.bar.org' },
    status: 200,
    expected: {},
  },
  {
    name: 'source: Allow-Credentials is sent to a refused origin too',
    options: 'accessControlAllowOriginList: ["https://foo.bar.org"]\naccessControlAllowCredentials: true',
    method: 'GET',
    headers: { origin: 'https://evil.example' },
    status: 200,
    expected: { 'access-control-allow-credentials': 'true' },
  },
  {
    name: "source: '*' headers and methods with credentials echo what the preflight asks for",
    options: 'accessControlAllowOriginList: ["https://foo.bar.org"]\naccessControlAllowCredentials: true\naccessControlAllowHeaders: ["*"]\naccessControlAllowMethods: ["*"]',
    method: 'OPTIONS',
    headers: { origin: 'https://foo.bar.org', 'access-control-request-method': 'DELETE', 'access-control-request-headers': 'x-token,content-type' },
    status: 200,
    expected: {
      'access-control-allow-origin': 'https://foo.bar.org',
      'access-control-allow-credentials': 'true',
      'access-control-allow-headers': 'x-token,content-type',
      'access-control-allow-methods': 'DELETE',
    },
  },
  {
    name: "source: '*' expose headers with credentials leaves Expose-Headers out",
    options: 'accessControlAllowOriginList: ["https://foo.bar.org"]\naccessControlAllowCredentials: true\naccessControlExposeHeaders: ["*"]',
    method: 'GET',
    headers: { origin: 'https://foo.bar.org' },
    status: 200,
    expected: { 'access-control-allow-origin': 'https://foo.bar.org', 'access-control-allow-credentials': 'true' },
  },
  {
    name: "source: the list is walked in order, so '*' before an exact origin answers '*'",
    options: 'accessControlAllowOriginList: ["*", "https://foo.bar.org"]',
    method: 'GET',
    headers: { origin: 'https://foo.bar.org' },
    status: 200,
    expected: { 'access-control-allow-origin': '*' },
  },
  {
    name: 'source: Go inline flags apply ((?i) makes the regex case-insensitive)',
    options: "accessControlAllowOriginListRegex: ['(?i)^https://foo\\.bar\\.org$']",
    method: 'GET',
    headers: { origin: 'https://FOO.bar.org' },
    status: 200,
    expected: { 'access-control-allow-origin': 'https://FOO.bar.org' },
  },
  {
    name: 'source: Go POSIX classes are classes, not bracket lists',
    options: "accessControlAllowOriginListRegex: ['^https://[[:alpha:]]+\\.bar\\.org$']",
    method: 'GET',
    headers: { origin: 'https://:.bar.org' },
    status: 200,
    expected: {},
  },
  {
    name: 'source: the headers are set on error statuses of the application',
    options: 'accessControlAllowOriginList: ["https://foo.bar.org"]\naddVaryHeader: true',
    method: 'POST',
    headers: { origin: 'https://foo.bar.org' },
    appStatus: 503,
    status: 503,
    expected: { 'access-control-allow-origin': 'https://foo.bar.org', vary: 'Origin' },
  },
  {
    name: 'source: no Vary on the preflight answer, even with addVaryHeader',
    options: 'accessControlAllowOriginList: ["https://foo.bar.org"]\naddVaryHeader: true',
    method: 'OPTIONS',
    headers: PREFLIGHT,
    status: 200,
    expected: { 'access-control-allow-origin': 'https://foo.bar.org' },
  },
  {
    name: 'source: an OPTIONS request without Access-Control-Request-Method is forwarded',
    options: 'accessControlAllowOriginList: ["https://foo.bar.org"]',
    method: 'OPTIONS',
    headers: { origin: 'https://foo.bar.org' },
    appStatus: 405,
    status: 405,
    expected: { 'access-control-allow-origin': 'https://foo.bar.org' },
  },
  {
    name: 'source: customResponseHeaders alone do not answer preflights; they are set on what the application answers',
    options: 'customResponseHeaders:\n  Access-Control-Allow-Origin: "https://foo.bar.org"',
    method: 'OPTIONS',
    headers: PREFLIGHT,
    appStatus: 404,
    status: 404,
    expected: { 'access-control-allow-origin': 'https://foo.bar.org' },
  },
  {
    name: 'source: the origin list overrides a customResponseHeaders Allow-Origin for a matching origin',
    options: 'accessControlAllowOriginList: ["https://foo.bar.org"]\ncustomResponseHeaders:\n  Access-Control-Allow-Origin: "https://other.example"',
    method: 'GET',
    headers: { origin: 'https://foo.bar.org' },
    status: 200,
    expected: { 'access-control-allow-origin': 'https://foo.bar.org' },
  },
  // Releases before v3.6.22 / v3.7.6: pkg/middlewares/headers/header_test.go at v2.11.53 (same test names).
  {
    name: 'v2.11 Allow Credentials Preflight: * is sent as * with credentials',
    version: '2.11.53',
    options: `${THREE_METHODS}\naccessControlAllowOriginList: ["*"]\naccessControlAllowCredentials: true\naccessControlMaxAge: 600`,
    method: 'OPTIONS',
    headers: PREFLIGHT,
    status: 200,
    expected: { 'access-control-allow-origin': '*', 'access-control-allow-credentials': 'true', 'access-control-max-age': '600', 'access-control-allow-methods': 'GET,OPTIONS,PUT' },
  },
  {
    name: 'v2.11 Allow Credentials Request: * is sent as * with credentials',
    version: '2.11.53',
    options: 'accessControlAllowOriginList: ["*"]\naccessControlAllowCredentials: true',
    method: 'GET',
    headers: { origin: 'https://foo.bar.org' },
    status: 200,
    expected: { 'access-control-allow-origin': '*', 'access-control-allow-credentials': 'true' },
  },
  {
    name: 'source (v3.7.5 header.go): Max-Age 0 on every preflight when unset, * headers sent as written',
    version: '3.7.5',
    options: 'accessControlAllowOriginList: ["https://foo.bar.org"]\naccessControlAllowCredentials: true\naccessControlAllowHeaders: ["*"]\naccessControlExposeHeaders: ["X-Id"]',
    method: 'OPTIONS',
    headers: PREFLIGHT,
    status: 200,
    expected: { 'access-control-allow-origin': 'https://foo.bar.org', 'access-control-allow-credentials': 'true', 'access-control-allow-headers': '*', 'access-control-max-age': '0' },
  },
  {
    name: 'v3.6.22 has the fix: * with credentials echoes',
    version: '3.6.22',
    options: 'accessControlAllowOriginList: ["*"]\naccessControlAllowCredentials: true',
    method: 'GET',
    headers: { origin: 'https://foo.bar.org' },
    status: 200,
    expected: { 'access-control-allow-origin': 'https://foo.bar.org', 'access-control-allow-credentials': 'true' },
  },
];

describe('Traefik headers middleware responder', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const read = await traefikPolicy(c.options);
      const policy = c.version ? { ...read, libraryVersion: c.version } : read;
      const response = respond(policy, { method: c.method, path: '/foo', headers: c.headers }, { status: c.appStatus ?? 200 });
      expect(response.status).toBe(c.status);
      expect(corsHeadersOf(response.headers)).toEqual(c.expected);
    });
  }

  it('Test Simple CustomRequestHeaders Not Hijacked by CORS: request headers alone are no CORS policy', async () => {
    // The header name mentions access-control, so the file passes the reader's text test and is parsed.
    const policies = await policiesOf({ 'dynamic.yml': dynamic('customRequestHeaders:\n  X-Access-Control-Test: bar') });
    expect(policies).toEqual([]);
  });
});

describe('browser verdicts through Traefik', () => {
  it("lets every site read credentialed responses for '*' with credentials (the Origin is echoed)", async () => {
    const policy = await traefikPolicy('accessControlAllowOriginList: ["*"]\naccessControlAllowCredentials: true\naccessControlAllowMethods: [GET, PUT]');
    const r = simulate(policy, { origin: 'https://evil.example', method: 'PUT', credentials: true, requestHeaders: [] });
    expect(r.verdict.allowed).toBe(true);
    expect(r.preflight?.response.status).toBe(200);
  });

  it('blocks an origin outside the list at the preflight', async () => {
    const policy = await traefikPolicy('accessControlAllowOriginList: ["https://app.example.com"]\naccessControlAllowMethods: [GET, PUT]');
    const blocked = simulate(policy, { origin: 'https://evil.example', method: 'PUT', credentials: false, requestHeaders: [] });
    expect(blocked.verdict.allowed).toBe(false);
    const allowed = simulate(policy, { origin: 'https://app.example.com', method: 'PUT', credentials: false, requestHeaders: [] });
    expect(allowed.verdict.allowed).toBe(true);
  });
});
