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
export declare function isProductionName(name: string): boolean;
/** `.env.production` -> production, `docker-compose.prod.yml` -> prod, `values-staging.yaml` -> staging. */
export declare function environmentNameFromFile(base: string, fallback: string): string;
/**
 * Whether a policy's environment is the one a frontend origin meets: development origins meet the
 * code's default and what a developer runs with (.env files, compose; not production, staging or
 * example values, nor Kubernetes or Helm, which are deployments); production origins meet production
 * environments.
 */
export declare function environmentFitsOrigin(environment: Pick<PolicyEnvironment, 'name' | 'kind'>, originEnvironment: string): boolean;
