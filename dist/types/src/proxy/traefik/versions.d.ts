/**
 * Whether a Traefik version (an image tag: `3.7.6`, `v3.6`, `3`, absent = the newest release) has the
 * 2026 CORS changes. A tag without a patch number pulls that line's newest patch.
 */
export declare function traefikHasCorsWildcardFix(version: string | undefined): boolean;
/** The Traefik version an image reference pins (`traefik:v3.1.4`, `docker.io/library/traefik:3.6`), or undefined. */
export declare function traefikImageVersion(image: string): string | undefined;
