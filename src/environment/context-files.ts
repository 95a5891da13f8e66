// The repository files that describe environments and frontends, selected by name in one walk of the
// scan root. Nothing is read here: callers read lazily, and only what they need (see README,
// "Environments and frontends"). .gitignore is not applied: .env files are usually ignored by git
// and are exactly what a developer runs with; dependency and build folders are skipped.
import { discover } from '../discover/discover.js';

export type ContextKind = 'dotenv' | 'compose' | 'helm-values' | 'yaml' | 'toml' | 'package-json' | 'frontend-config';

export interface ContextFile {
  absPath: string;
  kind: ContextKind;
}

const DOTENV = /^\.env(?:\.[\w.-]+)?$|^[\w.-]+\.env$/;
const COMPOSE = /^(?:docker-)?compose(?:[.-][\w.-]+)?\.ya?ml$/i;
const HELM_VALUES = /^values(?:[.-][\w.-]+)?\.ya?ml$/i;
const YAML = /\.ya?ml$/i;
/** TOML that may be Traefik configuration (its file provider); never a package manifest or lockfile. */
const TOML = /\.toml$/i;
const NOT_PROXY_TOML = /^(?:pyproject|Cargo|poetry|uv|netlify|rustfmt|clippy|deny|taplo|ruff|\.ruff|mypy|pytest|setup|Pipfile|wrangler|fly|samconfig|config\.rust|rust-toolchain|\.cargo)/i;
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
  if (TOML.test(base) && !NOT_PROXY_TOML.test(base)) return 'toml';
  return undefined;
}

/** CI workflows are YAML with `env:` blocks that describe no running application. */
export function isContextFolder(rel: string): boolean {
  return !/(?:^|\/)\.github(?:\/|$)/.test(rel);
}

/**
 * The context files below `root`, for runs whose discovery did not walk the whole root (files named
 * on the command line): the same discovery walk a whole-root run makes (DiscoverOptions.context).
 */
export function contextFiles(root: string, extraIgnores: readonly string[] = []): ContextFile[] {
  const found = discover([root], { cwd: root, root, ignore: [...extraIgnores], context: { kindOf, inFolder: isContextFolder } }).context;
  return found as ContextFile[];
}
