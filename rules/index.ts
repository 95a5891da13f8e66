import type { AnyRule } from '../src/rules/define-rule.js';
import credentialsWithWildcardOrigin from './credentials-with-wildcard-origin/index.js';
import reflectedOrigin from './reflected-origin/index.js';
import nullOrigin from './null-origin/index.js';
import permissiveOriginRegex from './permissive-origin-regex/index.js';
import insecureOriginScheme from './insecure-origin-scheme/index.js';
import wildcardOrigin from './wildcard-origin/index.js';
import malformedOrigin from './malformed-origin/index.js';
import multipleOriginValues from './multiple-origin-values/index.js';
import credentialsWithWildcardHeaders from './credentials-with-wildcard-headers/index.js';
import addHeaderInheritance from './add-header-inheritance/index.js';
import corsHeadersWithoutAlways from './cors-headers-without-always/index.js';
import missingVaryOrigin from './missing-vary-origin/index.js';
import preflightNotHandled from './preflight-not-handled/index.js';
import middlewareOrder from './middleware-order/index.js';
import duplicateCorsLayers from './duplicate-cors-layers/index.js';
import sharedHostingOrigin from './shared-hosting-origin/index.js';
import originNotAllowedByPolicy from './origin-not-allowed-by-policy/index.js';
import unresolvedOrigin from './unresolved-origin/index.js';
import invalidCorsOption from './invalid-cors-option/index.js';
import frontendOriginNotAllowed from './frontend-origin-not-allowed/index.js';
import proxyStripsCorsHeaders from './proxy-strips-cors-headers/index.js';

/** Every rule cors-lint has, in catalog order. Ids are public interface. */
export const allRules: AnyRule[] = [
  credentialsWithWildcardOrigin,
  reflectedOrigin,
  nullOrigin,
  permissiveOriginRegex,
  insecureOriginScheme,
  wildcardOrigin,
  malformedOrigin,
  multipleOriginValues,
  credentialsWithWildcardHeaders,
  addHeaderInheritance,
  corsHeadersWithoutAlways,
  missingVaryOrigin,
  preflightNotHandled,
  middlewareOrder,
  duplicateCorsLayers,
  sharedHostingOrigin,
  originNotAllowedByPolicy,
  unresolvedOrigin,
  invalidCorsOption,
  proxyStripsCorsHeaders,
  frontendOriginNotAllowed,
];

export function findRule(id: string): AnyRule | undefined {
  return allRules.find((rule) => rule.meta.id === id);
}
