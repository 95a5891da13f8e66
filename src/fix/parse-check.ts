import { classify } from '../discover/classify.js';
import { loadJsParser, parseJs } from '../parse/js.js';
import { parseNginx } from '../parse/nginx/index.js';
import { firstSyntaxError, parsePython } from '../parse/python.js';
import { parseYaml } from '../parse/yaml.js';
import { parse as parseToml } from 'smol-toml';

/**
 * Parses a fixed file with the parser cors-lint scanned it with (tree-sitter Python, typescript-estree,
 * the nginx parser): the first syntax error as "line:column message", or undefined when it parses.
 */
export async function syntaxError(file: string, text: string, language = classify(file) ?? 'nginx'): Promise<string | undefined> {
  // Proxy configuration read from YAML (compose labels, Traefik files, Kubernetes objects) and TOML.
  if (/\.ya?ml$/i.test(file)) {
    const error = parseYaml(text).error;
    return error ? `${error.line}:${error.column} invalid YAML: ${error.message}` : undefined;
  }
  if (/\.toml$/i.test(file)) {
    try {
      parseToml(text);
      return undefined;
    } catch (error) {
      const at = error as { line?: number; column?: number; message: string };
      return `${at.line ?? 1}:${at.column ?? 1} invalid TOML: ${at.message.split('\n')[0]}`;
    }
  }
  if (language === 'python') {
    const tree = await parsePython(text);
    try {
      const error = firstSyntaxError(tree.rootNode);
      return error ? `${error.startPosition.row + 1}:${error.startPosition.column + 1} invalid Python syntax` : undefined;
    } finally {
      tree.delete();
    }
  }
  if (language === 'js') {
    await loadJsParser();
    const outcome = parseJs(text, file);
    return outcome.ok ? undefined : `${outcome.line}:${outcome.column} ${outcome.message}`;
  }
  const error = parseNginx(text, file).diagnostics.find((d) => d.kind === 'parse-error');
  return error ? `${error.line ?? 1}:${error.column ?? 1} ${error.message}` : undefined;
}
