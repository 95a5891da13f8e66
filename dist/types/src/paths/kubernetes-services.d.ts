import type { ContextFile } from '../environment/context-files.js';
export interface KubeService {
    name: string;
    namespace?: string;
    /** Service port (number or name) -> the port the pods listen on, when stated as a number. */
    ports: Array<{
        port?: number;
        name?: string;
        targetPort?: number | string;
    }>;
    selector: Record<string, string>;
    file: string;
}
interface Workload {
    labels: Record<string, string>;
    containerPorts: Array<{
        name?: string;
        port: number;
    }>;
}
export interface KubeIndex {
    services: KubeService[];
    workloads: Workload[];
}
export declare function readKubeIndex(files: readonly ContextFile[], io: {
    readText(abs: string): string | undefined;
    display(abs: string): string;
}): KubeIndex;
/** The port the pods behind `service:port` listen on, with how that was found; undefined when the repository does not say. */
export declare function podPort(index: KubeIndex, service: string, port: number | string | undefined): {
    port: number;
    how: string;
} | undefined;
export {};
