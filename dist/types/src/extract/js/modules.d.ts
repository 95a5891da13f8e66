import type { Project } from '../scanner.js';
import type { Diagnostic } from '../../model/types.js';
import { type JsProgram } from '../../parse/js.js';
import { Scopes } from './scope.js';
/** One parsed JavaScript/TypeScript file with its scopes. */
export interface JsModule {
    absPath: string;
    /** Display path (Span.file). */
    path: string;
    text: string;
    program: JsProgram;
    scopes: Scopes;
}
/**
 * Parses files once and follows same-repository imports (`./config`, `../lib/cors.js`) through
 * Project.readText, which never leaves the scan root. Parse failures are cached too.
 */
export declare class ModuleLoader {
    readonly project: Project;
    private readonly cache;
    readonly diagnostics: Diagnostic[];
    private readonly compilerPaths;
    constructor(project: Project);
    /**
     * A bare specifier that tsconfig/jsconfig `paths` or `baseUrl` maps into the repository
     * (`@/config`, `src/config/cors`), or undefined when it names a package.
     */
    resolveAlias(from: JsModule, specifier: string): JsModule | undefined;
    private compilerPathsFor;
    /** A file handed to the scanner (its text is already read). */
    load(absPath: string, displayPath: string, text: string): JsModule | Diagnostic;
    /** The module a relative specifier names, or a reason it cannot be followed. */
    resolve(from: JsModule, specifier: string): JsModule | {
        error: string;
    };
}
