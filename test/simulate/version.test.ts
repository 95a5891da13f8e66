// Version awareness: the nearest manifest up the tree pins the library; FastAPI pins imply Starlette.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { newPolicy } from '../../src/model/policy.js';
import type { Library } from '../../src/model/types.js';
import { annotateVersions, libraryVersionNear, type VersionProject } from '../../src/version/find-version.js';

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
      return Object.keys(files)
        .filter((f) => f.startsWith(prefix) && !f.slice(prefix.length).includes('/'))
        .map((f) => f.slice(prefix.length));
    },
  };
}

const near = (files: Record<string, string>, file: string, lib: Library) => libraryVersionNear(memory(files), `/repo/${file}`, lib);

describe('libraryVersionNear', () => {
  it('reads == pins from requirements files', () => {
    expect(near({ 'requirements.txt': 'starlette==0.26.1\nhttpx>=0.23\n' }, 'app/main.py', 'starlette')).toEqual({ version: '0.26.1', source: 'requirements.txt' });
    expect(near({ 'requirements-dev.txt': 'Flask_CORS == 3.0.10  # pinned\n' }, 'app.py', 'flask-cors')?.version).toBe('3.0.10');
  });

  it('prefers the nearest folder and, within it, the lockfile', () => {
    const files = {
      'requirements.txt': 'starlette==0.13.2\n',
      'svc/requirements.txt': 'starlette==0.40.0\n',
      'svc/poetry.lock': '[[package]]\nname = "starlette"\nversion = "1.0.0"\n\n[[package]]\nname = "anyio"\nversion = "4.0.0"\n',
    };
    expect(near(files, 'svc/api/main.py', 'starlette')).toEqual({ version: '1.0.0', source: 'svc/poetry.lock' });
    expect(near(files, 'other/main.py', 'starlette')?.version).toBe('0.13.2');
  });

  it('maps a FastAPI pin to the Starlette range its pyproject requires', () => {
    const info = near({ 'requirements.txt': 'fastapi==0.94.1\n' }, 'main.py', 'starlette');
    expect(info).toEqual({ version: '0.26.1', source: 'requirements.txt', note: 'fastapi 0.94.1 requires starlette>=0.26.1,<0.27.0' });
  });

  it('says unknown when the FastAPI range spans the 1.0 behaviour change', () => {
    const info = near({ 'uv.lock': '[[package]]\nname = "fastapi"\nversion = "0.135.0"\n' }, 'main.py', 'starlette');
    expect(info?.version).toBeUndefined();
    expect(info?.note).toContain('starlette>=0.46.0');
  });

  it('reads Pipfile.lock, pyproject.toml and the npm lockfiles', () => {
    expect(near({ 'Pipfile.lock': JSON.stringify({ default: { 'django-cors-headers': { version: '==4.3.1' } } }) }, 'settings.py', 'django-cors-headers')?.version).toBe('4.3.1');
    expect(near({ 'pyproject.toml': '[project]\ndependencies = ["starlette==0.47.3", "uvicorn"]\n' }, 'a.py', 'starlette')?.version).toBe('0.47.3');
    expect(near({ 'pyproject.toml': '[tool.poetry.dependencies]\npython = "^3.11"\nflask-cors = "4.0.1"\n' }, 'a.py', 'flask-cors')?.version).toBe('4.0.1');
    expect(near({ 'package-lock.json': JSON.stringify({ packages: { 'node_modules/cors': { version: '2.8.5' } } }) }, 'src/a.js', 'cors')?.version).toBe('2.8.5');
    expect(near({ 'yarn.lock': '"@koa/cors@^5.0.0":\n  version "5.0.0"\n  resolved "x"\n' }, 'a.js', '@koa/cors')?.version).toBe('5.0.0');
    expect(near({ 'pnpm-lock.yaml': "lockfileVersion: '9.0'\nimporters:\n  .:\n    dependencies:\n      '@fastify/cors':\n        specifier: ^11.0.0\n        version: 11.4.3\n" }, 'a.js', '@fastify/cors')?.version).toBe('11.4.3');
  });

  it('finds nothing for a library nobody pins, or for manual headers', () => {
    expect(near({ 'requirements.txt': 'flask\n' }, 'app.py', 'flask-cors')).toBeUndefined();
    expect(near({ 'package-lock.json': '{}' }, 'a.js', 'manual')).toBeUndefined();
  });
});

describe('annotateVersions', () => {
  it('sets libraryVersion and its source on policies', () => {
    const span = { file: 'api/main.py', line: 1, column: 1, endLine: 1, endColumn: 1 };
    const p = newPolicy({ stack: 'fastapi', library: 'starlette', span, scope: { kind: 'app' } });
    expect(annotateVersions([p], memory({ 'requirements.txt': 'starlette==0.52.1\n' }))).toBe(1);
    expect(p.libraryVersion).toBe('0.52.1');
    expect(p.libraryVersionSource).toBe('requirements.txt');
  });
});
