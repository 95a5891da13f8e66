import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { CorsPolicy } from '../../../model/types.js';
import type { JsModule } from '../modules.js';
import type { PackageVersions } from '../package-versions.js';
import type { Evaluator } from '../values.js';
/** The policy a socket.io server construction produces, or undefined when it is none or sends no CORS headers. */
export declare function socketIoPolicy(node: TSESTree.CallExpression | TSESTree.NewExpression, mod: JsModule, ev: Evaluator, versions: PackageVersions): CorsPolicy | undefined;
