// docker compose files: each service's container environment, with compose's own precedence:
// `environment:` over `env_file:` (later env files over earlier ones), values interpolated from the
// `.env` file of the project folder (the compose file's folder) or their `${VAR:-default}`.
import path from 'node:path';
import type { Diagnostic, Span } from '../model/types.js';
import { readDotenv } from './dotenv.js';
import { environmentNameFromFile, type EnvSetting, type EnvSource } from './types.js';
import { entries, get, items, parseYaml, scalarText, isMap, isScalar, type Node } from '../parse/yaml.js';

export interface ComposeContext {
  absPath: string;
  display(absPath: string): string;
  readText(absPath: string): string | undefined;
}

export function readCompose(text: string, ctx: ComposeContext): { sources: EnvSource[]; diagnostics: Diagnostic[] } {
  const file = ctx.display(ctx.absPath);
  const yaml = parseYaml(text);
  if (yaml.error) return { sources: [], diagnostics: [{ kind: 'parse-error', file, line: yaml.error.line, column: yaml.error.column, message: `invalid YAML: ${yaml.error.message}` }] };
  const dir = path.dirname(ctx.absPath);
  const diagnostics: Diagnostic[] = [];
  const projectEnv = ctx.readText(path.join(dir, '.env'));
  const interpolation = projectEnv !== undefined ? readDotenv(projectEnv, ctx.display(path.join(dir, '.env'))).vars : new Map<string, EnvSetting>();
  const name = environmentNameFromFile(path.basename(ctx.absPath), 'compose');
  const sources: EnvSource[] = [];
  const spanOf = (node: Node | undefined, length = 1): Span => {
    const line = yaml.lineOf(node);
    const column = yaml.columnOf(node);
    return { file, line, column, endLine: line, endColumn: column + length };
  };
  // `links: ["api:api.net"]` on one service names another service `api.net` for it.
  const linkAliases = new Map<string, string[]>();
  for (const doc of yaml.docs) {
    for (const { key: service, value: def } of entries(get(doc, 'services'))) {
      if (!isMap(def)) continue;
      const vars = new Map<string, EnvSetting>();
      // env_file first, environment after: the later assignment wins.
      const envFiles = isScalar(get(def, 'env_file')) ? [get(def, 'env_file')!] : items(get(def, 'env_file'));
      for (const entry of envFiles) {
        const rel = scalarText(entry) ?? scalarText(get(entry, 'path'));
        if (!rel) continue;
        const abs = path.resolve(dir, rel);
        const body = ctx.readText(abs);
        if (body === undefined) continue;
        const read = readDotenv(body, ctx.display(abs));
        if (read.diagnostic) diagnostics.push(read.diagnostic);
        for (const [k, v] of read.vars) vars.set(k, v);
      }
      const environment = get(def, 'environment');
      for (const item of items(environment)) {
        const raw = scalarText(item);
        if (raw === undefined) continue;
        const eq = raw.indexOf('=');
        const key = eq < 0 ? raw : raw.slice(0, eq);
        vars.set(key, eq < 0 ? { value: 'unknown', span: spanOf(item, raw.length), why: `${key} is passed through from the shell that runs compose` } : interpolate(raw.slice(eq + 1), spanOf(item, raw.length), interpolation));
      }
      for (const { key, keyNode, value } of entries(environment)) {
        const raw = scalarText(value);
        vars.set(key, raw === undefined ? { value: 'unknown', span: spanOf(keyNode, key.length), why: `${key} is passed through from the shell that runs compose` } : interpolate(raw, spanOf(keyNode, key.length), interpolation));
      }
      const build = get(def, 'build');
      const context = scalarText(build) ?? scalarText(get(build, 'context'));
      const codeDirs: string[] = [];
      if (context && !/^[a-z]+:\/\//i.test(context)) codeDirs.push(path.resolve(dir, context));
      for (const volume of items(get(def, 'volumes'))) {
        const spec = scalarText(volume) ?? scalarText(get(volume, 'source'));
        const host = spec?.split(':')[0];
        if (host && /^\.{1,2}(?:\/|$)/.test(host)) codeDirs.push(path.resolve(dir, host));
      }
      const ports = items(get(def, 'ports')).map((p) => portPair(scalarText(p) ?? '', scalarText(get(p, 'published')), scalarText(get(p, 'target'))));
      const expose = items(get(def, 'expose')).map((p) => Number.parseInt(scalarText(p) ?? '', 10)).filter((n) => Number.isInteger(n));
      // A service in profiles runs only with `--profile`: the profile names its environment.
      const profiles = items(get(def, 'profiles')).map((p) => scalarText(p)).filter((p): p is string => !!p);
      const envName = profiles.length ? profiles.join('/') : name;
      const aliases = [scalarText(get(def, 'hostname')), scalarText(get(def, 'container_name'))].filter((a): a is string => !!a);
      for (const { value: net } of entries(get(def, 'networks'))) for (const a of items(get(net, 'aliases'))) if (scalarText(a)) aliases.push(scalarText(a)!);
      for (const link of items(get(def, 'links'))) {
        const [target, alias] = (scalarText(link) ?? '').split(':');
        if (target && alias) (linkAliases.get(target) ?? linkAliases.set(target, []).get(target)!).push(alias);
      }
      sources.push({
        kind: 'compose',
        ...(aliases.length ? { aliases } : {}),
        name: envName === 'compose' ? `compose service ${service}` : `${envName} (compose service ${service})`,
        file,
        vars,
        codeDirs: codeDirs.length ? codeDirs : undefined,
        service,
        publishedPorts: ports.flatMap((p) => (p.host ? [p.host] : [])),
        containerPorts: [...ports.flatMap((p) => (p.container ? [p.container] : [])), ...expose],
      });
    }
  }
  for (const source of sources) {
    const more = linkAliases.get(source.service!);
    if (more) source.aliases = [...(source.aliases ?? []), ...more];
  }
  return { sources, diagnostics };
}

/** `8000`, `8000:8000`, `127.0.0.1:8080:80`, `8000:8000/tcp`, long syntax. */
function portPair(short: string, published?: string, target?: string): { host?: number; container?: number } {
  if (published || target) return { host: toPort(published), container: toPort(target) };
  const parts = short.replace(/\/\w+$/, '').split(':');
  if (parts.length === 1) return { container: toPort(parts[0]) };
  return { host: toPort(parts[parts.length - 2]), container: toPort(parts[parts.length - 1]) };
}

function toPort(text: string | undefined): number | undefined {
  const n = Number.parseInt(text ?? '', 10);
  return Number.isInteger(n) && String(n) === text?.trim() ? n : undefined;
}

/** Compose interpolation: `$$` is a literal `$`; `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `$VAR`. */
export function interpolate(raw: string, span: Span, env: Map<string, EnvSetting>): EnvSetting {
  let unknown: string | undefined;
  const value = raw.replace(/\$\$|\$\{([A-Za-z_]\w*)(?:(:?[-?+])([^}]*))?\}|\$([A-Za-z_]\w*)/g, (whole, braced?: string, op?: string, arg?: string, bare?: string) => {
    if (whole === '$$') return '$';
    const name = (braced ?? bare)!;
    const set = env.get(name);
    const isSet = set !== undefined && set.value !== 'unknown' && (op?.startsWith(':') ? set.value !== '' : true);
    if (op?.endsWith('-')) return isSet ? (set!.value as string) : arg ?? '';
    if (op?.endsWith('+')) return isSet ? arg ?? '' : '';
    if (isSet) return set!.value as string;
    unknown ??= `\${${name}} comes from the shell or .env of whoever runs compose`;
    return whole;
  });
  return unknown ? { value: 'unknown', span, why: unknown } : { value, span };
}
