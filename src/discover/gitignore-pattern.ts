/**
 * One line of a .gitignore, compiled to a regular expression with git's wildmatch semantics
 * (gitignore(5)): `*` and `?` never cross `/`, `[...]` classes (with `!`/`^` negation and POSIX
 * names), `**` as a whole path component, `\` escapes, a trailing `/` for folders only, and a pattern
 * with a `/` before its end anchored to the folder of the .gitignore.
 */
export interface GitignorePattern {
  negated: boolean;
  /** A trailing `/`: matches folders only. */
  dirOnly: boolean;
  /**
   * A `/` before the end: matched against the whole path relative to the .gitignore's folder.
   * Otherwise against the last component only, at any depth.
   */
  anchored: boolean;
  /** Regular expression body (no anchors) for the path or the name. */
  source: string;
  /** The pattern is this literal text (`node_modules`, `src/generated`): a set lookup. */
  literal?: string;
  /** The pattern is `*` followed by this literal text (`*.log`): a suffix test. */
  suffix?: string;
}

/** Undefined for blank lines and comments. */
export function parseGitignoreLine(line: string): GitignorePattern | undefined {
  let body = stripTrailingSpaces(line.replace(/\r$/, ''));
  if (!body || body.startsWith('#')) return undefined;
  let negated = false;
  if (body.startsWith('!')) {
    negated = true;
    body = body.slice(1);
  }
  let dirOnly = false;
  if (body.endsWith('/') && !body.endsWith('\\/')) {
    dirOnly = true;
    body = body.replace(/\/+$/, '');
  }
  if (!body) return undefined;
  const anchored = body.includes('/');
  body = body.replace(/^\//, '');
  const source = translate(body);
  if (source === undefined) return undefined;
  const pattern: GitignorePattern = { negated, dirOnly, anchored, source };
  if (!/[*?[\\]/.test(body)) pattern.literal = body;
  else if (!anchored && /^\*[^*?[\\]+$/.test(body)) pattern.suffix = body.slice(1);
  return pattern;
}

/** Trailing spaces are dropped unless escaped with a backslash. */
function stripTrailingSpaces(line: string): string {
  let end = line.length;
  while (end > 0 && line[end - 1] === ' ' && line[end - 2] !== '\\') end--;
  return line.slice(0, end);
}

/** The pattern as a regex body; undefined for a pattern git treats as matching nothing (a bad class). */
function translate(glob: string): string | undefined {
  const parts = glob.split('/');
  let out = '';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const last = i === parts.length - 1;
    if (part === '**') {
      // Leading `**/` and middle `/**/`: zero or more folders. Trailing `/**`: everything inside.
      if (last) out += i === 0 ? '.*' : '.+';
      else out += '(?:.*/)?';
      continue;
    }
    const component = translateComponent(part);
    if (component === undefined) return undefined;
    out += component + (last ? '' : '/');
  }
  return out;
}

const POSIX_CLASSES: Record<string, string> = {
  alnum: 'a-zA-Z0-9',
  alpha: 'a-zA-Z',
  blank: ' \\t',
  cntrl: '\\x00-\\x1f\\x7f',
  digit: '0-9',
  graph: '\\x21-\\x7e',
  lower: 'a-z',
  print: '\\x20-\\x7e',
  punct: '!-\\/:-@\\[-`{-~',
  space: ' \\t\\n\\r\\f\\v',
  upper: 'A-Z',
  xdigit: '0-9A-Fa-f',
};

function translateComponent(part: string): string | undefined {
  let out = '';
  for (let i = 0; i < part.length; i++) {
    const c = part[i]!;
    if (c === '\\') {
      i++;
      if (i < part.length) out += escapeChar(part[i]!);
      continue;
    }
    if (c === '*') {
      while (part[i + 1] === '*') i++;
      out += '[^/]*';
      continue;
    }
    if (c === '?') {
      out += '[^/]';
      continue;
    }
    if (c === '[') {
      const cls = readClass(part, i);
      if (!cls) return undefined;
      out += cls.source;
      i = cls.end;
      continue;
    }
    out += escapeChar(c);
  }
  return out;
}

/** A bracket expression starting at `start`; undefined when it never closes (git matches nothing then). */
function readClass(part: string, start: number): { source: string; end: number } | undefined {
  let i = start + 1;
  let negate = false;
  if (part[i] === '!' || part[i] === '^') {
    negate = true;
    i++;
  }
  let body = '';
  let first = true;
  for (; i < part.length; i++) {
    const c = part[i]!;
    if (c === ']' && !first) return { source: `[${negate ? '^/' : ''}${body}]`, end: i };
    first = false;
    if (c === '[' && part[i + 1] === ':') {
      const close = part.indexOf(':]', i + 2);
      const name = close > 0 ? part.slice(i + 2, close) : '';
      const expansion = POSIX_CLASSES[name];
      if (expansion === undefined) return undefined;
      body += expansion;
      i = close + 1;
      continue;
    }
    if (c === '\\') {
      i++;
      if (i >= part.length) return undefined;
      body += escapeClassChar(part[i]!);
      continue;
    }
    if (c === '-' && body && part[i + 1] !== undefined && part[i + 1] !== ']') {
      body += '-';
      continue;
    }
    body += escapeClassChar(c);
  }
  return undefined;
}

function escapeChar(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c;
}

function escapeClassChar(c: string): string {
  return /[\]\\^\-[]/.test(c) ? `\\${c}` : c;
}
