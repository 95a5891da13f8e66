import type { ProxyRoute, CorsPolicy, Span } from '../model/types.js';
export type FrontendFramework = 'vite' | 'next' | 'cra' | 'angular' | 'vue-cli' | 'sveltekit' | 'nuxt';
export declare const FRAMEWORK_LABEL: Record<FrontendFramework, string>;
/** An origin the frontend's pages are served from. */
export interface FrontendOrigin {
    origin: string;
    /** `development` for the dev server; an environment name for a deployed URL the repository states. */
    environment: string;
    /** How it was found: "Vite's default port", "--port 3001 in the dev script". */
    how: string;
    span?: Span;
}
/** A base URL the frontend sends API requests to. */
export interface FrontendApiUrl {
    url: string;
    environment: string;
    how: string;
    span: Span;
}
/** A same-origin dev-server proxy: requests to `prefix` are forwarded to `target` by the dev server. */
export interface DevProxy {
    prefix: string;
    /** The forward target, or 'unknown' when it is computed. */
    target: string;
    how: string;
    span: Span;
}
export interface Frontend {
    framework: FrontendFramework;
    /** package.json `name`, else the folder. */
    name: string;
    /** Display path of the frontend's folder ('.' for the root). */
    dir: string;
    absDir: string;
    packageJson: Span;
    origins: FrontendOrigin[];
    apiUrls: FrontendApiUrl[];
    proxies: DevProxy[];
}
/** A frontend origin calling a backend policy through one API URL. */
export interface FrontendLink {
    frontend: Frontend;
    apiUrl: FrontendApiUrl;
    policy: CorsPolicy;
    /** How the API URL reaches the policy's code: "port 8000, published by compose service api". */
    how: string;
    /** Set when the dev server proxies the calls to the backend, so they are same-origin. */
    proxiedBy?: DevProxy;
    /** Set when the API URL reaches a proxy in front of the backend (nginx, an ingress): its route. */
    through?: ProxyRoute;
}
export interface FrontendContext {
    frontends: Frontend[];
    links: FrontendLink[];
}
