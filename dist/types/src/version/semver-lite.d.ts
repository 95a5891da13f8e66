export declare function compareVersions(a: string, b: string): number;
export interface Range {
    min?: {
        v: string;
        inclusive: boolean;
    };
    max?: {
        v: string;
        inclusive: boolean;
    };
}
/** `==1.2`, `>=0.40.0,<1.0.0`, `>=0.46.0`. */
export declare function parseRange(spec: string): Range;
/** Boundaries (versions where behaviour changes) that fall strictly inside the range. */
export declare function boundariesInside(range: Range, boundaries: string[]): string[];
