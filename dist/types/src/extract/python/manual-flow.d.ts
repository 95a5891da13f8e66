import type { PreflightHandling, Span, Valued } from '../../model/types.js';
import type { PyNode } from '../../parse/python.js';
import type { ModuleLoader, PyModule } from './modules.js';
/** The function (or class) a hand-written header function belongs to, and how it is hooked in. */
export interface HeaderOwner {
    fn: PyNode;
    name?: string;
    /** The enclosing class when `fn` is a method. */
    cls?: PyNode;
}
export declare function ownerInfo(fn: PyNode): HeaderOwner;
/**
 * A function (or the class of a method) that nothing can call: defined at module level in the
 * module that creates the app, not decorated, its name not used anywhere else in that module, and
 * no other Python file of the scan spells it (so it is not imported and registered elsewhere
 * either). Its headers are never sent. Definitions in modules without an app may be registered by
 * the module that has it.
 */
export declare function neverRegistered(owner: HeaderOwner, mod: PyModule, loader: ModuleLoader): boolean;
/** Flask `after_request` hook shape: one parameter (the response), which it returns. */
export declare function isAfterRequestShape(fn: PyNode): boolean;
/**
 * What an OPTIONS preflight gets from a hand-written Starlette middleware:
 *  - an OPTIONS branch that returns a response before any CORS header is written: not-handled;
 *  - no OPTIONS branch at all, headers only on what call_next returns: the preflight reaches the
 *    router, which answers 405 Method Not Allowed for routes without OPTIONS: not-handled;
 *  - an OPTIONS branch that builds its own response and the CORS headers are then added: handled.
 * Other frameworks and shapes stay unknown.
 */
export declare function preflightOf(owner: HeaderOwner, mod: PyModule, corsWrites: Array<{
    span: Span;
    node: PyNode;
}>): Valued<PreflightHandling>;
