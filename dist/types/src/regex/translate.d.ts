import type { RegexFlavor } from '../model/types.js';
export type Translation = {
    ok: true;
    source: string;
    flags: string;
} | {
    ok: false;
    reason: string;
};
export declare function translatePattern(pattern: string, flavor: RegexFlavor, ignoreCase: boolean, flags?: string): Translation;
