/**
 * A small JSON Schema (draft-07) validator for the keywords the test schemas use: type, required,
 * properties, additionalProperties, items, enum, oneOf, minimum, minLength, format "uri", $ref to
 * "#/definitions/...". Anything else in a schema is an error, so a schema cannot silently ask for
 * more than is checked. Returns "path: problem" strings; empty when valid.
 */
type Schema = Record<string, unknown>;

const KNOWN = new Set(['$schema', '$id', 'title', 'description', 'type', 'required', 'properties', 'additionalProperties', 'items', 'enum', 'oneOf', 'minimum', 'minLength', 'format', '$ref', 'definitions']);

export function validateJson(value: unknown, root: Schema): string[] {
  const errors: string[] = [];
  check(value, root, root, '$', errors);
  return errors;
}

function check(value: unknown, schema: Schema, root: Schema, at: string, errors: string[]): void {
  for (const key of Object.keys(schema)) if (!KNOWN.has(key)) throw new Error(`json-schema-lite does not support "${key}" (at ${at})`);
  if (typeof schema.$ref === 'string') {
    const name = /^#\/definitions\/(.+)$/.exec(schema.$ref)?.[1];
    const target = name && (root.definitions as Record<string, Schema> | undefined)?.[name];
    if (!target) throw new Error(`unresolvable $ref ${schema.$ref}`);
    check(value, target, root, at, errors);
  }
  if (schema.type !== undefined && !hasType(value, schema.type as string)) {
    errors.push(`${at}: expected ${schema.type}, got ${JSON.stringify(value)}`);
    return;
  }
  if (Array.isArray(schema.enum) && !schema.enum.some((e) => e === value)) errors.push(`${at}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  if (Array.isArray(schema.oneOf)) {
    const passing = (schema.oneOf as Schema[]).filter((s) => {
      const sub: string[] = [];
      check(value, s, root, at, sub);
      return sub.length === 0;
    });
    if (passing.length !== 1) errors.push(`${at}: matches ${passing.length} of the oneOf alternatives, not exactly 1`);
  }
  if (typeof value === 'number' && typeof schema.minimum === 'number' && value < schema.minimum) errors.push(`${at}: ${value} < ${schema.minimum}`);
  if (typeof value === 'string') {
    if (typeof schema.minLength === 'number' && value.length < schema.minLength) errors.push(`${at}: shorter than ${schema.minLength}`);
    if (schema.format === 'uri' && !/^[a-z][a-z0-9+.-]*:\S+$/i.test(value)) errors.push(`${at}: not a URI: ${value}`);
  }
  if (Array.isArray(value) && schema.items) value.forEach((v, i) => check(v, schema.items as Schema, root, `${at}[${i}]`, errors));
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>;
    for (const key of (schema.required as string[] | undefined) ?? []) if (!(key in obj)) errors.push(`${at}: missing required "${key}"`);
    const props = (schema.properties as Record<string, Schema> | undefined) ?? {};
    for (const [key, v] of Object.entries(obj)) {
      if (props[key]) check(v, props[key]!, root, `${at}.${key}`, errors);
      else if (schema.additionalProperties === false) errors.push(`${at}: unexpected property "${key}"`);
    }
  }
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'object':
      return value !== null && typeof value === 'object' && !Array.isArray(value);
    case 'array':
      return Array.isArray(value);
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    default:
      throw new Error(`unsupported type ${type}`);
  }
}
