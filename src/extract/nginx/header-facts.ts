// Header values -> the model's Valued fields (credentials, lists, max-age, Vary, errors).
import type { Span, Valued } from '../../model/types.js';
import { isCorsHeader, type HeaderDef } from './blocks.js';
import type { Possible } from './origins.js';
import { SAFE_STATUSES, type HeaderSet } from './header-sets.js';

function corsSets(sets: HeaderSet[], name: string): Array<{ h: HeaderDef; s: HeaderSet }> {
  return sets.flatMap((s) => s.headers.filter((h) => h.name.toLowerCase() === name).map((h) => ({ h, s })));
}

export function credentialsOf(sets: HeaderSet[], possibles: (h: HeaderDef, s: HeaderSet) => Possible[]): Valued<boolean> {
  const found = corsSets(sets, 'access-control-allow-credentials');
  if (!found.length) return { value: false, isDefault: true };
  for (const { h, s } of found) {
    if (possibles(h, s).some((p) => p.kind === 'literal' && p.text === 'true')) return { value: true, span: h.span };
  }
  const unknown = found.flatMap(({ h, s }) => possibles(h, s)).find((p) => p.kind === 'unknown');
  if (unknown && unknown.kind === 'unknown') return { value: 'unknown', why: unknown.why, span: found[0]!.h.span };
  return { value: false, span: found[0]!.h.span };
}

export function listHeader(sets: HeaderSet[], name: string): Valued<string[]> {
  const found = corsSets(sets, name)[0];
  if (!found) return { value: [], isDefault: true };
  const { value } = found.h;
  if (value.templated) return { value: 'unknown', why: `template placeholder ${value.templated}`, span: found.h.span };
  if (/\$/.test(value.value)) return { value: 'unknown', why: `value "${value.value}" is computed per request`, span: found.h.span };
  return { value: value.value.split(/[\s,]+/).filter(Boolean), span: found.h.span };
}

export function maxAgeOf(sets: HeaderSet[]): Valued<number> {
  const found = corsSets(sets, 'access-control-max-age')[0];
  if (!found) return { value: 'unknown', why: 'not set' };
  const n = Number(found.h.value.value);
  return Number.isFinite(n) && /^\d+$/.test(found.h.value.value.trim())
    ? { value: n, span: found.h.span }
    : { value: 'unknown', why: `value "${found.h.value.value}"`, span: found.h.span };
}

/**
 * Vary: Origin must travel with every header set that sends Access-Control-Allow-Origin on a response
 * a cache may store: answers to OPTIONS are not stored (RFC 9110, 9.3.7), so an OPTIONS-only set
 * without Vary is fine.
 */
export function varyOf(sets: HeaderSet[]): Valued<boolean> {
  const withAcao = sets.filter((s) => !s.preflightOnly && s.headers.some((h) => /^access-control-allow-origin$/i.test(h.name)));
  if (!withAcao.length) return { value: false, isDefault: true };
  let span: Span | undefined;
  for (const s of withAcao) {
    const vary = s.headers.find((h) => /^vary$/i.test(h.name) && /(?:^|[\s,])origin(?:$|[\s,])/i.test(h.value.value));
    if (!vary) {
      const acao = s.headers.find((h) => /^access-control-allow-origin$/i.test(h.name))!;
      return { value: false, span: acao.span, why: `no Vary: Origin in the headers of ${s.block.label}` };
    }
    span ??= vary.span;
  }
  return { value: true, span };
}

export function onErrorsOf(sets: HeaderSet[]): Valued<boolean> {
  for (const s of sets) {
    if (s.fixedStatus !== undefined && SAFE_STATUSES.includes(s.fixedStatus)) continue;
    const weak = s.headers.find((h) => isCorsHeader(h.name) && !h.always);
    if (weak) return { value: false, span: weak.span, why: `${weak.directive} ${weak.name} without always` };
  }
  const first = sets.flatMap((s) => s.headers).find((h) => isCorsHeader(h.name));
  return { value: true, span: first?.span };
}
