import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { type Node } from './ast.js';
import type { JsModule } from './modules.js';
import type { Evaluator } from './values.js';
import type { Span } from '../../model/types.js';
export declare const ROUTE_METHODS: Set<string>;
/** `app.use(...)`, `router.get(path, ...)`: one registration on an Express-like app or router. */
export interface Registration {
    call: TSESTree.CallExpression;
    /** Identity of the app/router object (binding declaration position, or source text). */
    receiverKey: string;
    receiverName: string;
    /** 'use' or the lower-case route method. */
    method: string;
    /** The path as written: a string, `/regex/` for a RegExp, undefined when absent, '?' when unknown. */
    path?: string;
    pathIsRegex?: boolean;
    /** Arguments after the path (middleware and handlers). */
    handlers: Node[];
    span: Span;
    /** The receiver was created by express.Router() / Router() or is named like a router. */
    isRouter: boolean;
    /** `app.use([path,] router)`: the registration mounts a router (its routes answer here). */
    mountsRouter?: boolean;
}
/** Collects every use/route registration in a module, in source order. */
export declare function collectRegistrations(mod: JsModule, ev: Evaluator): Registration[];
export declare function receiverIdentity(node: Node, mod: JsModule, ev: Evaluator): {
    key: string;
    name: string;
    isRouter: boolean;
};
