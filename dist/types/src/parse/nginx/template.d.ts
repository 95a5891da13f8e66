/**
 * Template languages wrapped around nginx configs. Control statements are blanked out (replaced by
 * spaces, newlines kept, so every position stays where it was); value markers (`{{ x }}`, `<%= x %>`)
 * stay in the text and the tokenizer keeps each as one opaque word.
 */
export declare function looksTemplated(text: string): boolean;
export declare function blankTemplateStatements(text: string, isTemplateFile: boolean): string;
/** The template marker inside a word, if any. */
export declare function templateMarker(raw: string, isTemplateFile: boolean): string | undefined;
