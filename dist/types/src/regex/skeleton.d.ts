import type { AST } from '@eslint-community/regexpp';
export type Part = {
    t: 'lit';
    s: string;
}
/** An unescaped `.` (any character) written where a literal dot was probably meant. */
 | {
    t: 'dot';
}
/** One character out of a set; `chars` = which printable ASCII characters it accepts. */
 | {
    t: 'one';
    chars: string;
}
/** A repetition of a set (`.*`, `[a-z0-9-]+`, `\w+`): stands for "any label(s)". */
 | {
    t: 'wild';
    chars: string;
    min: number;
};
export type Template = Part[];
/** The templates of a parsed pattern, plus whether some construct (backreference) was skipped. */
export declare function templatesOf(ast: AST.Pattern, flags: string): {
    templates: Template[];
    lossy: boolean;
};
/** The printable ASCII characters a single-character pattern accepts. */
export declare function acceptedChars(raw: string, flags: string): string;
/** The marker that stands for a wildcard in a rendered template. */
export declare const WILD = "\0";
export interface RenderChoice {
    /** Text for the wildcard with this index (in template order). */
    wild?: (index: number, part: Extract<Part, {
        t: 'wild';
    }>) => string;
    /** Text for the unescaped dot with this index; default '.'. */
    dot?: (index: number) => string;
}
/** Renders a template into a string; `one` parts take their most "ordinary" character. */
export declare function render(t: Template, choice?: RenderChoice): string;
export declare function representative(chars: string): string;
export declare function countParts(t: Template, kind: Part['t']): number;
/** True when every character of `text` is one the wildcard accepts. */
export declare function fits(part: Extract<Part, {
    t: 'wild';
}>, text: string): boolean;
