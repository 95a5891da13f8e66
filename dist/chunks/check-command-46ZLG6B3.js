import { createRequire as __corsLintCreateRequire } from 'node:module'; const require = __corsLintCreateRequire(import.meta.url); import { fileURLToPath as __corsLintFileURLToPath } from 'node:url'; const __corsLintFilename = __corsLintFileURLToPath(import.meta.url); const __corsLintDirname = __corsLintFileURLToPath(new URL('.', import.meta.url));
import {
  IncludeLoader,
  SAFE_STATUSES,
  analyseRoot,
  classify,
  effectiveAddHeaders,
  effectiveMoreHeaders,
  evaluateCondition,
  lint,
  looksLikeNginx,
  mapLookup,
  require_dist,
  toJsRegex,
  varName
} from "./chunk-K3P5V7EU.js";
import "./chunk-LXGCFLD4.js";
import "./chunk-7FLCUFHN.js";
import {
  __toESM
} from "./chunk-47KPZKYO.js";

// src/check/run-check.ts
import path3 from "node:path";

// src/simulate/header-bag.ts
function setHeader(bag, name, value) {
  bag[name.toLowerCase()] = value;
}
function addHeader(bag, name, value) {
  const key = name.toLowerCase();
  const old = bag[key];
  if (old === void 0) bag[key] = value;
  else bag[key] = [...Array.isArray(old) ? old : [old], value];
}
function appendVary(bag, field) {
  const old = bag["vary"];
  const current = old === void 0 ? "" : Array.isArray(old) ? old.join(", ") : old;
  if (current.trim() === "*") return;
  const fields = current.split(",").map((f) => f.trim()).filter(Boolean);
  if (fields.some((f) => f.toLowerCase() === field.toLowerCase())) return;
  bag["vary"] = fields.length ? `${current}, ${field}` : field;
}
function appendVaryRaw(bag, field) {
  const old = bag["vary"];
  const current = old === void 0 ? void 0 : Array.isArray(old) ? old.join(", ") : old;
  bag["vary"] = current === void 0 ? field : `${current}, ${field}`;
}
function getCombined(bag, name) {
  const value = bag[name.toLowerCase()];
  if (value === void 0) return null;
  return Array.isArray(value) ? value.join(", ") : value;
}
var CORS_RESPONSE_HEADERS = [
  "access-control-allow-origin",
  "access-control-allow-credentials",
  "access-control-allow-methods",
  "access-control-allow-headers",
  "access-control-max-age",
  "access-control-expose-headers",
  "vary"
];
function corsHeadersOf(bag) {
  const out = {};
  for (const name of CORS_RESPONSE_HEADERS) if (bag[name] !== void 0) out[name] = bag[name];
  return out;
}

// src/simulate/nginx-context.ts
import fs from "node:fs";
import path from "node:path";
var contexts = /* @__PURE__ */ new WeakMap();
function nginxContextOf(policy) {
  return contexts.get(policy);
}
function sameSpan(a, b) {
  return a.file === b.file && a.line === b.line && a.column === b.column;
}
function findBlock(tree, span) {
  const stack = [tree];
  while (stack.length) {
    const b = stack.pop();
    if (sameSpan(b.headerSpan, span)) return b;
    stack.push(...b.children);
  }
  return void 0;
}
function serverOf(block) {
  let b = block;
  while (b) {
    if (b.kind === "server") return b;
    b = b.parent;
  }
  return block;
}
var SKIP_DIRS = /* @__PURE__ */ new Set(["node_modules", ".git", "dist", "build", ".venv", "venv", "__pycache__"]);
function nginxFilesUnder(root, limit = 2e3) {
  const out = [];
  const walk = (dir) => {
    let entries;
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (out.length >= limit) return;
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) walk(abs);
      } else if (e.isFile() && classify(abs) === "nginx") out.push(abs);
    }
  };
  walk(root);
  return out;
}
function diskProject(root, cwd) {
  const display = (abs) => path.relative(cwd, abs).split(path.sep).join("/");
  const files = nginxFilesUnder(root);
  return {
    root,
    allFiles: files.map((absPath) => ({ absPath, path: display(absPath), language: "nginx" })),
    displayPath: display,
    readText(absPath) {
      const rel = path.relative(root, absPath);
      if (rel.startsWith("..") || path.isAbsolute(rel)) return { error: "outside the scan root" };
      try {
        return { text: fs.readFileSync(absPath, "utf8") };
      } catch {
        return { error: "no such file or directory" };
      }
    }
  };
}
function attachNginxContexts(policies, options) {
  const pending = policies.filter((p) => p.library === "nginx" && !contexts.has(p));
  if (!pending.length) return 0;
  const project = diskProject(path.resolve(options.root), path.resolve(options.cwd));
  const loader = new IncludeLoader(project);
  const configs = [];
  for (const f of project.allFiles) {
    const read = project.readText(f.absPath);
    if (!("text" in read) || !looksLikeNginx(read.text)) continue;
    try {
      configs.push(analyseRoot(loader, project, f.absPath));
    } catch {
    }
  }
  let attached = 0;
  for (const policy of pending) {
    let best;
    for (const config of configs) {
      const block = findBlock(config.tree, policy.span);
      if (block && (!best || config.reached.size > best.config.reached.size)) best = { config, block };
    }
    if (!best) continue;
    const maps = new Map([...configs.flatMap((c) => [...c.maps]), ...best.config.maps]);
    contexts.set(policy, { server: serverOf(best.block), block: best.block, maps });
    attached++;
  }
  return attached;
}

// src/simulate/fetch-rules.ts
var NORMALIZED_METHODS = ["DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT"];
function normalizeMethod(method) {
  const upper = method.toUpperCase();
  return NORMALIZED_METHODS.includes(upper) ? upper : method;
}
function isSafelistedMethod(method) {
  return method === "GET" || method === "HEAD" || method === "POST";
}
var FORBIDDEN_HEADERS = /* @__PURE__ */ new Set([
  "accept-charset",
  "accept-encoding",
  "access-control-request-headers",
  "access-control-request-method",
  "connection",
  "content-length",
  "cookie",
  "cookie2",
  "date",
  "dnt",
  "expect",
  "host",
  "keep-alive",
  "origin",
  "referer",
  "set-cookie",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
  "via"
]);
function isForbiddenRequestHeader(name) {
  const lower = name.toLowerCase();
  return FORBIDDEN_HEADERS.has(lower) || lower.startsWith("proxy-") || lower.startsWith("sec-");
}
function parsePageHeader(text) {
  const colon = text.indexOf(":");
  if (colon < 0) return { name: text.trim() };
  return { name: text.slice(0, colon).trim(), value: text.slice(colon + 1).trim() };
}
function hasUnsafeByte(value) {
  for (const ch of value) {
    const code = ch.codePointAt(0);
    if (code < 32 && code !== 9 || code === 127 || '"():<>?@[\\]{}'.includes(ch)) return true;
  }
  return false;
}
var SAFE_MIME_ESSENCES = ["application/x-www-form-urlencoded", "multipart/form-data", "text/plain"];
function isSafelistedHeader(header) {
  const name = header.name.toLowerCase();
  const value = header.value;
  if (!["accept", "accept-language", "content-language", "content-type", "range"].includes(name)) return false;
  if (value === void 0) return name === "accept" || name === "accept-language" || name === "content-language";
  if (Buffer.byteLength(value) > 128) return false;
  switch (name) {
    case "accept":
      return !hasUnsafeByte(value);
    case "accept-language":
    case "content-language":
      return /^[0-9A-Za-z *,\-.;=]*$/.test(value);
    case "content-type": {
      if (hasUnsafeByte(value)) return false;
      const essence = value.split(";")[0].trim().toLowerCase();
      return SAFE_MIME_ESSENCES.includes(essence);
    }
    case "range":
      return /^bytes=\d*-\d*$/.test(value.replace(/[ \t]/g, "")) && value.replace(/[ \t]/g, "") !== "bytes=-";
  }
  return false;
}
function unsafeHeaderNames(headers) {
  const unsafe = /* @__PURE__ */ new Set();
  let safelistedBytes = 0;
  const safelisted = [];
  for (const h of headers) {
    if (isSafelistedHeader(h)) {
      safelistedBytes += Buffer.byteLength(h.value ?? "");
      safelisted.push(h.name.toLowerCase());
    } else unsafe.add(h.name.toLowerCase());
  }
  if (safelistedBytes > 1024) for (const n of safelisted) unsafe.add(n);
  return [...unsafe].sort();
}
function needsPreflight(method, headers) {
  return !isSafelistedMethod(method) || unsafeHeaderNames(headers).length > 0;
}

// src/simulate/browser-verdict.ts
var PREFLIGHT_PREFIX = "Response to preflight request doesn't pass access control check: ";
var MISSING_ALLOW_ORIGIN = "No 'Access-Control-Allow-Origin' header is present on the requested resource.";
var WILDCARD_WITH_CREDENTIALS = "The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'.";
var NOT_OK_STATUS = "It does not have HTTP ok status.";
function corsCheck(headers, origin, credentials) {
  const allowOrigin = getCombined(headers, "access-control-allow-origin");
  if (allowOrigin === null) return { message: MISSING_ALLOW_ORIGIN, blame: "origin" };
  if (allowOrigin === "*") {
    if (!credentials) return null;
    return { message: WILDCARD_WITH_CREDENTIALS, blame: "credentials" };
  }
  if (allowOrigin !== origin) {
    if (/[ ,]/.test(allowOrigin)) {
      return {
        message: `The 'Access-Control-Allow-Origin' header contains multiple values '${allowOrigin}', but only one is allowed.`,
        blame: "origin"
      };
    }
    if (allowOrigin !== "null" && !isValidUrl(allowOrigin)) {
      return { message: `The 'Access-Control-Allow-Origin' header contains the invalid value '${allowOrigin}'.`, blame: "origin" };
    }
    return {
      message: `The 'Access-Control-Allow-Origin' header has a value '${allowOrigin}' that is not equal to the supplied origin.`,
      blame: "origin"
    };
  }
  if (!credentials) return null;
  const allowCredentials = getCombined(headers, "access-control-allow-credentials");
  if (allowCredentials === "true") return null;
  return {
    message: `The value of the 'Access-Control-Allow-Credentials' header in the response is '${allowCredentials ?? ""}' which must be 'true' when the request's credentials mode is 'include'.`,
    blame: "credentials"
  };
}
function isValidUrl(text) {
  try {
    new URL(text);
    return true;
  } catch {
    return false;
  }
}
var TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
function tokenList(headers, name) {
  const value = getCombined(headers, name);
  if (value === null) return [];
  const items = value.split(",").map((s) => s.trim()).filter((s) => s !== "");
  return items.every((s) => TOKEN.test(s)) ? items : null;
}
function preflightCheck(status, headers, origin, credentials, method, unsafeHeaders) {
  const cors = corsCheck(headers, origin, credentials);
  if (cors) return { message: PREFLIGHT_PREFIX + cors.message, blame: cors.blame };
  if (status < 200 || status > 299) return { message: PREFLIGHT_PREFIX + NOT_OK_STATUS, blame: "status" };
  const methods = tokenList(headers, "access-control-allow-methods");
  if (methods === null) {
    return { message: "Cannot parse Access-Control-Allow-Methods response header field in preflight response.", blame: "methods" };
  }
  const headerNames = tokenList(headers, "access-control-allow-headers");
  if (headerNames === null) {
    return { message: "Cannot parse Access-Control-Allow-Headers response header field in preflight response.", blame: "headers" };
  }
  const methodAllowed = methods.includes(method) || isSafelistedMethod(method) || !credentials && methods.includes("*");
  if (!methodAllowed) {
    return { message: `Method ${method} is not allowed by Access-Control-Allow-Methods in preflight response.`, blame: "methods" };
  }
  const listed = new Set(headerNames.map((h) => h.toLowerCase()));
  for (const name of unsafeHeaders) {
    if (listed.has(name)) continue;
    if (!credentials && listed.has("*") && name !== "authorization") continue;
    return {
      message: `Request header field ${name} is not allowed by Access-Control-Allow-Headers in preflight response.`,
      blame: "headers"
    };
  }
  return null;
}

// src/simulate/types.ts
var UnknownBehaviour = class extends Error {
  constructor(why, span) {
    super(why);
    this.why = why;
    this.span = span;
  }
  why;
  span;
};

// src/simulate/origin-regex.ts
function translatePythonPattern(pattern) {
  let source = pattern;
  let flags = "";
  for (; ; ) {
    const m = /^\(\?([aiLmsux]+)\)/.exec(source);
    if (!m) break;
    for (const f of m[1]) {
      if (f === "i" || f === "s" || f === "m") flags += flags.includes(f) ? "" : f;
      else if (f === "a" || f === "u") continue;
      else throw new Error(`inline flag (?${f}) has no JavaScript equivalent`);
    }
    source = source.slice(m[0].length);
  }
  if (/\(\?[aiLmsux-]+[):]/.test(source)) throw new Error("a scoped inline flag group has no portable JavaScript equivalent");
  source = source.replace(/\(\?P<([A-Za-z_]\w*)>/g, "(?<$1>").replace(/\(\?P=([A-Za-z_]\w*)\)/g, "\\k<$1>").replace(/\\A/g, "^").replace(/\\Z/g, "(?![\\s\\S])").replace(/\{,(\d+)\}/g, "{0,$1}");
  return { source, flags };
}
function anchor(source, mode) {
  if (mode === "fullmatch") return `^(?:${source})$`;
  if (mode === "match") return `^(?:${source})`;
  return source;
}
function compileOriginRegex(entry) {
  try {
    if (entry.flavor === "python") {
      const { source, flags } = translatePythonPattern(entry.pattern);
      const re2 = new RegExp(anchor(source, entry.mode), flags + (entry.ignoreCase && !flags.includes("i") ? "i" : ""));
      return { test: (o) => re2.test(o), stateful: false };
    }
    if (entry.flavor === "js") {
      const flags = entry.flags ?? (entry.ignoreCase ? "i" : "");
      const re2 = new RegExp(anchor(entry.pattern, entry.mode), flags);
      const stateful = /[gy]/.test(flags);
      return { test: (o) => re2.test(o), stateful };
    }
    const re = new RegExp(anchor(entry.pattern, entry.mode), entry.ignoreCase ? "i" : "");
    return { test: (o) => re.test(o), stateful: false };
  } catch (error) {
    throw new UnknownBehaviour(`the pattern ${JSON.stringify(entry.pattern)} cannot be evaluated: ${error.message}`, entry.span);
  }
}

// src/simulate/options.ts
function notWritten(v) {
  return Boolean(v.isDefault) || v.value === "unknown" && /^not set\b/.test(v.why ?? "") && !v.span;
}
function valueOf(v, libraryDefault, what) {
  if (notWritten(v)) return libraryDefault;
  if (v.value === "unknown") throw new UnknownBehaviour(`${what} is not known statically${v.why ? `: ${v.why}` : ""}`, v.span);
  return v.value;
}
function knownOrigins(policy) {
  for (const entry of policy.origins) {
    if (entry.kind === "unknown") {
      throw new UnknownBehaviour(`the allowed origins are not known statically: ${entry.why}`, entry.span ?? policy.originsSpan);
    }
    if (entry.kind === "reflect" && entry.from) {
      throw new UnknownBehaviour(`Access-Control-Allow-Origin is request data the caller chooses (${entry.from}), not derived from the Origin header`, entry.span ?? policy.originsSpan);
    }
  }
  return policy.origins;
}
function libraryOption(policy, name, fallback) {
  const value = policy.libraryOptions?.[name];
  return value === void 0 ? fallback : value;
}
function parseVersion(version) {
  const parts = version.replace(/^[^\d]*/, "").split(/[.+-]/).map((p) => parseInt(p, 10));
  return [parts[0] || 0, parts[1] || 0, parts[2] || 0];
}
function atLeast(version, min) {
  if (!version) return true;
  const a = parseVersion(version);
  const b = parseVersion(min);
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] > b[i];
  return true;
}

// src/simulate/responders/django-cors-headers.ts
var DEFAULT_HEADERS_3 = ["accept", "accept-encoding", "authorization", "content-type", "dnt", "origin", "user-agent", "x-csrftoken", "x-requested-with"];
var DEFAULT_HEADERS_4 = ["accept", "authorization", "content-type", "user-agent", "x-csrftoken", "x-requested-with"];
var DEFAULT_METHODS = ["DELETE", "GET", "OPTIONS", "PATCH", "POST", "PUT"];
function splitOrigin(text) {
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):(.*)$/.exec(text);
  if (!m) return { scheme: "", netloc: "" };
  const rest = m[2];
  if (!rest.startsWith("//")) return { scheme: m[1].toLowerCase(), netloc: "" };
  const after = rest.slice(2);
  const end = after.search(/[/?#]/);
  return { scheme: m[1].toLowerCase(), netloc: end < 0 ? after : after.slice(0, end) };
}
function allowedTester(policy, entries) {
  const testers = entries.map((entry) => {
    switch (entry.kind) {
      case "null":
        return (o) => o === "null";
      case "exact": {
        if (entry.origin === "null") return (o) => o === "null";
        const want = splitOrigin(entry.origin);
        return (o) => {
          const got = splitOrigin(o);
          return got.scheme === want.scheme && got.netloc === want.netloc;
        };
      }
      case "regex": {
        const c = compileOriginRegex({ ...entry, mode: "match" });
        return (o) => c.test(o);
      }
      case "any":
        return () => true;
      default:
        throw new UnknownBehaviour(`origin entry of kind ${entry.kind} is not a django-cors-headers setting`, entry.span ?? policy.originsSpan);
    }
  });
  return (o) => testers.some((t) => t(o));
}
function urlEnabled(policy, path5) {
  const pattern = policy.scope.path;
  if (!pattern) return true;
  return compileOriginRegex({ kind: "regex", pattern, flavor: "python", mode: "match", ignoreCase: false }).test(path5.split("?")[0]);
}
var djangoCorsResponder = (policy, request, app) => {
  if (!urlEnabled(policy, request.path)) {
    return { status: app.status, headers: {}, producedBy: `Django view (the path does not match CORS_URLS_REGEX ${policy.scope.path})` };
  }
  const entries = knownOrigins(policy);
  const allowAll = entries.some((e) => e.kind === "any");
  const credentials = valueOf(policy.credentials, false, "CORS_ALLOW_CREDENTIALS");
  const isPreflight = request.method === "OPTIONS" && request.headers["access-control-request-method"] !== void 0;
  const status = isPreflight ? 200 : app.status;
  const producedBy = isPreflight ? "CorsMiddleware answers the preflight with 200" : "Django view, headers added by CorsMiddleware";
  const version = policy.libraryVersion;
  const headers = {};
  appendVary(headers, atLeast(version, "4.0.0") ? "origin" : "Origin");
  const origin = request.headers["origin"];
  if (!origin) return { status, headers, producedBy };
  const credentialsFirst = !atLeast(version, "4.3.0");
  if (credentials && credentialsFirst) setHeader(headers, "Access-Control-Allow-Credentials", "true");
  if (!allowAll && !allowedTester(policy, entries)(origin)) return { status, headers, producedBy };
  setHeader(headers, "Access-Control-Allow-Origin", allowAll && !credentials ? "*" : origin);
  if (credentials && !credentialsFirst) setHeader(headers, "Access-Control-Allow-Credentials", "true");
  const expose = valueOf(policy.exposeHeaders, [], "CORS_EXPOSE_HEADERS");
  if (expose.length) setHeader(headers, "Access-Control-Expose-Headers", expose.join(", "));
  if (request.method === "OPTIONS") {
    setHeader(headers, "Access-Control-Allow-Headers", valueOf(policy.allowHeaders, atLeast(version, "4.0.0") ? DEFAULT_HEADERS_4 : DEFAULT_HEADERS_3, "CORS_ALLOW_HEADERS").join(", "));
    setHeader(headers, "Access-Control-Allow-Methods", valueOf(policy.allowMethods, DEFAULT_METHODS, "CORS_ALLOW_METHODS").join(", "));
    const maxAge = valueOf(policy.maxAge, 86400, "CORS_PREFLIGHT_MAX_AGE");
    if (maxAge) setHeader(headers, "Access-Control-Max-Age", String(maxAge));
  }
  return { status, headers, producedBy };
};

// src/simulate/responders/fastify-cors.ts
function setting(policy) {
  const origins = knownOrigins(policy);
  if (origins.some((o) => o.kind === "any")) return { mode: "string", value: "*" };
  const only = origins.length === 1 ? origins[0] : void 0;
  if (only?.sentVerbatim && (only.kind === "exact" || only.kind === "null")) return { mode: "string", value: only.kind === "exact" ? only.origin : "null" };
  const testers = origins.map((o) => tester(o, policy));
  return { mode: "match", test: (o) => testers.some((t) => t(o)) };
}
function tester(entry, policy) {
  switch (entry.kind) {
    case "exact":
      return (o) => o === entry.origin;
    case "null":
      return (o) => o === "null";
    case "reflect":
      if (entry.condition) throw new UnknownBehaviour(`the origin function decides per request (${entry.condition})`, entry.span ?? policy.originsSpan);
      return () => true;
    case "regex": {
      const compiled = compileOriginRegex(entry);
      return (o) => compiled.test(String(o));
    }
    default:
      throw new UnknownBehaviour(`origin entry of kind ${entry.kind} is not a @fastify/cors option`, entry.span);
  }
}
var listText = (v, raw) => raw ?? v.join(", ");
function notHandled(request, app, headers, why) {
  if (request.method === "OPTIONS") return { status: 404, headers, producedBy: `@fastify/cors OPTIONS route: not found (${why})` };
  return { status: app.status, headers, producedBy: `route handler (${why})` };
}
var fastifyCorsResponder = (policy, request, app) => {
  if (policy.libraryOptions?.disabled === true) return notHandled(request, app, {}, "origin: false");
  const s = setting(policy);
  const credentials = valueOf(policy.credentials, false, "credentials");
  const methods = notWritten(policy.allowMethods) ? "GET,HEAD,POST" : listText(valueOf(policy.allowMethods, [], "methods"), policy.allowMethods.raw);
  const allowedHeaders = valueOf(policy.allowHeaders, null, "allowedHeaders");
  const exposed = valueOf(policy.exposeHeaders, null, "exposedHeaders");
  const maxAge = valueOf(policy.maxAge, null, "maxAge");
  const origin = request.headers["origin"];
  const headers = {};
  if (s.mode === "match") appendVary(headers, "Origin");
  if (policy.libraryOptions?.originFunction === true && s.mode === "match" && !s.test(origin)) {
    return notHandled(request, app, headers, "the origin function refused");
  }
  const allow = s.mode === "string" ? s.value : s.test(origin) ? origin : void 0;
  if (allow) setHeader(headers, "Access-Control-Allow-Origin", allow);
  if (credentials) setHeader(headers, "Access-Control-Allow-Credentials", "true");
  if (exposed !== null) setHeader(headers, "Access-Control-Expose-Headers", listText(exposed, policy.exposeHeaders.raw));
  if (request.method !== "OPTIONS") return { status: app.status, headers, producedBy: "route handler, headers added by @fastify/cors" };
  if (libraryOption(policy, "preflight", true) !== true || policy.preflight.value === "not-handled") {
    return notHandled(request, app, headers, "preflight: false");
  }
  if (libraryOption(policy, "strictPreflight", true) === true && (!origin || !request.headers["access-control-request-method"])) {
    return { status: 400, headers, producedBy: '@fastify/cors: "Invalid Preflight Request"' };
  }
  setHeader(headers, "Access-Control-Allow-Methods", methods);
  if (allowedHeaders === null) {
    appendVary(headers, "Access-Control-Request-Headers");
    const requested = request.headers["access-control-request-headers"];
    if (requested !== void 0) setHeader(headers, "Access-Control-Allow-Headers", requested);
  } else setHeader(headers, "Access-Control-Allow-Headers", listText(allowedHeaders, policy.allowHeaders.raw));
  if (maxAge !== null) setHeader(headers, "Access-Control-Max-Age", String(maxAge));
  if (libraryOption(policy, "preflightContinue", false)) {
    return { status: app.status, headers, producedBy: "route handler (preflightContinue)" };
  }
  const status = Number(libraryOption(policy, "optionsSuccessStatus", 204));
  return { status, headers, producedBy: `@fastify/cors preflight answer ${status}` };
};

// src/simulate/responders/flask-cors.ts
var ALL_METHODS = ["GET", "HEAD", "POST", "OPTIONS", "PUT", "PATCH", "DELETE"];
var REGEX_CHARS = ["*", "\\", "]", "?", "$", "^", "[", "(", ")"];
var probablyRegex = (s) => REGEX_CHARS.some((c) => s.includes(c));
function flaskOrigins(policy) {
  const origins = knownOrigins(policy);
  const list = origins.length ? origins : [{ kind: "any" }];
  return list.map((entry) => {
    switch (entry.kind) {
      case "any":
      case "reflect":
        if (entry.kind === "reflect" && entry.condition) throw new UnknownBehaviour(`origins decided per request (${entry.condition})`, entry.span);
        return { text: ".*", regex: true, test: () => true };
      case "null":
        return { text: "null", regex: false, test: (o) => o.toLowerCase() === "null" };
      case "exact":
        if (probablyRegex(entry.origin)) {
          const c = compileOriginRegex({ kind: "regex", pattern: entry.origin, flavor: "python", mode: "match", ignoreCase: true });
          return { text: entry.origin, regex: true, test: (o) => c.test(o) };
        }
        return { text: entry.origin, regex: false, test: (o) => o.toLowerCase() === entry.origin.toLowerCase() };
      case "regex": {
        const c = compileOriginRegex({ ...entry, mode: "match", ignoreCase: entry.ignoreCase });
        return { text: entry.pattern, regex: true, test: (o) => c.test(o) };
      }
      default:
        throw new UnknownBehaviour(`origin entry of kind ${entry.kind} is not a Flask-CORS option`, entry.span);
    }
  });
}
var flaskCorsResponder = (policy, request, app) => {
  const origins = flaskOrigins(policy);
  const credentials = valueOf(policy.credentials, false, "supports_credentials");
  const methods = [...valueOf(policy.allowMethods, ALL_METHODS, "methods")].sort().join(", ").toUpperCase();
  const allowHeaders = valueOf(policy.allowHeaders, ["*"], "allow_headers").map((h) => h === "*" ? ".*" : h);
  const expose = valueOf(policy.exposeHeaders, [], "expose_headers");
  const maxAge = valueOf(policy.maxAge, null, "max_age");
  const sendWildcard = libraryOption(policy, "send_wildcard", false) || knownOrigins(policy).some((o) => o.kind === "any");
  const alwaysSend = libraryOption(policy, "always_send", true);
  const varyHeader = libraryOption(policy, "vary_header", true);
  const wildcard = origins.some((o) => o.text === ".*");
  const requestOrigin = request.headers["origin"];
  const status = request.method === "OPTIONS" ? 200 : app.status;
  let toSet;
  if (requestOrigin) {
    if (wildcard && sendWildcard) toSet = ["*"];
    else if (origins.some((o) => o.test(requestOrigin))) toSet = [requestOrigin];
    else toSet = null;
  } else if (alwaysSend) {
    if (wildcard) toSet = credentials ? null : ["*"];
    else toSet = origins.filter((o) => !o.regex).map((o) => o.text).sort();
  } else toSet = null;
  const headers = {};
  if (!toSet || toSet.length === 0) return { status, headers, producedBy: "Flask view (no CORS headers)" };
  addHeader(headers, "Access-Control-Allow-Origin", toSet[0]);
  if (expose.length) setHeader(headers, "Access-Control-Expose-Headers", [...expose].sort().join(", "));
  if (credentials) setHeader(headers, "Access-Control-Allow-Credentials", "true");
  if (request.method === "OPTIONS") {
    const acrm = (request.headers["access-control-request-method"] ?? "").toUpperCase();
    if (acrm && methods.includes(acrm)) {
      const requested = request.headers["access-control-request-headers"];
      if (requested) {
        const matching = requested.split(",").map((h) => h.trim()).filter(
          (h) => allowHeaders.some(
            (p) => probablyRegex(p) ? compileOriginRegex({ kind: "regex", pattern: p, flavor: "python", mode: "match", ignoreCase: true }).test(h) : p.toLowerCase() === h.toLowerCase()
          )
        ).sort();
        if (matching.length) setHeader(headers, "Access-Control-Allow-Headers", matching.join(", "));
      }
      if (maxAge !== null && maxAge !== 0) setHeader(headers, "Access-Control-Max-Age", String(maxAge));
      setHeader(headers, "Access-Control-Allow-Methods", methods);
    }
  }
  const first = toSet[0];
  if (varyHeader && first !== "*" && (origins.length > 1 || toSet.length > 1 || origins.some((o) => o.regex))) {
    addHeader(headers, "Vary", "Origin");
  }
  return { status, headers, producedBy: request.method === "OPTIONS" ? "Flask automatic OPTIONS (200)" : "Flask view, headers added by Flask-CORS" };
};

// src/simulate/responders/koa-cors.ts
function originValue(policy, requestOrigin) {
  const origins = knownOrigins(policy);
  const fromFunction = policy.libraryOptions?.originFunction === true;
  if (origins.length === 0 || origins.length === 1 && origins[0].kind === "any") return "*";
  if (origins.every((o) => (o.kind === "exact" || o.kind === "null") && o.sentVerbatim)) {
    const values = origins.map((o) => o.kind === "exact" ? o.origin : "null");
    return values.length === 1 ? values[0] : values;
  }
  if (origins.length === 1 && origins[0].kind === "reflect" && !origins[0].condition && !fromFunction) return requestOrigin;
  const accepts = origins.map((o) => {
    switch (o.kind) {
      case "reflect":
        if (o.condition) throw new UnknownBehaviour(`the @koa/cors origin function decides per request (${o.condition})`, o.span ?? policy.originsSpan);
        return () => true;
      case "exact":
        return (x) => x === o.origin;
      case "null":
        return (x) => x === "null";
      case "regex": {
        const c = compileOriginRegex(o);
        return (x) => c.test(x);
      }
      default:
        throw new UnknownBehaviour("the @koa/cors origin function decides per request", policy.originsSpan ?? policy.span);
    }
  });
  return requestOrigin && accepts.some((t) => t(requestOrigin)) ? requestOrigin : null;
}
function setOrigin(headers, origin) {
  if (Array.isArray(origin)) for (const o of origin) addHeader(headers, "Access-Control-Allow-Origin", o);
  else setHeader(headers, "Access-Control-Allow-Origin", origin);
}
var koaCorsResponder = (policy, request, app) => {
  const requestOrigin = request.headers["origin"] ?? "";
  const headers = {};
  appendVary(headers, "Origin");
  const credentials = valueOf(policy.credentials, false, "credentials");
  let origin = originValue(policy, requestOrigin);
  if (origin === null) return { status: app.status, headers, producedBy: "app (the origin function returned nothing)" };
  const methods = valueOf(policy.allowMethods, ["GET", "HEAD", "PUT", "POST", "DELETE", "PATCH"], "allowMethods");
  const allowHeaders = valueOf(policy.allowHeaders, null, "allowHeaders");
  const expose = valueOf(policy.exposeHeaders, [], "exposeHeaders");
  const maxAge = valueOf(policy.maxAge, null, "maxAge");
  if (credentials && origin === "*") origin = requestOrigin;
  if (request.method !== "OPTIONS") {
    setOrigin(headers, origin);
    if (credentials) setHeader(headers, "Access-Control-Allow-Credentials", "true");
    if (expose.length) setHeader(headers, "Access-Control-Expose-Headers", policy.exposeHeaders.raw ?? expose.join(","));
    return { status: app.status, headers, producedBy: "app, headers added by @koa/cors" };
  }
  if (!request.headers["access-control-request-method"]) return { status: app.status, headers, producedBy: "app (OPTIONS without Access-Control-Request-Method)" };
  setOrigin(headers, origin);
  if (credentials) setHeader(headers, "Access-Control-Allow-Credentials", "true");
  if (maxAge) setHeader(headers, "Access-Control-Max-Age", String(maxAge));
  if (methods.length) setHeader(headers, "Access-Control-Allow-Methods", policy.allowMethods.raw ?? methods.join(","));
  const allow = allowHeaders && allowHeaders.length ? policy.allowHeaders.raw ?? allowHeaders.join(",") : request.headers["access-control-request-headers"];
  if (allow) setHeader(headers, "Access-Control-Allow-Headers", allow);
  return { status: 204, headers, producedBy: "@koa/cors preflight answer 204" };
};

// src/simulate/responders/koa2-cors.ts
function originValue2(policy, requestOrigin) {
  const origins = knownOrigins(policy);
  const fromFunction = policy.libraryOptions?.originFunction === true;
  if (origins.length === 1 && origins[0].kind === "any") return "*";
  const only = origins.length === 1 ? origins[0] : void 0;
  if (only && (only.kind === "exact" || only.kind === "null") && only.sentVerbatim) return only.kind === "exact" ? only.origin : "null";
  if (origins.length === 1 && origins[0].kind === "reflect" && !origins[0].condition && !fromFunction) return requestOrigin || "*";
  const accepts = origins.map((o) => {
    switch (o.kind) {
      case "reflect":
        if (o.condition) throw new UnknownBehaviour(`the koa2-cors origin function decides per request (${o.condition})`, o.span ?? policy.originsSpan);
        return () => true;
      case "exact":
        return (x) => x === o.origin;
      case "regex": {
        const c = compileOriginRegex(o);
        return (x) => c.test(x);
      }
      default:
        throw new UnknownBehaviour("the koa2-cors origin function decides per request", policy.originsSpan ?? policy.span);
    }
  });
  return requestOrigin && accepts.some((t) => t(requestOrigin)) ? requestOrigin : null;
}
var koa2CorsResponder = (policy, request, app) => {
  const requestOrigin = request.headers["origin"] ?? "";
  const headers = {};
  appendVary(headers, "Origin");
  const origin = originValue2(policy, requestOrigin);
  if (origin === null) return { status: app.status, headers, producedBy: "app (the origin function returned nothing)" };
  const credentials = valueOf(policy.credentials, false, "credentials");
  const methods = valueOf(policy.allowMethods, ["GET", "PUT", "POST", "PATCH", "DELETE", "HEAD", "OPTIONS"], "allowMethods");
  const allowHeaders = valueOf(policy.allowHeaders, null, "allowHeaders");
  const expose = valueOf(policy.exposeHeaders, [], "exposeHeaders");
  const maxAge = valueOf(policy.maxAge, null, "maxAge");
  setHeader(headers, "Access-Control-Allow-Origin", origin);
  if (request.method !== "OPTIONS") {
    if (credentials && origin !== "*") setHeader(headers, "Access-Control-Allow-Credentials", "true");
    if (expose.length) setHeader(headers, "Access-Control-Expose-Headers", policy.exposeHeaders.raw ?? expose.join(","));
    return { status: app.status, headers, producedBy: "app, headers added by koa2-cors" };
  }
  if (!request.headers["access-control-request-method"]) return { status: app.status, headers, producedBy: "app (OPTIONS without Access-Control-Request-Method)" };
  if (maxAge) setHeader(headers, "Access-Control-Max-Age", String(maxAge));
  if (credentials) setHeader(headers, "Access-Control-Allow-Credentials", "true");
  setHeader(headers, "Access-Control-Allow-Methods", policy.allowMethods.raw ?? methods.join(","));
  const allow = allowHeaders && allowHeaders.length ? policy.allowHeaders.raw ?? allowHeaders.join(",") : request.headers["access-control-request-headers"];
  setHeader(headers, "Access-Control-Allow-Headers", allow ?? "");
  return { status: 204, headers, producedBy: "koa2-cors preflight answer 204" };
};

// src/simulate/responders/manual-headers.ts
function originAccepted(policy, origin) {
  const entries = knownOrigins(policy);
  return entries.some((e) => {
    switch (e.kind) {
      case "any":
        return true;
      case "reflect":
        if (e.condition) throw new UnknownBehaviour(`the origin check is not known statically (${e.condition})`, e.span ?? policy.originsSpan);
        return true;
      case "exact":
        return origin === e.origin;
      case "null":
        return origin === "null";
      case "substring":
        return origin !== void 0 && e.haystack.includes(origin);
      case "regex":
        return compileOriginRegex(e).test(String(origin));
      default:
        return false;
    }
  });
}
function methodGuard(text, method) {
  const m = /^(!\()?\s*[\w$.]+\.method\s*(===|==|!==|!=)\s*(['"`])([A-Za-z]+)\3\s*(\))?$/.exec(text.trim());
  if (!m || Boolean(m[1]) !== Boolean(m[5])) return void 0;
  const equal = method.toUpperCase() === m[4].toUpperCase();
  const holds = m[2].startsWith("=") ? equal : !equal;
  return m[1] ? !holds : holds;
}
function guardHolds(h, policy, method, origin) {
  for (const guard of h.conditional.split(" && ")) {
    const byMethod = methodGuard(guard, method);
    if (byMethod === false) return false;
    if (byMethod === true) continue;
    if (/origin/i.test(guard)) {
      if (origin === void 0 || !originAccepted(policy, origin)) return false;
      continue;
    }
    throw new UnknownBehaviour(`${h.name} is only sent when \`${h.conditional}\` holds`, h.span);
  }
  return true;
}
function appliesToMethod(policy, method) {
  const methods = policy.scope.methods;
  return !methods || methods.length === 0 || methods.some((m) => m.toUpperCase() === method || m === "*");
}
var manualHeadersResponder = (policy, request, app) => {
  if (policy.origins.some((e) => e.kind === "reflect" && e.from)) knownOrigins(policy);
  const origin = request.headers["origin"];
  const isOptions = request.method === "OPTIONS";
  const headers = {};
  const headerSpans = {};
  const emitted = policy.emittedHeaders ?? [];
  const routeMatches = appliesToMethod(policy, request.method);
  if (routeMatches) {
    for (const h of emitted) {
      if (h.conditional && !guardHolds(h, policy, request.method, origin)) continue;
      let value = h.value;
      if (h.dependsOnOrigin) {
        if (!h.conditional && !originAccepted(policy, origin)) continue;
        value = origin ?? "undefined";
      }
      if (value === "") continue;
      if (h.combine === "add") addHeader(headers, h.name, value);
      else setHeader(headers, h.name, value);
      headerSpans[h.name.toLowerCase()] = h.span;
    }
  }
  let status = app.status;
  let producedBy = "application code";
  if (isOptions && policy.preflight.value === "handled") {
    const preflightStatus = policy.libraryOptions?.preflightStatus;
    status = typeof preflightStatus === "number" ? preflightStatus : null;
    producedBy = typeof preflightStatus === "number" ? "application code answers OPTIONS" : "application code answers OPTIONS (status not visible to the linter)";
  } else if (isOptions) {
    producedBy = "OPTIONS goes on to the rest of the application";
  }
  return { status, headers, headerSpans, producedBy };
};

// src/extract/nginx/simulate.ts
function simulate(tree, maps, req, options = {}) {
  const server = findServer(tree);
  const vars = /* @__PURE__ */ new Map();
  const headers = Object.fromEntries(Object.entries(req.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const get = (name, depth = 0) => {
    if (vars.has(name)) return vars.get(name);
    if (name.startsWith("http_")) return headers[name.slice(5).replace(/_/g, "-")] ?? "";
    if (name === "request_method") return req.method;
    if (name === "uri" || name === "document_uri") return req.path.split("?")[0];
    if (name === "request_uri") return req.path;
    if (name === "scheme") return "http";
    const map = maps.get(name);
    if (map && depth < 10) {
      const picked = mapLookup(map, evalValue(map.source, (n) => get(n, depth + 1)));
      return picked ? evalWord(picked, (n) => get(n, depth + 1)) : "";
    }
    return "";
  };
  let conf = server;
  let status;
  let closed = false;
  const run = (block) => {
    for (const d of block.body) {
      if (d.name === "set" && d.args.length >= 2) vars.set(varName(d.args[0].value), evalWord(d.args[1], get));
      else if (d.name === "if") {
        const child = block.children.find((c) => c.directive === d);
        if (!child?.condition) continue;
        if (evaluateCondition(child.condition, (n) => get(n)) !== true) continue;
        conf = child;
        if (run(child)) return true;
      } else if (d.name === "return" && d.args[0]) {
        const code = Number(d.args[0].value);
        status = Number.isInteger(code) ? code : 302;
        if (status === 444) closed = true;
        return true;
      }
    }
    return false;
  };
  if (!run(server)) {
    const location = findLocation(server, req.path.split("?")[0]);
    if (location) {
      conf = location;
      const limit = location.children.find((c) => c.kind === "limit_except");
      if (limit && !allows(limit.methods ?? [], req.method)) conf = limit;
      const returned = run(conf === limit ? limit : location);
      if (!returned) {
        if (conf.kind === "limit_except" && conf.body.some((d) => d.name === "deny" && d.args[0]?.value === "all")) status = 403;
        else status = content(location, req.method, options);
      }
    } else status = content(server, req.method, options);
  }
  if (closed) return { status, headers: [], block: conf.label, closed };
  const final = status ?? "unknown";
  const out = [];
  for (const h of effectiveAddHeaders(conf)) {
    if (!h.always && (final === "unknown" || !SAFE_STATUSES.includes(final))) continue;
    const value = evalWord(h.value, get);
    if (value !== "") out.push({ name: h.name, value });
  }
  for (const h of effectiveMoreHeaders(conf)) {
    if (h.statuses && (final === "unknown" || !h.statuses.includes(final))) continue;
    const value = evalWord(h.value, get);
    const existing = out.findIndex((o) => o.name.toLowerCase() === h.name.toLowerCase());
    if (existing >= 0) out.splice(existing, 1);
    if (value !== "") out.push({ name: h.name, value });
  }
  return { status: final, headers: out, block: conf.label };
}
function allows(methods, method) {
  const m = method.toUpperCase();
  return methods.includes(m) || m === "HEAD" && methods.includes("GET");
}
function content(block, method, options) {
  if (block.body.some((d) => /_pass$|^content_by_lua/.test(d.name))) return options.upstreamStatus ?? "unknown";
  if (!["GET", "HEAD", "POST"].includes(method.toUpperCase())) return 405;
  return options.staticStatus ?? 404;
}
function findServer(tree) {
  const stack = [tree];
  while (stack.length) {
    const b = stack.shift();
    if (b.kind === "server") return b;
    stack.push(...b.children);
  }
  return tree;
}
function findLocation(container, uri) {
  const locations = container.children.filter((c) => c.kind === "location");
  const modifier = (b) => b.directive.args.length > 1 ? b.directive.args[0].value : "";
  const target = (b) => b.directive.args[b.directive.args.length - 1]?.value ?? "";
  const statics = locations.filter((b) => !["~", "~*"].includes(modifier(b)) && !target(b).startsWith("@"));
  const exact = statics.find((b) => modifier(b) === "=" && target(b) === uri);
  if (exact) return exact;
  let found;
  for (const b of statics) {
    if (modifier(b) === "=" || !uri.startsWith(target(b))) continue;
    if (!found || target(b).length > target(found).length) found = b;
  }
  if (found) {
    const inner = findLocation(found, uri);
    if (inner) found = inner;
    if (modifier(found) === "^~") return found;
  }
  for (const b of locations) {
    const m = modifier(b);
    if (m !== "~" && m !== "~*") continue;
    if (toJsRegex(target(b), m === "~*")?.test(uri)) return b;
  }
  return found;
}
function evalWord(word, get) {
  return evalValue(word.value, get);
}
function evalValue(value, get) {
  return value.replace(/\$(?:\{(\w+)\}|(\w+))/g, (_, a, b) => get((a ?? b).toLowerCase()));
}

// src/simulate/responders/nginx-interim.ts
var NGINX_ADD_HEADER_STATUSES = [200, 201, 204, 206, 301, 302, 303, 304, 307, 308];
function expand(h, origin) {
  return h.value.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (_m, name) => {
    if (name === "http_origin") return origin ?? "";
    throw new UnknownBehaviour(`${h.name} uses $${name}, which the linter does not evaluate`, h.span);
  });
}
var nginxInterimResponder = (policy, request, app) => {
  const origin = request.headers["origin"];
  let status = app.status;
  if (request.method === "OPTIONS") {
    const s = policy.libraryOptions?.preflightStatus;
    status = typeof s === "number" ? s : policy.preflight.value === "handled" ? null : app.status;
  }
  const headers = {};
  const headerSpans = {};
  for (const h of policy.emittedHeaders ?? []) {
    if (h.conditional) throw new UnknownBehaviour(`${h.name} is only sent when \`${h.conditional}\` holds`, h.span);
    if (!h.always && (status === null || !NGINX_ADD_HEADER_STATUSES.includes(status))) {
      if (status === null) throw new UnknownBehaviour("the status of this response is not known, and add_header without `always` depends on it", h.span);
      continue;
    }
    const value = expand(h, origin);
    if (value === "") continue;
    if (h.combine === "replace") setHeader(headers, h.name, value);
    else addHeader(headers, h.name, value);
    headerSpans[h.name.toLowerCase()] = h.span;
  }
  return { status, headers, headerSpans, producedBy: "nginx add_header" };
};

// src/simulate/responders/nginx.ts
var nginxResponder = (policy, request, app) => {
  const ctx = nginxContextOf(policy);
  if (!ctx) return nginxInterimResponder(policy, request, app);
  const predicted = simulate(ctx.server, ctx.maps, { method: request.method, path: request.path, headers: request.headers }, { upstreamStatus: app.status, staticStatus: app.status });
  const headers = {};
  for (const h of predicted.headers) addHeader(headers, h.name, h.value);
  const spans = {};
  const answering = findByLabel(ctx.block, predicted.block) ?? findByLabel(ctx.server, predicted.block);
  if (answering) for (const h of effectiveAddHeaders(answering)) spans[h.name.toLowerCase()] ??= h.span;
  for (const e of policy.emittedHeaders ?? []) spans[e.name.toLowerCase()] ??= e.span;
  return {
    status: predicted.closed ? null : predicted.status === "unknown" ? null : predicted.status,
    headers,
    headerSpans: spans,
    producedBy: `nginx (${predicted.block})${predicted.closed ? ", connection closed (444)" : ""}`
  };
};
function findByLabel(root, label) {
  const stack = [root];
  while (stack.length) {
    const b = stack.shift();
    if (b.label === label) return b;
    stack.push(...b.children);
  }
  return void 0;
}

// src/simulate/responders/npm-cors.ts
function originSetting(policy) {
  if (policy.libraryOptions?.disabled === true) return "disabled";
  const origins = knownOrigins(policy);
  if (origins.length === 1 && origins[0].kind === "any") return { mode: "any" };
  const only = origins.length === 1 ? origins[0] : void 0;
  if (only?.sentVerbatim && (only.kind === "exact" || only.kind === "null")) {
    return { mode: "fixed", value: only.kind === "exact" ? only.origin : "null" };
  }
  const testers = origins.map((o) => entryTester(o, policy));
  return { mode: "match", test: (origin) => testers.some((t) => t(origin)) };
}
function entryTester(entry, policy) {
  switch (entry.kind) {
    case "exact":
      return (o) => o === entry.origin;
    case "null":
      return (o) => o === "null";
    case "any":
      return (o) => o === "*";
    case "reflect":
      if (entry.condition) {
        throw new UnknownBehaviour(`the origin function decides per request (${entry.condition})`, entry.span ?? policy.originsSpan);
      }
      return () => true;
    case "regex": {
      const compiled = compileOriginRegex(entry);
      if (compiled.stateful) {
        throw new UnknownBehaviour(
          `the RegExp /${entry.pattern}/${entry.flags ?? ""} keeps lastIndex between requests, so RegExp.test alternates between allow and deny`,
          entry.span ?? policy.originsSpan
        );
      }
      return (o) => compiled.test(String(o));
    }
    default:
      throw new UnknownBehaviour(`origin entry of kind ${entry.kind} is not an npm cors option`, entry.span);
  }
}
function joinList(v, raw) {
  return raw ?? v.join(",");
}
var npmCorsResponder = (policy, request, app) => {
  const setting2 = originSetting(policy);
  if (setting2 === "disabled") return { status: app.status, headers: {}, producedBy: "route handler (origin: false disables cors)" };
  const credentials = valueOf(policy.credentials, false, "credentials");
  const methods = valueOf(policy.allowMethods, ["GET", "HEAD", "PUT", "PATCH", "POST", "DELETE"], "methods");
  const allowedHeaders = valueOf(policy.allowHeaders, null, "allowedHeaders");
  const exposed = valueOf(policy.exposeHeaders, [], "exposedHeaders");
  const maxAge = valueOf(policy.maxAge, null, "maxAge");
  const requestOrigin = request.headers["origin"];
  const headers = {};
  if (policy.libraryOptions?.originFunction === true && setting2.mode === "match" && !setting2.test(requestOrigin)) {
    return { status: app.status, headers, producedBy: "route handler (the origin function refused, cors() adds nothing)" };
  }
  if (setting2.mode === "any") setHeader(headers, "Access-Control-Allow-Origin", "*");
  else if (setting2.mode === "fixed") {
    setHeader(headers, "Access-Control-Allow-Origin", setting2.value);
    appendVary(headers, "Origin");
  } else {
    if (setting2.test(requestOrigin) && requestOrigin) setHeader(headers, "Access-Control-Allow-Origin", requestOrigin);
    appendVary(headers, "Origin");
  }
  if (credentials) setHeader(headers, "Access-Control-Allow-Credentials", "true");
  if (request.method !== "OPTIONS") {
    if (exposed.length) setHeader(headers, "Access-Control-Expose-Headers", joinList(exposed, policy.exposeHeaders.raw));
    return { status: app.status, headers, producedBy: "route handler, headers added by cors()" };
  }
  if (methods.length) setHeader(headers, "Access-Control-Allow-Methods", joinList(methods, policy.allowMethods.raw));
  if (allowedHeaders === null) {
    appendVary(headers, "Access-Control-Request-Headers");
    const requested = request.headers["access-control-request-headers"];
    if (requested) setHeader(headers, "Access-Control-Allow-Headers", requested);
  } else if (allowedHeaders.length) setHeader(headers, "Access-Control-Allow-Headers", joinList(allowedHeaders, policy.allowHeaders.raw));
  if (maxAge !== null) setHeader(headers, "Access-Control-Max-Age", String(maxAge));
  if (exposed.length) setHeader(headers, "Access-Control-Expose-Headers", joinList(exposed, policy.exposeHeaders.raw));
  if (libraryOption(policy, "preflightContinue", false)) {
    return { status: app.status, headers, producedBy: "route handler (preflightContinue passes OPTIONS on)" };
  }
  const status = Number(libraryOption(policy, "optionsSuccessStatus", 204));
  return { status, headers, producedBy: `cors() answers every OPTIONS request with ${status}` };
};

// src/simulate/responders/starlette.ts
var SAFELISTED_HEADERS = ["Accept", "Accept-Language", "Content-Language", "Content-Type"];
function configure(policy) {
  const version = policy.libraryVersion;
  const origins = knownOrigins(policy);
  const allMethods = atLeast(version, "0.15.0") ? ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"] : ["DELETE", "GET", "OPTIONS", "PATCH", "POST", "PUT"];
  let allowMethods = valueOf(policy.allowMethods, ["GET"], "allow_methods");
  if (allowMethods.includes("*")) allowMethods = allMethods;
  const rawHeaders = valueOf(policy.allowHeaders, [], "allow_headers");
  const credentials = valueOf(policy.credentials, false, "allow_credentials");
  const expose = valueOf(policy.exposeHeaders, [], "expose_headers");
  const maxAge = valueOf(policy.maxAge, 600, "max_age");
  const allowAll = origins.some((o) => o.kind === "any" || o.kind === "substring" && o.haystack.includes("*"));
  const allowAllHeaders = rawHeaders.includes("*");
  const preflightExplicit = atLeast(version, "0.15.0") ? !allowAll || credentials : !allowAll;
  const simpleHeaders = [];
  if (allowAll) simpleHeaders.push(["Access-Control-Allow-Origin", "*"]);
  if (credentials) simpleHeaders.push(["Access-Control-Allow-Credentials", "true"]);
  if (expose.length) simpleHeaders.push(["Access-Control-Expose-Headers", expose.join(", ")]);
  const preflightHeaders = [];
  if (preflightExplicit) preflightHeaders.push(["Vary", "Origin"]);
  else preflightHeaders.push(["Access-Control-Allow-Origin", "*"]);
  preflightHeaders.push(["Access-Control-Allow-Methods", allowMethods.join(", ")]);
  preflightHeaders.push(["Access-Control-Max-Age", String(maxAge)]);
  const withSafelisted = atLeast(version, "0.13.3") ? [.../* @__PURE__ */ new Set([...SAFELISTED_HEADERS, ...rawHeaders])].sort() : rawHeaders;
  if (withSafelisted.length && !allowAllHeaders) preflightHeaders.push(["Access-Control-Allow-Headers", withSafelisted.join(", ")]);
  if (credentials) preflightHeaders.push(["Access-Control-Allow-Credentials", "true"]);
  const regexMode = atLeast(version, "0.13.1") ? void 0 : "match";
  const testers = origins.map((o) => originTester(o, regexMode));
  return {
    allowAll,
    isAllowed: (origin) => allowAll || testers.some((t) => t(origin)),
    allowMethods,
    allowHeadersLower: withSafelisted.map((h) => h.toLowerCase()),
    allowAllHeaders,
    credentials,
    simpleHeaders,
    preflightHeaders,
    preflightExplicit,
    version
  };
}
function originTester(entry, regexMode) {
  switch (entry.kind) {
    case "exact":
      return (o) => o === entry.origin;
    case "null":
      return (o) => o === "null";
    case "substring":
      return (o) => entry.haystack.includes(o);
    case "regex": {
      const compiled = compileOriginRegex(regexMode ? { ...entry, mode: regexMode } : entry);
      return (o) => compiled.test(o);
    }
    default:
      return () => false;
  }
}
function preflight(cfg, request) {
  const origin = request.headers["origin"];
  const method = request.headers["access-control-request-method"];
  const requested = request.headers["access-control-request-headers"];
  const headers = {};
  for (const [k, v] of cfg.preflightHeaders) setHeader(headers, k, v);
  const failures = [];
  if (cfg.isAllowed(origin)) {
    if (cfg.preflightExplicit) setHeader(headers, "Access-Control-Allow-Origin", origin);
  } else failures.push("origin");
  if (!cfg.allowMethods.includes(method)) failures.push("method");
  if (cfg.allowAllHeaders && requested !== void 0) setHeader(headers, "Access-Control-Allow-Headers", requested);
  else if (requested !== void 0) {
    for (const h of requested.toLowerCase().split(",")) {
      if (!cfg.allowHeadersLower.includes(h.trim())) {
        failures.push("headers");
        break;
      }
    }
  }
  if (failures.length) {
    const cause = failures[0] === "origin" ? "origin" : failures[0] === "method" ? "methods" : "headers";
    return { status: 400, headers, statusCause: cause, producedBy: `CORSMiddleware preflight: "Disallowed CORS ${failures.join(", ")}"` };
  }
  return { status: 200, headers, producedBy: 'CORSMiddleware preflight: "OK"' };
}
function actual(cfg, request, status) {
  const origin = request.headers["origin"];
  const headers = {};
  for (const [k, v] of cfg.simpleHeaders) setHeader(headers, k, v);
  const echoWildcard = atLeast(cfg.version, "1.0.0") ? cfg.credentials : request.headers["cookie"] !== void 0;
  const explicit = cfg.allowAll && echoWildcard || !cfg.allowAll && cfg.isAllowed(origin);
  if (explicit) {
    setHeader(headers, "Access-Control-Allow-Origin", origin);
    if (atLeast(cfg.version, "0.15.0") || !cfg.allowAll) appendVaryRaw(headers, "Origin");
  }
  const note = cfg.allowAll && !atLeast(cfg.version, "1.0.0") && cfg.credentials && request.headers["cookie"] !== void 0 ? `Starlette ${cfg.version ?? ""} echoes the Origin only because the request carries a Cookie; a credentialed request without cookies gets '*' and is blocked.`.replace("  ", " ") : void 0;
  return { status, headers, producedBy: "route handler, headers added by CORSMiddleware", note };
}
var starletteResponder = (policy, request, app) => {
  if (request.headers["origin"] === void 0) {
    return { status: app.status, headers: {}, producedBy: "route handler (no Origin: CORSMiddleware passes the request through)" };
  }
  const cfg = configure(policy);
  if (request.method === "OPTIONS" && request.headers["access-control-request-method"] !== void 0) return preflight(cfg, request);
  return actual(cfg, request, app.status);
};

// src/simulate/respond.ts
var RESPONDERS = {
  starlette: starletteResponder,
  cors: npmCorsResponder,
  "@fastify/cors": fastifyCorsResponder,
  "@koa/cors": koaCorsResponder,
  "koa2-cors": koa2CorsResponder,
  "flask-cors": flaskCorsResponder,
  "django-cors-headers": djangoCorsResponder,
  manual: manualHeadersResponder,
  nginx: nginxResponder
};
function respond(policy, request, app = { status: 200 }) {
  const normalized = {
    method: request.method,
    path: request.path,
    headers: Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), v]))
  };
  return RESPONDERS[policy.library](policy, normalized, app);
}

// src/simulate/simulate.ts
var SIMULATED_COOKIE = "session=1";
function browserRequests(req) {
  const method = normalizeMethod(req.method);
  const path5 = req.path ?? "/";
  const dropped = [];
  const pageHeaders = [];
  for (const text of req.requestHeaders) {
    const h = parsePageHeader(text);
    if (!h.name) continue;
    if (isForbiddenRequestHeader(h.name)) dropped.push(h.name);
    else pageHeaders.push(h);
  }
  const unsafeHeaders = unsafeHeaderNames(pageHeaders);
  const actualHeaders = {};
  for (const h of pageHeaders) actualHeaders[h.name.toLowerCase()] = h.value ?? (h.name.toLowerCase() === "content-type" ? "application/json" : "1");
  if (req.origin !== void 0) actualHeaders["origin"] = req.origin;
  if (req.credentials && req.cookie !== false) actualHeaders["cookie"] = SIMULATED_COOKIE;
  const actual2 = { method, path: path5, headers: actualHeaders };
  const wantsPreflight = req.origin !== void 0 && (req.preflight ?? needsPreflight(method, pageHeaders));
  let preflight2 = null;
  if (wantsPreflight) {
    const headers = { origin: req.origin, "access-control-request-method": method, accept: "*/*" };
    if (unsafeHeaders.length) headers["access-control-request-headers"] = unsafeHeaders.join(",");
    preflight2 = { method: "OPTIONS", path: path5, headers };
  }
  return { preflight: preflight2, actual: actual2, method, unsafeHeaders, dropped };
}
function blameSpan(policy, blame, response) {
  const spans = response?.headerSpans ?? {};
  const cause = blame === "status" ? response?.statusCause ?? "origin" : blame;
  switch (cause) {
    case "credentials":
      return spans["access-control-allow-credentials"] ?? policy.credentials.span ?? spans["access-control-allow-origin"] ?? policy.originsSpan ?? policy.span;
    case "methods":
      return spans["access-control-allow-methods"] ?? policy.allowMethods.span ?? policy.span;
    case "headers":
      return spans["access-control-allow-headers"] ?? policy.allowHeaders.span ?? policy.span;
    default:
      return spans["access-control-allow-origin"] ?? policy.originsSpan ?? policy.span;
  }
}
function wildcardSpan(policy, response) {
  return response.headerSpans?.["access-control-allow-origin"] ?? policy.originsSpan ?? policy.credentials.span ?? policy.span;
}
function failure(policy, message, blame, response) {
  const span = message.includes("must not be the wildcard '*'") ? wildcardSpan(policy, response) : blameSpan(policy, blame, response);
  return { allowed: false, reason: message, span };
}
function safely(policy, request, status) {
  try {
    return respond(policy, request, { status });
  } catch (error) {
    if (error instanceof UnknownBehaviour) return error;
    throw error;
  }
}
function defaultPath(policy) {
  const p = policy.scope.path;
  if (policy.library === "nginx" && policy.scope.kind === "location" && p && p.startsWith("/")) return p;
  if (p && /^\/[\w\-./]*$/.test(p)) return p;
  return "/";
}
function simulate2(policy, req) {
  const sent = browserRequests({ ...req, path: req.path ?? defaultPath(policy) });
  const credentials = req.credentials;
  const actualResponse = safely(policy, sent.actual, req.appStatus ?? 200);
  const actual2 = actualResponse instanceof UnknownBehaviour ? null : { request: sent.actual, response: actualResponse };
  let preflight2 = null;
  let preflightUnknown;
  if (sent.preflight) {
    const r = safely(policy, sent.preflight, 200);
    if (r instanceof UnknownBehaviour) preflightUnknown = r;
    else preflight2 = { request: sent.preflight, response: r };
  }
  const unknown = (u) => ({
    preflight: preflight2,
    actual: actual2,
    verdict: { allowed: "unknown", reason: `Cannot tell: ${u.why}.`, span: u.span ?? policy.span }
  });
  if (req.origin === void 0) {
    if (actualResponse instanceof UnknownBehaviour) return unknown(actualResponse);
    return {
      preflight: null,
      actual: actual2,
      verdict: { allowed: true, reason: "No Origin header is sent, so this is not a cross-origin browser request and CORS does not apply.", span: policy.span }
    };
  }
  const origin = req.origin;
  if (sent.preflight) {
    if (preflightUnknown) return unknown(preflightUnknown);
    const pr = preflight2.response;
    const problem2 = preflightCheck(pr.status ?? 200, pr.headers, origin, credentials, sent.method, sent.unsafeHeaders);
    if (problem2) return { preflight: preflight2, actual: actual2, verdict: failure(policy, problem2.message, problem2.blame, pr) };
    if (pr.status === null) {
      return {
        preflight: preflight2,
        actual: actual2,
        verdict: {
          allowed: "unknown",
          reason: `Cannot tell: the preflight's CORS headers pass, but its status is set by code the linter cannot see (${pr.producedBy ?? "the application"}); it must be 2xx.`,
          span: policy.span
        }
      };
    }
  }
  if (actualResponse instanceof UnknownBehaviour) return unknown(actualResponse);
  const problem = corsCheck(actualResponse.headers, origin, credentials);
  if (problem) return { preflight: preflight2, actual: actual2, verdict: failure(policy, problem.message, problem.blame, actualResponse) };
  const acao = getCombined(actualResponse.headers, "access-control-allow-origin");
  const parts = [`Access-Control-Allow-Origin: ${acao}`];
  if (credentials) parts.push("Access-Control-Allow-Credentials: true");
  const lead = sent.preflight ? `The preflight allows ${sent.method}${sent.unsafeHeaders.length ? ` with ${sent.unsafeHeaders.join(", ")}` : ""} and the response` : "The response";
  const dropped = sent.dropped.length ? ` (the browser does not let the page set ${sent.dropped.join(", ")})` : "";
  return {
    preflight: preflight2,
    actual: actual2,
    verdict: {
      allowed: true,
      reason: `${lead} carries ${parts.join(" and ")}${credentials ? ", so the page can read it with credentials" : ""}${dropped}.${actualResponse.note ? ` ${actualResponse.note}` : ""}`,
      span: blameSpan(policy, "allowed", actualResponse)
    }
  };
}

// src/version/find-version.ts
import fs2 from "node:fs";
import path2 from "node:path";

// src/version/manifests.ts
var import_yaml = __toESM(require_dist(), 1);

// src/version/packages.ts
var LIBRARY_PACKAGES = {
  starlette: { ecosystem: "python", name: "starlette" },
  "flask-cors": { ecosystem: "python", name: "flask-cors" },
  "django-cors-headers": { ecosystem: "python", name: "django-cors-headers" },
  cors: { ecosystem: "node", name: "cors" },
  "@fastify/cors": { ecosystem: "node", name: "@fastify/cors" },
  "@koa/cors": { ecosystem: "node", name: "@koa/cors" }
};
function normalizePythonName(name) {
  return name.toLowerCase().replace(/[-_.]+/g, "-");
}
var FASTAPI_STARLETTE = [
  { fastapi: "0.10.0", starlette: "==0.11.1" },
  { fastapi: "0.23.0", starlette: ">=0.11.1,<=0.12.0" },
  { fastapi: "0.34.0", starlette: ">=0.11.1,<=0.12.7" },
  { fastapi: "0.38.0", starlette: ">=0.11.1,<=0.12.8" },
  { fastapi: "0.41.0", starlette: "==0.12.9" },
  { fastapi: "0.50.0", starlette: "==0.13.2" },
  { fastapi: "0.57.0", starlette: "==0.13.4" },
  { fastapi: "0.60.1", starlette: "==0.13.6" },
  { fastapi: "0.65.0", starlette: "==0.14.2" },
  { fastapi: "0.69.0", starlette: "==0.15.0" },
  { fastapi: "0.70.0", starlette: "==0.16.0" },
  { fastapi: "0.71.0", starlette: "==0.17.1" },
  { fastapi: "0.76.0", starlette: "==0.18.0" },
  { fastapi: "0.77.0", starlette: "==0.19.0" },
  { fastapi: "0.77.1", starlette: "==0.19.1" },
  { fastapi: "0.85.0", starlette: "==0.20.4" },
  { fastapi: "0.87.0", starlette: "==0.21.0" },
  { fastapi: "0.88.0", starlette: "==0.22.0" },
  { fastapi: "0.90.0", starlette: ">=0.22.0,<=0.23.0" },
  { fastapi: "0.90.1", starlette: ">=0.22.0,<0.24.0" },
  { fastapi: "0.91.0", starlette: ">=0.24.0,<0.25.0" },
  { fastapi: "0.92.0", starlette: ">=0.25.0,<0.26.0" },
  { fastapi: "0.94.0", starlette: ">=0.26.0,<0.27.0" },
  { fastapi: "0.94.1", starlette: ">=0.26.1,<0.27.0" },
  { fastapi: "0.95.2", starlette: ">=0.27.0,<0.28.0" },
  { fastapi: "0.107.0", starlette: ">=0.28.0,<0.29.0" },
  { fastapi: "0.108.0", starlette: ">=0.29.0,<0.33.0" },
  { fastapi: "0.109.0", starlette: ">=0.35.0,<0.36.0" },
  { fastapi: "0.109.2", starlette: ">=0.36.3,<0.37.0" },
  { fastapi: "0.110.1", starlette: ">=0.37.2,<0.38.0" },
  { fastapi: "0.112.1", starlette: ">=0.37.2,<0.39.0" },
  { fastapi: "0.115.2", starlette: ">=0.37.2,<0.41.0" },
  { fastapi: "0.115.3", starlette: ">=0.40.0,<0.42.0" },
  { fastapi: "0.115.7", starlette: ">=0.40.0,<0.46.0" },
  { fastapi: "0.115.10", starlette: ">=0.40.0,<0.47.0" },
  { fastapi: "0.116.1", starlette: ">=0.40.0,<0.48.0" },
  { fastapi: "0.116.2", starlette: ">=0.40.0,<0.49.0" },
  { fastapi: "0.120.1", starlette: ">=0.40.0,<0.50.0" },
  { fastapi: "0.121.3", starlette: ">=0.40.0,<0.51.0" },
  { fastapi: "0.128.3", starlette: ">=0.40.0,<1.0.0" },
  { fastapi: "0.133.0", starlette: ">=0.40.0" },
  { fastapi: "0.134.0", starlette: ">=0.46.0" }
];
var STARLETTE_BEHAVIOUR_CHANGES = ["0.13.1", "0.13.3", "0.15.0", "1.0.0"];

// src/version/manifests.ts
function pinFromSpec(spec) {
  const exact = /^\s*===?\s*([\w.+!-]+)\s*$/.exec(spec);
  return exact ? { version: exact[1], spec: spec.trim() } : { spec: spec.trim() };
}
function readRequirements(text) {
  const out = /* @__PURE__ */ new Map();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\s+#.*$/, "").trim();
    if (!line || line.startsWith("#") || line.startsWith("-")) continue;
    const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*([^;]*)/.exec(line);
    if (!m) continue;
    out.set(normalizePythonName(m[1]), pinFromSpec(m[2]));
  }
  return out;
}
function readTomlPackageLock(text) {
  const out = /* @__PURE__ */ new Map();
  for (const block of text.split(/^\[\[package\]\]\s*$/m).slice(1)) {
    const body = block.split(/^\[/m)[0];
    const name = /^name\s*=\s*"([^"]+)"/m.exec(body)?.[1];
    const version = /^version\s*=\s*"([^"]+)"/m.exec(body)?.[1];
    if (name && version) out.set(normalizePythonName(name), { version });
  }
  return out;
}
function readPipfileLock(text) {
  const out = /* @__PURE__ */ new Map();
  const data = JSON.parse(text);
  for (const section of ["develop", "default"]) {
    for (const [name, info] of Object.entries(data[section] ?? {})) {
      if (typeof info?.version === "string") out.set(normalizePythonName(name), pinFromSpec(info.version));
    }
  }
  return out;
}
function readPyproject(text) {
  const out = /* @__PURE__ */ new Map();
  for (const m of text.matchAll(/"([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*((?:[=<>!~]=?|===)[^";]*)?[^"]*"/g)) {
    if (m[2] !== void 0) out.set(normalizePythonName(m[1]), pinFromSpec(m[2]));
  }
  const poetry = /^\[tool\.poetry(?:\.group\.[\w-]+)?\.dependencies\]\s*$([\s\S]*?)(?=^\[|(?![\s\S]))/gm;
  for (const section of text.matchAll(poetry)) {
    for (const line of section[1].split(/\r?\n/)) {
      const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*=\s*(?:"([^"]*)"|\{[^}]*version\s*=\s*"([^"]*)")/.exec(line.trim());
      if (!m) continue;
      const spec = m[2] ?? m[3] ?? "";
      out.set(normalizePythonName(m[1]), /^\d[\w.]*$/.test(spec) ? { version: spec, spec } : pinFromSpec(spec));
    }
  }
  return out;
}
function readPackageLock(text) {
  const out = /* @__PURE__ */ new Map();
  const data = JSON.parse(text);
  for (const [key, info] of Object.entries(data.packages ?? {})) {
    const m = /^node_modules\/((?:@[^/]+\/)?[^/]+)$/.exec(key);
    if (m && info.version) out.set(m[1], { version: info.version });
  }
  for (const [name, info] of Object.entries(data.dependencies ?? {})) {
    if (!out.has(name) && info.version) out.set(name, { version: info.version });
  }
  return out;
}
function readYarnLock(text) {
  const out = /* @__PURE__ */ new Map();
  for (const block of text.split(/\r?\n(?=\S)/)) {
    const header = block.split(/\r?\n/)[0];
    const version = /^\s+version:?\s+"?([^"\s]+)"?/m.exec(block)?.[1];
    if (!version) continue;
    for (const entry of header.replace(/:$/, "").split(",")) {
      const m = /^"?((?:@[^@/"]+\/)?[^@"]+)@/.exec(entry.trim());
      if (m && !out.has(m[1])) out.set(m[1], { version });
    }
  }
  return out;
}
function readPnpmLock(text) {
  const out = /* @__PURE__ */ new Map();
  const data = import_yaml.default.parse(text);
  const take = (deps) => {
    for (const [name, info] of Object.entries(deps ?? {})) {
      const v = typeof info === "string" ? info : info?.version;
      if (typeof v === "string" && !out.has(name)) out.set(name, { version: v.replace(/\(.*$/, "") });
    }
  };
  const importers = data.importers ?? {};
  for (const imp of Object.values(importers)) for (const k of ["dependencies", "devDependencies", "optionalDependencies"]) take(imp[k]);
  for (const k of ["dependencies", "devDependencies", "optionalDependencies"]) take(data[k]);
  for (const key of Object.keys(data.packages ?? {})) {
    const m = /^\/?((?:@[^/@]+\/)?[^/@]+)[@/](\d[^(/]*)/.exec(key);
    if (m && !out.has(m[1])) out.set(m[1], { version: m[2] });
  }
  return out;
}
var MANIFESTS = [
  { matches: (n) => n === "poetry.lock", ecosystem: "python", lock: true, read: readTomlPackageLock },
  { matches: (n) => n === "uv.lock", ecosystem: "python", lock: true, read: readTomlPackageLock },
  { matches: (n) => n === "Pipfile.lock", ecosystem: "python", lock: true, read: readPipfileLock },
  { matches: (n) => /^requirements.*\.txt$/i.test(n), ecosystem: "python", lock: false, read: readRequirements },
  { matches: (n) => n === "pyproject.toml", ecosystem: "python", lock: false, read: readPyproject },
  { matches: (n) => n === "package-lock.json" || n === "npm-shrinkwrap.json", ecosystem: "node", lock: true, read: readPackageLock },
  { matches: (n) => n === "yarn.lock", ecosystem: "node", lock: true, read: readYarnLock },
  { matches: (n) => n === "pnpm-lock.yaml", ecosystem: "node", lock: true, read: readPnpmLock }
];

// src/version/semver-lite.ts
function compareVersions(a, b) {
  const x = parseVersion(a);
  const y = parseVersion(b);
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return 0;
}
function parseRange(spec) {
  const range = {};
  for (const part of spec.split(",").map((s) => s.trim())) {
    const m = /^(==|>=|<=|>|<|~=)\s*([\w.]+)/.exec(part);
    if (!m) continue;
    const [, op, v] = m;
    if (op === "==") return { min: { v, inclusive: true }, max: { v, inclusive: true } };
    if (op === ">=" || op === ">" || op === "~=") range.min = { v, inclusive: op !== ">" };
    if (op === "<=" || op === "<") range.max = { v, inclusive: op === "<=" };
  }
  return range;
}
function boundariesInside(range, boundaries) {
  return boundaries.filter((b) => {
    const aboveMin = !range.min || compareVersions(b, range.min.v) > 0;
    const belowMax = !range.max || (range.max.inclusive ? compareVersions(b, range.max.v) <= 0 : compareVersions(b, range.max.v) < 0);
    return aboveMin && belowMax;
  });
}

// src/version/find-version.ts
var MAX_MANIFEST_BYTES = 50 * 1024 * 1024;
function readFromDisk(root, abs) {
  const rel = path2.relative(root, abs);
  if (rel.startsWith("..") || path2.isAbsolute(rel)) return void 0;
  try {
    const stat = fs2.statSync(abs);
    if (!stat.isFile() || stat.size > MAX_MANIFEST_BYTES) return void 0;
    return fs2.readFileSync(abs, "utf8");
  } catch {
    return void 0;
  }
}
function listDir(dir) {
  try {
    return fs2.readdirSync(dir);
  } catch {
    return [];
  }
}
function pinsIn(project, dir, names, ecosystem) {
  const found = [];
  for (const kind of MANIFESTS.filter((m) => m.ecosystem === ecosystem)) {
    for (const name of names.filter((n) => kind.matches(n)).sort()) {
      const abs = path2.join(dir, name);
      let text;
      const viaProject = project.readText?.(abs);
      if (viaProject && "text" in viaProject) text = viaProject.text;
      else text = readFromDisk(project.root, abs);
      if (text === void 0) continue;
      try {
        found.push({ file: abs, pins: kind.read(text), lock: kind.lock });
      } catch {
      }
    }
  }
  return found.sort((a, b) => Number(b.lock) - Number(a.lock));
}
function fastapiToStarlette(fastapi) {
  let hit;
  for (const row of FASTAPI_STARLETTE) if (compareVersions(fastapi, row.fastapi) >= 0) hit = row.starlette;
  return hit ? { spec: hit } : void 0;
}
function starletteFromSpec(spec) {
  const range = parseRange(spec);
  if (boundariesInside(range, STARLETTE_BEHAVIOUR_CHANGES).length) return void 0;
  return range.min?.v;
}
function libraryVersionNear(project, fileAbs, library) {
  const pkg = LIBRARY_PACKAGES[library];
  if (!pkg) return void 0;
  const root = path2.resolve(project.root);
  const display = (abs) => project.displayPath?.(abs) ?? path2.relative(project.cwd ?? process.cwd(), abs).split(path2.sep).join("/");
  let dir = path2.dirname(path2.resolve(fileAbs));
  for (; ; ) {
    const manifests = pinsIn(project, dir, (project.listDir ?? listDir)(dir), pkg.ecosystem);
    for (const m of manifests) {
      const pin = m.pins.get(pkg.name);
      if (pin?.version) return { version: pin.version, source: display(m.file) };
      if (pin?.spec && library === "starlette") {
        const v = starletteFromSpec(pin.spec);
        return { version: v, source: display(m.file), note: v ? `starlette${pin.spec}` : `starlette${pin.spec} spans a CORSMiddleware behaviour change; the newest behaviour is assumed` };
      }
    }
    if (library === "starlette") {
      for (const m of manifests) {
        const fastapi = m.pins.get("fastapi");
        if (!fastapi) continue;
        if (!fastapi.version) {
          return { source: display(m.file), note: `fastapi${fastapi.spec ?? ""} is not pinned, so the Starlette version is unknown; the newest behaviour is assumed` };
        }
        const implied = fastapiToStarlette(fastapi.version);
        if (!implied) return { source: display(m.file), note: `fastapi ${fastapi.version} predates the known Starlette requirements` };
        const v = starletteFromSpec(implied.spec);
        return {
          version: v,
          source: display(m.file),
          note: v ? `fastapi ${fastapi.version} requires starlette${implied.spec}` : `fastapi ${fastapi.version} allows starlette${implied.spec}, which spans a CORSMiddleware behaviour change; the newest behaviour is assumed`
        };
      }
    }
    if (dir === root || path2.dirname(dir) === dir || !dir.startsWith(root)) return void 0;
    dir = path2.dirname(dir);
  }
}
function absOf(project, displayFile) {
  const hit = project.allFiles?.find((f) => f.path === displayFile);
  return hit ? hit.absPath : path2.resolve(project.cwd ?? process.cwd(), displayFile);
}
function annotateVersions(policies, project) {
  let n = 0;
  for (const policy of policies) {
    if (policy.libraryVersion) continue;
    const info = libraryVersionNear(project, absOf(project, policy.span.file), policy.library);
    if (!info) continue;
    if (info.version) {
      policy.libraryVersion = info.version;
      n++;
    }
    policy.libraryVersionSource = info.source;
    if (info.note) policy.notes = [...policy.notes ?? [], `${policy.library} version: ${info.note} (${info.source})`];
  }
  return n;
}

// src/check/args.ts
import { parseArgs } from "node:util";
var CheckUsageError = class extends Error {
};
var CHECK_HELP = `Usage: cors-lint check --origin <origin> [options] [paths..]

Simulates a browser request against every CORS configuration found under the paths and says,
per configuration, whether the browser lets the page read the response.

Options:
  --origin <origin>      the page's origin, e.g. http://localhost:3000 (omit: no Origin header)
  --credentials          credentials: 'include' (cookies are sent)
  --no-cookie            with --credentials: the browser holds no cookie for the API yet
  -X, --method <method>  request method (default GET)
  -H, --header <header>  a request header the page sets, e.g. 'Authorization' or
                         'Content-Type: application/json' (repeatable)
  --headers <list>       comma-separated header names
  --path <path>          request path (default /)
  --app-status <code>    status the application answers with (default 200)
  -f, --format <format>  text | json (default text)
  -c, --config <file>    configuration file
Exit codes: 0 every configuration allows the request, 1 some do not (or none was found), 2 usage error.
`;
function isSerializedOrigin(text) {
  if (text === "null") return true;
  try {
    const url = new URL(text);
    return url.origin !== "null" && url.origin === text;
  } catch {
    return false;
  }
}
function originHint(text) {
  try {
    const url = new URL(text);
    if (url.origin !== "null" && url.origin !== text) return ` (a browser would send ${url.origin})`;
  } catch {
  }
  return "";
}
function parseCheckArgs(argv, cwd) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        origin: { type: "string" },
        credentials: { type: "boolean", default: false },
        "no-cookie": { type: "boolean", default: false },
        method: { type: "string", short: "X", default: "GET" },
        header: { type: "string", short: "H", multiple: true },
        headers: { type: "string", multiple: true },
        path: { type: "string" },
        "app-status": { type: "string" },
        format: { type: "string", short: "f", default: "text" },
        config: { type: "string", short: "c" },
        help: { type: "boolean", short: "h" }
      }
    });
  } catch (error) {
    throw new CheckUsageError(error.message);
  }
  const v = parsed.values;
  if (v.help) return "help";
  const format = String(v.format);
  if (format !== "text" && format !== "json") throw new CheckUsageError(`--format must be text or json, got '${format}'`);
  const method = String(v.method);
  if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(method)) throw new CheckUsageError(`--method '${method}' is not an HTTP method token`);
  const headers = [...v.header ?? [], ...(v.headers ?? []).flatMap((h) => h.split(",").map((s) => s.trim()).filter(Boolean))];
  let appStatus;
  if (v["app-status"] !== void 0) {
    appStatus = Number(v["app-status"]);
    if (!Number.isInteger(appStatus) || appStatus < 100 || appStatus > 599) throw new CheckUsageError(`--app-status must be an HTTP status code, got '${v["app-status"]}'`);
  }
  const args = {
    origin: v.origin,
    credentials: Boolean(v.credentials),
    noCookie: Boolean(v["no-cookie"]),
    method,
    headers,
    paths: parsed.positionals,
    format,
    cwd,
    config: v.config,
    path: v.path,
    appStatus
  };
  validateCheckArgs(args);
  return args;
}
function validateCheckArgs(args) {
  if (args.origin !== void 0 && !isSerializedOrigin(args.origin)) {
    throw new CheckUsageError(`--origin '${args.origin}' is not an origin a browser sends: use scheme://host[:port] with no path or trailing slash${originHint(args.origin)}`);
  }
  if (args.path !== void 0 && !args.path.startsWith("/")) throw new CheckUsageError(`--path must start with '/', got '${args.path}'`);
}

// src/check/run-check.ts
var CHECK_EXIT_ALLOWED = 0;
var CHECK_EXIT_BLOCKED = 1;
var CHECK_EXIT_USAGE = 2;
function scopeLabel(p) {
  const s = p.scope;
  const name = s.name ?? s.path;
  if (name && name.startsWith(s.kind)) return name;
  return [s.kind, name].filter(Boolean).join(" ");
}
function checkPolicy(policy, request) {
  const sim = simulate2(policy, request);
  const unknown = sim.verdict.allowed === "unknown";
  return {
    location: { file: policy.span.file, line: policy.span.line },
    stack: policy.stack,
    allowed: sim.verdict.allowed === true,
    reason: sim.verdict.reason,
    preflight: sim.preflight ? { status: sim.preflight.response.status, headers: corsHeadersOf(sim.preflight.response.headers) } : null,
    response: { headers: sim.actual ? corsHeadersOf(sim.actual.response.headers) : {} },
    detail: {
      column: policy.span.column,
      library: policy.library,
      libraryVersion: policy.libraryVersion,
      libraryVersionSource: policy.libraryVersionSource,
      scope: scopeLabel(policy),
      unknown,
      responsible: sim.verdict.span,
      preflightRequest: sim.preflight?.request,
      preflightProducedBy: sim.preflight?.response.producedBy,
      actualRequest: sim.actual?.request,
      actualStatus: sim.actual?.response.status,
      actualProducedBy: sim.actual?.response.producedBy
    }
  };
}
async function runCheck(args) {
  const request = {
    origin: args.origin,
    method: args.method || "GET",
    credentials: args.credentials,
    cookie: args.noCookie ? false : void 0,
    requestHeaders: args.headers,
    path: args.path,
    appStatus: args.appStatus
  };
  try {
    validateCheckArgs(args);
  } catch (error) {
    if (error instanceof CheckUsageError) return { results: [], exitCode: CHECK_EXIT_USAGE, diagnostics: [], request, error: error.message };
    throw error;
  }
  const cwd = path3.resolve(args.cwd ?? process.cwd());
  let linted;
  try {
    linted = await lint(args.paths, { cwd, configFile: args.config });
  } catch (error) {
    return { results: [], exitCode: CHECK_EXIT_USAGE, diagnostics: [], request, error: error.message };
  }
  const needVersion = linted.policies.filter((p) => !p.libraryVersion);
  const root = scanRoot(cwd, args.paths);
  if (needVersion.length) annotateVersions(needVersion, { root, cwd });
  attachNginxContexts(linted.policies, { root, cwd });
  const results = linted.policies.map((p) => checkPolicy(p, request));
  const exitCode = results.length > 0 && results.every((r) => r.allowed) ? CHECK_EXIT_ALLOWED : CHECK_EXIT_BLOCKED;
  return { results, exitCode, diagnostics: linted.diagnostics, request };
}
function scanRoot(cwd, paths) {
  const abs = (paths.length ? paths : ["."]).map((p) => path3.resolve(cwd, p));
  const inside = (dir, p) => {
    const rel = path3.relative(dir, p);
    return !rel.startsWith("..") && !path3.isAbsolute(rel);
  };
  if (abs.every((p) => inside(cwd, p))) return cwd;
  let common = path3.dirname(abs[0]);
  for (const p of abs) while (!inside(common, p)) common = path3.dirname(common);
  return common;
}

// src/check/render.ts
import fs3 from "node:fs";
import path4 from "node:path";
function renderJson(results) {
  const out = {
    results: results.map((r) => ({
      location: { file: r.location.file, line: r.location.line },
      stack: r.stack,
      allowed: r.allowed,
      reason: r.reason,
      preflight: r.preflight ? { status: r.preflight.status, headers: r.preflight.headers } : null,
      response: { headers: r.response.headers }
    }))
  };
  return `${JSON.stringify(out, null, 2)}
`;
}
function headerLines(headers, indent) {
  const lines = [];
  for (const [name, value] of Object.entries(headers)) {
    for (const v of Array.isArray(value) ? value : [value]) lines.push(`${indent}${name}: ${v}`);
  }
  return lines.length ? lines : [`${indent}(no CORS headers)`];
}
function sourceLine(cwd, span) {
  try {
    return fs3.readFileSync(path4.resolve(cwd, span.file), "utf8").split(/\r?\n/)[span.line - 1];
  } catch {
    return void 0;
  }
}
function describeRequest(r) {
  const parts = [`${r.method.toUpperCase()}${r.path ? ` ${r.path}` : ""}`, r.origin === void 0 ? "without an Origin header" : `from ${r.origin}`];
  if (r.credentials) parts.push(`with credentials: 'include'${r.cookie === false ? " (no cookie yet)" : ""}`);
  if (r.requestHeaders.length) parts.push(`with headers ${r.requestHeaders.join(", ")}`);
  return parts.join(" ");
}
function renderText(results, ctx) {
  const cwd = ctx.cwd ?? process.cwd();
  const out = [];
  if (ctx.request) out.push(`Request: ${describeRequest(ctx.request)}`, "");
  if (!results.length) {
    out.push("No CORS configuration found: the response carries no Access-Control-Allow-Origin header, so the browser blocks every cross-origin read.");
    return `${out.join("\n")}
`;
  }
  for (const r of results) {
    const d = r.detail;
    const versioned = d.library in LIBRARY_PACKAGES;
    const version = !versioned ? "" : d.libraryVersion ? ` ${d.libraryVersion}${d.libraryVersionSource ? ` (${d.libraryVersionSource})` : ""}` : " (newest behaviour; no version pinned)";
    out.push(`${r.location.file}:${r.location.line}:${d.column}  ${r.stack} \xB7 ${d.library}${version} \xB7 ${d.scope}`);
    if (r.preflight && d.preflightRequest) {
      const acrh = d.preflightRequest.headers["access-control-request-headers"];
      out.push(`  preflight  OPTIONS ${d.preflightRequest.path}  (Access-Control-Request-Method: ${d.preflightRequest.headers["access-control-request-method"]}${acrh ? `, Access-Control-Request-Headers: ${acrh}` : ""})`);
      out.push(`    -> ${r.preflight.status ?? "status set by application code"}${d.preflightProducedBy ? `  ${d.preflightProducedBy}` : ""}`);
      out.push(...headerLines(r.preflight.headers, "       "));
    } else {
      out.push("  preflight  none (simple request)");
    }
    if (d.actualRequest) {
      out.push(`  request    ${d.actualRequest.method} ${d.actualRequest.path}`);
      out.push(`    -> ${d.actualStatus ?? "status set by application code"}${d.actualProducedBy ? `  ${d.actualProducedBy}` : ""}`);
      out.push(...headerLines(r.response.headers, "       "));
    }
    const verdict = d.unknown ? "UNKNOWN" : r.allowed ? "ALLOWED" : "BLOCKED";
    out.push(`  ${verdict}: ${r.reason}`);
    if (d.responsible) {
      out.push(`  at ${d.responsible.file}:${d.responsible.line}:${d.responsible.column}`);
      const line = sourceLine(cwd, d.responsible);
      if (line !== void 0) out.push(`    ${String(d.responsible.line).padStart(4)} | ${line}`);
    }
    out.push("");
  }
  const allowed = results.filter((r) => r.allowed).length;
  const unknown = results.filter((r) => r.detail.unknown).length;
  out.push(
    `${results.length} ${results.length === 1 ? "configuration" : "configurations"}: ${allowed} allowed, ${results.length - allowed - unknown} blocked${unknown ? `, ${unknown} unknown` : ""}`
  );
  return `${out.join("\n")}
`;
}
function renderCheck(results, format, ctx = {}) {
  return format === "json" ? renderJson(results) : renderText(results, ctx);
}

// src/check/main.ts
async function checkMain(argv, io) {
  let args;
  try {
    args = parseCheckArgs(argv, io.cwd);
  } catch (error) {
    if (!(error instanceof CheckUsageError)) throw error;
    io.stderr(`cors-lint check: ${error.message}

${CHECK_HELP}`);
    return CHECK_EXIT_USAGE;
  }
  if (args === "help") {
    io.stdout(CHECK_HELP);
    return 0;
  }
  const run = await runCheck(args);
  if (run.error) {
    io.stderr(`cors-lint check: ${run.error}
`);
    return run.exitCode;
  }
  io.stdout(renderCheck(run.results, args.format, { request: run.request, cwd: io.cwd }));
  if (args.format === "text" && run.diagnostics.length) {
    for (const d of run.diagnostics) io.stderr(`${d.file}${d.line ? `:${d.line}:${d.column ?? 1}` : ""}: ${d.kind}: ${d.message}
`);
  }
  return run.exitCode;
}

// src/cli/check-command.ts
function runCheckCli(argv, io) {
  return checkMain(argv, io);
}
export {
  runCheckCli
};
