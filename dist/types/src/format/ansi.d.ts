/** Minimal ANSI styling; a no-op when colour is off. */
export declare function palette(color: boolean): {
    red: (s: string) => string;
    yellow: (s: string) => string;
    cyan: (s: string) => string;
    dim: (s: string) => string;
    bold: (s: string) => string;
    underline: (s: string) => string;
};
