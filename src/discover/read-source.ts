import { isUtf8 } from 'node:buffer';
import fs from 'node:fs';
import type { Diagnostic } from '../model/types.js';
import { fsPath } from './fs-names.js';

export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;

export type ReadOutcome =
  | { ok: true; text: string; warning?: Diagnostic }
  | { ok: false; diagnostic: Diagnostic };

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const LENIENT = new TextDecoder('utf-8', { fatal: false });

/**
 * Reads one file as text with the safety checks every input gets: size limit, binary test,
 * UTF-8 with a lenient fallback (a warning, never a lost file).
 */
export function readSource(absPath: string, displayPath: string, maxBytes = DEFAULT_MAX_FILE_BYTES): ReadOutcome {
  const read = readChecked(fsPath(absPath), displayPath, maxBytes);
  return 'bytes' in read ? decode(read.bytes, displayPath) : read;
}

export type CandidateOutcome = ReadOutcome | { ok: true; text?: undefined; warning?: Diagnostic };

/**
 * As readSource, but the text is decoded only when the raw bytes pass `quickCheck` (an ASCII-only
 * test, see Scanner.quickCheck): the many files that cannot matter are checked and dropped without
 * building a string for them. The diagnostics are the same as readSource's.
 */
export function readCandidate(absPath: string, displayPath: string, maxBytes: number, quickCheck: RegExp): CandidateOutcome {
  return readCandidateBytes(fsPath(absPath), displayPath, maxBytes, quickCheck);
}

/** readCandidate for a path already given as the file system's bytes or string (see fs-names). */
export function readCandidateBytes(target: string | Uint8Array, displayPath: string, maxBytes: number, quickCheck: RegExp): CandidateOutcome {
  const read = readChecked(target, displayPath, maxBytes);
  if (!('bytes' in read)) return read;
  const { bytes } = read;
  if (!utf16ByteOrder(bytes) && !quickCheck.test(bytes.toString('latin1'))) {
    return isUtf8(bytes) ? { ok: true } : { ok: true, warning: notUtf8(displayPath) };
  }
  return decode(bytes, displayPath);
}

/** Size limit and the read itself; the bytes, or the reason the file is skipped. */
function readChecked(target: string | Uint8Array, displayPath: string, maxBytes: number): { bytes: Buffer } | { ok: false; diagnostic: Diagnostic } {
  const skipped = (message: string) => ({ ok: false as const, diagnostic: { kind: 'file-skipped' as const, file: displayPath, message } });
  let fd: number;
  try {
    // Non-blocking, so a FIFO planted in the tree cannot hang the run (fstat then says it is no file).
    fd = fs.openSync(typeof target === 'string' ? target : Buffer.from(target), fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (error) {
    return skipped(`cannot read file: ${describeError(error)}`);
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return skipped('not a regular file');
    if (stat.size > maxBytes) {
      return skipped(`file is ${formatBytes(stat.size)}, over the ${formatBytes(maxBytes)} limit (set maxFileBytes to scan it)`);
    }
    const bytes = Buffer.allocUnsafe(stat.size);
    let filled = 0;
    while (filled < bytes.length) {
      const n = fs.readSync(fd, bytes, filled, bytes.length - filled, null);
      if (n === 0) break;
      filled += n;
    }
    const read = filled === bytes.length ? bytes : bytes.subarray(0, filled);
    if (!utf16ByteOrder(read) && read.subarray(0, 8192).includes(0)) return skipped('binary file (contains NUL bytes)');
    return { bytes: read };
  } catch (error) {
    return skipped(`cannot read file: ${describeError(error)}`);
  } finally {
    fs.closeSync(fd);
  }
}

function decode(bytes: Buffer, displayPath: string): ReadOutcome {
  const utf16 = utf16ByteOrder(bytes);
  if (utf16) return decodeUtf16(bytes, utf16, displayPath);
  try {
    return { ok: true, text: stripBom(UTF8.decode(bytes)) };
  } catch {
    return { ok: true, text: stripBom(LENIENT.decode(bytes)), warning: notUtf8(displayPath) };
  }
}

function notUtf8(displayPath: string): Diagnostic {
  return { kind: 'encoding', file: displayPath, message: 'file is not valid UTF-8; invalid bytes were read as U+FFFD' };
}

/** The text of a file as every stage sees it (decoded as readSource does), split into lines; undefined when unreadable. */
export function readLines(absPath: string): string[] | undefined {
  const read = readSource(absPath, absPath, Number.MAX_SAFE_INTEGER);
  return read.ok ? read.text.split(/\r?\n/) : undefined;
}

/** A UTF-16 byte-order mark (editors on Windows write these). */
function utf16ByteOrder(bytes: Buffer): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

function decodeUtf16(bytes: Buffer, encoding: 'utf-16le' | 'utf-16be', displayPath: string): ReadOutcome {
  try {
    return { ok: true, text: stripBom(new TextDecoder(encoding, { fatal: true }).decode(bytes)) };
  } catch {
    return {
      ok: true,
      text: stripBom(new TextDecoder(encoding, { fatal: false }).decode(bytes)),
      warning: { kind: 'encoding', file: displayPath, message: `file is not valid ${encoding.toUpperCase()} (it starts with a ${encoding.toUpperCase()} byte-order mark); invalid bytes were read as U+FFFD` },
    };
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function describeError(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error) {
    const code = String((error as { code: unknown }).code);
    const known: Record<string, string> = {
      ENOENT: 'no such file or directory',
      EACCES: 'permission denied',
      ELOOP: 'too many levels of symbolic links',
      EISDIR: 'is a directory',
    };
    return known[code] ?? code;
  }
  return error instanceof Error ? error.message : String(error);
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(1)} MiB` : `${Math.ceil(n / 1024)} KiB`;
}
