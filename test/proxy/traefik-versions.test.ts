// Which Traefik image tags have the 2026 CORS changes (v3.6.22, v3.7.6; none of v2).
import { describe, expect, it } from 'vitest';
import { traefikHasCorsWildcardFix, traefikImageVersion } from '../../src/proxy/traefik/versions.js';

describe('Traefik versions', () => {
  it.each([
    [undefined, true],
    ['2.11.53', false],
    ['2', false],
    ['3', true],
    ['3.1', false],
    ['3.5.9', false],
    ['3.6', true],
    ['3.6.21', false],
    ['3.6.22', true],
    ['3.7.5', false],
    ['3.7.6', true],
    ['3.8.0', true],
    ['4', true],
  ])('%s has the fix: %s', (version, expected) => {
    expect(traefikHasCorsWildcardFix(version)).toBe(expected);
  });

  it('reads image references', () => {
    expect(traefikImageVersion('traefik:v3.1.4')).toBe('3.1.4');
    expect(traefikImageVersion('docker.io/library/traefik:3.6')).toBe('3.6');
    expect(traefikImageVersion('registry.local:5000/mirror/traefik:v2.11@sha256:abc')).toBe('2.11');
    expect(traefikImageVersion('traefik:latest')).toBeUndefined();
    expect(traefikImageVersion('traefik/whoami:v1.10')).toBeUndefined();
    expect(traefikImageVersion('nottraefik:v3.1')).toBeUndefined();
  });
});
