import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { CorsPolicy } from '../../../model/types.js';
import type { JsModule } from '../modules.js';
import type { Evaluator } from '../values.js';
export declare function apolloServerPolicy(node: TSESTree.NewExpression, mod: JsModule, ev: Evaluator): CorsPolicy | undefined;
