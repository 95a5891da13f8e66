import { createRequire as __corsLintCreateRequire } from 'node:module'; const require = __corsLintCreateRequire(import.meta.url); import { fileURLToPath as __corsLintFileURLToPath } from 'node:url'; const __corsLintFilename = __corsLintFileURLToPath(import.meta.url); const __corsLintDirname = __corsLintFileURLToPath(new URL('.', import.meta.url));

// src/discover/read-source.ts
import { isUtf8 } from "node:buffer";
import fs from "node:fs";

// src/discover/fs-names.ts
import path from "node:path";
var rawPaths = /* @__PURE__ */ new Map();
var STRICT = new TextDecoder("utf-8", { fatal: true });
function decodeName(raw) {
  try {
    return { name: STRICT.decode(raw), exact: true };
  } catch {
    return { name: escapeInvalidUtf8(raw), exact: false };
  }
}
function rememberRawPath(display, raw) {
  rawPaths.set(display, raw);
}
function fsPath(absPath) {
  return rawPaths.get(absPath) ?? absPath;
}
function joinRaw(dir, name) {
  const base = typeof dir === "string" ? Buffer.from(dir) : dir;
  return Buffer.concat([base, Buffer.from(path.sep), name]);
}
function escapeInvalidUtf8(raw) {
  let out = "";
  let i = 0;
  while (i < raw.length) {
    const len = validSequenceLength(raw, i);
    if (len) {
      out += raw.subarray(i, i + len).toString("utf8");
      i += len;
    } else {
      out += `\\x${raw[i].toString(16).toUpperCase().padStart(2, "0")}`;
      i++;
    }
  }
  return out;
}
function validSequenceLength(b, i) {
  const c = b[i];
  if (c < 128) return 1;
  const len = c >= 194 && c <= 223 ? 2 : c >= 224 && c <= 239 ? 3 : c >= 240 && c <= 244 ? 4 : 0;
  if (!len || i + len > b.length) return 0;
  for (let k = 1; k < len; k++) if ((b[i + k] & 192) !== 128) return 0;
  try {
    STRICT.decode(b.subarray(i, i + len));
    return len;
  } catch {
    return 0;
  }
}

// src/discover/read-source.ts
var DEFAULT_MAX_FILE_BYTES = 1024 * 1024;
var UTF8 = new TextDecoder("utf-8", { fatal: true });
var LENIENT = new TextDecoder("utf-8", { fatal: false });
function readSource(absPath, displayPath, maxBytes = DEFAULT_MAX_FILE_BYTES) {
  const read = readChecked(fsPath(absPath), displayPath, maxBytes);
  return "bytes" in read ? decode(read.bytes, displayPath) : read;
}
function readCandidate(absPath, displayPath, maxBytes, quickCheck) {
  return readCandidateBytes(fsPath(absPath), displayPath, maxBytes, quickCheck);
}
function readCandidateBytes(target, displayPath, maxBytes, quickCheck) {
  const read = readChecked(target, displayPath, maxBytes);
  if (!("bytes" in read)) return read;
  const { bytes } = read;
  if (!utf16ByteOrder(bytes) && !quickCheck.test(bytes.toString("latin1"))) {
    return isUtf8(bytes) ? { ok: true } : { ok: true, warning: notUtf8(displayPath) };
  }
  return decode(bytes, displayPath);
}
function readChecked(target, displayPath, maxBytes) {
  const skipped = (message) => ({ ok: false, diagnostic: { kind: "file-skipped", file: displayPath, message } });
  let fd;
  try {
    fd = fs.openSync(typeof target === "string" ? target : Buffer.from(target), fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (error) {
    return skipped(`cannot read file: ${describeError(error)}`);
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return skipped("not a regular file");
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
    if (!utf16ByteOrder(read) && read.subarray(0, 8192).includes(0)) return skipped("binary file (contains NUL bytes)");
    return { bytes: read };
  } catch (error) {
    return skipped(`cannot read file: ${describeError(error)}`);
  } finally {
    fs.closeSync(fd);
  }
}
function decode(bytes, displayPath) {
  const utf16 = utf16ByteOrder(bytes);
  if (utf16) return decodeUtf16(bytes, utf16, displayPath);
  try {
    return { ok: true, text: stripBom(UTF8.decode(bytes)) };
  } catch {
    return { ok: true, text: stripBom(LENIENT.decode(bytes)), warning: notUtf8(displayPath) };
  }
}
function notUtf8(displayPath) {
  return { kind: "encoding", file: displayPath, message: "file is not valid UTF-8; invalid bytes were read as U+FFFD" };
}
function readLines(absPath) {
  const read = readSource(absPath, absPath, Number.MAX_SAFE_INTEGER);
  return read.ok ? read.text.split(/\r?\n/) : void 0;
}
function utf16ByteOrder(bytes) {
  if (bytes.length >= 2 && bytes[0] === 255 && bytes[1] === 254) return "utf-16le";
  if (bytes.length >= 2 && bytes[0] === 254 && bytes[1] === 255) return "utf-16be";
  return void 0;
}
function decodeUtf16(bytes, encoding, displayPath) {
  try {
    return { ok: true, text: stripBom(new TextDecoder(encoding, { fatal: true }).decode(bytes)) };
  } catch {
    return {
      ok: true,
      text: stripBom(new TextDecoder(encoding, { fatal: false }).decode(bytes)),
      warning: { kind: "encoding", file: displayPath, message: `file is not valid ${encoding.toUpperCase()} (it starts with a ${encoding.toUpperCase()} byte-order mark); invalid bytes were read as U+FFFD` }
    };
  }
}
function stripBom(text) {
  return text.charCodeAt(0) === 65279 ? text.slice(1) : text;
}
function describeError(error) {
  if (error && typeof error === "object" && "code" in error) {
    const code = String(error.code);
    const known = {
      ENOENT: "no such file or directory",
      EACCES: "permission denied",
      ELOOP: "too many levels of symbolic links",
      EISDIR: "is a directory"
    };
    return known[code] ?? code;
  }
  return error instanceof Error ? error.message : String(error);
}
function formatBytes(n) {
  return n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(1)} MiB` : `${Math.ceil(n / 1024)} KiB`;
}

export {
  decodeName,
  rememberRawPath,
  fsPath,
  joinRaw,
  DEFAULT_MAX_FILE_BYTES,
  readSource,
  readCandidate,
  readCandidateBytes,
  readLines,
  describeError
};
