// The Traefik reader: headers middlewares with CORS options, and the routers that use them, from
// docker compose labels, the file provider (YAML, TOML) and Kubernetes CRDs. Semantics from Traefik
// v3.7 (see policy.ts); the simulator is src/simulate/responders/traefik.ts.
import type { ContextFile } from '../../environment/context-files.js';
import type { CorsPolicy, Diagnostic } from '../../model/types.js';
import { get, parseYaml } from '../../parse/yaml.js';
import type { ProxyReader, ProxyReading } from '../types.js';
import { emptyConfig, type MiddlewareDef, type TraefikConfig } from './config.js';
import { isTraefikObject, readCrd } from './crd.js';
import { readFileProvider } from './file-provider.js';
import { readComposeLabels } from './labels.js';
import { policyOf } from './policy.js';
import { buildRoutes } from './routes.js';
import { tomlTree, yamlTree } from './tree.js';
import { traefikImageVersion } from './versions.js';

/** Any Traefik CORS at all: an accessControl* option or an Access-Control-* custom response header. */
const MENTIONS_CORS = /access-?control/i;
/** Files that may hold Traefik routers, middlewares or services. */
const MENTIONS_TRAEFIK = /access-?control|traefik|\brouters\b/i;

export const readTraefik: ProxyReader = (files, context) => {
  const texts: Array<{ file: ContextFile; text: string }> = [];
  let cors = false;
  for (const file of files) {
    if (file.kind !== 'compose' && file.kind !== 'yaml' && file.kind !== 'toml') continue;
    const text = context.readText(file.absPath);
    if (text === undefined || !MENTIONS_TRAEFIK.test(text)) continue;
    texts.push({ file, text });
    cors ||= MENTIONS_CORS.test(text);
  }
  const out: ProxyReading = { policies: [], routes: [] };
  if (!cors) return out;

  const config: TraefikConfig = emptyConfig();
  for (const { file, text } of texts) {
    const display = context.display(file.absPath);
    const diagnostic = readFile(file, display, text, config, context);
    if (diagnostic && MENTIONS_CORS.test(text) && !context.diagnostics.some((d) => d.file === display && d.kind === 'parse-error')) context.diagnostics.push(diagnostic);
  }

  // The Traefik release the repository runs (its image tag), which decides some CORS answers (versions.ts).
  const images = texts.flatMap(({ file, text }) => (file.kind === 'toml' ? [] : imageVersions(text, context.display(file.absPath))));
  const policies = new Map<MiddlewareDef, CorsPolicy>();
  for (const mw of config.middlewares) {
    if (mw.rejected) continue;
    const policy = policyOf(mw);
    if (!policy) continue;
    if (images.length) {
      policy.libraryVersion = images[0]!.version;
      policy.libraryVersionSource = images[0]!.source;
      const others = [...new Set(images.slice(1).map((i) => i.version))].filter((v) => v !== images[0]!.version);
      if (others.length) policy.notes = [...(policy.notes ?? []), `the repository also runs Traefik ${others.join(', ')}; the first image found is assumed`];
    }
    policies.set(mw, policy);
    out.policies.push(policy);
  }
  out.routes.push(...buildRoutes(config, policies));
  return out;
};

/** `image: traefik:v3.1` lines (compose services, Kubernetes containers). */
function imageVersions(text: string, display: string): Array<{ version: string; source: string }> {
  const out: Array<{ version: string; source: string }> = [];
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    const m = /^\s*(?:-\s*)?image:\s*["']?([^\s"'#]+)/.exec(line);
    const version = m ? traefikImageVersion(m[1]!) : undefined;
    if (version) out.push({ version, source: `${display}:${i + 1} (image ${m![1]})` });
  });
  return out;
}

function readFile(file: ContextFile, display: string, text: string, config: TraefikConfig, context: Parameters<ProxyReader>[1]): Diagnostic | undefined {
  if (file.kind === 'toml') {
    const parsed = tomlTree(display, text);
    if (!parsed.ok) return { kind: 'parse-error', file: display, line: parsed.line, column: parsed.column, message: `invalid TOML: ${parsed.message}` };
    readFileProvider(parsed.root, config);
    return undefined;
  }
  const yaml = parseYaml(text);
  if (yaml.error) {
    // Helm chart templates are not YAML until rendered.
    if (text.includes('{{')) return undefined;
    return { kind: 'parse-error', file: display, line: yaml.error.line, column: yaml.error.column, message: `invalid YAML: ${yaml.error.message}` };
  }
  const src = { file: display, text, yaml };
  if (file.kind === 'compose' || yaml.docs.some((doc) => get(doc, 'services') && !get(doc, 'apiVersion'))) {
    readComposeLabels(src, { absPath: file.absPath, readText: context.readText, display: context.display }, config);
  }
  for (const doc of yaml.docs) {
    const tree = yamlTree(src, doc);
    if (!tree) continue;
    if (isTraefikObject(tree)) readCrd(tree, config);
    else if (file.kind !== 'compose') readFileProvider(tree, config);
  }
  return undefined;
}
