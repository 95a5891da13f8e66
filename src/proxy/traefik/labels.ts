// Traefik's docker provider: the `traefik.*` labels of docker compose services (list syntax
// `- "traefik.http.middlewares.cors.headers.accesscontrolalloworiginlist=https://a.com"` or map syntax),
// also under `deploy.labels` (swarm). Read as traefik/paerser decodes labels (v0.2.2, parser/labels_decode.go
// and parser/element_fill.go): the root `traefik` is matched exactly, every other key segment
// case-insensitively, list values are split on ',' and each item trimmed; a container whose labels do
// not decode is skipped by the provider (pkg/provider/docker/config.go).
import path from 'node:path';
import { interpolate } from '../../environment/compose.js';
import { readDotenv } from '../../environment/dotenv.js';
import type { EnvSetting } from '../../environment/types.js';
import type { ProxyTarget, Span } from '../../model/types.js';
import { entries, get, isMap, items, scalarText, type Node } from '../../parse/yaml.js';
import { lineSpan, middlewareRef, type MiddlewareDef, type RawOption, type RawValue, type TraefikConfig } from './config.js';
import { nodeSpan, valueStart, type YamlSource } from './yaml-spans.js';

interface Label {
  key: string;
  value: string | 'unknown';
  why?: string;
  /** The whole label. */
  span: Span;
  /** Where the (interpolated) value starts, when it is written as is on one line. */
  valueAt?: { line: number; column: number };
}

export interface ComposeReadContext {
  absPath: string;
  readText(absPath: string): string | undefined;
  display(absPath: string): string;
}

/** Labels of one compose service, in the order written. */
function labelsOf(src: YamlSource, def: Node, env: Map<string, EnvSetting>): Label[] {
  const out: Label[] = [];
  for (const node of [get(def, 'labels'), get(get(def, 'deploy'), 'labels')]) {
    for (const item of items(node)) {
      const raw = scalarText(item);
      if (raw === undefined) continue;
      const eq = raw.indexOf('=');
      if (eq < 0) continue;
      const key = raw.slice(0, eq).trim();
      out.push(label(src, item, key, raw.slice(eq + 1), valueStart(src, item, raw), eq + 1, env));
    }
    for (const { key, keyNode, value } of entries(node)) {
      const raw = scalarText(value) ?? '';
      const span = nodeSpan(src, keyNode);
      const at = valueStart(src, value, raw);
      const l = label(src, value ?? keyNode, key.trim(), raw, at, 0, env);
      out.push({ ...l, span: { ...span, endLine: l.span.endLine, endColumn: value ? l.span.endColumn : span.endColumn } });
    }
  }
  return out;
}

function label(src: YamlSource, node: Node, key: string, rawValue: string, at: { line: number; column: number } | undefined, offset: number, env: Map<string, EnvSetting>): Label {
  const span = nodeSpan(src, node);
  const setting = interpolate(rawValue, span, env);
  const unchanged = setting.value === rawValue;
  return {
    key,
    value: setting.value,
    ...(setting.why ? { why: setting.why } : {}),
    span,
    ...(at && unchanged ? { valueAt: { line: at.line, column: at.column + offset } } : {}),
  };
}

function scalarOf(l: Label): RawValue {
  return { kind: 'scalar', span: l.span, text: l.value, ...(l.why ? { why: l.why } : {}), ...(l.valueAt ? { valueAt: l.valueAt } : {}) };
}

/** `8000`, `8000:8000`, `127.0.0.1:8080:80/tcp`, long syntax: the container side. */
function containerPorts(def: Node): number[] {
  const out: number[] = [];
  for (const p of items(get(def, 'ports'))) {
    const text = scalarText(p);
    const target = text === undefined ? scalarText(get(p, 'target')) : text.replace(/\/\w+$/, '').split(':').pop();
    const n = Number.parseInt(target ?? '', 10);
    if (Number.isInteger(n) && String(n) === target?.trim()) out.push(n);
  }
  for (const p of items(get(def, 'expose'))) {
    const n = Number.parseInt((scalarText(p) ?? '').replace(/\/\w+$/, ''), 10);
    if (Number.isInteger(n)) out.push(n);
  }
  return out;
}

/** Reads the traefik labels of every service of one compose file into `config`. */
export function readComposeLabels(src: YamlSource, ctx: ComposeReadContext, config: TraefikConfig): void {
  const dir = path.dirname(ctx.absPath);
  const dotenv = ctx.readText(path.join(dir, '.env'));
  const env = dotenv !== undefined ? readDotenv(dotenv, ctx.display(path.join(dir, '.env'))).vars : new Map<string, EnvSetting>();
  for (const doc of src.yaml.docs) {
    for (const { key: service, keyNode, value: def } of entries(get(doc, 'services'))) {
      if (!isMap(def)) continue;
      const labels = labelsOf(src, def, env).filter((l) => l.key.split('.')[0] === 'traefik');
      if (!labels.length) continue;
      if (labels.some((l) => l.key.toLowerCase() === 'traefik.enable' && typeof l.value === 'string' && /^(?:0|f|false)$/i.test(l.value.trim()))) continue;
      readService(service, nodeSpan(src, keyNode), def, labels, config);
    }
  }
}

function readService(service: string, serviceSpan: Span, def: Node, labels: Label[], config: TraefikConfig): void {
  const middlewares = new Map<string, MiddlewareDef>();
  const routers = new Map<string, { name: string; span: Span; rule?: string; middlewares?: Label; service?: string }>();
  const services = new Map<string, { name: string; port?: number; scheme?: 'http' | 'https'; url?: string }>();
  const problems: string[] = [];
  for (const l of labels) {
    const parts = l.key.split('.');
    if (parts.some((p) => p === '')) {
      problems.push(`the label ${l.key} has an empty segment`);
      continue;
    }
    const lower = parts.map((p) => p.toLowerCase());
    if (lower[1] !== 'http' || parts.length < 5) continue;
    const name = parts[3]!;
    const key = name.toLowerCase();
    if (lower[2] === 'middlewares' && lower[4] === 'chain' && lower[5] === 'middlewares' && parts.length === 6) {
      const mw: MiddlewareDef = middlewares.get(key) ?? { name, provider: 'docker', span: l.span, headers: new Map(), origin: `compose service ${service}` };
      mw.chain = refsOf(l);
      middlewares.set(key, mw);
    } else if (lower[2] === 'middlewares' && lower[4] === 'headers') {
      let mw = middlewares.get(key);
      if (!mw) {
        mw = { name, provider: 'docker', span: l.span, headers: new Map(), origin: `compose service ${service}` };
        middlewares.set(key, mw);
      }
      const option = lower[5];
      if (!option) continue;
      const mapKey = parts.slice(6).join('.');
      if (mapKey) {
        // customResponseHeaders.<Header-Name>=value: one map entry per label.
        const existing = mw.headers.get(option);
        const entry = { key: mapKey, value: scalarOf(l), span: l.span };
        if (existing?.value?.kind === 'map') existing.value.entries.push(entry);
        else mw.headers.set(option, { key: parts[5]!, span: l.span, value: { kind: 'map', span: l.span, entries: [entry] } } satisfies RawOption);
      } else mw.headers.set(option, { key: parts[5]!, span: l.span, value: scalarOf(l) });
    } else if (lower[2] === 'routers') {
      let router = routers.get(key);
      if (!router) {
        router = { name, span: l.span };
        routers.set(key, router);
      }
      if (lower[4] === 'rule' && typeof l.value === 'string') router.rule = l.value;
      if (lower[4] === 'middlewares') router.middlewares = l;
      if (lower[4] === 'service' && typeof l.value === 'string') router.service = l.value.trim();
    } else if (lower[2] === 'services' && lower[4] === 'loadbalancer') {
      let svc = services.get(key);
      if (!svc) {
        svc = { name };
        services.set(key, svc);
      }
      const field = lower.slice(5).join('.');
      const value = typeof l.value === 'string' ? l.value.trim() : undefined;
      if (field === 'server.port' && value && /^\d+$/.test(value)) svc.port = Number.parseInt(value, 10);
      if (field === 'server.scheme' && value) svc.scheme = value.toLowerCase() === 'https' ? 'https' : 'http';
    }
  }
  const rejected = problems.length ? `Traefik cannot decode the labels of compose service ${service} (${problems[0]}), so it skips the container` : undefined;
  for (const mw of middlewares.values()) config.middlewares.push(rejected ? { ...mw, rejected } : mw);
  if (rejected) return;

  // The container itself is every service's server (pkg/provider/docker/config.go): its port is the
  // label's, else the lowest port the container exposes.
  const ports = containerPorts(def).sort((a, b) => a - b);
  const targetOf = (svc: { port?: number; scheme?: 'http' | 'https' } | undefined): ProxyTarget => {
    const port = svc?.port ?? ports[0];
    return { raw: port !== undefined ? `${service}:${port}` : service, host: service, ...(port !== undefined ? { port } : {}), ...(svc?.scheme ? { scheme: svc.scheme } : {}) };
  };
  for (const svc of services.values()) config.services.push({ name: svc.name, provider: 'docker', targets: [targetOf(svc)] });

  // provider.BuildRouterConfiguration: no router label -> one default router (unless several services);
  // a router without a service takes the container's only service.
  if (!routers.size && services.size <= 1) routers.set(service.toLowerCase(), { name: service, span: serviceSpan });
  const onlyService = services.size === 1 ? [...services.values()][0]!.name : undefined;
  for (const router of routers.values()) {
    if (!router.service && services.size > 1) continue;
    const serviceName = router.service ?? onlyService;
    config.routers.push({
      name: router.name,
      provider: 'docker',
      span: router.span,
      label: `Traefik router ${router.name} (compose service ${service})`,
      ...(router.rule !== undefined ? { rule: router.rule } : {}),
      middlewares: router.middlewares ? refsOf(router.middlewares) : [],
      ...(serviceName !== undefined ? { service: serviceName } : {}),
      // No service label at all: the provider makes a default service of the container itself.
      ...(serviceName === undefined ? { targets: [targetOf(undefined)] } : {}),
      composeService: service,
    });
  }
}

/** `cors@docker, auth` -> refs, each spanning its own name when the label is written plainly. */
function refsOf(l: Label): ReturnType<typeof middlewareRef>[] {
  if (typeof l.value !== 'string') return [];
  const out: ReturnType<typeof middlewareRef>[] = [];
  let offset = 0;
  for (const part of l.value.split(',')) {
    const name = part.trim();
    const lead = part.length - part.trimStart().length;
    if (name) {
      const span = l.valueAt ? lineSpan(l.span.file, l.valueAt.line, l.valueAt.column + offset + lead, name.length) : l.span;
      out.push(middlewareRef(name, span));
    }
    offset += part.length + 1;
  }
  return out;
}
