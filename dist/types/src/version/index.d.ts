export { annotateVersions, libraryVersionNear, type VersionInfo, type VersionProject } from './find-version.js';
export { FASTAPI_STARLETTE, LIBRARY_PACKAGES } from './packages.js';
