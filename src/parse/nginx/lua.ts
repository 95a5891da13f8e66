/**
 * The body of `content_by_lua_block { ... }` and friends is Lua, not nginx syntax. ngx_lua finds its
 * end by counting braces outside Lua strings and comments; this does the same and never evaluates it.
 * Returns the offset just after the closing `}`, or -1 when the block never closes.
 */
export function skipLuaBlock(text: string, openBrace: number): number {
  let depth = 1;
  let i = openBrace + 1;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (c === '-' && text[i + 1] === '-') {
      const long = longBracketLevel(text, i + 2);
      if (long >= 0) {
        i = closeLongBracket(text, i + 2 + long + 2, long);
        if (i < 0) return -1;
        continue;
      }
      while (i < n && text[i] !== '\n') i++;
      continue;
    }
    if (c === '"' || c === "'") {
      i++;
      while (i < n && text[i] !== c && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
      i++;
      continue;
    }
    if (c === '[') {
      const long = longBracketLevel(text, i);
      if (long >= 0) {
        i = closeLongBracket(text, i + long + 2, long);
        if (i < 0) return -1;
        continue;
      }
    }
    if (c === '{') depth++;
    else if (c === '}') {
      depth--;
      if (depth === 0) return i + 1;
    }
    i++;
  }
  return -1;
}

/** `[[` -> 0, `[==[` -> 2, otherwise -1. */
function longBracketLevel(text: string, at: number): number {
  if (text[at] !== '[') return -1;
  let level = 0;
  let j = at + 1;
  while (text[j] === '=') {
    level++;
    j++;
  }
  return text[j] === '[' ? level : -1;
}

function closeLongBracket(text: string, from: number, level: number): number {
  const close = `]${'='.repeat(level)}]`;
  const end = text.indexOf(close, from);
  return end < 0 ? -1 : end + close.length;
}
