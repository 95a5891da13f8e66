import type { Formatter } from './formatter.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatMarkdown } from './markdown.js';
import { formatRdjson } from './rdjson.js';
import { formatSarif } from './sarif.js';
import { formatText } from './text.js';

/** Every output format, by its --format name. */
export const formatters: Record<string, Formatter> = {
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
  markdown: formatMarkdown,
  rdjson: formatRdjson,
};
