import type { RegexFlavor } from '../model/types.js';
export type Translation = {
    ok: true;
    source: string;
    flags: string;
}
/** `invalid`: the dialect itself rejects the pattern; otherwise it has no faithful translation. */
 | {
    ok: false;
    reason: string;
    invalid?: boolean;
};
export declare function translatePattern(pattern: string, flavor: RegexFlavor, ignoreCase: boolean, flags?: string): Translation;
