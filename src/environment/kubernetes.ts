// Kubernetes manifests (container `env`, `envFrom` ConfigMaps, ConfigMap `data`) and Helm values
// files. Helm templates are tolerated: `{{ ... }}` becomes an unknown value, never a parse error.
import path from 'node:path';
import type { Diagnostic, Span } from '../model/types.js';
import { environmentNameFromFile, type EnvSetting, type EnvSource } from './types.js';
import { entries, get, getPath, items, parseYaml, scalarText, isMap, isSeq, type Node, type YamlFile } from '../parse/yaml.js';

const WORKLOAD_PODS: Record<string, string[]> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

/** Cheap text test before a YAML file is parsed as Kubernetes: a workload or ConfigMap that names one of the variables. */
export function mayBeKubernetes(text: string, variables: readonly string[]): boolean {
  if (!/^\s*kind:\s*["']?(?:Pod|Deployment|StatefulSet|DaemonSet|ReplicaSet|Job|CronJob|ConfigMap)\b/m.test(text)) return false;
  return variables.some((v) => text.includes(v));
}

const ENV_FOLDERS = /^(?:prod|production|staging|stage|dev|development|test|qa|preview|local)$/i;

/** Template expressions are replaced by a marker so the YAML around them still parses. */
export const TEMPLATE_MARK = '__cors_lint_template__';
export function untemplate(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => (/^\s*\{\{-?[^}]*-?\}\}\s*$/.test(line) ? '' : line.replace(/\{\{-?[\s\S]*?-?\}\}/g, TEMPLATE_MARK)))
    .join('\n');
}

function settingOf(raw: string | undefined, span: Span, name: string): EnvSetting {
  if (raw === undefined) return { value: 'unknown', span, why: `${name} has no literal value here` };
  if (raw.includes(TEMPLATE_MARK)) return { value: 'unknown', span, why: `${name} is filled in by a Helm template` };
  return { value: raw, span };
}

export function readKubernetes(text: string, absPath: string, file: string): { sources: EnvSource[]; diagnostics: Diagnostic[] } {
  const templated = text.includes('{{');
  const yaml = parseYaml(templated ? untemplate(text) : text);
  // A Helm template that still does not parse is tolerated; a plain manifest that does not is reported.
  if (yaml.error) return { sources: [], diagnostics: templated ? [] : [{ kind: 'parse-error', file, line: yaml.error.line, column: yaml.error.column, message: `invalid YAML: ${yaml.error.message}` }] };
  const folderName = path.dirname(absPath).split(path.sep).reverse().find((s) => ENV_FOLDERS.test(s));
  const spanOf = spanFactory(yaml, file);
  const configMaps = new Map<string, Map<string, EnvSetting>>();
  for (const doc of yaml.docs) {
    if (scalarText(get(doc, 'kind')) !== 'ConfigMap') continue;
    const vars = new Map<string, EnvSetting>();
    for (const { key, keyNode, value } of entries(get(doc, 'data'))) vars.set(key, settingOf(scalarText(value), spanOf(keyNode, key.length), key));
    configMaps.set(scalarText(getPath(doc, ['metadata', 'name'])) ?? '', vars);
  }
  const referenced = new Set<string>();
  for (const doc of yaml.docs) {
    for (const container of items(getPath(doc, [...(WORKLOAD_PODS[scalarText(get(doc, 'kind')) ?? ''] ?? ['-']), 'containers']))) {
      for (const ref of items(get(container, 'envFrom'))) referenced.add(scalarText(getPath(ref, ['configMapRef', 'name'])) ?? '');
      for (const entry of items(get(container, 'env'))) referenced.add(scalarText(getPath(entry, ['valueFrom', 'configMapKeyRef', 'name'])) ?? '');
    }
  }
  const sources: EnvSource[] = [];
  for (const doc of yaml.docs) {
    const kind = scalarText(get(doc, 'kind')) ?? '';
    const namespace = scalarText(getPath(doc, ['metadata', 'namespace']));
    const envName = folderName ?? (namespace && !namespace.includes(TEMPLATE_MARK) ? namespace : undefined) ?? 'kubernetes';
    const resource = `${kind} ${scalarText(getPath(doc, ['metadata', 'name'])) ?? ''}`.trim();
    if (kind === 'ConfigMap') {
      // A ConfigMap a container of this file reads is that container's environment, not one of its own.
      const cmName = scalarText(getPath(doc, ['metadata', 'name'])) ?? '';
      const vars = configMaps.get(cmName)!;
      if (vars.size && !referenced.has(cmName)) sources.push({ kind: 'kubernetes', name: `${envName} (${resource})`, file, vars });
      continue;
    }
    const podPath = WORKLOAD_PODS[kind];
    if (!podPath) continue;
    for (const container of items(getPath(doc, [...podPath, 'containers']))) {
      const vars = new Map<string, EnvSetting>();
      for (const ref of items(get(container, 'envFrom'))) {
        const cm = configMaps.get(scalarText(getPath(ref, ['configMapRef', 'name'])) ?? '\u0000');
        if (cm) for (const [k, v] of cm) vars.set(k, v);
      }
      for (const entry of items(get(container, 'env'))) {
        const name = scalarText(get(entry, 'name'));
        if (!name) continue;
        const ref = getPath(entry, ['valueFrom', 'configMapKeyRef']);
        const fromMap = ref ? configMaps.get(scalarText(get(ref, 'name')) ?? '')?.get(scalarText(get(ref, 'key')) ?? '') : undefined;
        vars.set(name, fromMap ?? settingOf(get(entry, 'value') ? scalarText(get(entry, 'value')) ?? '' : undefined, spanOf(get(entry, 'name'), name.length), name));
      }
      if (vars.size) sources.push({ kind: 'kubernetes', name: `${envName} (${resource}, container ${scalarText(get(container, 'name')) ?? '?'})`, file, vars });
    }
  }
  return { sources, diagnostics: [] };
}

/**
 * Helm values: any key named like the variable (`env: { CORS_ORIGINS: ... }`) and any list item
 * `{ name: CORS_ORIGINS, value: ... }` (`extraEnv`), anywhere in the file.
 */
export function readHelmValues(text: string, absPath: string, file: string, variables: readonly string[]): { sources: EnvSource[]; diagnostics: Diagnostic[] } {
  const yaml = parseYaml(text);
  if (yaml.error) return { sources: [], diagnostics: [{ kind: 'parse-error', file, line: yaml.error.line, column: yaml.error.column, message: `invalid YAML: ${yaml.error.message}` }] };
  const wanted = new Set(variables);
  const spanOf = spanFactory(yaml, file);
  const vars = new Map<string, EnvSetting>();
  const visit = (node: Node | undefined, depth: number) => {
    if (!node || depth > 40) return;
    if (isMap(node)) {
      const name = scalarText(get(node, 'name'));
      if (name && wanted.has(name) && get(node, 'value')) vars.set(name, settingOf(scalarText(get(node, 'value')), spanOf(get(node, 'name'), name.length), name));
      for (const { key, keyNode, value } of entries(node)) {
        if (wanted.has(key) && !isMap(value) && !isSeq(value)) vars.set(key, settingOf(scalarText(value), spanOf(keyNode, key.length), key));
        else visit(value, depth + 1);
      }
    } else if (isSeq(node)) for (const item of node.items as Node[]) visit(item, depth + 1);
  };
  for (const doc of yaml.docs) visit(doc, 0);
  if (!vars.size) return { sources: [], diagnostics: [] };
  const name = environmentNameFromFile(path.basename(absPath), 'helm values');
  return { sources: [{ kind: 'helm', name: name === 'helm values' ? name : `${name} (Helm values)`, file, vars }], diagnostics: [] };
}

function spanFactory(yaml: YamlFile, file: string) {
  return (node: Node | undefined, length = 1): Span => {
    const line = yaml.lineOf(node);
    const column = yaml.columnOf(node);
    return { file, line, column, endLine: line, endColumn: column + length };
  };
}
