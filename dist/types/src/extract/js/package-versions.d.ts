import type { Project } from '../scanner.js';
/** A dependency as the nearest package.json declares it. */
export interface DeclaredDependency {
    /** The version range as written ("^5.1.0"). */
    range: string;
    /** Its first number, when it has one. */
    major?: number;
    /** Display path of the package.json. */
    file: string;
}
/**
 * Versions of the CORS libraries and Express declared by the nearest package.json that names them
 * (walking up from the file, never above the scan root), read through the project.
 */
export declare class PackageVersions {
    private readonly project;
    private readonly manifests;
    private readonly found;
    constructor(project: Project);
    dependency(absFile: string, name: string): DeclaredDependency | undefined;
    /** The Express major version, when declared. */
    majorFor(absFile: string): {
        major?: number;
        file?: string;
    };
    private lookup;
    private manifest;
}
