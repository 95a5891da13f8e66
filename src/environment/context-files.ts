// The repository files that describe environments and frontends, selected by name in one walk of the
// scan root. Nothing is read here: callers read lazily, and only what they need (see README,
// "Environments and frontends"). .gitignore is not applied: .env files are usually ignored by git
// and are exactly what a developer runs with; dependency and build folders are skipped.
import { baseIgnoreRules } from '../discover/discover.js';
import { walk } from '../discover/walk.js';

export type ContextKind = 'dotenv' | 'compose' | 'helm-values' | 'yaml' | 'package-json' | 'frontend-config';

export interface ContextFile {
  absPath: string;
  kind: ContextKind;
}

const DOTENV = /^\.env(?:\.[\w.-]+)?$|^[\w.-]+\.env$/;
const COMPOSE = /^(?:docker-)?compose(?:[.-][\w.-]+)?\.ya?ml$/i;
const HELM_VALUES = /^values(?:[.-][\w.-]+)?\.ya?ml$/i;
const YAML = /\.ya?ml$/i;
const FRONTEND_CONFIG = /^(?:vite|vue|svelte|nuxt|next)\.config\.[cm]?[jt]s$|^angular\.json$|^proxy\.conf(?:\.[\w-]+)?\.json$|^setupProxy\.[jt]s$|^environment(?:\.[\w-]+)?\.ts$/;
/** YAML that is never an environment: lockfiles, CI, linters, OpenAPI. */
const NOT_ENV_YAML = /^(?:pnpm-lock|\.pre-commit|\.gitlab-ci|mkdocs|openapi|swagger|\.golangci|\.eslintrc|\.prettierrc|codecov|dependabot|renovate)/i;

export function kindOf(base: string): ContextKind | undefined {
  if (DOTENV.test(base)) return 'dotenv';
  if (base === 'package.json') return 'package-json';
  if (FRONTEND_CONFIG.test(base)) return 'frontend-config';
  if (COMPOSE.test(base)) return 'compose';
  if (HELM_VALUES.test(base)) return 'helm-values';
  if (YAML.test(base) && !NOT_ENV_YAML.test(base)) return 'yaml';
  return undefined;
}

/** CI workflows are YAML with `env:` blocks that describe no running application. */
export function isContextFolder(rel: string): boolean {
  return !/(?:^|\/)\.github(?:\/|$)/.test(rel);
}

/**
 * The context files below `root`, for runs whose discovery did not walk the whole root (files named
 * on the command line). A whole-root run collects them during discovery instead (DiscoverOptions.context).
 */
export function contextFiles(root: string, extraIgnores: readonly string[] = []): ContextFile[] {
  const rules = baseIgnoreRules(extraIgnores);
  const out: ContextFile[] = [];
  for (const entry of walk(root, {
    skipDir: (rel) => rules.ignoresSelf(rel, true) || !isContextFolder(rel),
    want: (name, dir) => (rules.ignoresSelf(dir ? `${dir}/${name}` : name, false) ? undefined : kindOf(name)),
  })) {
    if (entry.symlink) continue;
    out.push({ absPath: entry.absPath, kind: entry.tag });
  }
  return out;
}
