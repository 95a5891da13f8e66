// Which Traefik releases behave how, for the CORS options (read in traefik/traefik's history of
// pkg/middlewares/headers/header.go). Commits 9badb31 "Fix CORS Max-Age set to 0 by default" and
// f9d7900 "Fix CORS wildcard when allow-credentials is true" (released in v3.6.22 and v3.7.6,
// 2026-06-30; not in any v2.11) changed what the middleware sends:
// - before: `*` in accessControlAllowOriginList is sent as `*` even with credentials (browsers then
//   refuse every credentialed request); Access-Control-Max-Age is sent on every preflight, 0 when
//   unset; `*` in allow headers / methods is sent as written; preflights carry no Expose-Headers;
// - from then on: `*` with credentials answers with the request Origin; Max-Age only when set; `*`
//   headers / methods with credentials answer with what the preflight asks for; `*` expose headers
//   with credentials leave the header out.

/**
 * Whether a Traefik version (an image tag: `3.7.6`, `v3.6`, `3`, absent = the newest release) has the
 * 2026 CORS changes. A tag without a patch number pulls that line's newest patch.
 */
export function traefikHasCorsWildcardFix(version: string | undefined): boolean {
  if (!version) return true;
  const parts = version.replace(/^v/i, '').split('.').map((p) => Number.parseInt(p, 10));
  const [major, minor, patch] = parts;
  if (major === undefined || Number.isNaN(major)) return true;
  if (major !== 3) return major > 3;
  if (minor === undefined || Number.isNaN(minor)) return true;
  if (minor !== 6 && minor !== 7) return minor > 7;
  if (patch === undefined || Number.isNaN(patch)) return true;
  return minor === 7 ? patch >= 6 : patch >= 22;
}

/** The Traefik version an image reference pins (`traefik:v3.1.4`, `docker.io/library/traefik:3.6`), or undefined. */
export function traefikImageVersion(image: string): string | undefined {
  const m = /^(?:[\w.-]+(?::\d+)?\/)*traefik:v?(\d+(?:\.\d+){0,2})(?:[-@\s]|$)/i.exec(image.trim());
  return m?.[1];
}
