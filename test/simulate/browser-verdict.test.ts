import { describe, expect, it } from 'vitest';
import { corsCheck, MISSING_ALLOW_ORIGIN, preflightCheck, WILDCARD_WITH_CREDENTIALS } from '../../src/simulate/browser-verdict.js';

const O = 'https://app.example.com';

describe('CORS check (Fetch) with Chromium wording', () => {
  it('needs an Access-Control-Allow-Origin header', () => {
    expect(corsCheck({}, O, false)).toEqual({ message: MISSING_ALLOW_ORIGIN, blame: 'origin' });
  });
  it('accepts * only without credentials', () => {
    expect(corsCheck({ 'access-control-allow-origin': '*' }, O, false)).toBeNull();
    expect(corsCheck({ 'access-control-allow-origin': '*', 'access-control-allow-credentials': 'true' }, O, true)).toEqual({
      message: WILDCARD_WITH_CREDENTIALS,
      blame: 'credentials',
    });
  });
  it('compares the origin byte for byte', () => {
    expect(corsCheck({ 'access-control-allow-origin': `${O}/` }, O, false)?.message).toBe(
      `The 'Access-Control-Allow-Origin' header has a value '${O}/' that is not equal to the supplied origin.`,
    );
    expect(corsCheck({ 'access-control-allow-origin': 'https://APP.example.com' }, O, false)).not.toBeNull();
  });
  it('rejects two fields or a list', () => {
    expect(corsCheck({ 'access-control-allow-origin': ['*', O] }, O, false)?.message).toBe(
      `The 'Access-Control-Allow-Origin' header contains multiple values '*, ${O}', but only one is allowed.`,
    );
    expect(corsCheck({ 'access-control-allow-origin': `${O} https://b.example` }, O, false)?.message).toContain('multiple values');
  });
  it('needs Access-Control-Allow-Credentials: true (exactly) with credentials', () => {
    expect(corsCheck({ 'access-control-allow-origin': O }, O, true)?.message).toBe(
      "The value of the 'Access-Control-Allow-Credentials' header in the response is '' which must be 'true' when the request's credentials mode is 'include'.",
    );
    expect(corsCheck({ 'access-control-allow-origin': O, 'access-control-allow-credentials': 'True' }, O, true)?.blame).toBe('credentials');
    expect(corsCheck({ 'access-control-allow-origin': O, 'access-control-allow-credentials': 'true' }, O, true)).toBeNull();
  });
});

describe('preflight checks', () => {
  const ok = { 'access-control-allow-origin': O };
  it('needs an ok status after the CORS check', () => {
    expect(preflightCheck(400, ok, O, false, 'PUT', [])?.message).toBe(
      "Response to preflight request doesn't pass access control check: It does not have HTTP ok status.",
    );
    expect(preflightCheck(400, {}, O, false, 'PUT', [])?.message).toBe(
      "Response to preflight request doesn't pass access control check: No 'Access-Control-Allow-Origin' header is present on the requested resource.",
    );
  });
  it('checks the method, case-sensitively, with * only without credentials', () => {
    expect(preflightCheck(204, { ...ok, 'access-control-allow-methods': 'GET, POST' }, O, false, 'PUT', [])?.message).toBe(
      'Method PUT is not allowed by Access-Control-Allow-Methods in preflight response.',
    );
    expect(preflightCheck(204, { ...ok, 'access-control-allow-methods': 'put' }, O, false, 'PUT', [])).not.toBeNull();
    expect(preflightCheck(204, { ...ok, 'access-control-allow-methods': '*' }, O, false, 'PUT', [])).toBeNull();
    const cred = { 'access-control-allow-origin': O, 'access-control-allow-credentials': 'true', 'access-control-allow-methods': '*' };
    expect(preflightCheck(204, cred, O, true, 'PUT', [])?.blame).toBe('methods');
    expect(preflightCheck(204, ok, O, false, 'POST', [])).toBeNull();
  });
  it('checks every unsafe header; * never covers Authorization', () => {
    const star = { ...ok, 'access-control-allow-methods': 'GET', 'access-control-allow-headers': '*' };
    expect(preflightCheck(204, star, O, false, 'GET', ['x-custom'])).toBeNull();
    expect(preflightCheck(204, star, O, false, 'GET', ['authorization'])?.message).toBe(
      'Request header field authorization is not allowed by Access-Control-Allow-Headers in preflight response.',
    );
    expect(preflightCheck(204, { ...ok, 'access-control-allow-headers': 'X-Custom' }, O, false, 'GET', ['x-custom'])).toBeNull();
  });
  it('rejects an unparsable Allow-Methods', () => {
    expect(preflightCheck(204, { ...ok, 'access-control-allow-methods': 'GET; POST' }, O, false, 'PUT', [])?.message).toBe(
      'Cannot parse Access-Control-Allow-Methods response header field in preflight response.',
    );
  });
});
