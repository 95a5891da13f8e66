import { describe, expect, it } from 'vitest';
import { tightenPattern } from './tighten.js';

describe('tightenPattern', () => {
  it.each([
    ['https://app.example.com', 'search', String.raw`^https://app\.example\.com$`],
    ['^https://app.example.com', 'match', String.raw`^https://app\.example\.com$`],
    ['https://app.example.com', 'fullmatch', String.raw`https://app\.example\.com`],
    ['https://(app|www).example.com', 'fullmatch', String.raw`https://(app|www)\.example\.com`],
    ['https://a.example.com|https://b.example.com', 'search', String.raw`^(?:https://a\.example\.com|https://b\.example\.com)$`],
    [String.raw`^https://[a-z.]+\.example\.com`, 'search', String.raw`^https://[a-z.]+\.example\.com$`],
    [String.raw`^https://.*\.example\.com$`, 'search', undefined],
    [String.raw`^https://app\.example\.com\$`, 'search', String.raw`^https://app\.example\.com\$$`],
  ] as const)('%s (%s) -> %s', (pattern, mode, expected) => {
    expect(tightenPattern(pattern, mode)).toBe(expected);
  });
});
