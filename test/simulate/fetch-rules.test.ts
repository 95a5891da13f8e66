import { describe, expect, it } from 'vitest';
import { isSafelistedHeader, needsPreflight, normalizeMethod, parsePageHeader, unsafeHeaderNames } from '../../src/simulate/fetch-rules.js';
import { browserRequests } from '../../src/simulate/simulate.js';

describe('Fetch standard request rules', () => {
  it('normalizes only the six standard methods', () => {
    expect(normalizeMethod('put')).toBe('PUT');
    expect(normalizeMethod('delete')).toBe('DELETE');
    expect(normalizeMethod('patch')).toBe('patch');
  });

  it('safelists content-type only for the three form/text essences', () => {
    expect(isSafelistedHeader(parsePageHeader('Content-Type: text/plain;charset=UTF-8'))).toBe(true);
    expect(isSafelistedHeader(parsePageHeader('Content-Type: multipart/form-data; boundary=x'))).toBe(true);
    expect(isSafelistedHeader(parsePageHeader('Content-Type: application/json'))).toBe(false);
    expect(isSafelistedHeader(parsePageHeader('Content-Type'))).toBe(false);
    expect(isSafelistedHeader(parsePageHeader('Accept-Language: en-US,en;q=0.9'))).toBe(true);
    expect(isSafelistedHeader(parsePageHeader('Accept-Language: en(US)'))).toBe(false);
    expect(isSafelistedHeader(parsePageHeader(`Accept: ${'a'.repeat(129)}`))).toBe(false);
    expect(isSafelistedHeader(parsePageHeader('Range: bytes=0-99'))).toBe(true);
    expect(isSafelistedHeader(parsePageHeader('Authorization: Bearer x'))).toBe(false);
  });

  it('lists unsafe header names lowercase, sorted and unique', () => {
    expect(unsafeHeaderNames([{ name: 'X-B' }, { name: 'Authorization' }, { name: 'x-b' }, { name: 'Content-Type', value: 'text/plain' }])).toEqual(['authorization', 'x-b']);
  });

  it('preflights non-simple methods and unsafe headers only', () => {
    expect(needsPreflight('GET', [])).toBe(false);
    expect(needsPreflight('POST', [{ name: 'Content-Type', value: 'application/x-www-form-urlencoded' }])).toBe(false);
    expect(needsPreflight('POST', [{ name: 'Content-Type', value: 'application/json' }])).toBe(true);
    expect(needsPreflight('PUT', [])).toBe(true);
  });

  it('builds the preflight without cookies and the actual request with them', () => {
    const sent = browserRequests({ origin: 'https://a.example', method: 'delete', credentials: true, requestHeaders: ['X-Token: 1', 'Cookie: x=1'] });
    expect(sent.preflight).toEqual({
      method: 'OPTIONS',
      path: '/',
      headers: { origin: 'https://a.example', 'access-control-request-method': 'DELETE', accept: '*/*', 'access-control-request-headers': 'x-token' },
    });
    expect(sent.actual.headers).toEqual({ 'x-token': '1', origin: 'https://a.example', cookie: 'session=1' });
    expect(sent.dropped).toEqual(['Cookie']);
  });

  it('sends no preflight and no Origin without an origin', () => {
    const sent = browserRequests({ method: 'PUT', credentials: false, requestHeaders: [] });
    expect(sent.preflight).toBeNull();
    expect(sent.actual.headers).toEqual({});
  });
});
