// Reads pinned versions from requirements files, lockfiles and pyproject.toml. Never executes
// anything; a file that cannot be parsed pins nothing.
import YAML from 'yaml';
import { normalizePythonName, type Ecosystem } from './packages.js';

/** An exact version (lockfiles, `==` pins) or only a requirement spec (`>=0.40,<1.0`). */
export interface Pin {
  version?: string;
  spec?: string;
}

export interface ManifestKind {
  /** File name test. */
  matches(name: string): boolean;
  ecosystem: Ecosystem;
  /** Lockfiles record what is installed; they win over requirement files in the same folder. */
  lock: boolean;
  read(text: string): Map<string, Pin>;
}

function pinFromSpec(spec: string): Pin {
  const exact = /^\s*===?\s*([\w.+!-]+)\s*$/.exec(spec);
  return exact ? { version: exact[1]!, spec: spec.trim() } : { spec: spec.trim() };
}

function readRequirements(text: string): Map<string, Pin> {
  const out = new Map<string, Pin>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\s+#.*$/, '').trim();
    if (!line || line.startsWith('#') || line.startsWith('-')) continue;
    const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*([^;]*)/.exec(line);
    if (!m) continue;
    out.set(normalizePythonName(m[1]!), pinFromSpec(m[2]!));
  }
  return out;
}

/** poetry.lock and uv.lock: [[package]] tables with name = "..." and version = "...". */
function readTomlPackageLock(text: string): Map<string, Pin> {
  const out = new Map<string, Pin>();
  for (const block of text.split(/^\[\[package\]\]\s*$/m).slice(1)) {
    const body = block.split(/^\[/m)[0]!;
    const name = /^name\s*=\s*"([^"]+)"/m.exec(body)?.[1];
    const version = /^version\s*=\s*"([^"]+)"/m.exec(body)?.[1];
    if (name && version) out.set(normalizePythonName(name), { version });
  }
  return out;
}

function readPipfileLock(text: string): Map<string, Pin> {
  const out = new Map<string, Pin>();
  const data = JSON.parse(text) as Record<string, Record<string, { version?: string }>>;
  for (const section of ['develop', 'default']) {
    for (const [name, info] of Object.entries(data[section] ?? {})) {
      if (typeof info?.version === 'string') out.set(normalizePythonName(name), pinFromSpec(info.version));
    }
  }
  return out;
}

/** PEP 621 `dependencies = [...]` strings and Poetry `[tool.poetry.dependencies]` tables. */
function readPyproject(text: string): Map<string, Pin> {
  const out = new Map<string, Pin>();
  for (const m of text.matchAll(/"([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*((?:[=<>!~]=?|===)[^";]*)?[^"]*"/g)) {
    if (m[2] !== undefined) out.set(normalizePythonName(m[1]!), pinFromSpec(m[2]));
  }
  const poetry = /^\[tool\.poetry(?:\.group\.[\w-]+)?\.dependencies\]\s*$([\s\S]*?)(?=^\[|(?![\s\S]))/gm;
  for (const section of text.matchAll(poetry)) {
    for (const line of section[1]!.split(/\r?\n/)) {
      const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*=\s*(?:"([^"]*)"|\{[^}]*version\s*=\s*"([^"]*)")/.exec(line.trim());
      if (!m) continue;
      const spec = m[2] ?? m[3] ?? '';
      // Poetry: a bare version is an exact pin; ^ and ~ are ranges.
      out.set(normalizePythonName(m[1]!), /^\d[\w.]*$/.test(spec) ? { version: spec, spec } : pinFromSpec(spec));
    }
  }
  return out;
}

function readPackageLock(text: string): Map<string, Pin> {
  const out = new Map<string, Pin>();
  const data = JSON.parse(text) as { packages?: Record<string, { version?: string }>; dependencies?: Record<string, { version?: string }> };
  for (const [key, info] of Object.entries(data.packages ?? {})) {
    const m = /^node_modules\/((?:@[^/]+\/)?[^/]+)$/.exec(key);
    if (m && info.version) out.set(m[1]!, { version: info.version });
  }
  for (const [name, info] of Object.entries(data.dependencies ?? {})) {
    if (!out.has(name) && info.version) out.set(name, { version: info.version });
  }
  return out;
}

function readYarnLock(text: string): Map<string, Pin> {
  const out = new Map<string, Pin>();
  for (const block of text.split(/\r?\n(?=\S)/)) {
    const header = block.split(/\r?\n/)[0]!;
    const version = /^\s+version:?\s+"?([^"\s]+)"?/m.exec(block)?.[1];
    if (!version) continue;
    for (const entry of header.replace(/:$/, '').split(',')) {
      const m = /^"?((?:@[^@/"]+\/)?[^@"]+)@/.exec(entry.trim());
      if (m && !out.has(m[1]!)) out.set(m[1]!, { version });
    }
  }
  return out;
}

function readPnpmLock(text: string): Map<string, Pin> {
  const out = new Map<string, Pin>();
  const data = YAML.parse(text) as Record<string, unknown>;
  const take = (deps: unknown) => {
    for (const [name, info] of Object.entries((deps ?? {}) as Record<string, unknown>)) {
      const v = typeof info === 'string' ? info : (info as { version?: string })?.version;
      if (typeof v === 'string' && !out.has(name)) out.set(name, { version: v.replace(/\(.*$/, '') });
    }
  };
  const importers = (data.importers ?? {}) as Record<string, Record<string, unknown>>;
  for (const imp of Object.values(importers)) for (const k of ['dependencies', 'devDependencies', 'optionalDependencies']) take(imp[k]);
  for (const k of ['dependencies', 'devDependencies', 'optionalDependencies']) take(data[k]);
  for (const key of Object.keys((data.packages ?? {}) as object)) {
    const m = /^\/?((?:@[^/@]+\/)?[^/@]+)[@/](\d[^(/]*)/.exec(key);
    if (m && !out.has(m[1]!)) out.set(m[1]!, { version: m[2]! });
  }
  return out;
}

export const MANIFESTS: ManifestKind[] = [
  { matches: (n) => n === 'poetry.lock', ecosystem: 'python', lock: true, read: readTomlPackageLock },
  { matches: (n) => n === 'uv.lock', ecosystem: 'python', lock: true, read: readTomlPackageLock },
  { matches: (n) => n === 'Pipfile.lock', ecosystem: 'python', lock: true, read: readPipfileLock },
  { matches: (n) => /^requirements.*\.txt$/i.test(n), ecosystem: 'python', lock: false, read: readRequirements },
  { matches: (n) => n === 'pyproject.toml', ecosystem: 'python', lock: false, read: readPyproject },
  { matches: (n) => n === 'package-lock.json' || n === 'npm-shrinkwrap.json', ecosystem: 'node', lock: true, read: readPackageLock },
  { matches: (n) => n === 'yarn.lock', ecosystem: 'node', lock: true, read: readYarnLock },
  { matches: (n) => n === 'pnpm-lock.yaml', ecosystem: 'node', lock: true, read: readPnpmLock },
];
