// One Ingress's CORS configuration (annotations.ts) as a CorsPolicy: what the controller's template
// makes nginx send. Origins are the ones the controller keeps, in the form the template tests them
// (see originPattern); values it rejects or skips become invalidOptions that say what happens instead.
import { newPolicy } from '../../model/policy.js';
import type { CorsPolicy, InvalidOption, OriginEntry, Span, Valued } from '../../model/types.js';
import { ANNOTATION_PREFIX, DEFAULT_HEADERS, DEFAULT_MAX_AGE, DEFAULT_METHODS, originPattern, type CorsAnnotation, type IngressCorsConfig } from './annotations.js';

export const CONTROLLER_VERSION = 'controller-v1.15.1';

/** Where each annotation is written: the whole `key: value` line and the value alone. */
export interface AnnotationSpans {
  line(name: CorsAnnotation): Span | undefined;
  value(name: CorsAnnotation): Span | undefined;
  /** The annotation's value contains a Helm template expression. */
  templated(name: CorsAnnotation): boolean;
}

export const DEFAULT_TEXT: Record<CorsAnnotation, string> = {
  'enable-cors': 'false (CORS off)',
  'cors-allow-origin': "'*'",
  'cors-allow-credentials': 'true',
  'cors-allow-methods': `'${DEFAULT_METHODS}'`,
  'cors-allow-headers': `'${DEFAULT_HEADERS}'`,
  'cors-expose-headers': 'none (no Access-Control-Expose-Headers)',
  'cors-max-age': String(DEFAULT_MAX_AGE),
};

function list(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** `label` names where the annotations are: `Ingress api`, `Helm values ingress`. */
export function ingressPolicy(label: string, config: IngressCorsConfig, spans: AnnotationSpans, enableSpan: Span): CorsPolicy {
  const policy = newPolicy({ stack: 'ingress-nginx', library: 'ingress-nginx', span: enableSpan, scope: { kind: 'app', name: label } });
  const outcome = (name: CorsAnnotation) => config.outcomes[name];
  const full = (name: CorsAnnotation) => `${ANNOTATION_PREFIX}${name}`;
  const spanOf = (name: CorsAnnotation) => spans.line(name) ?? enableSpan;

  // Origins.
  const originOutcome = outcome('cors-allow-origin');
  policy.originsSpan = spans.line('cors-allow-origin') ?? enableSpan;
  const originSpan = spans.value('cors-allow-origin') ?? policy.originsSpan;
  if (spans.templated('cors-allow-origin')) {
    policy.origins = [{ kind: 'unknown', why: `${full('cors-allow-origin')} is filled in by a Helm template`, span: originSpan }];
  } else if (config.origins.length === 1 && config.origins[0] === '*') {
    const entry: OriginEntry = { kind: 'any', span: originSpan };
    if (originOutcome.status === 'default') entry.source = `ingress-nginx's default for ${full('cors-allow-origin')}, which ${label} does not set`;
    else if (originOutcome.status === 'rejected') entry.source = `ingress-nginx's fallback for an invalid ${full('cors-allow-origin')}: ${originOutcome.why}`;
    policy.origins = [entry];
  } else {
    policy.origins = config.origins.map((origin): OriginEntry => {
      if (origin === 'null') return { kind: 'null', span: originSpan };
      if (origin.includes('*')) {
        return { kind: 'regex', pattern: `${originPattern(origin)}$`, flavor: 'pcre', mode: 'search', ignoreCase: true, writtenAs: origin, span: originSpan };
      }
      return { kind: 'exact', origin, span: originSpan };
    });
  }

  const valued = <T>(name: CorsAnnotation, value: T, raw?: string): Valued<T> => {
    const o = outcome(name);
    const v: Valued<T> = { value };
    if (raw !== undefined) v.raw = raw;
    if (o.status === 'default') {
      v.isDefault = true;
      v.why = `${full(name)} is not set; the controller's default applies`;
    } else {
      v.span = spanOf(name);
      if (o.status === 'rejected') v.why = `the controller rejects '${o.written}' (${o.why}) and uses its default`;
    }
    if (spans.templated(name)) return { value: 'unknown', span: spanOf(name), why: `${full(name)} is filled in by a Helm template` };
    return v;
  };
  policy.credentials = valued('cors-allow-credentials', config.credentials);
  // The default credentials still point somewhere: the enable-cors line that switched them on.
  if (policy.credentials.isDefault) policy.credentials.span = enableSpan;
  policy.allowMethods = valued('cors-allow-methods', list(config.methods), config.methods);
  policy.allowHeaders = valued('cors-allow-headers', list(config.headers), config.headers);
  policy.exposeHeaders = valued('cors-expose-headers', list(config.expose), config.expose);
  policy.maxAge = valued('cors-max-age', config.maxAge);
  policy.varyOrigin = { value: false, why: "the controller's CORS template sends no Vary header" };
  policy.preflight = config.origins.length
    ? { value: 'handled', span: enableSpan, why: 'the template answers OPTIONS from an allowed origin with 204 itself' }
    : { value: 'passthrough', span: enableSpan, why: 'no origin is left, so OPTIONS requests go to the service' };
  policy.headersOnErrors = { value: true, why: 'more_set_headers without -s applies to every status' };

  // Values the controller does not use as written.
  const invalid: InvalidOption[] = [];
  for (const name of Object.keys(config.outcomes) as CorsAnnotation[]) {
    const o = config.outcomes[name];
    if (o.status !== 'rejected' || spans.templated(name)) continue;
    const fallback = name === 'cors-allow-origin' ? "'*', and with the default credentials (true) every origin is then trusted" : DEFAULT_TEXT[name];
    invalid.push({
      name: full(name),
      span: spanOf(name),
      problem: 'wrong-type',
      effect: 'ignored',
      detail: `is '${o.written}', which the controller rejects: ${o.why}`,
      consequence: `the controller uses its default, ${fallback}`,
    });
  }
  for (const skipped of config.skippedOrigins) {
    invalid.push({
      name: full('cors-allow-origin'),
      span: spanOf('cors-allow-origin'),
      problem: 'wrong-type',
      effect: 'ignored',
      detail: `lists '${skipped.origin}', which the controller skips: ${skipped.why}`,
      consequence: config.origins.length ? 'that origin is never allowed' : 'no origin is left, so the controller sends no CORS headers at all',
    });
  }
  if (invalid.length) policy.invalidOptions = invalid;

  const rendered = config.origins.length === 1 && config.origins[0] === '*' ? "set $http_origin *; (Access-Control-Allow-Origin: * on every response)" : config.origins.length ? `if ($http_origin ~* (${config.origins.map((o) => `(${originPattern(o)})`).join('|')})$)` : 'no origin left: no CORS headers';
  policy.notes = [`ingress-nginx ${CONTROLLER_VERSION} semantics (annotations/cors/main.go, nginx.tmpl CORS block)`, `origin test: ${rendered}`];
  return policy;
}
