import type { AnyRule } from '../src/rules/define-rule.js';
import addHeaderInheritance from './add-header-inheritance/index.js';
import corsHeadersWithoutAlways from './cors-headers-without-always/index.js';
import duplicateCorsLayers from './duplicate-cors-layers/index.js';
import credentialsWithWildcardOrigin from './credentials-with-wildcard-origin/index.js';
import reflectedOrigin from './reflected-origin/index.js';
import nullOrigin from './null-origin/index.js';
import permissiveOriginRegex from './permissive-origin-regex/index.js';
import sharedHostingOrigin from './shared-hosting-origin/index.js';
import originNotAllowedByPolicy from './origin-not-allowed-by-policy/index.js';
import insecureOriginScheme from './insecure-origin-scheme/index.js';
import wildcardOrigin from './wildcard-origin/index.js';
import malformedOrigin from './malformed-origin/index.js';
import unresolvedOrigin from './unresolved-origin/index.js';
import multipleOriginValues from './multiple-origin-values/index.js';
import missingVaryOrigin from './missing-vary-origin/index.js';
import preflightNotHandled from './preflight-not-handled/index.js';
import middlewareOrder from './middleware-order/index.js';
import credentialsWithWildcardHeaders from './credentials-with-wildcard-headers/index.js';

/** Every rule cors-lint has. Ids are public interface. */
export const allRules: AnyRule[] = [
  addHeaderInheritance,
  corsHeadersWithoutAlways,
  duplicateCorsLayers,
  credentialsWithWildcardOrigin,
  reflectedOrigin,
  nullOrigin,
  permissiveOriginRegex,
  sharedHostingOrigin,
  originNotAllowedByPolicy,
  insecureOriginScheme,
  wildcardOrigin,
  malformedOrigin,
  unresolvedOrigin,
  multipleOriginValues,
  missingVaryOrigin,
  preflightNotHandled,
  middlewareOrder,
  credentialsWithWildcardHeaders,
];

export function findRule(id: string): AnyRule | undefined {
  return allRules.find((rule) => rule.meta.id === id);
}
