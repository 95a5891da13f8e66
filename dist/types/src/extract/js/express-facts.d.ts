import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { CorsPolicy } from '../../model/types.js';
import type { PackageVersions } from './package-versions.js';
import type { JsModule } from './modules.js';
import type { Registration } from './registrations.js';
/** One npm cors middleware and where it is mounted. */
export interface CorsUse {
    factory: TSESTree.CallExpression;
    policy: CorsPolicy;
    registrations: Registration[];
}
/**
 * Facts about where cors() is mounted on an Express app (the rules judge them):
 * - routes registered on the same app before a global `app.use(cors())` (not covered by it);
 * - route-level cors() on a route whose requests need a preflight, with no OPTIONS handler that
 *   runs cors for that path and no app-wide cors;
 * - Express 5 `app.options('*', cors())`, which the router rejects when the app starts.
 */
export declare function applyExpressFacts(mod: JsModule, registrations: Registration[], uses: CorsUse[], versions: PackageVersions): void;
/**
 * Why Express 5 (router 2, path-to-regexp 8) refuses a string path at registration, or undefined:
 * a `*` without a parameter name, and the reserved characters ( ) [ ] ? + ! (checked against Express 5.3).
 */
export declare function express5Rejects(reg: Registration): string | undefined;
