import type { Formatter } from './formatter.js';
import { formatJson } from './json.js';
import { formatText } from './text.js';

/** Every output format, by its --format name. */
export const formatters: Record<string, Formatter> = {
  text: formatText,
  json: formatJson,
};
