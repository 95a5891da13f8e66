import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { CorsPolicy, Stack } from '../../model/types.js';
import { memberName, spanOf, unwrap, walk, type Node } from './ast.js';
import { npmCorsPolicy } from './libraries/npm-cors.js';
import type { JsModule } from './modules.js';
import type { Evaluator, JsValue } from './values.js';

/** Keys only npm cors (and @fastify/cors, which shares them) reads, plus their common misspellings. */
const NPM_CORS_KEYS = new Set([
  'methods', 'allowedHeaders', 'exposedHeaders', 'credentials', 'maxAge', 'preflightContinue', 'optionsSuccessStatus',
  'optionSuccessStatus', 'exposeHeaders', 'Access-Control-Allow-Credentials',
]);
/** Keys that only @koa/cors reads: such an object is not npm cors options. */
const KOA_KEYS = ['allowMethods', 'allowHeaders', 'keepHeadersOnError'];
const CORS_NAME = /cors/i;

/** An options object that a module defines for npm cors but that nothing in the module hands to a CORS layer. */
export interface OptionsCandidate {
  policy: CorsPolicy;
  /** The object literal: a CORS layer built from it anywhere in the scan makes this candidate redundant. */
  object: Node;
}

/**
 * npm cors options written in one module and used in another (`config/corsOptions.js` exporting
 * `{ origin(origin, callback) {...}, credentials: true }`). When the scan also holds the `cors(...)`
 * call, that call's policy describes them; otherwise they are described here, as the cors middleware
 * would apply them, so the options file's own problems are reported.
 *
 * Evidence that an object is npm cors options: an `origin` key plus either an origin callback of the
 * `(origin, callback)` shape, or a name (variable or file) that says cors and another npm cors key.
 */
export function exportedOptionCandidates(mod: JsModule, ev: Evaluator, stack: Stack | undefined): OptionsCandidate[] {
  if (stack === 'fastify' || stack === 'koa') return [];
  const out: OptionsCandidate[] = [];
  const seen = new Set<Node>();
  const fileSaysCors = CORS_NAME.test(path.basename(mod.path));
  for (const { name, node, exported } of moduleValues(mod)) {
    const value = ev.evaluate(node, mod);
    for (const found of optionsIn(value, name, fileSaysCors)) {
      const object = found.value.at?.node;
      if (!object || found.value.at?.mod !== mod || object.type !== 'ObjectExpression' || seen.has(object)) continue;
      if (!exported && referenced(mod, name, node)) continue;
      seen.add(object);
      const consumedBefore = new Set(ev.consumedOptions);
      const policy = npmCorsPolicy({
        stack: stack === 'nestjs' ? 'nestjs' : 'express',
        span: spanOf(object, mod.path),
        scope: { kind: 'app', name: found.label },
        optionsNode: object,
        mod,
        ev,
      });
      // Describing the options here is no use of them.
      for (const node of [...ev.consumedOptions]) if (!consumedBefore.has(node)) ev.consumedOptions.delete(node);
      const how = exported ? `options exported from ${mod.path}` : `options defined in ${mod.path}`;
      policy.notes = [...(policy.notes ?? []), `${how}; the cors() call that uses them was not found${found.via ? ` (${found.via})` : ''}`];
      out.push({ policy, object });
    }
  }
  return out;
}

function optionsIn(value: JsValue, name: string | undefined, fileSaysCors: boolean): Array<{ value: JsValue; label: string; via?: string }> {
  if (value.t !== 'object') return [];
  const label = name ?? 'exported options';
  if (looksLikeNpmCorsOptions(value, CORS_NAME.test(name ?? '') || fileSaysCors)) return [{ value, label }];
  // `{ cors: { origin, credentials } }`: the options of a server that hands `cors` to npm cors (socket.io).
  const nested = value.props.get('cors');
  if (nested && nested.t === 'object' && looksLikeNpmCorsOptions(nested, true)) return [{ value: nested, label: `${label}.cors`, via: 'the cors member of a server options object, as socket.io takes it' }];
  return [];
}

function looksLikeNpmCorsOptions(value: Extract<JsValue, { t: 'object' }>, named: boolean): boolean {
  const origin = value.props.get('origin');
  if (!origin) return false;
  if (KOA_KEYS.some((k) => value.props.has(k))) return false;
  if (origin.t === 'function' && origin.fn.params.length >= 2) return true;
  return named && [...value.props.keys()].some((k) => NPM_CORS_KEYS.has(k));
}

/** Module-level values a reader would call this module's configuration: exports and top-level constants. */
function moduleValues(mod: JsModule): Array<{ name: string | undefined; node: Node; exported: boolean }> {
  const out: Array<{ name: string | undefined; node: Node; exported: boolean }> = [];
  const exportedNames = new Set<string>();
  for (const stmt of mod.program.body) {
    if (stmt.type === 'ExportDefaultDeclaration') {
      const d = stmt.declaration;
      if (d.type !== 'FunctionDeclaration' && d.type !== 'ClassDeclaration' && d.type !== 'TSInterfaceDeclaration' && d.type !== 'TSDeclareFunction') {
        out.push({ name: d.type === 'Identifier' ? d.name : undefined, node: d as Node, exported: true });
      }
    } else if (stmt.type === 'ExportNamedDeclaration') {
      if (stmt.declaration?.type === 'VariableDeclaration') {
        for (const d of stmt.declaration.declarations) if (d.id.type === 'Identifier' && d.init) out.push({ name: d.id.name, node: d.init, exported: true });
      }
      for (const spec of stmt.specifiers) if (!stmt.source && spec.local.type === 'Identifier') exportedNames.add(spec.local.name);
    } else if (stmt.type === 'ExpressionStatement' && stmt.expression.type === 'AssignmentExpression' && stmt.expression.operator === '=') {
      const target = stmt.expression.left;
      if (target.type !== 'MemberExpression') continue;
      const named = exportName(target);
      if (named === undefined) continue;
      const right = unwrap(stmt.expression.right);
      out.push({ name: named || (right.type === 'Identifier' ? right.name : undefined), node: right, exported: true });
      if (right.type === 'ObjectExpression' && named === '') {
        // module.exports = { corsOptions, other }: each member is exported.
        for (const p of right.properties) if (p.type === 'Property' && p.key.type === 'Identifier') out.push({ name: p.key.name, node: p.value as Node, exported: true });
      }
    } else if (stmt.type === 'VariableDeclaration') {
      for (const d of stmt.declarations) {
        if (d.id.type !== 'Identifier' || !d.init || !CORS_NAME.test(d.id.name)) continue;
        out.push({ name: d.id.name, node: d.init, exported: false });
      }
    }
  }
  for (const entry of out) if (!entry.exported && entry.name && exportedNames.has(entry.name)) entry.exported = true;
  return out;
}

/** '' for `module.exports`, the name for `module.exports.X` / `exports.X`, else undefined. */
function exportName(node: TSESTree.MemberExpression): string | undefined {
  const name = memberName(node);
  if (node.object.type === 'Identifier' && node.object.name === 'module' && name === 'exports') return '';
  if (node.object.type === 'Identifier' && node.object.name === 'exports') return name;
  if (node.object.type === 'MemberExpression' && exportName(node.object) === '') return name;
  return undefined;
}

/** Is the module-level name used anywhere besides its own declaration (then that use decides what it configures)? */
function referenced(mod: JsModule, name: string | undefined, init: Node): boolean {
  if (!name) return false;
  const binding = mod.scopes.moduleBinding(name);
  if (!binding) return false;
  let used = false;
  walk(mod.program, (n) => {
    if (used || n.type !== 'Identifier' || n.name !== name || n === binding.id) return;
    if (n.range[0] >= init.range[0] && n.range[1] <= init.range[1]) return;
    const parent = mod.scopes.parentOf(n);
    if (parent?.type === 'Property' && parent.key === n && !parent.computed && !parent.shorthand) return;
    if (parent?.type === 'MemberExpression' && parent.property === n && !parent.computed) return;
    if (mod.scopes.lookup(n) === binding) used = true;
  });
  return used;
}
