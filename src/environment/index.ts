// The repository around the CORS code: environment sources for env-driven policies and the frontends
// that call them. lint() calls repositoryContext() once, after the scanners and before the rules.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { internalError } from '../model/diagnostics.js';
import type { CorsPolicy, Diagnostic, Finding } from '../model/types.js';
import { detectFrontends } from '../frontend/detect.js';
import { linkFrontends } from '../frontend/link.js';
import type { FrontendContext } from '../frontend/types.js';
import type { DeployedPath } from '../paths/types.js';
import { attachEnvironments, environmentVariants, policyVariables, variableOf } from './apply.js';
import { contextFiles, type ContextFile } from './context-files.js';
import { readEnvSources } from './sources.js';
import type { EnvSource } from './types.js';

export interface ContextProject {
  root: string;
  readText(absPath: string): { text: string } | { error: string };
  displayPath(absPath: string): string;
  linesOf(displayPath: string): string[] | undefined;
}

export interface RepositoryContext {
  /** The policies plus their per-environment copies: what the rules run on. */
  policies: CorsPolicy[];
  diagnostics: Diagnostic[];
  /** Run settings for the rules (the frontend rule reads `frontends`). */
  settings: { frontends?: FrontendContext };
  /** Findings on per-environment copies: named after the environment, pointed at the base policy, with the setting as related location; repeats of the default's findings dropped. */
  annotate(findings: Finding[]): Finding[];
}

type ContextOptions = {
  cwd: string;
  ignore?: string[];
  codeFiles?: readonly string[];
  /** The context files, when discovery already listed them while walking the whole root. */
  files?: readonly ContextFile[];
  /** Proxy routes linked to applications (src/paths): a frontend calling a proxy reaches the apps behind it. */
  paths?: readonly DeployedPath[];
  /** The compose services the paths were linked with (every service, whatever variables the policies read). */
  compose?: readonly EnvSource[];
};

/**
 * A failure here costs the environments and frontends, never the policies' own findings: it is one
 * internal-error diagnostic and the rules run on the policies as found.
 */
export function repositoryContext(policies: CorsPolicy[], project: ContextProject, options: ContextOptions): RepositoryContext {
  try {
    return buildContext(policies, project, options);
  } catch (error) {
    for (const p of policies) delete p.environments;
    return { policies, diagnostics: [internalError('.', 'reading environments and frontends', error, true)], settings: {}, annotate: (f) => f };
  }
}

function buildContext(policies: CorsPolicy[], project: ContextProject, options: ContextOptions): RepositoryContext {
  const diagnostics: Diagnostic[] = [];
  if (!policies.length) return { policies, diagnostics, settings: {}, annotate: (f) => f };
  const files: ContextFile[] = options.files ? [...options.files] : contextFiles(project.root, options.ignore);
  const readText = (abs: string) => {
    const read = project.readText(abs);
    return 'text' in read ? read.text : undefined;
  };
  const absPath = (display: string) => path.resolve(options.cwd, display);
  const variables = [...new Set(policies.flatMap((p) => [...policyVariables(p), variableOf(p.credentials)]).filter((v): v is string => !!v))];
  const env = readEnvSources(files, variables, { readText, display: project.displayPath });
  diagnostics.push(...env.diagnostics);
  attachEnvironments(policies, env.sources, { lines: project.linesOf, absPath });

  const frontends = detectFrontends(files, { readText, display: project.displayPath, diagnostics, codeFiles: options.codeFiles });
  const links = frontends.length ? linkFrontends(frontends, policies, options.paths?.length ? (options.compose ?? []) : (env.sources as EnvSource[]), { readText, absPath, root: project.root }, options.paths) : [];

  const variants = policies.flatMap((p) => environmentVariants(p));
  const all = [...policies, ...variants];
  const baseIndex = (i: number) => (i < policies.length ? i : policies.findIndex((p) => p.span === all[i]!.span));
  return {
    policies: all,
    diagnostics,
    settings: { frontends: { frontends, links } },
    annotate(findings) {
      const fromBase = new Set(findings.filter((f) => f.policyIndex === undefined || f.policyIndex < policies.length).map((f) => key(f)));
      return findings.flatMap((f) => {
        if (f.policyIndex === undefined || f.policyIndex < policies.length) return [f];
        if (fromBase.has(key(f))) return [];
        const envPolicy = all[f.policyIndex]!;
        const envInfo = envPolicy.environment!;
        const set = envInfo.settings.map((s) => `${s.variable}=${s.value === 'unknown' ? '(unknown)' : JSON.stringify(s.value)} at ${s.span.file}:${s.span.line}`).join(', ');
        const alreadyNamed = f.message.includes(`environment ${envInfo.name}`);
        return [{
          ...f,
          message: alreadyNamed ? f.message : `${f.message} [environment ${envInfo.name}: ${set}]`,
          policyIndex: baseIndex(f.policyIndex),
          // The same offending value in two environments is two findings (baselines, SARIF alerts).
          fingerprint: f.fingerprint && createHash('sha256').update(`${f.fingerprint}\u0000${envInfo.name}`).digest('hex').slice(0, 32),
          relatedLocations: [...(f.relatedLocations ?? []), ...envInfo.settings.map((s) => ({ span: s.span, message: `${s.variable} set for environment ${envInfo.name}` }))],
        }];
      });
    },
  };
}

function key(f: Finding): string {
  const l = f.location;
  return [f.ruleId, l.file, l.line, l.column, f.message].join('\u0000');
}

export { environmentVariants } from './apply.js';
