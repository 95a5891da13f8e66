/**
 * Parses a fixed file with the parser cors-lint scanned it with (tree-sitter Python, typescript-estree,
 * the nginx parser): the first syntax error as "line:column message", or undefined when it parses.
 */
export declare function syntaxError(file: string, text: string, language?: import("../index.js").Language): Promise<string | undefined>;
