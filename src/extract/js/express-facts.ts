import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { CorsPolicy } from '../../model/types.js';
import type { Node } from './ast.js';
import type { PackageVersions } from './package-versions.js';
import type { JsModule } from './modules.js';
import type { Registration } from './registrations.js';

/** One npm cors middleware and where it is mounted. */
export interface CorsUse {
  factory: TSESTree.CallExpression;
  policy: CorsPolicy;
  registrations: Registration[];
}

const NEEDS_PREFLIGHT = new Set(['put', 'patch', 'delete', 'del']);

/**
 * Facts about where cors() is mounted on an Express app (the rules judge them):
 * - routes registered on the same app before a global `app.use(cors())` (not covered by it);
 * - route-level cors() on a route whose requests need a preflight, with no OPTIONS handler that
 *   runs cors for that path and no app-wide cors;
 * - Express 5 `app.options('*', cors())`, which the router rejects when the app starts.
 */
export function applyExpressFacts(mod: JsModule, registrations: Registration[], uses: CorsUse[], versions: PackageVersions): void {
  const corsRegs = new Set<Registration>(uses.flatMap((u) => u.registrations));
  const express = versions.majorFor(mod.absPath);
  for (const use of uses) {
    const { policy } = use;
    const notes = policy.notes ?? [];
    for (const reg of use.registrations) {
      if (reg.method === 'use' && !reg.pathIsRegex && reg.path !== '?') {
        const prefix = !reg.path || reg.path === '/' ? undefined : reg.path.replace(/\/+$/, '');
        const before = registrations.filter(
          (r) =>
            r.receiverKey === reg.receiverKey &&
            (r.method !== 'use' || r.mountsRouter === true) &&
            r.call.range[0] < reg.call.range[0] &&
            !corsRegs.has(r) &&
            !isInside(r.call, reg.call) &&
            (prefix === undefined || (r.path !== undefined && (r.path === prefix || r.path.startsWith(`${prefix}/`)))),
        );
        if (before.length) {
          policy.order = {
            ...policy.order,
            // A mounted router is listed as method USE with its mount path.
            routesBefore: before.map((r) => ({ method: r.method.toUpperCase(), path: r.path ?? '/', span: r.span })),
          };
        }
      }
      const rejected = express5Rejects(reg);
      if (rejected) {
        const what = `${reg.receiverName}.${reg.method}('${reg.path}', ...)`;
        if (express.major !== undefined && express.major >= 5) {
          const why = `Express ${express.major} (declared in ${express.file}) rejects the path '${reg.path}' when the app starts (path-to-regexp 8: ${rejected}), so ${what} never runs; use '/{*path}' (or app.use(cors()))`;
          if (reg.method === 'options') policy.preflight = { value: 'not-handled', span: reg.span, why };
          else notes.push(why);
        } else if (express.major === undefined) {
          notes.push(`${what}: Express 5 rejects this path at start-up (path-to-regexp 8: ${rejected}); the Express version is not known here`);
        }
      }
    }
    const routeRegs = use.registrations.filter((r) => r.method !== 'use' && r.method !== 'options' && r.method !== 'all');
    const customHeaders = policy.allowHeaders.isDefault !== true && Array.isArray(policy.allowHeaders.value) && policy.allowHeaders.value.length > 0;
    for (const route of routeRegs) {
      if (!NEEDS_PREFLIGHT.has(route.method) && !customHeaders) continue;
      if (preflightCovered(route, registrations, corsRegs)) continue;
      if (route.isRouter) {
        // The router's OPTIONS may be answered by an app-wide cors() of the app it is mounted on.
        const appWide = registrations.some((r) => corsRegs.has(r) && r.method === 'use' && (!r.path || r.path === '/') && !r.isRouter);
        if (appWide) continue;
        const mountedHere = registrations.some((r) => r.mountsRouter && r.handlers.some((h) => h.type === 'Identifier' && route.receiverKey.startsWith(`${h.name}@`)));
        if (!mountedHere) {
          notes.push(`cors() runs only on ${route.receiverName}.${route.method} ${route.path ?? ''}: whether its OPTIONS preflight reaches a cors() depends on where ${route.receiverName} is mounted, which is not in this file`);
          break;
        }
      }
      policy.preflight = {
        value: 'not-handled',
        span: route.span,
        why: `cors() runs only on ${route.method.toUpperCase()} ${route.path ?? ''}; the browser's OPTIONS preflight for it reaches no cors() (no matching ${route.receiverName}.options(...) and no ${route.receiverName}.use(cors())), so Express answers it without CORS headers and the ${route.method.toUpperCase()} request is never sent`,
      };
      break;
    }
    if (notes.length) policy.notes = notes;
  }
}

function isInside(inner: Node, outer: Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}

/**
 * Why Express 5 (router 2, path-to-regexp 8) refuses a string path at registration, or undefined:
 * a `*` without a parameter name, and the reserved characters ( ) [ ] ? + ! (checked against Express 5.3).
 */
export function express5Rejects(reg: Registration): string | undefined {
  const path = reg.path;
  if (path === undefined || path === '?' || reg.pathIsRegex) return undefined;
  if (/\*(?![A-Za-z0-9_$])/.test(path)) return "'*' needs a parameter name (\"Missing parameter name\")";
  const reserved = /[()[\]?+!]/.exec(path);
  if (reserved) return `'${reserved[0]}' is reserved ("Unexpected ${reserved[0]}")`;
  return undefined;
}

/** Is there a cors() that runs for OPTIONS on this route's path? */
function preflightCovered(route: Registration, registrations: Registration[], corsRegs: Set<Registration>): boolean {
  return registrations.some((r) => {
    if (r.receiverKey !== route.receiverKey || !corsRegs.has(r)) return false;
    if (r.method === 'use') return !r.path || r.path === '/' || (route.path !== undefined && route.path.startsWith(r.path));
    if (r.method !== 'options' && r.method !== 'all') return false;
    return pathCovers(r, route.path);
  });
}

function pathCovers(handler: Registration, path: string | undefined): boolean {
  const written = handler.path;
  if (written === undefined || written === '?') return false;
  if (handler.pathIsRegex) {
    const m = /^\/(.*)\/([a-z]*)$/s.exec(written);
    if (!m) return false;
    if (m[1] === '.*' || m[1] === '.+' || m[1] === '^.*$') return true;
    if (path === undefined) return false;
    try {
      return new RegExp(m[1]!, m[2]!.replace(/[gy]/g, '')).test(path);
    } catch {
      return false;
    }
  }
  if (written === path) return true;
  // '*' (Express 4), '/*', '*splat', '/{*splat}', '/(.*)'
  return written === '*' || /^\/?\*\w*$/.test(written) || /^\/?\{\/?\*\w+\}$/.test(written) || written === '/(.*)';
}

