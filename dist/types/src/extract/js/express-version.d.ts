import type { Project } from '../scanner.js';
/**
 * The Express major version declared by the nearest package.json (dependencies,
 * devDependencies, peerDependencies), read through the project (never outside the root).
 */
export declare class ExpressVersions {
    private readonly project;
    private readonly byDir;
    constructor(project: Project);
    majorFor(absFile: string): {
        major?: number;
        file?: string;
    };
    private lookup;
}
