/**
 * Template languages wrapped around nginx configs. Control statements are blanked out (replaced by
 * spaces, newlines kept, so every position stays where it was); value markers (`{{ x }}`, `<%= x %>`)
 * stay in the text and the tokenizer keeps each as one opaque word.
 */

/** Jinja / Go-template / ERB statements and comments that produce no nginx text of their own. */
const STATEMENTS: RegExp[] = [
  /\{%[\s\S]*?%\}/g, // Jinja {% if %} {% endif %} {% for %}
  /\{#[\s\S]*?#\}/g, // Jinja comment
  /\{\{-?\s*(?:if|else|else if|end|range|with|define|template|block|break|continue)\b[^}]*?-?\}\}/g, // Go template actions
  /\{\{-?\s*\/\*[\s\S]*?\*\/\s*-?\}\}/g, // Go template comment
  /<%(?![=%])[\s\S]*?%>/g, // ERB statement (not <%= %>)
];

/** A line that holds nothing but one `{{ ... }}` marker inserts whole directives (Helm include/toYaml). */
const WHOLE_LINE_MARKER = /^[ \t]*\{\{[^\n]*?\}\}[ \t]*$/gm;

export function looksTemplated(text: string): boolean {
  return /\{\{|\{%|<%/.test(text);
}

export function blankTemplateStatements(text: string, isTemplateFile: boolean): string {
  if (!isTemplateFile && !looksTemplated(text)) return text;
  let out = text;
  for (const re of STATEMENTS) out = out.replace(re, blank);
  out = out.replace(WHOLE_LINE_MARKER, blank);
  return out;
}

function blank(match: string): string {
  return match.replace(/[^\n]/g, ' ');
}

/** The template marker inside a word, if any. */
export function templateMarker(raw: string, isTemplateFile: boolean): string | undefined {
  const m =
    /\{\{[\s\S]*?\}\}/.exec(raw) ??
    /<%=[\s\S]*?%>/.exec(raw) ??
    /__[A-Z][A-Z0-9_]*__/.exec(raw) ??
    (isTemplateFile ? /\$\{[A-Z][A-Z0-9_]*\}/.exec(raw) : null);
  return m?.[0];
}
