import { type Ecosystem } from './packages.js';
/** An exact version (lockfiles, `==` pins) or only a requirement spec (`>=0.40,<1.0`). */
export interface Pin {
    version?: string;
    spec?: string;
}
export interface ManifestKind {
    /** File name test. */
    matches(name: string): boolean;
    ecosystem: Ecosystem;
    /** Lockfiles record what is installed; they win over requirement files in the same folder. */
    lock: boolean;
    read(text: string): Map<string, Pin>;
}
/** A PEP 508 requirement (`starlette[full] (>=0.40,<1) ; python_version >= "3.8"`) -> name and specifier. */
export declare function parseRequirement(text: string): {
    name: string;
    spec: string;
} | undefined;
export declare const MANIFESTS: ManifestKind[];
