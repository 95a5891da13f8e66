/**
 * One snippet, two languages: `/*:Type*\/` markers become TypeScript annotations of the same
 * length in the .ts variant (so spans are identical), and stay comments in the .js variant.
 */
export function variants(code: string): Array<{ lang: 'js' | 'ts'; file: string; code: string }> {
  const ts = code.replace(/\/\*:(.*?)\*\//g, (_m, type: string) => `: ${type}   `);
  return [
    { lang: 'js', file: 'app.js', code },
    { lang: 'ts', file: 'app.ts', code: ts },
  ];
}
