export interface CheckIo {
    cwd: string;
    stdout: (text: string) => void;
    stderr: (text: string) => void;
}
export declare function checkMain(argv: string[], io: CheckIo): Promise<number>;
