/** Edit distance with adjacent transpositions (optimal string alignment), case-insensitive. */
export declare function editDistance(a: string, b: string): number;
/**
 * The real option `name` most likely stands for: a known alias first, then the closest spelling
 * within a small edit budget. Undefined when nothing is close (then it is not a misspelling).
 */
export declare function nearestOption(name: string, real: readonly string[], aliases?: Readonly<Record<string, string>>): string | undefined;
