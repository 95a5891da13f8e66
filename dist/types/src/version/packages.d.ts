import type { Library } from '../model/types.js';
export type Ecosystem = 'python' | 'node';
export interface LibraryPackage {
    ecosystem: Ecosystem;
    /** Normalized package name (PEP 503 for Python: lowercase, runs of -_. as -). */
    name: string;
}
export declare const LIBRARY_PACKAGES: Partial<Record<Library, LibraryPackage>>;
export declare function normalizePythonName(name: string): string;
/**
 * The Starlette requirement of each FastAPI release where it changed, read from FastAPI's own
 * pyproject.toml at each release tag (0.10.0 … 0.141). `>=` lower bound, `<`/`<=` upper bound.
 */
export declare const FASTAPI_STARLETTE: Array<{
    fastapi: string;
    starlette: string;
}>;
/** Starlette releases where CORSMiddleware behaviour changed (see src/simulate/responders/starlette.ts). */
export declare const STARLETTE_BEHAVIOUR_CHANGES: string[];
/** Releases where a library's CORS behaviour changed, as the simulator models it (src/simulate/responders). */
export declare const BEHAVIOUR_CHANGES: Partial<Record<Library, string[]>>;
