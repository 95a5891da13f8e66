// Which package names pin each CORS library, and the Starlette ranges that FastAPI releases require.
import type { Library } from '../model/types.js';

export type Ecosystem = 'python' | 'node';

export interface LibraryPackage {
  ecosystem: Ecosystem;
  /** Normalized package name (PEP 503 for Python: lowercase, runs of -_. as -). */
  name: string;
}

export const LIBRARY_PACKAGES: Partial<Record<Library, LibraryPackage>> = {
  starlette: { ecosystem: 'python', name: 'starlette' },
  'flask-cors': { ecosystem: 'python', name: 'flask-cors' },
  'django-cors-headers': { ecosystem: 'python', name: 'django-cors-headers' },
  cors: { ecosystem: 'node', name: 'cors' },
  '@fastify/cors': { ecosystem: 'node', name: '@fastify/cors' },
  '@koa/cors': { ecosystem: 'node', name: '@koa/cors' },
};

export function normalizePythonName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/**
 * The Starlette requirement of each FastAPI release where it changed, read from FastAPI's own
 * pyproject.toml at each release tag (0.10.0 … 0.141). `>=` lower bound, `<`/`<=` upper bound.
 */
export const FASTAPI_STARLETTE: Array<{ fastapi: string; starlette: string }> = [
  { fastapi: '0.10.0', starlette: '==0.11.1' },
  { fastapi: '0.23.0', starlette: '>=0.11.1,<=0.12.0' },
  { fastapi: '0.34.0', starlette: '>=0.11.1,<=0.12.7' },
  { fastapi: '0.38.0', starlette: '>=0.11.1,<=0.12.8' },
  { fastapi: '0.41.0', starlette: '==0.12.9' },
  { fastapi: '0.50.0', starlette: '==0.13.2' },
  { fastapi: '0.57.0', starlette: '==0.13.4' },
  { fastapi: '0.60.1', starlette: '==0.13.6' },
  { fastapi: '0.65.0', starlette: '==0.14.2' },
  { fastapi: '0.69.0', starlette: '==0.15.0' },
  { fastapi: '0.70.0', starlette: '==0.16.0' },
  { fastapi: '0.71.0', starlette: '==0.17.1' },
  { fastapi: '0.76.0', starlette: '==0.18.0' },
  { fastapi: '0.77.0', starlette: '==0.19.0' },
  { fastapi: '0.77.1', starlette: '==0.19.1' },
  { fastapi: '0.85.0', starlette: '==0.20.4' },
  { fastapi: '0.87.0', starlette: '==0.21.0' },
  { fastapi: '0.88.0', starlette: '==0.22.0' },
  { fastapi: '0.90.0', starlette: '>=0.22.0,<=0.23.0' },
  { fastapi: '0.90.1', starlette: '>=0.22.0,<0.24.0' },
  { fastapi: '0.91.0', starlette: '>=0.24.0,<0.25.0' },
  { fastapi: '0.92.0', starlette: '>=0.25.0,<0.26.0' },
  { fastapi: '0.94.0', starlette: '>=0.26.0,<0.27.0' },
  { fastapi: '0.94.1', starlette: '>=0.26.1,<0.27.0' },
  { fastapi: '0.95.2', starlette: '>=0.27.0,<0.28.0' },
  { fastapi: '0.107.0', starlette: '>=0.28.0,<0.29.0' },
  { fastapi: '0.108.0', starlette: '>=0.29.0,<0.33.0' },
  { fastapi: '0.109.0', starlette: '>=0.35.0,<0.36.0' },
  { fastapi: '0.109.2', starlette: '>=0.36.3,<0.37.0' },
  { fastapi: '0.110.1', starlette: '>=0.37.2,<0.38.0' },
  { fastapi: '0.112.1', starlette: '>=0.37.2,<0.39.0' },
  { fastapi: '0.115.2', starlette: '>=0.37.2,<0.41.0' },
  { fastapi: '0.115.3', starlette: '>=0.40.0,<0.42.0' },
  { fastapi: '0.115.7', starlette: '>=0.40.0,<0.46.0' },
  { fastapi: '0.115.10', starlette: '>=0.40.0,<0.47.0' },
  { fastapi: '0.116.1', starlette: '>=0.40.0,<0.48.0' },
  { fastapi: '0.116.2', starlette: '>=0.40.0,<0.49.0' },
  { fastapi: '0.120.1', starlette: '>=0.40.0,<0.50.0' },
  { fastapi: '0.121.3', starlette: '>=0.40.0,<0.51.0' },
  { fastapi: '0.128.3', starlette: '>=0.40.0,<1.0.0' },
  { fastapi: '0.133.0', starlette: '>=0.40.0' },
  { fastapi: '0.134.0', starlette: '>=0.46.0' },
];

/** Starlette releases where CORSMiddleware behaviour changed (see src/simulate/responders/starlette.ts). */
export const STARLETTE_BEHAVIOUR_CHANGES = ['0.13.1', '0.13.3', '0.15.0', '1.0.0'];

/** Releases where a library's CORS behaviour changed, as the simulator models it (src/simulate/responders). */
export const BEHAVIOUR_CHANGES: Partial<Record<Library, string[]>> = {
  starlette: STARLETTE_BEHAVIOUR_CHANGES,
  'django-cors-headers': ['4.0.0', '4.3.0'],
};
