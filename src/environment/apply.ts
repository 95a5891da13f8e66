// Env-driven policies x environment sources -> per-environment values (policy.environments), and the
// per-environment copies of a policy that the rules run on.
import path from 'node:path';
import type { CorsPolicy, OriginEntry, PolicyEnvironment, Span, Valued } from '../model/types.js';
import type { EnvSetting, EnvSource } from './types.js';

/** Environment variable names in the scanners' descriptions of unresolved values. */
const ENV_READS = [
  /os\.environ\[\s*["'](\w+)["']\s*\]/g,
  /os\.(?:environ\.get|getenv)\(\s*["'](\w+)["']/g,
  /process\.env\.(\w+)/g,
  /process\.env\[\s*["'`](\w+)["'`]\s*\]/g,
  /import\.meta\.env\.(\w+)/g,
  /environment variable (\w+)/g,
  /\b(?:config|env)\(\s*["'](\w+)["']/g,
];

function namesIn(text: string | undefined): string[] {
  if (!text) return [];
  const out: string[] = [];
  for (const re of ENV_READS) for (const m of text.matchAll(re)) out.push(m[1]!);
  return out;
}

/** The variable an origin entry or option stands for, if any. */
export function variableOf(value: { source?: string; envDriven?: boolean; why?: string; kind?: string }): string | undefined {
  const fromWhy = namesIn(value.why)[0];
  if (value.source && (value.envDriven || value.kind === 'unknown' || (value as Valued<unknown>).value === 'unknown')) return value.source.replace(/^.*\./, '');
  return fromWhy;
}

/**
 * nginx configs filled in by envsubst at deploy time (the nginx image's templates): a value such as
 * `https://${APP_HOST}:8443`. Upper-case `${NAME}` / `$NAME` are environment variables (nginx's own
 * variables are lower-case).
 */
function envsubstTemplate(policy: CorsPolicy, entry: OriginEntry, code?: CodeReader): { text: string; names: string[] } | undefined {
  if (policy.library !== 'nginx' || entry.kind !== 'unknown') return undefined;
  let text = /^value "(.*)" is built from variables at request time$/.exec(entry.why)?.[1];
  if (text === undefined && /^template placeholder /.test(entry.why)) {
    // The scanner names only the placeholder; the whole value is the word it wrote down.
    const span = entry.span;
    const line = span && span.line === span.endLine ? code?.lines(span.file)?.[span.line - 1] : undefined;
    text = line?.slice(span!.column - 1, span!.endColumn - 1).replace(/^(["'])(.*)\1$/, '$2') ?? entry.why.replace(/^template placeholder /, '');
  }
  if (!text) return undefined;
  const names = [...text.matchAll(/\$\{?([A-Z_][A-Z0-9_]*)\}?/g)].map((m) => m[1]!);
  return names.length ? { text, names } : undefined;
}

/** Every variable a policy's origins read, envsubst templates included. */
export function policyVariables(policy: CorsPolicy): string[] {
  return policy.origins.flatMap((e) => envsubstTemplate(policy, e)?.names ?? [variableOf(e)]).filter((v): v is string => !!v);
}

/** Finds the setting of `variable` in a source: exact name, or case-insensitively for settings fields (pydantic). */
function lookup(source: EnvSource, variable: string): { name: string; setting: EnvSetting } | undefined {
  const exact = source.vars.get(variable);
  if (exact) return { name: variable, setting: exact };
  if (variable !== variable.toLowerCase()) return undefined;
  for (const [name, setting] of source.vars) if (name.toLowerCase() === variable) return { name, setting };
  return undefined;
}

export interface CodeReader {
  /** Source lines of a display path. */
  lines(displayPath: string): string[] | undefined;
  /** Absolute path of a display path. */
  absPath(displayPath: string): string;
}

/** A source configures a policy's code when it names no code folder, or one that holds the policy's file. */
function configures(source: EnvSource, policyAbs: string, all: readonly EnvSource[]): boolean {
  const inside = (dir: string) => {
    const rel = path.relative(dir, policyAbs);
    return !rel.startsWith('..') && !path.isAbsolute(rel);
  };
  if (source.codeDirs) return source.codeDirs.some(inside);
  // An image-only compose service does not configure code that another service of the same file builds.
  if (source.kind === 'compose') return !all.some((s) => s.file === source.file && s.codeDirs?.some(inside));
  return true;
}

/** How the code turns the variable's text into origins: split on a separator, or one string. */
function splitterFor(policy: CorsPolicy, entries: OriginEntry[], code: CodeReader): { sep: string | RegExp | undefined; json: boolean; trims: boolean } {
  const spans = entries.flatMap((e) => [e.definedAt, e.span]).concat(policy.originsSpan ? [policy.originsSpan] : []).filter((s): s is Span => !!s);
  const texts = [...entries.map((e) => ('why' in e ? e.why : '') ?? '')];
  for (const span of spans) {
    const lines = code.lines(span.file);
    if (lines) texts.push(lines.slice(span.line - 1, span.endLine).join('\n'));
  }
  const joined = texts.join('\n');
  // `.split(",")` keeps the spaces after the commas unless the code strips them.
  const trims = /\.(?:strip|trim)\(/.test(joined);
  const m = /\.split\(\s*(?:(["'`])(.*?)\1|\/(.+?)\/\w*)?\s*\)/.exec(joined);
  if (m) return { sep: m[3] ? new RegExp(m[3]) : m[2] !== undefined ? m[2] : /\s+/, json: false, trims };
  if (/then \.split\(\)/.test(joined)) return { sep: ',', json: false, trims };
  // pydantic settings fields: a list field reads JSON; projects usually add a comma-splitting validator.
  const settingsField = entries.some((e) => e.source && e.source === e.source.toLowerCase());
  return { sep: settingsField ? ',' : undefined, json: true, trims: trims || settingsField };
}

function matcherOf(text: string, like: OriginEntry, span: Span | undefined, definedAt: Span, variable: string): OriginEntry {
  const provenance = { span, definedAt, source: variable, sentVerbatim: like.sentVerbatim };
  if (like.kind === 'substring') return { kind: 'substring', haystack: text, ...provenance };
  if (text === '*') return { kind: 'any', ...provenance };
  if (text === 'null') return { kind: 'null', ...provenance };
  return { kind: 'exact', origin: text, ...provenance };
}

/** The origins an environment value gives, in place of the entries that read the variable. */
function originsFor(policy: CorsPolicy, variable: string, setting: EnvSetting, code: CodeReader): OriginEntry[] | undefined {
  const reading = policy.origins.filter((e) => variableOf(e) === variable);
  if (!reading.length) return undefined;
  const first = reading[0]!;
  const span = first.span ?? policy.originsSpan;
  if (setting.value === 'unknown') return [{ kind: 'unknown', why: setting.why ?? `${variable} is set where the linter cannot see it`, span, definedAt: setting.span, source: variable }];
  const { sep, json, trims } = splitterFor(policy, reading, code);
  let parts: string[] = [setting.value];
  let isList = false;
  const trimmed = setting.value.trim();
  if (json && trimmed.startsWith('[')) {
    try {
      const parsed = JSON.parse(trimmed) as unknown;
      if (Array.isArray(parsed)) {
        parts = parsed.map(String);
        isList = true;
      }
    } catch {
      // not JSON: one string
    }
  } else if (sep !== undefined && first.kind !== 'substring') {
    parts = setting.value.split(sep).map((s) => (trims ? s.trim() : s)).filter((s) => s.trim() !== '');
    isList = true;
  }
  // A split value is a list the library compares against; one unsplit string keeps how the code
  // used it (npm cors sends a plain string option verbatim, whatever the request Origin).
  const verbatim = !isList && (first.sentVerbatim || (policy.library === 'cors' && first.kind === 'unknown' && /^environment variable \w+$/.test(first.why)));
  return parts.map((p) => matcherOf(p, { ...first, sentVerbatim: verbatim || undefined }, span, setting.span, variable));
}

function booleanOf(text: string): boolean | undefined {
  if (/^(?:true|1|yes|on)$/i.test(text.trim())) return true;
  if (/^(?:false|0|no|off|)$/i.test(text.trim())) return false;
  return undefined;
}

/** Sets `policy.environments` for every policy whose origins or credentials come from variables some source sets. */
export function attachEnvironments(policies: readonly CorsPolicy[], sources: readonly EnvSource[], code: CodeReader): void {
  for (const policy of policies) {
    const originVars = [...new Set(policy.origins.filter((e) => !envsubstTemplate(policy, e)).map((e) => variableOf(e)).filter((v): v is string => !!v))];
    const templated = policy.origins.some((e) => envsubstTemplate(policy, e));
    const credentialVar = variableOf(policy.credentials);
    if (!originVars.length && !credentialVar && !templated) continue;
    const policyAbs = code.absPath(policy.span.file);
    const byValues = new Map<string, PolicyEnvironment>();
    for (const source of sources) {
      if (!configures(source, policyAbs, sources)) continue;
      let origins = policy.origins;
      let credentials: Valued<boolean> | undefined;
      const settings: PolicyEnvironment['settings'] = [];
      origins = origins.map((entry) => {
        const template = envsubstTemplate(policy, entry, code);
        if (!template) return entry;
        const hits = template.names.map((n) => ({ n, hit: lookup(source, n) }));
        if (hits.some((h) => !h.hit || h.hit.setting.value === 'unknown')) return entry;
        for (const { hit } of hits) settings.push({ variable: hit!.name, value: hit!.setting.value, span: hit!.setting.span });
        const text = template.text.replace(/\$\{?([A-Z_][A-Z0-9_]*)\}?/g, (_m, n: string) => lookup(source, n)!.setting.value as string);
        return matcherOf(text, { ...entry, sentVerbatim: true }, entry.span, hits[0]!.hit!.setting.span, template.names.join(', '));
      });
      for (const variable of originVars) {
        const hit = lookup(source, variable);
        if (!hit) continue;
        const replacement = originsFor(policy, variable, hit.setting, code);
        if (!replacement) continue;
        const at = origins.findIndex((e) => variableOf(e) === variable);
        origins = [...origins.slice(0, at), ...replacement, ...origins.slice(at).filter((e) => variableOf(e) !== variable)];
        settings.push({ variable: hit.name, value: hit.setting.value, span: hit.setting.span, why: hit.setting.why });
      }
      if (credentialVar) {
        const hit = lookup(source, credentialVar);
        const value = hit && hit.setting.value !== 'unknown' ? booleanOf(hit.setting.value) : undefined;
        if (hit) {
          credentials = { value: value ?? 'unknown', span: policy.credentials.span, definedAt: hit.setting.span, source: hit.name, why: value === undefined ? `${hit.name}=${hit.setting.value}` : undefined };
          settings.push({ variable: hit.name, value: hit.setting.value, span: hit.setting.span, why: hit.setting.why });
        }
      }
      if (!settings.length) continue;
      const key = JSON.stringify([origins.map(matcherKey), credentials?.value]);
      const same = byValues.get(key);
      if (same) {
        same.name = `${same.name}, ${source.name}`;
        continue;
      }
      byValues.set(key, { name: source.name, kind: source.kind, settings, origins, ...(credentials ? { credentials } : {}) });
    }
    if (byValues.size) policy.environments = [...byValues.values()];
  }
}

function matcherKey(e: OriginEntry): string {
  return JSON.stringify({ ...e, span: undefined, definedAt: undefined, envDriven: undefined, source: undefined });
}

/**
 * The copy of a policy as it runs in one environment. Environments whose values give the same
 * origins and credentials as the code's default add nothing and get no copy.
 */
export function environmentVariants(policy: CorsPolicy): CorsPolicy[] {
  const base = JSON.stringify([policy.origins.map(matcherKey), policy.credentials.value]);
  return (policy.environments ?? [])
    .filter((env) => JSON.stringify([env.origins.map(matcherKey), (env.credentials ?? policy.credentials).value]) !== base)
    .map((env) => ({ ...policy, origins: env.origins, credentials: env.credentials ?? policy.credentials, environments: undefined, environment: env }));
}
