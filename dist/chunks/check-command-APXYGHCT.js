import { createRequire as __corsLintCreateRequire } from 'node:module'; const require = __corsLintCreateRequire(import.meta.url); import { fileURLToPath as __corsLintFileURLToPath } from 'node:url'; const __corsLintFilename = __corsLintFileURLToPath(import.meta.url); const __corsLintDirname = __corsLintFileURLToPath(new URL('.', import.meta.url));
import {
  FRAMEWORK_LABEL,
  attachNginxContexts,
  corsHeadersOf,
  environmentFitsOrigin,
  environmentVariants,
  libraryLabel,
  lint,
  newPolicy,
  originCallsApi,
  parse,
  require_dist,
  scanRoot,
  simulate,
  simulatePath
} from "./chunk-MKA6XT3C.js";
import "./chunk-LXGCFLD4.js";
import {
  require_semver
} from "./chunk-PBBCCHSY.js";
import "./chunk-7FLCUFHN.js";
import {
  __commonJS,
  __toESM
} from "./chunk-47KPZKYO.js";

// node_modules/@renovatebot/pep440/lib/version.js
var require_version = __commonJS({
  "node_modules/@renovatebot/pep440/lib/version.js"(exports, module) {
    var VERSION_PATTERN = [
      "v?",
      "(?:",
      /* */
      "(?:(?<epoch>[0-9]+)!)?",
      // epoch
      /* */
      "(?<release>[0-9]+(?:\\.[0-9]+)*)",
      // release segment
      /* */
      "(?<pre>",
      // pre-release
      /*    */
      "[-_\\.]?",
      /*    */
      "(?<pre_l>(a|b|c|rc|alpha|beta|pre|preview))",
      /*    */
      "[-_\\.]?",
      /*    */
      "(?<pre_n>[0-9]+)?",
      /* */
      ")?",
      /* */
      "(?<post>",
      // post release
      /*    */
      "(?:-(?<post_n1>[0-9]+))",
      /*    */
      "|",
      /*    */
      "(?:",
      /*        */
      "[-_\\.]?",
      /*        */
      "(?<post_l>post|rev|r)",
      /*        */
      "[-_\\.]?",
      /*        */
      "(?<post_n2>[0-9]+)?",
      /*    */
      ")",
      /* */
      ")?",
      /* */
      "(?<dev>",
      // dev release
      /*    */
      "[-_\\.]?",
      /*    */
      "(?<dev_l>dev)",
      /*    */
      "[-_\\.]?",
      /*    */
      "(?<dev_n>[0-9]+)?",
      /* */
      ")?",
      ")",
      "(?:\\+(?<local>[a-z0-9]+(?:[-_\\.][a-z0-9]+)*))?"
      // local version
    ].join("");
    module.exports = {
      VERSION_PATTERN,
      valid: valid2,
      clean,
      explain,
      parse: parse2,
      stringify
    };
    var validRegex = new RegExp("^" + VERSION_PATTERN + "$", "i");
    function valid2(version) {
      return validRegex.test(version) ? version : null;
    }
    var cleanRegex = new RegExp("^\\s*" + VERSION_PATTERN + "\\s*$", "i");
    function clean(version) {
      return stringify(parse2(version, cleanRegex));
    }
    function parse2(version, regex) {
      const { groups } = (regex || validRegex).exec(version) || {};
      if (!groups) {
        return null;
      }
      const parsed = {
        epoch: Number(groups.epoch ? groups.epoch : 0),
        release: groups.release.split(".").map(Number),
        pre: normalize_letter_version(groups.pre_l, groups.pre_n),
        post: normalize_letter_version(
          groups.post_l,
          groups.post_n1 || groups.post_n2
        ),
        dev: normalize_letter_version(groups.dev_l, groups.dev_n),
        local: parse_local_version(groups.local)
      };
      return parsed;
    }
    function stringify(parsed) {
      if (!parsed) {
        return null;
      }
      const { epoch, release, pre, post, dev, local } = parsed;
      const parts = [];
      if (epoch !== 0) {
        parts.push(`${epoch}!`);
      }
      parts.push(release.join("."));
      if (pre) {
        parts.push(pre.join(""));
      }
      if (post) {
        parts.push("." + post.join(""));
      }
      if (dev) {
        parts.push("." + dev.join(""));
      }
      if (local) {
        parts.push(`+${local}`);
      }
      return parts.join("");
    }
    function normalize_letter_version(letterIn, numberIn) {
      let letter = letterIn;
      let number = numberIn;
      if (letter) {
        if (!number) {
          number = 0;
        }
        letter = letter.toLowerCase();
        if (letter === "alpha") {
          letter = "a";
        } else if (letter === "beta") {
          letter = "b";
        } else if (["c", "pre", "preview"].includes(letter)) {
          letter = "rc";
        } else if (["rev", "r"].includes(letter)) {
          letter = "post";
        }
        return [letter, Number(number)];
      }
      if (!letter && number) {
        letter = "post";
        return [letter, Number(number)];
      }
      return null;
    }
    function parse_local_version(local) {
      if (local) {
        return local.split(/[._-]/).map(
          (part) => Number.isNaN(Number(part)) ? part.toLowerCase() : Number(part)
        );
      }
      return null;
    }
    function explain(version) {
      const parsed = parse2(version);
      if (!parsed) {
        return parsed;
      }
      const { epoch, release, pre, post, dev, local } = parsed;
      let base_version = "";
      if (epoch !== 0) {
        base_version += epoch + "!";
      }
      base_version += release.join(".");
      const is_prerelease = Boolean(dev || pre);
      const is_devrelease = Boolean(dev);
      const is_postrelease = Boolean(post);
      return {
        epoch,
        release,
        pre,
        post: post ? post[1] : post,
        dev: dev ? dev[1] : dev,
        local: local ? local.join(".") : local,
        public: stringify(parsed).split("+", 1)[0],
        base_version,
        is_prerelease,
        is_devrelease,
        is_postrelease
      };
    }
  }
});

// node_modules/@renovatebot/pep440/lib/operator.js
var require_operator = __commonJS({
  "node_modules/@renovatebot/pep440/lib/operator.js"(exports, module) {
    var { parse: parse2 } = require_version();
    module.exports = {
      compare: compare2,
      rcompare,
      lt,
      le,
      eq,
      ne,
      ge,
      gt,
      "<": lt,
      "<=": le,
      "==": eq,
      "!=": ne,
      ">=": ge,
      ">": gt,
      "===": arbitrary
    };
    function lt(version, other) {
      return compare2(version, other) < 0;
    }
    function le(version, other) {
      return compare2(version, other) <= 0;
    }
    function eq(version, other) {
      return compare2(version, other) === 0;
    }
    function ne(version, other) {
      return compare2(version, other) !== 0;
    }
    function ge(version, other) {
      return compare2(version, other) >= 0;
    }
    function gt(version, other) {
      return compare2(version, other) > 0;
    }
    function arbitrary(version, other) {
      return version.toLowerCase() === other.toLowerCase();
    }
    function compare2(version, other) {
      const parsedVersion = parse2(version);
      const parsedOther = parse2(other);
      const keyVersion = calculateKey(parsedVersion);
      const keyOther = calculateKey(parsedOther);
      return pyCompare(keyVersion, keyOther);
    }
    function rcompare(version, other) {
      return -compare2(version, other);
    }
    function pyCompare(elemIn, otherIn) {
      let elem = elemIn;
      let other = otherIn;
      if (elem === other) {
        return 0;
      }
      if (Array.isArray(elem) !== Array.isArray(other)) {
        elem = Array.isArray(elem) ? elem : [elem];
        other = Array.isArray(other) ? other : [other];
      }
      if (Array.isArray(elem)) {
        const len = Math.min(elem.length, other.length);
        for (let i = 0; i < len; i += 1) {
          const res = pyCompare(elem[i], other[i]);
          if (res !== 0) {
            return res;
          }
        }
        return elem.length - other.length;
      }
      if (elem === -Infinity || other === Infinity) {
        return -1;
      }
      if (elem === Infinity || other === -Infinity) {
        return 1;
      }
      return elem < other ? -1 : 1;
    }
    function calculateKey(input) {
      const { epoch } = input;
      let { release, pre, post, local, dev } = input;
      release = release.concat();
      release.reverse();
      while (release.length && release[0] === 0) {
        release.shift();
      }
      release.reverse();
      if (!pre && !post && dev) pre = -Infinity;
      else if (!pre) pre = Infinity;
      if (!post) post = -Infinity;
      if (!dev) dev = Infinity;
      if (!local) {
        local = -Infinity;
      } else {
        local = local.map(
          (i) => Number.isNaN(Number(i)) ? [-Infinity, i] : [Number(i), ""]
        );
      }
      return [epoch, release, pre, post, dev, local];
    }
  }
});

// node_modules/@renovatebot/pep440/lib/specifier.js
var require_specifier = __commonJS({
  "node_modules/@renovatebot/pep440/lib/specifier.js"(exports, module) {
    var { VERSION_PATTERN, explain: explainVersion } = require_version();
    var Operator = require_operator();
    var RANGE_PATTERN = [
      "(?<operator>(===|~=|==|!=|<=|>=|<|>))",
      "\\s*",
      "(",
      /*  */
      "(?<version>(?:" + VERSION_PATTERN.replace(/\?<\w+>/g, "?:") + "))",
      /*  */
      "(?<prefix>\\.\\*)?",
      /*  */
      "|",
      /*  */
      "(?<legacy>[^,;\\s)]+)",
      ")"
    ].join("");
    module.exports = {
      RANGE_PATTERN,
      parse: parse2,
      satisfies: satisfies2,
      filter,
      validRange: validRange2,
      maxSatisfying,
      minSatisfying
    };
    var isEqualityOperator = (op) => ["==", "!=", "==="].includes(op);
    var rangeRegex = new RegExp("^" + RANGE_PATTERN + "$", "i");
    function parse2(ranges) {
      if (!ranges.trim()) {
        return [];
      }
      const specifiers = ranges.split(",").map((range) => rangeRegex.exec(range.trim()) || {}).map(({ groups }) => {
        if (!groups) {
          return null;
        }
        let { ...spec } = groups;
        const { operator, version, prefix, legacy } = groups;
        if (version) {
          spec = { ...spec, ...explainVersion(version) };
          if (operator === "~=") {
            if (spec.release.length < 2) {
              return null;
            }
          }
          if (!isEqualityOperator(operator) && spec.local) {
            return null;
          }
          if (prefix) {
            if (!isEqualityOperator(operator) || spec.dev || spec.local) {
              return null;
            }
          }
        }
        if (legacy && operator !== "===") {
          return null;
        }
        return spec;
      });
      if (specifiers.filter(Boolean).length !== specifiers.length) {
        return null;
      }
      return specifiers;
    }
    function filter(versions, specifier, options = {}) {
      const filtered = pick(versions, specifier, options);
      if (filtered.length === 0 && options.prereleases === void 0) {
        return pick(versions, specifier, { prereleases: true });
      }
      return filtered;
    }
    function maxSatisfying(versions, range, options) {
      const found = filter(versions, range, options).sort(Operator.compare);
      return found.length === 0 ? null : found[found.length - 1];
    }
    function minSatisfying(versions, range, options) {
      const found = filter(versions, range, options).sort(Operator.compare);
      return found.length === 0 ? null : found[0];
    }
    function pick(versions, specifier, options) {
      const parsed = parse2(specifier);
      if (!parsed) {
        return [];
      }
      return versions.filter((version) => {
        const explained = explainVersion(version);
        if (!parsed.length) {
          return explained && !(explained.is_prerelease && !options.prereleases);
        }
        return parsed.reduce((pass, spec) => {
          if (!pass) {
            return false;
          }
          return contains({ ...spec, ...options }, { version, explained });
        }, true);
      });
    }
    function satisfies2(version, specifier, options = {}) {
      const filtered = pick([version], specifier, options);
      return filtered.length === 1;
    }
    function arrayStartsWith(array, prefix) {
      if (prefix.length > array.length) {
        return false;
      }
      for (let i = 0; i < prefix.length; i += 1) {
        if (prefix[i] !== array[i]) {
          return false;
        }
      }
      return true;
    }
    function contains(specifier, input) {
      const { explained } = input;
      let { version } = input;
      const { ...spec } = specifier;
      if (spec.prereleases === void 0) {
        spec.prereleases = spec.is_prerelease;
      }
      if (explained && explained.is_prerelease && !spec.prereleases) {
        return false;
      }
      if (spec.operator === "~=") {
        let compatiblePrefix = spec.release.slice(0, -1).concat("*").join(".");
        if (spec.epoch) {
          compatiblePrefix = spec.epoch + "!" + compatiblePrefix;
        }
        return satisfies2(version, `>=${spec.version}, ==${compatiblePrefix}`, {
          prereleases: spec.prereleases
        });
      }
      if (spec.prefix) {
        const isMatching = explained.epoch === spec.epoch && arrayStartsWith(explained.release, spec.release);
        const isEquality = spec.operator !== "!=";
        return isEquality ? isMatching : !isMatching;
      }
      if (explained) {
        if (explained.local && spec.version) {
          version = explained.public;
          spec.version = explainVersion(spec.version).public;
        }
      }
      if (spec.operator === "<" || spec.operator === ">") {
        if (Operator.eq(spec.release.join("."), explained.release.join("."))) {
          return false;
        }
      }
      const op = Operator[spec.operator];
      return op(version, spec.version || spec.legacy);
    }
    function validRange2(specifier) {
      return Boolean(parse2(specifier));
    }
  }
});

// node_modules/@renovatebot/pep440/lib/semantic.js
var require_semantic = __commonJS({
  "node_modules/@renovatebot/pep440/lib/semantic.js"(exports, module) {
    var { explain, parse: parse2, stringify } = require_version();
    module.exports = {
      major,
      minor,
      patch,
      inc
    };
    function major(input) {
      const version = explain(input);
      if (!version) {
        throw new TypeError("Invalid Version: " + input);
      }
      return version.release[0];
    }
    function minor(input) {
      const version = explain(input);
      if (!version) {
        throw new TypeError("Invalid Version: " + input);
      }
      if (version.release.length < 2) {
        return 0;
      }
      return version.release[1];
    }
    function patch(input) {
      const version = explain(input);
      if (!version) {
        throw new TypeError("Invalid Version: " + input);
      }
      if (version.release.length < 3) {
        return 0;
      }
      return version.release[2];
    }
    function inc(input, release, preReleaseIdentifier) {
      let identifier = preReleaseIdentifier || `a`;
      const version = parse2(input);
      if (!version) {
        return null;
      }
      if (!["a", "b", "c", "rc", "alpha", "beta", "pre", "preview"].includes(
        identifier
      )) {
        return null;
      }
      switch (release) {
        case "premajor":
          {
            const [majorVersion] = version.release;
            version.release.fill(0);
            version.release[0] = majorVersion + 1;
          }
          version.pre = [identifier, 0];
          delete version.post;
          delete version.dev;
          delete version.local;
          break;
        case "preminor":
          {
            const [majorVersion, minorVersion = 0] = version.release;
            version.release.fill(0);
            version.release[0] = majorVersion;
            version.release[1] = minorVersion + 1;
          }
          version.pre = [identifier, 0];
          delete version.post;
          delete version.dev;
          delete version.local;
          break;
        case "prepatch":
          {
            const [majorVersion, minorVersion = 0, patchVersion = 0] = version.release;
            version.release.fill(0);
            version.release[0] = majorVersion;
            version.release[1] = minorVersion;
            version.release[2] = patchVersion + 1;
          }
          version.pre = [identifier, 0];
          delete version.post;
          delete version.dev;
          delete version.local;
          break;
        case "prerelease":
          if (version.pre === null) {
            const [majorVersion, minorVersion = 0, patchVersion = 0] = version.release;
            version.release.fill(0);
            version.release[0] = majorVersion;
            version.release[1] = minorVersion;
            version.release[2] = patchVersion + 1;
            version.pre = [identifier, 0];
          } else {
            if (preReleaseIdentifier === void 0 && version.pre !== null) {
              [identifier] = version.pre;
            }
            const [letter, number] = version.pre;
            if (letter === identifier) {
              version.pre = [letter, number + 1];
            } else {
              version.pre = [identifier, 0];
            }
          }
          delete version.post;
          delete version.dev;
          delete version.local;
          break;
        case "major":
          if (version.release.slice(1).some((value) => value !== 0) || version.pre === null) {
            const [majorVersion] = version.release;
            version.release.fill(0);
            version.release[0] = majorVersion + 1;
          }
          delete version.pre;
          delete version.post;
          delete version.dev;
          delete version.local;
          break;
        case "minor":
          if (version.release.slice(2).some((value) => value !== 0) || version.pre === null) {
            const [majorVersion, minorVersion = 0] = version.release;
            version.release.fill(0);
            version.release[0] = majorVersion;
            version.release[1] = minorVersion + 1;
          }
          delete version.pre;
          delete version.post;
          delete version.dev;
          delete version.local;
          break;
        case "patch":
          if (version.release.slice(3).some((value) => value !== 0) || version.pre === null) {
            const [majorVersion, minorVersion = 0, patchVersion = 0] = version.release;
            version.release.fill(0);
            version.release[0] = majorVersion;
            version.release[1] = minorVersion;
            version.release[2] = patchVersion + 1;
          }
          delete version.pre;
          delete version.post;
          delete version.dev;
          delete version.local;
          break;
        default:
          return null;
      }
      return stringify(version);
    }
  }
});

// node_modules/@renovatebot/pep440/index.js
var require_pep440 = __commonJS({
  "node_modules/@renovatebot/pep440/index.js"(exports, module) {
    var { valid: valid2, clean, explain, parse: parse2 } = require_version();
    var { lt, le, eq, ne, ge, gt, compare: compare2, rcompare } = require_operator();
    var {
      filter,
      maxSatisfying,
      minSatisfying,
      RANGE_PATTERN,
      satisfies: satisfies2,
      validRange: validRange2
    } = require_specifier();
    var { major, minor, patch, inc } = require_semantic();
    module.exports = {
      // version
      valid: valid2,
      clean,
      explain,
      parse: parse2,
      // operator
      lt,
      le,
      lte: le,
      eq,
      ne,
      neq: ne,
      ge,
      gte: ge,
      gt,
      compare: compare2,
      rcompare,
      // range
      filter,
      maxSatisfying,
      minSatisfying,
      RANGE_PATTERN,
      satisfies: satisfies2,
      validRange: validRange2,
      // semantic
      major,
      minor,
      patch,
      inc
    };
  }
});

// src/check/run-check.ts
import path2 from "node:path";

// src/version/find-version.ts
import fs from "node:fs";
import path from "node:path";

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
var BEHAVIOUR_CHANGES = {
  starlette: STARLETTE_BEHAVIOUR_CHANGES,
  "django-cors-headers": ["4.0.0", "4.3.0"]
};

// src/version/ranges.ts
var pep440 = __toESM(require_pep440(), 1);
var import_semver = __toESM(require_semver(), 1);
function comparePython(a, b) {
  const va = pep440.valid(a);
  const vb = pep440.valid(b);
  if (!va || !vb) return va ? 1 : vb ? -1 : 0;
  return pep440.compare(va, vb);
}
function exactPythonPin(spec) {
  const m = /^\s*===?\s*([^\s,*;]+)\s*$/.exec(spec);
  return m && pep440.valid(m[1]) ? m[1] : void 0;
}
function poetryToPep440(spec) {
  const trimmed = spec.trim();
  if (/^\d[\w.]*$/.test(trimmed)) return `==${trimmed}`;
  if (!/[\^~](?!=)/.test(trimmed)) return trimmed;
  const range = import_semver.default.validRange(trimmed.replace(/,/g, " "));
  if (!range) return trimmed;
  return range.split(" ").map((c) => c.replace(/-0$/, "")).join(",");
}
function probes(spec, boundaries) {
  const named = [...spec.matchAll(/\d+(?:\.\d+)*/g)].map((m) => m[0]);
  const out = /* @__PURE__ */ new Set(["0.0.1"]);
  for (const v of [...named, ...boundaries]) {
    const parts = v.split(".").map(Number);
    while (parts.length < 3) parts.push(0);
    out.add(parts.join("."));
    out.add([parts[0], parts[1], parts[2] + 1].join("."));
    for (let i = parts.length - 1; i >= 0; i--) {
      if (parts[i] > 0) {
        out.add([...parts.slice(0, i), parts[i] - 1, ...parts.slice(i + 1).map(() => 9999)].join("."));
        break;
      }
    }
  }
  return [...out];
}
function segmentOf(version, boundaries, compare2) {
  return boundaries.filter((b) => compare2(version, b) >= 0).length;
}
function behaviourVersion(spec, boundaries, ecosystem) {
  const satisfies2 = ecosystem === "python" ? (v) => pep440.satisfies(v, spec) : (v) => import_semver.default.satisfies(v, spec);
  const compare2 = ecosystem === "python" ? comparePython : (a, b) => import_semver.default.compare(a, b);
  if (ecosystem === "python" ? !pep440.validRange(spec) : !import_semver.default.validRange(spec)) return void 0;
  const inRange = probes(spec, boundaries).filter((v) => {
    try {
      return satisfies2(v);
    } catch {
      return false;
    }
  });
  if (!inRange.length) return void 0;
  const segments = new Set(inRange.map((v) => segmentOf(v, boundaries, compare2)));
  if (segments.size > 1) return void 0;
  return inRange.sort(compare2)[0];
}
function npmMinVersion(range) {
  try {
    return import_semver.default.validRange(range) ? import_semver.default.minVersion(range)?.version : void 0;
  } catch {
    return void 0;
  }
}

// src/version/manifests.ts
function pinFromSpec(spec) {
  const trimmed = spec.trim();
  const exact = exactPythonPin(trimmed);
  return exact ? { version: exact, spec: trimmed } : { spec: trimmed };
}
function parseRequirement(text) {
  const m = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*\(?\s*([^;()@]*?)\s*\)?\s*(?:;.*)?$/.exec(text);
  if (!m || /^\s*@/.test(text.slice(m[1].length))) return void 0;
  return { name: normalizePythonName(m[1]), spec: m[2].replace(/\s+/g, "") };
}
function readRequirements(text) {
  const out = /* @__PURE__ */ new Map();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\s+#.*$/, "").trim();
    if (!line || line.startsWith("#") || line.startsWith("-")) continue;
    const req = parseRequirement(line);
    if (req) out.set(req.name, pinFromSpec(req.spec));
  }
  return out;
}
function readTomlPackageLock(text) {
  const out = /* @__PURE__ */ new Map();
  const data = parse(text);
  for (const pkg of Array.isArray(data.package) ? data.package : []) {
    if (typeof pkg?.name === "string" && typeof pkg.version === "string") out.set(normalizePythonName(pkg.name), { version: pkg.version });
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
var table = (v) => v && typeof v === "object" && !Array.isArray(v) ? v : {};
var strings = (v) => Array.isArray(v) ? v.filter((x) => typeof x === "string") : [];
function readPyproject(text) {
  const out = /* @__PURE__ */ new Map();
  const data = parse(text);
  const project = table(data.project);
  const requirements = [
    ...strings(project.dependencies),
    ...Object.values(table(project["optional-dependencies"])).flatMap(strings),
    ...Object.values(table(data["dependency-groups"])).flatMap(strings)
  ];
  for (const r of requirements) {
    const req = parseRequirement(r);
    if (req && !out.has(req.name)) out.set(req.name, pinFromSpec(req.spec));
  }
  const poetry = table(table(data.tool).poetry);
  const sections = [table(poetry.dependencies), table(poetry["dev-dependencies"]), ...Object.values(table(poetry.group)).map((g) => table(table(g).dependencies))];
  for (const deps of sections) {
    for (const [name, value] of Object.entries(deps)) {
      const spec = typeof value === "string" ? value : typeof table(value).version === "string" ? table(value).version : void 0;
      if (spec === void 0 || out.has(normalizePythonName(name))) continue;
      out.set(normalizePythonName(name), pinFromSpec(poetryToPep440(spec)));
    }
  }
  return out;
}
function readPackageJson(text) {
  const out = /* @__PURE__ */ new Map();
  const data = JSON.parse(text);
  for (const key of ["dependencies", "devDependencies", "optionalDependencies", "peerDependencies"]) {
    for (const [name, range] of Object.entries(table(data[key]))) if (typeof range === "string" && !out.has(name)) out.set(name, { spec: range });
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
  { matches: (n) => n === "pnpm-lock.yaml", ecosystem: "node", lock: true, read: readPnpmLock },
  { matches: (n) => n === "package.json", ecosystem: "node", lock: false, read: readPackageJson }
];

// src/version/find-version.ts
var MAX_MANIFEST_BYTES = 50 * 1024 * 1024;
function readFromDisk(root, abs) {
  const rel = path.relative(root, abs);
  if (rel.startsWith("..") || path.isAbsolute(rel)) return void 0;
  try {
    const stat = fs.statSync(abs);
    if (!stat.isFile() || stat.size > MAX_MANIFEST_BYTES) return void 0;
    return fs.readFileSync(abs, "utf8");
  } catch {
    return void 0;
  }
}
function listDir(dir) {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}
function pinsIn(project, dir, names, ecosystem) {
  const found = [];
  for (const kind of MANIFESTS.filter((m) => m.ecosystem === ecosystem)) {
    for (const name of names.filter((n) => kind.matches(n)).sort()) {
      const abs = path.join(dir, name);
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
  for (const row of FASTAPI_STARLETTE) if (comparePython(fastapi, row.fastapi) >= 0) hit = row.starlette;
  return hit ? { spec: hit } : void 0;
}
function starletteFromSpec(spec) {
  return behaviourVersion(spec, STARLETTE_BEHAVIOUR_CHANGES, "python");
}
function libraryVersionNear(project, fileAbs, library) {
  const pkg = LIBRARY_PACKAGES[library];
  if (!pkg) return void 0;
  const root = path.resolve(project.root);
  const display = (abs) => project.displayPath?.(abs) ?? path.relative(project.cwd ?? process.cwd(), abs).split(path.sep).join("/");
  let dir = path.dirname(path.resolve(fileAbs));
  let rangeOnly;
  for (; ; ) {
    const manifests = pinsIn(project, dir, (project.listDir ?? listDir)(dir), pkg.ecosystem);
    for (const m of manifests) {
      const pin = m.pins.get(pkg.name);
      if (pin?.version) return { version: pin.version, source: display(m.file) };
      if (pin?.spec && library === "starlette") {
        const v = starletteFromSpec(pin.spec);
        return { version: v, source: display(m.file), note: v ? `starlette${pin.spec}` : `starlette${pin.spec} spans a CORSMiddleware behaviour change; the newest behaviour is assumed` };
      }
      if (pin?.spec && pkg.ecosystem === "python" && pin.spec !== "") {
        const v = behaviourVersion(pin.spec, BEHAVIOUR_CHANGES[library] ?? [], "python");
        if (v) return { version: v, source: display(m.file), note: `${pkg.name}${pin.spec}` };
      }
      if (pin?.spec && pkg.ecosystem === "node" && !rangeOnly) {
        const v = npmMinVersion(pin.spec);
        if (v) rangeOnly = { version: v, source: display(m.file), note: `${pkg.name}@${pin.spec} in package.json, no lockfile: the lowest version it allows` };
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
    if (dir === root || path.dirname(dir) === dir || !dir.startsWith(root)) return rangeOnly;
    dir = path.dirname(dir);
  }
}
function absOf(project, displayFile) {
  const hit = project.allFiles?.find((f) => f.path === displayFile);
  return hit ? hit.absPath : path.resolve(project.cwd ?? process.cwd(), displayFile);
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
var CHECK_HELP = `Usage: cors-lint check [--origin <origin>] [options] [paths..]

Simulates a browser request against every CORS configuration found under the paths and says,
per configuration, whether the browser lets the page read the response.

Options:
  --origin <origin>      the page's origin, e.g. http://localhost:3000 (omit: the dev origins of
                         the frontends found in the repository, else no Origin header)
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
function checkPolicy(policy, request, sim = simulate(policy, request)) {
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
  const cwd = path2.resolve(args.cwd ?? process.cwd());
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
  const links = args.origin === void 0 ? linted.frontends?.links ?? [] : [];
  const viaFrontends = links.length ? checkFrontends(links, request, linted.diagnostics) : void 0;
  if (viaFrontends?.fromFrontends?.length) return viaFrontends;
  const paths = linted.paths ?? [];
  const behindProxy = /* @__PURE__ */ new Set([...paths.filter((p) => p.linked).flatMap((p) => p.apps), ...paths.flatMap((p) => p.route.policy ? [p.route.policy] : [])]);
  const results = [...linted.policies.filter((p) => !behindProxy.has(p)).map((p) => checkPolicy(p, request)), ...paths.flatMap((p) => checkPath(p, request))];
  const exitCode = results.length > 0 && results.every((r) => r.allowed) ? CHECK_EXIT_ALLOWED : CHECK_EXIT_BLOCKED;
  return { results, exitCode, diagnostics: linted.diagnostics, request };
}
function checkPath(path4, request) {
  const apps = path4.apps.length ? path4.apps : [void 0];
  return apps.map((app) => {
    const sim = simulatePath(path4.route, app, request);
    const blamed = app ?? path4.route.policy;
    const base = blamed ? checkPolicy(blamed, request, sim) : void 0;
    const layers = [
      { role: "proxy", label: `${path4.route.stack} ${path4.route.label}`, file: path4.route.span.file, line: (path4.route.blockSpan ?? path4.route.span).line }
    ];
    if (app) layers.push({ role: "app", label: libraryLabel(app), file: app.span.file, line: app.span.line });
    const decided = (e) => e ? e.response.decidedBy : void 0;
    const result = base ?? checkPolicy(routeStandIn(path4), request, sim);
    return {
      ...result,
      location: { file: path4.route.span.file, line: path4.route.span.line },
      stack: "path",
      path: { layers, how: path4.how, linked: path4.linked, preflightDecidedBy: decided(sim.preflight), actualDecidedBy: decided(sim.actual) },
      detail: { ...result.detail, column: path4.route.span.column, scope: layers.map((l) => l.label).join(" -> ") }
    };
  });
}
function routeStandIn(path4) {
  return newPolicy({ stack: path4.route.stack, library: path4.route.stack, span: path4.route.span, scope: { kind: "location", name: path4.route.label } });
}
function checkFrontends(links, request, diagnostics) {
  const results = [];
  const fromFrontends = [];
  const seen = /* @__PURE__ */ new Set();
  for (const link of links) {
    const frontend = `${FRAMEWORK_LABEL[link.frontend.framework]} app ${link.frontend.name} (${link.frontend.packageJson.file})`;
    for (const origin of link.frontend.origins) {
      if (!originCallsApi(origin.environment, link.apiUrl.environment)) continue;
      const key = `${origin.origin}\0${link.policy.span.file}:${link.policy.span.line}:${link.policy.span.column}`;
      if (seen.has(key)) continue;
      seen.add(key);
      fromFrontends.push({ origin: origin.origin, frontend, how: origin.how, backend: `${link.policy.span.file}:${link.policy.span.line} via ${link.apiUrl.url} (${link.how})`, proxied: link.proxiedBy ? `${link.proxiedBy.how} forwards ${link.proxiedBy.prefix} to ${link.proxiedBy.target}` : void 0 });
      if (link.proxiedBy) continue;
      for (const policy of [link.policy, ...environmentVariants(link.policy).filter((v) => environmentFitsOrigin(v.environment, origin.environment))]) {
        const req = { ...request, origin: origin.origin };
        const result = link.through ? checkPolicy(policy, req, simulatePath(link.through, policy, req)) : checkPolicy(policy, req);
        results.push({ ...result, caller: { origin: origin.origin, frontend, environment: policy.environment?.name } });
      }
    }
  }
  const exitCode = results.every((r) => r.allowed) ? CHECK_EXIT_ALLOWED : CHECK_EXIT_BLOCKED;
  return { results, exitCode, diagnostics, request, fromFrontends };
}

// src/check/render.ts
import fs2 from "node:fs";
import path3 from "node:path";
function renderJson(results, ctx = {}) {
  const out = {
    ...ctx.fromFrontends ? { origins: ctx.fromFrontends } : {},
    results: results.map((r) => ({
      ...r.caller ? { origin: r.caller.origin, frontend: r.caller.frontend, ...r.caller.environment ? { environment: r.caller.environment } : {} } : {},
      location: { file: r.location.file, line: r.location.line },
      stack: r.stack,
      ...r.path ? { path: r.path } : {},
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
    return fs2.readFileSync(path3.resolve(cwd, span.file), "utf8").split(/\r?\n/)[span.line - 1];
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
  if (ctx.fromFrontends) {
    out.push("No --origin given: using the origins of the frontends found in the repository.");
    for (const f of ctx.fromFrontends) out.push(`  ${f.origin}  ${f.frontend}, ${f.how}`, `    calls ${f.backend}${f.proxied ? `; same-origin: ${f.proxied}, so no CORS is needed` : ""}`);
    out.push("");
  }
  if (ctx.request) out.push(`Request: ${describeRequest(ctx.fromFrontends ? { ...ctx.request, origin: "each frontend origin above" } : ctx.request)}`, "");
  if (!results.length) {
    out.push("No CORS configuration found: the response carries no Access-Control-Allow-Origin header, so the browser blocks every cross-origin read.");
    return `${out.join("\n")}
`;
  }
  for (const r of results) {
    const d = r.detail;
    const versioned = d.library in LIBRARY_PACKAGES;
    const version = !versioned ? "" : d.libraryVersion ? ` ${d.libraryVersion}${d.libraryVersionSource ? ` (${d.libraryVersionSource})` : ""}` : " (newest behaviour; no version pinned)";
    if (r.path) {
      out.push(`${r.location.file}:${r.location.line}:${d.column}  path through a proxy`);
      out.push(`  path       browser -> ${r.path.layers.map((l) => `${l.label} (${l.file}:${l.line})`).join(" -> ")}`);
      out.push(`  ${r.path.linked ? "linked" : "guessed"}     ${r.path.how}`);
    } else out.push(`${r.location.file}:${r.location.line}:${d.column}  ${r.stack} \xB7 ${d.library}${version} \xB7 ${d.scope}`);
    const answeredBy = (who) => !r.path || !who ? "" : who === "proxy" ? "  [answered by the proxy]" : "  [the application, through the proxy]";
    if (r.caller) out.push(`  from       ${r.caller.origin} (${r.caller.frontend})${r.caller.environment ? `, environment ${r.caller.environment}` : ", the code's default"}`);
    if (r.preflight && d.preflightRequest) {
      const acrh = d.preflightRequest.headers["access-control-request-headers"];
      out.push(`  preflight  OPTIONS ${d.preflightRequest.path}  (Access-Control-Request-Method: ${d.preflightRequest.headers["access-control-request-method"]}${acrh ? `, Access-Control-Request-Headers: ${acrh}` : ""})`);
      out.push(`    -> ${r.preflight.status ?? "status set by application code"}${d.preflightProducedBy ? `  ${d.preflightProducedBy}` : ""}${answeredBy(r.path?.preflightDecidedBy)}`);
      out.push(...headerLines(r.preflight.headers, "       "));
    } else {
      out.push("  preflight  none (simple request)");
    }
    if (d.actualRequest) {
      out.push(`  request    ${d.actualRequest.method} ${d.actualRequest.path}`);
      out.push(`    -> ${d.actualStatus ?? "status set by application code"}${d.actualProducedBy ? `  ${d.actualProducedBy}` : ""}${answeredBy(r.path?.actualDecidedBy)}`);
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
  return format === "json" ? renderJson(results, ctx) : renderText(results, ctx);
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
  io.stdout(renderCheck(run.results, args.format, { request: run.request, cwd: io.cwd, fromFrontends: run.fromFrontends }));
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
