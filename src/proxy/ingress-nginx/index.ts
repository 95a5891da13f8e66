// Kubernetes Ingress objects served by ingress-nginx: the CORS policy its annotations make the
// controller apply, and one route per backend (host + path -> Service:port). Files are YAML context
// files (plain manifests and Helm values); Helm templates are read where they still parse after their
// `{{ ... }}` statements are blanked, and skipped quietly where they do not.
import { TEMPLATE_MARK, untemplate } from '../../environment/kubernetes.js';
import type { CorsPolicy, Diagnostic, ProxyRoute, ProxyTarget, Span } from '../../model/types.js';
import { entries, get, getPath, isMap, isScalar, items, parseYaml, scalarText, type Node, type YamlFile } from '../../parse/yaml.js';
import type { ProxyReader, ProxyReading } from '../types.js';
import { ANNOTATION_PREFIX, CORS_ANNOTATIONS, goParseBool, parseCorsAnnotations, type CorsAnnotation } from './annotations.js';
import { ingressPolicy, DEFAULT_TEXT, type AnnotationSpans } from './policy.js';
import { nearestOption } from '../../extract/python/option-names.js';
import { snippetStrips } from './snippets.js';

const INGRESS_API = new Set(['networking.k8s.io/v1', 'networking.k8s.io/v1beta1', 'extensions/v1beta1']);

/** Cheap text test: only files that can hold an Ingress with ingress-nginx annotations are parsed. */
export function mayHoldIngress(text: string): boolean {
  return /^[ \t-]*kind:[ \t]*["']?Ingress["']?[ \t]*(?:#.*)?$/m.test(text) || text.includes('nginx.ingress.kubernetes.io');
}

export const readIngressNginx: ProxyReader = (files, context) => {
  const out: ProxyReading = { policies: [], routes: [] };
  for (const file of files) {
    if (file.kind !== 'yaml' && file.kind !== 'helm-values') continue;
    const text = context.readText(file.absPath);
    if (text === undefined || !mayHoldIngress(text)) continue;
    const display = context.display(file.absPath);
    const got = readFile(text, display, file.kind === 'helm-values');
    out.policies.push(...got.policies);
    out.routes.push(...got.routes);
    const already = context.diagnostics.some((d) => d.file === display && d.kind === 'parse-error');
    if (got.diagnostic && !already) context.diagnostics.push(got.diagnostic);
  }
  return out;
};

/** One file's Ingress objects; at most one diagnostic for the whole file. */
export function readFile(text: string, file: string, helmValues = false): ProxyReading & { diagnostic?: Diagnostic } {
  const templated = text.includes('{{');
  const yaml = parseYaml(templated ? untemplate(text) : text);
  const out: ProxyReading & { diagnostic?: Diagnostic } = { policies: [], routes: [] };
  if (yaml.error) {
    // A Helm template that does not parse is not a manifest to judge; a plain file that does not is reported.
    if (!templated && /^[ \t-]*kind:[ \t]*["']?Ingress\b/m.test(text)) {
      out.diagnostic = { kind: 'parse-error', file, line: yaml.error.line, column: yaml.error.column, message: `invalid YAML: ${yaml.error.message}` };
    }
    return out;
  }
  const lines = text.split(/\r?\n/);
  const problems: string[] = [];
  for (const doc of yaml.docs) {
    if (scalarText(get(doc, 'kind')) !== 'Ingress') continue;
    if (!INGRESS_API.has(scalarText(get(doc, 'apiVersion')) ?? '')) continue;
    if (servedByAnotherController(doc)) continue;
    const shape = { name: clean(scalarText(getPath(doc, ['metadata', 'name']))) ?? '(unnamed)', namespace: clean(scalarText(getPath(doc, ['metadata', 'namespace']))), annotations: getPath(doc, ['metadata', 'annotations']), spec: get(doc, 'spec') };
    const ingress = readIngress(shape, yaml, lines, file, problems);
    if (ingress.policy) out.policies.push(ingress.policy);
    out.routes.push(...ingress.routes);
  }
  // Helm values: a chart's `ingress: { className, annotations }` block becomes its Ingress's annotations.
  if (helmValues) {
    for (const doc of yaml.docs) {
      for (const found of valuesIngresses(doc, '', 0)) {
        if (OTHER_CONTROLLERS.test(scalarText(get(found.node, 'className')) ?? scalarText(get(get(found.node, 'annotations'), 'kubernetes.io/ingress.class')) ?? '')) continue;
        const ingress = readIngress({ name: found.path, label: `Helm values ${found.path}`, annotations: get(found.node, 'annotations') }, yaml, lines, file, problems);
        if (ingress.policy) out.policies.push(ingress.policy);
      }
    }
  }
  if (problems.length) {
    out.diagnostic = {
      kind: 'parse-error',
      file,
      message: `${problems[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}; read as if quoted`,
    };
  }
  return out;
}

/** `ingress:` maps with ingress-nginx annotations in a values file, a few levels deep (`api.ingress`). */
function valuesIngresses(node: Node | undefined, at: string, depth: number): Array<{ path: string; node: Node }> {
  if (!isMap(node) || depth > 3) return [];
  const out: Array<{ path: string; node: Node }> = [];
  for (const { key, value } of entries(node)) {
    const here = at ? `${at}.${key}` : key;
    if (/^ingress$/i.test(key) && isMap(value) && entries(get(value, 'annotations')).some((e) => e.key.startsWith(ANNOTATION_PREFIX))) out.push({ path: here, node: value });
    else out.push(...valuesIngresses(value, here, depth + 1));
  }
  return out;
}

interface IngressShape {
  name: string;
  namespace?: string;
  annotations: Node | undefined;
  /** Absent for Helm values (the chart's template builds the rules). */
  spec?: Node;
  /** How messages name it, when not `Ingress <name>`. */
  label?: string;
}

function readIngress(shape: IngressShape, yaml: YamlFile, lines: string[], file: string, problems: string[]): { policy?: CorsPolicy; routes: ProxyRoute[] } {
  const { name, namespace } = shape;
  const at = (node: Node | undefined | null): Span => lineSpan(yaml, lines, file, node);

  // Annotations: the API server stores strings only; a YAML boolean or number makes kubectl and Helm
  // reject the object. They are read as the text written (what quoting it gives) and reported once.
  const annotations = new Map<string, string>();
  const keyNodes = new Map<string, Node>();
  const valueNodes = new Map<string, Node | undefined>();
  for (const { key, keyNode, value } of entries(shape.annotations)) {
    keyNodes.set(key, keyNode);
    valueNodes.set(key, value);
    if (!isScalar(value) || value.value === null) {
      if (key.startsWith(ANNOTATION_PREFIX)) problems.push(`Ingress ${name}: annotation ${key} has no string value`);
      if (isScalar(value)) annotations.set(key, '');
      continue;
    }
    const raw = value.value;
    if (typeof raw !== 'string') {
      const written = value.source ?? String(raw);
      if (key.startsWith(ANNOTATION_PREFIX) && CORS_ANNOTATIONS.some((a) => key === ANNOTATION_PREFIX + a)) {
        problems.push(`Ingress ${name}: annotation ${key} is the YAML ${typeof raw} ${written}, but annotation values must be strings, so kubectl and Helm reject this object (write "${written}")`);
      }
      annotations.set(key, written);
    } else annotations.set(key, raw);
  }

  const spans: AnnotationSpans = {
    line: (a) => {
      const key = keyNodes.get(ANNOTATION_PREFIX + a);
      return key ? at(key) : undefined;
    },
    value: (a) => {
      const value = valueNodes.get(ANNOTATION_PREFIX + a);
      return value && isScalar(value) ? valueSpan(yaml, lines, file, value) : undefined;
    },
    templated: (a) => (annotations.get(ANNOTATION_PREFIX + a) ?? '').includes(TEMPLATE_MARK),
  };

  // A canary Ingress inherits the main Ingress's annotations (its own CORS annotations are ignored);
  // ssl-passthrough hands the TLS connection to the service, so nginx writes no HTTP header at all.
  // (docs/user-guide/nginx-configuration/annotations.md, controller-v1.15.1)
  const ignored = ['canary', 'ssl-passthrough'].some((a) => goParseBool(annotations.get(ANNOTATION_PREFIX + a) ?? '') === true);
  let policy: CorsPolicy | undefined;
  if (!spans.templated('enable-cors') && !ignored) {
    const config = parseCorsAnnotations(annotations);
    if (config.enabled) policy = ingressPolicy(shape.label ?? `Ingress ${name}`, config, spans, spans.line('enable-cors')!);
  }
  // A misspelled CORS annotation is ignored by the controller: its default applies.
  if (policy) {
    for (const [key, keyNode] of keyNodes) {
      if (!key.startsWith(ANNOTATION_PREFIX)) continue;
      const suffix = key.slice(ANNOTATION_PREFIX.length);
      if ((CORS_ANNOTATIONS as readonly string[]).includes(suffix) || !/cor|origin/i.test(suffix)) continue;
      const meant = nearestOption(suffix, CORS_ANNOTATIONS) as CorsAnnotation | undefined;
      if (!meant) continue;
      (policy.invalidOptions ??= []).push({
        name: key,
        span: at(keyNode),
        problem: 'unknown-option',
        effect: 'ignored',
        suggestion: ANNOTATION_PREFIX + meant,
        consequence: `the controller ignores it, so ${meant} keeps ${annotations.has(ANNOTATION_PREFIX + meant) ? 'the value written for it' : `its default, ${DEFAULT_TEXT[meant]}`}`,
      });
    }
  }

  // Snippets that change the response headers the application sends.
  const strips: ProxyRoute['strips'] = [];
  for (const snippet of ['configuration-snippet', 'server-snippet']) {
    const key = ANNOTATION_PREFIX + snippet;
    const value = valueNodes.get(key);
    const text = annotations.get(key);
    if (!text || !value || !isScalar(value)) continue;
    strips.push(...snippetStrips(text, snippet, snippetLines(yaml, lines, file, keyNodes.get(key)!, value)));
  }

  const routes: ProxyRoute[] = [];
  const enableSpan = spans.line('enable-cors');
  const answersPreflight =
    policy && policy.origins.length && enableSpan
      ? {
          span: enableSpan,
          status: 204,
          how:
            policy.origins[0]!.kind === 'any'
              ? 'ingress-nginx (enable-cors) answers every OPTIONS request with 204 itself'
              : 'ingress-nginx (enable-cors) answers OPTIONS from an allowed origin with 204 itself',
          corsHeaders: true,
        }
      : undefined;
  const route = (backend: Node | undefined, label: string, host: string | undefined, path: string | undefined, spanNode: Node | undefined) => {
    const target = backendTarget(backend, namespace);
    if (!target) return;
    const r: ProxyRoute = { stack: 'ingress-nginx', span: at(spanNode ?? backend), label, targets: [target], strips: [...strips] };
    if (path !== undefined) r.path = path;
    if (host) r.hosts = [host];
    if (answersPreflight) r.answersPreflight = answersPreflight;
    if (policy) r.policy = policy;
    routes.push(r);
  };
  const spec = shape.spec;
  const fallback = get(spec, 'defaultBackend') ?? get(spec, 'backend');
  if (fallback) route(fallback, `Ingress ${name} default backend`, undefined, undefined, fallback);
  for (const rule of items(get(spec, 'rules'))) {
    const host = clean(scalarText(get(rule, 'host')));
    for (const p of items(getPath(rule, ['http', 'paths']))) {
      const path = clean(scalarText(get(p, 'path'))) ?? '/';
      const backend = get(p, 'backend');
      route(backend, `Ingress ${name}${host ? ` host ${host}` : ''} path ${path}`, host, path, get(backend, 'service') ?? get(backend, 'serviceName') ?? backend);
    }
  }
  return { policy, routes };
}

/**
 * Ingress classes of other controllers: those Ingresses are not rendered by ingress-nginx, whatever
 * nginx.ingress.kubernetes.io annotations they carry. Any other class name may be ingress-nginx's
 * (class names are chosen per cluster).
 */
const OTHER_CONTROLLERS = /^(?:traefik|alb|gce|gce-internal|kong|haproxy|istio|contour|cilium|ambassador|emissary|skipper|azure\/application-gateway|azure-application-gateway|openshift-default|apisix)$/i;

function servedByAnotherController(doc: Node): boolean {
  const className = scalarText(getPath(doc, ['spec', 'ingressClassName'])) ?? scalarText(get(getPath(doc, ['metadata', 'annotations']), 'kubernetes.io/ingress.class'));
  return className !== undefined && OTHER_CONTROLLERS.test(className.trim());
}

/** networking.k8s.io/v1 `service: { name, port: { number | name } }`, v1beta1 `serviceName` / `servicePort`. */
function backendTarget(backend: Node | undefined, namespace: string | undefined): ProxyTarget | undefined {
  if (!isMap(backend)) return undefined;
  const service = get(backend, 'service');
  const name = clean(scalarText(service ? get(service, 'name') : get(backend, 'serviceName')));
  if (!name) return undefined;
  const portNode = service ? get(get(service, 'port'), 'number') ?? get(get(service, 'port'), 'name') : get(backend, 'servicePort');
  const portText = clean(scalarText(portNode));
  const port: number | string | undefined = portText === undefined ? undefined : /^\d+$/.test(portText) ? Number(portText) : portText;
  const target: ProxyTarget = { raw: port === undefined ? name : `${name}:${port}`, host: name, kubernetesService: { name } };
  if (typeof port === 'number') target.port = port;
  if (port !== undefined) target.kubernetesService!.port = port;
  if (namespace) target.kubernetesService!.namespace = namespace;
  return target;
}

/** A scalar without Helm template text. */
function clean(text: string | undefined): string | undefined {
  return text === undefined || text.includes(TEMPLATE_MARK) ? undefined : text;
}

/** The line of a node, from its first character to the end of the line (trailing spaces left out). */
function lineSpan(yaml: YamlFile, lines: string[], file: string, node: Node | undefined | null): Span {
  const line = yaml.lineOf(node);
  const column = yaml.columnOf(node);
  const text = lines[line - 1] ?? '';
  const end = text.trimEnd().length + 1;
  return { file, line, column, endLine: line, endColumn: Math.max(end, column + 1) };
}

/** The value of a one-line scalar, quotes included; a block scalar: its first content line. */
function valueSpan(yaml: YamlFile, lines: string[], file: string, value: Node): Span {
  const span = lineSpan(yaml, lines, file, value);
  if (isScalar(value) && (value.type === 'BLOCK_LITERAL' || value.type === 'BLOCK_FOLDED')) {
    const next = lines[span.line] ?? '';
    const indent = next.length - next.trimStart().length;
    return { file, line: span.line + 1, column: indent + 1, endLine: span.line + 1, endColumn: Math.max(next.trimEnd().length + 1, indent + 2) };
  }
  return span;
}

/**
 * Where line `i` (0-based) of a snippet's text is written: a literal block (`|`) keeps its lines, one
 * below the key per line, shifted by the block's indentation; any other scalar points at its key.
 */
function snippetLines(yaml: YamlFile, lines: string[], file: string, keyNode: Node, value: Node): (line: number, column: number, endColumn: number) => Span {
  const keySpan = lineSpan(yaml, lines, file, keyNode);
  if (isScalar(value) && value.type === 'BLOCK_LITERAL') {
    const first = yaml.lineOf(value) + 1;
    const sample = lines.slice(first - 1).find((l) => l.trim()) ?? '';
    const indent = sample.length - sample.trimStart().length;
    return (line, column, endColumn) => ({ file, line: first + line, column: column + indent, endLine: first + line, endColumn: endColumn + indent });
  }
  return () => keySpan;
}

export type { CorsAnnotation };
