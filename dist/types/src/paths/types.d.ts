import type { CorsPolicy, ProxyRoute } from '../model/types.js';
export interface DeployedPath {
    route: ProxyRoute;
    /**
     * The application policies behind the proxy: the linked ones, or (when `linked` is false) every
     * application policy in the repository, as a guess the messages say is one.
     */
    apps: CorsPolicy[];
    /** How the link was made: `upstream api:8000 is compose service api (docker-compose.yml)`. */
    how: string;
    linked: boolean;
}
/** The layers of every linked path, for the path rules (RunSettings.paths). */
export interface PathContext {
    paths: DeployedPath[];
}
