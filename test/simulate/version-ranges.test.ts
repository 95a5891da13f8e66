// Version reading with the ecosystems' own arithmetic: PEP 440 for Python specifiers, npm semver for
// package.json ranges and Poetry's ^ / ~, TOML read by a TOML parser.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Library } from '../../src/model/types.js';
import { libraryVersionNear, type VersionProject } from '../../src/version/find-version.js';
import { MANIFESTS } from '../../src/version/manifests.js';
import { behaviourVersion, npmMinVersion, poetryToPep440 } from '../../src/version/ranges.js';
import { STARLETTE_BEHAVIOUR_CHANGES } from '../../src/version/packages.js';

function memory(files: Record<string, string>): VersionProject {
  const root = '/repo';
  return {
    root,
    cwd: root,
    readText: (abs) => {
      const rel = path.posix.relative(root, abs);
      return rel in files ? { text: files[rel]! } : { error: 'missing' };
    },
    listDir: (dir) => {
      const rel = path.posix.relative(root, dir);
      const prefix = rel ? `${rel}/` : '';
      return Object.keys(files).filter((f) => f.startsWith(prefix) && !f.slice(prefix.length).includes('/')).map((f) => f.slice(prefix.length));
    },
  };
}
const near = (files: Record<string, string>, file: string, lib: Library) => libraryVersionNear(memory(files), `/repo/${file}`, lib);
const starlette = (spec: string) => behaviourVersion(spec, STARLETTE_BEHAVIOUR_CHANGES, 'python');

describe('PEP 440 is not npm semver', () => {
  it('~= is the compatible-release operator: ~=0.27 allows every 0.x from 0.27 (PEP 440), ~0.27 only 0.27.x (npm)', () => {
    expect(behaviourVersion('~=0.27', ['0.30.0'], 'python')).toBeUndefined();
    expect(behaviourVersion('~0.27', ['0.30.0'], 'node')).toBe('0.27.0');
    // ~=0.13.0 stays in 0.13.x, where Starlette changed behaviour twice (0.13.1, 0.13.3).
    expect(starlette('~=0.13.0')).toBeUndefined();
    expect(starlette('~=0.27')).toBe('0.27.0');
  });

  it('== with a wildcard is a PEP 440 range; an npm caret is a range Poetry shares', () => {
    expect(starlette('==0.13.*')).toBeUndefined();
    expect(starlette('==0.27.*')).toBe('0.27.0');
    expect(poetryToPep440('^0.27')).toBe('>=0.27.0,<0.28.0');
    expect(poetryToPep440('^1.2')).toBe('>=1.2.0,<2.0.0');
    expect(poetryToPep440('~1.2.3')).toBe('>=1.2.3,<1.3.0');
    expect(poetryToPep440('0.27.0')).toBe('==0.27.0');
  });

  it('orders pre-releases as PEP 440 does: 1.0.0rc1 is below 1.0.0', () => {
    expect(starlette('>=0.40.0,<1.0.0rc1')).toBe('0.40.0');
    expect(starlette('>=0.40.0,<=1.0.0')).toBeUndefined();
  });

  it('npm ranges give their lowest version', () => {
    expect(npmMinVersion('^2.8.5')).toBe('2.8.5');
    expect(npmMinVersion('>=5 <6')).toBe('5.0.0');
    expect(npmMinVersion('workspace:*')).toBeUndefined();
  });
});

describe('manifests read with real parsers', () => {
  const pyproject = MANIFESTS.find((m) => m.matches('pyproject.toml'))!;
  const poetryLock = MANIFESTS.find((m) => m.matches('poetry.lock'))!;

  it('pyproject.toml: PEP 621, optional dependencies, dependency groups and Poetry tables', () => {
    const pins = pyproject.read(`[project]
name = "api"
dependencies = [
  "fastapi[standard] >=0.110",
  'starlette (>=0.37.2,<0.38.0) ; python_version >= "3.8"',
]
[project.optional-dependencies]
cors = ["flask-cors==4.0.1"]
[dependency-groups]
dev = ["django-cors-headers~=4.3"]
[tool.poetry.dependencies]
python = "^3.11"
uvicorn = { version = "^0.29", extras = ["standard"] }
`);
    expect(pins.get('starlette')).toEqual({ spec: '>=0.37.2,<0.38.0' });
    expect(pins.get('flask-cors')).toEqual({ version: '4.0.1', spec: '==4.0.1' });
    expect(pins.get('django-cors-headers')).toEqual({ spec: '~=4.3' });
    expect(pins.get('uvicorn')).toEqual({ spec: '>=0.29.0,<0.30.0' });
  });

  it('a multi-line TOML string or a table in an array does not confuse it (the old line scanner did)', () => {
    const pins = pyproject.read(`[project]
dependencies = ["starlette==0.40.0"]
description = """
"starlette==0.12.0" is an old release
"""
`);
    expect(pins.get('starlette')).toEqual({ version: '0.40.0', spec: '==0.40.0' });
  });

  it('poetry.lock / uv.lock [[package]] tables', () => {
    const pins = poetryLock.read('[[package]]\nname = "Starlette"\nversion = "0.37.2"\ndescription = "x"\n\n[package.dependencies]\nanyio = ">=3.4.0"\n\n[[package]]\nname = "anyio"\nversion = "4.3.0"\n');
    expect(pins.get('starlette')).toEqual({ version: '0.37.2' });
    expect(pins.get('anyio')).toEqual({ version: '4.3.0' });
  });

  it('django-cors-headers ranges: one version when the range stays between its behaviour changes', () => {
    expect(near({ 'requirements.txt': 'django-cors-headers>=4.3,<5\n', 'app/settings.py': '' }, 'app/settings.py', 'django-cors-headers')?.version).toBe('4.3.0');
    expect(near({ 'requirements.txt': 'django-cors-headers>=3.0\n', 'app/settings.py': '' }, 'app/settings.py', 'django-cors-headers')?.version).toBeUndefined();
  });

  it('package.json ranges apply only where no lockfile further up records the installed version', () => {
    expect(near({ 'api/package.json': '{"dependencies":{"cors":"^2.8.1"}}', 'api/server.js': '' }, 'api/server.js', 'cors')).toMatchObject({ version: '2.8.1', source: 'api/package.json' });
    const workspace = { 'api/package.json': '{"dependencies":{"cors":"^2.8.1"}}', 'api/server.js': '', 'package-lock.json': JSON.stringify({ packages: { 'node_modules/cors': { version: '2.8.5' } } }) };
    expect(near(workspace, 'api/server.js', 'cors')).toMatchObject({ version: '2.8.5', source: 'package-lock.json' });
  });
});
