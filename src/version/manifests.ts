// Reads pinned versions from requirements files, lockfiles, pyproject.toml and package.json. TOML by
// smol-toml, YAML by yaml, JSON by JSON.parse; versions and specifiers are judged in ranges.ts. Never
// executes anything; a file that cannot be parsed pins nothing.
import { parse as parseToml } from 'smol-toml';
import YAML from 'yaml';
import { normalizePythonName, type Ecosystem } from './packages.js';
import { exactPythonPin, poetryToPep440 } from './ranges.js';

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
  const trimmed = spec.trim();
  const exact = exactPythonPin(trimmed);
  return exact ? { version: exact, spec: trimmed } : { spec: trimmed };
}

/** A PEP 508 requirement (`starlette[full] (>=0.40,<1) ; python_version >= "3.8"`) -> name and specifier. */
export function parseRequirement(text: string): { name: string; spec: string } | undefined {
  const m = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*\(?\s*([^;()@]*?)\s*\)?\s*(?:;.*)?$/.exec(text);
  if (!m || /^\s*@/.test(text.slice(m[1]!.length))) return undefined;
  return { name: normalizePythonName(m[1]!), spec: m[2]!.replace(/\s+/g, '') };
}

function readRequirements(text: string): Map<string, Pin> {
  const out = new Map<string, Pin>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\s+#.*$/, '').trim();
    if (!line || line.startsWith('#') || line.startsWith('-')) continue;
    const req = parseRequirement(line);
    if (req) out.set(req.name, pinFromSpec(req.spec));
  }
  return out;
}

/** poetry.lock and uv.lock: [[package]] tables with name = "..." and version = "...". */
function readTomlPackageLock(text: string): Map<string, Pin> {
  const out = new Map<string, Pin>();
  const data = parseToml(text) as { package?: Array<{ name?: unknown; version?: unknown }> };
  for (const pkg of Array.isArray(data.package) ? data.package : []) {
    if (typeof pkg?.name === 'string' && typeof pkg.version === 'string') out.set(normalizePythonName(pkg.name), { version: pkg.version });
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

type TomlTable = Record<string, unknown>;
const table = (v: unknown): TomlTable => (v && typeof v === 'object' && !Array.isArray(v) ? (v as TomlTable) : {});
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/**
 * PEP 621 `[project] dependencies` and optional dependencies, PEP 735 `[dependency-groups]`, Poetry
 * `[tool.poetry.dependencies]` and its groups (Poetry's ^ and ~ have npm's meaning; a bare version
 * is an exact pin).
 */
function readPyproject(text: string): Map<string, Pin> {
  const out = new Map<string, Pin>();
  const data = parseToml(text) as TomlTable;
  const project = table(data.project);
  const requirements = [
    ...strings(project.dependencies),
    ...Object.values(table(project['optional-dependencies'])).flatMap(strings),
    ...Object.values(table(data['dependency-groups'])).flatMap(strings),
  ];
  for (const r of requirements) {
    const req = parseRequirement(r);
    if (req && !out.has(req.name)) out.set(req.name, pinFromSpec(req.spec));
  }
  const poetry = table(table(data.tool).poetry);
  const sections = [table(poetry.dependencies), table(poetry['dev-dependencies']), ...Object.values(table(poetry.group)).map((g) => table(table(g).dependencies))];
  for (const deps of sections) {
    for (const [name, value] of Object.entries(deps)) {
      const spec = typeof value === 'string' ? value : typeof table(value).version === 'string' ? (table(value).version as string) : undefined;
      if (spec === undefined || out.has(normalizePythonName(name))) continue;
      out.set(normalizePythonName(name), pinFromSpec(poetryToPep440(spec)));
    }
  }
  return out;
}

/** package.json dependency ranges (npm semver), used where no lockfile records the installed version. */
function readPackageJson(text: string): Map<string, Pin> {
  const out = new Map<string, Pin>();
  const data = JSON.parse(text) as Record<string, unknown>;
  for (const key of ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies']) {
    for (const [name, range] of Object.entries(table(data[key]))) if (typeof range === 'string' && !out.has(name)) out.set(name, { spec: range });
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
  { matches: (n) => n === 'package.json', ecosystem: 'node', lock: false, read: readPackageJson },
];
