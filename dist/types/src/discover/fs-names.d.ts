/** A directory entry's name as a string: the name itself, or its `\xNN`-escaped form when it is not UTF-8. */
export declare function decodeName(raw: Buffer): {
    name: string;
    exact: boolean;
};
/** Remember the real bytes of a path whose string form is escaped. */
export declare function rememberRawPath(display: string, raw: Buffer): void;
/** The path to hand to `fs`: the remembered bytes for escaped names, else the string. */
export declare function fsPath(absPath: string): string | Buffer;
/** The bytes of a child of `dir` (a string or bytes path) named by raw bytes. */
export declare function joinRaw(dir: string | Buffer, name: Buffer): Buffer;
