import type { PolicyEnvironment, Span } from '../model/types.js';

/** One variable as a source sets it. `unknown`: set from somewhere the linter cannot see (shell, a Helm template). */
export interface EnvSetting {
  value: string | 'unknown';
  span: Span;
  why?: string;
}

/**
 * The variables one environment sets: a dotenv file, a compose service, a Kubernetes container, a
 * Helm values file. `appliesTo` says which code it configures.
 */
export interface EnvSource {
  kind: PolicyEnvironment['kind'];
  /** Environment name shown in findings: `production`, `compose`, `staging`. */
  name: string;
  /** Display path of the file that names the environment. */
  file: string;
  vars: Map<string, EnvSetting>;
  /**
   * Folders (absolute) whose code this source configures: a dotenv file's folder, a compose
   * service's build context and mounted folders. Absent: any code of the repository (an image-only
   * service, a Kubernetes container, Helm values).
   */
  codeDirs?: string[];
  /** compose: the service name (a frontend's API URL may use it as host). */
  service?: string;
  /** compose: host ports the service publishes (`8000:8000` -> 8000). */
  publishedPorts?: number[];
  /** compose: ports inside the container (`8000:8000` -> 8000, `expose`). */
  containerPorts?: number[];
  /** compose: other names other containers reach the service by (`links: ["api:api.net"]`, network aliases, hostname, container_name). */
  aliases?: string[];
}

/** Environment names that stand for production (the frontend rule reports them as errors). */
export function isProductionName(name: string): boolean {
  return /^(?:prod|production|live|release)$/i.test(name);
}

/** `.env.production` -> production, `docker-compose.prod.yml` -> prod, `values-staging.yaml` -> staging. */
export function environmentNameFromFile(base: string, fallback: string): string {
  const dotenv = /^\.env\.(.+)$/.exec(base) ?? /^(.+)\.env$/.exec(base);
  if (dotenv) return dotenv[1]!;
  if (base === '.env') return '.env';
  const compose = /^(?:docker-)?compose[.-](.+)\.ya?ml$/i.exec(base);
  if (compose) return compose[1]!;
  if (/^(?:docker-)?compose\.ya?ml$/i.test(base)) return fallback;
  const values = /^values[.-](.+)\.ya?ml$/i.exec(base);
  if (values) return values[1]!;
  return fallback;
}

/**
 * Whether a policy's environment is the one a frontend origin meets: development origins meet the
 * code's default and what a developer runs with (.env files, compose; not production, staging or
 * example values, nor Kubernetes or Helm, which are deployments); production origins meet production
 * environments.
 */
export function environmentFitsOrigin(environment: Pick<PolicyEnvironment, 'name' | 'kind'>, originEnvironment: string): boolean {
  const first = environment.name.split(/[ ,(]/)[0]!;
  if (isProductionName(originEnvironment)) return isProductionName(first);
  if (environment.kind === 'kubernetes' || environment.kind === 'helm') return false;
  return !isProductionName(first) && !/^(?:staging|stage|example|sample|template|test)$/i.test(first);
}
