import path from 'node:path';

/**
 * File names that are not valid UTF-8 cannot be held in a JavaScript string as they are. Such a
 * name is shown with its undecodable bytes written `\xNN` (as git quotes paths), and the real bytes
 * are kept here so the file can still be opened: every read goes through `fsPath`.
 */
const rawPaths = new Map<string, Buffer>();
const STRICT = new TextDecoder('utf-8', { fatal: true });

/** A directory entry's name as a string: the name itself, or its `\xNN`-escaped form when it is not UTF-8. */
export function decodeName(raw: Buffer): { name: string; exact: boolean } {
  try {
    return { name: STRICT.decode(raw), exact: true };
  } catch {
    return { name: escapeInvalidUtf8(raw), exact: false };
  }
}

/** Remember the real bytes of a path whose string form is escaped. */
export function rememberRawPath(display: string, raw: Buffer): void {
  rawPaths.set(display, raw);
}

/** The path to hand to `fs`: the remembered bytes for escaped names, else the string. */
export function fsPath(absPath: string): string | Buffer {
  return rawPaths.get(absPath) ?? absPath;
}

/** The bytes of a child of `dir` (a string or bytes path) named by raw bytes. */
export function joinRaw(dir: string | Buffer, name: Buffer): Buffer {
  const base = typeof dir === 'string' ? Buffer.from(dir) : dir;
  return Buffer.concat([base, Buffer.from(path.sep), name]);
}

function escapeInvalidUtf8(raw: Buffer): string {
  let out = '';
  let i = 0;
  while (i < raw.length) {
    const len = validSequenceLength(raw, i);
    if (len) {
      out += raw.subarray(i, i + len).toString('utf8');
      i += len;
    } else {
      out += `\\x${raw[i]!.toString(16).toUpperCase().padStart(2, '0')}`;
      i++;
    }
  }
  return out;
}

/** Length of the well-formed UTF-8 sequence starting at i, or 0. */
function validSequenceLength(b: Buffer, i: number): number {
  const c = b[i]!;
  if (c < 0x80) return 1;
  const len = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
  if (!len || i + len > b.length) return 0;
  for (let k = 1; k < len; k++) if ((b[i + k]! & 0xc0) !== 0x80) return 0;
  try {
    STRICT.decode(b.subarray(i, i + len)); // overlong forms and surrogates
    return len;
  } catch {
    return 0;
  }
}
