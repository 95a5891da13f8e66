export type Ecosystem = 'python' | 'node';
/** PEP 440 comparison; an unparsable version sorts first. */
export declare function comparePython(a: string, b: string): number;
/** The exact version a specifier pins (`==1.2.3`, `===1.2.3`), or undefined for ranges and wildcards. */
export declare function exactPythonPin(spec: string): string | undefined;
/**
 * Poetry writes `^1.2` and `~1.2` with npm's meaning and a bare `1.2.3` as an exact pin: its
 * specifier as PEP 440 (`^0.27` -> `>=0.27.0,<0.28.0`). PEP 440 specifiers pass through.
 */
export declare function poetryToPep440(spec: string): string;
/**
 * The version whose behaviour applies to every version a specifier allows, when they all fall between
 * the same two behaviour boundaries; undefined when the range spans a boundary (or allows nothing).
 */
export declare function behaviourVersion(spec: string, boundaries: string[], ecosystem: Ecosystem): string | undefined;
/** The lowest version an npm range allows (package.json `"cors": "^2.8.5"` -> 2.8.5). */
export declare function npmMinVersion(range: string): string | undefined;
