// The version of a CORS library that applies to a source file: the nearest manifest up the tree
// (within the scan root) that pins it. FastAPI pins imply a Starlette range (packages.ts).
import fs from 'node:fs';
import path from 'node:path';
import type { CorsPolicy, Library } from '../model/types.js';
import { MANIFESTS, type Pin } from './manifests.js';
import { BEHAVIOUR_CHANGES, FASTAPI_STARLETTE, LIBRARY_PACKAGES, STARLETTE_BEHAVIOUR_CHANGES } from './packages.js';
import { behaviourVersion, comparePython, npmMinVersion } from './ranges.js';

export interface VersionInfo {
  /** The version whose behaviour applies; absent when only a range is known and behaviour differs inside it. */
  version?: string;
  /** Display path of the file that pins it. */
  source: string;
  /** How the version was derived (a FastAPI pin, a range). */
  note?: string;
}

/** What the version lookup needs from a project: the root and a way to read files under it. */
export interface VersionProject {
  root: string;
  /** Defaults to reading from disk, refusing paths outside the root. */
  readText?(absPath: string): { text: string } | { error: string };
  /** Display path -> absolute path for policy spans; defaults to resolving against cwd. */
  allFiles?: ReadonlyArray<{ absPath: string; path: string }>;
  cwd?: string;
  /** Absolute path -> display path, for VersionInfo.source. */
  displayPath?(absPath: string): string;
  /** File names in a folder; defaults to the disk. */
  listDir?(absDir: string): string[];
}

const MAX_MANIFEST_BYTES = 50 * 1024 * 1024;

function readFromDisk(root: string, abs: string): string | undefined {
  const rel = path.relative(root, abs);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  try {
    const stat = fs.statSync(abs);
    if (!stat.isFile() || stat.size > MAX_MANIFEST_BYTES) return undefined;
    return fs.readFileSync(abs, 'utf8');
  } catch {
    return undefined;
  }
}

function listDir(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

/** Reads every manifest in one folder: name -> pin, lockfiles first. */
function pinsIn(project: VersionProject, dir: string, names: string[], ecosystem: 'python' | 'node'): Array<{ file: string; pins: Map<string, Pin>; lock: boolean }> {
  const found: Array<{ file: string; pins: Map<string, Pin>; lock: boolean }> = [];
  for (const kind of MANIFESTS.filter((m) => m.ecosystem === ecosystem)) {
    for (const name of names.filter((n) => kind.matches(n)).sort()) {
      const abs = path.join(dir, name);
      let text: string | undefined;
      const viaProject = project.readText?.(abs);
      if (viaProject && 'text' in viaProject) text = viaProject.text;
      else text = readFromDisk(project.root, abs);
      if (text === undefined) continue;
      try {
        found.push({ file: abs, pins: kind.read(text), lock: kind.lock });
      } catch {
        // an unparsable manifest pins nothing
      }
    }
  }
  return found.sort((a, b) => Number(b.lock) - Number(a.lock));
}

function fastapiToStarlette(fastapi: string): { spec: string } | undefined {
  let hit: string | undefined;
  for (const row of FASTAPI_STARLETTE) if (comparePython(fastapi, row.fastapi) >= 0) hit = row.starlette;
  return hit ? { spec: hit } : undefined;
}

/** A Starlette requirement -> the version whose behaviour applies, when the whole range behaves alike. */
function starletteFromSpec(spec: string): string | undefined {
  return behaviourVersion(spec, STARLETTE_BEHAVIOUR_CHANGES, 'python');
}

/**
 * The version of `library` that applies to `fileAbs`: walks from the file's folder up to the root
 * and returns the first pin found. Undefined when nothing pins it.
 */
export function libraryVersionNear(project: VersionProject, fileAbs: string, library: Library): VersionInfo | undefined {
  const pkg = LIBRARY_PACKAGES[library];
  if (!pkg) return undefined;
  const root = path.resolve(project.root);
  const display = (abs: string) => project.displayPath?.(abs) ?? path.relative(project.cwd ?? process.cwd(), abs).split(path.sep).join('/');
  let dir = path.dirname(path.resolve(fileAbs));
  let rangeOnly: VersionInfo | undefined;
  for (;;) {
    const manifests = pinsIn(project, dir, (project.listDir ?? listDir)(dir), pkg.ecosystem);
    for (const m of manifests) {
      const pin = m.pins.get(pkg.name);
      if (pin?.version) return { version: pin.version, source: display(m.file) };
      if (pin?.spec && library === 'starlette') {
        const v = starletteFromSpec(pin.spec);
        return { version: v, source: display(m.file), note: v ? `starlette${pin.spec}` : `starlette${pin.spec} spans a CORSMiddleware behaviour change; the newest behaviour is assumed` };
      }
      if (pin?.spec && pkg.ecosystem === 'python' && pin.spec !== '') {
        // A PEP 440 range: one behaviour when it stays between the library's behaviour changes.
        const v = behaviourVersion(pin.spec, BEHAVIOUR_CHANGES[library] ?? [], 'python');
        if (v) return { version: v, source: display(m.file), note: `${pkg.name}${pin.spec}` };
      }
      if (pin?.spec && pkg.ecosystem === 'node' && !rangeOnly) {
        // An npm range from package.json: its lowest version, unless a lockfile further up (a
        // workspace root) records the installed one.
        const v = npmMinVersion(pin.spec);
        if (v) rangeOnly = { version: v, source: display(m.file), note: `${pkg.name}@${pin.spec} in package.json, no lockfile: the lowest version it allows` };
      }
    }
    if (library === 'starlette') {
      for (const m of manifests) {
        const fastapi = m.pins.get('fastapi');
        if (!fastapi) continue;
        if (!fastapi.version) {
          return { source: display(m.file), note: `fastapi${fastapi.spec ?? ''} is not pinned, so the Starlette version is unknown; the newest behaviour is assumed` };
        }
        const implied = fastapiToStarlette(fastapi.version);
        if (!implied) return { source: display(m.file), note: `fastapi ${fastapi.version} predates the known Starlette requirements` };
        const v = starletteFromSpec(implied.spec);
        return {
          version: v,
          source: display(m.file),
          note: v
            ? `fastapi ${fastapi.version} requires starlette${implied.spec}`
            : `fastapi ${fastapi.version} allows starlette${implied.spec}, which spans a CORSMiddleware behaviour change; the newest behaviour is assumed`,
        };
      }
    }
    if (dir === root || path.dirname(dir) === dir || !dir.startsWith(root)) return rangeOnly;
    dir = path.dirname(dir);
  }
}

function absOf(project: VersionProject, displayFile: string): string {
  const hit = project.allFiles?.find((f) => f.path === displayFile);
  return hit ? hit.absPath : path.resolve(project.cwd ?? process.cwd(), displayFile);
}

/**
 * Sets policy.libraryVersion (and libraryVersionSource) from the nearest pin of its library.
 * Policies that already carry a version are left alone. Returns the number of policies annotated.
 */
export function annotateVersions(policies: CorsPolicy[], project: VersionProject): number {
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
    if (info.note) policy.notes = [...(policy.notes ?? []), `${policy.library} version: ${info.note} (${info.source})`];
  }
  return n;
}
