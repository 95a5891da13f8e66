import { describe, expect, it } from 'vitest';
import { at, scan, shapes } from './helpers.js';

describe('apollo-server (standalone): new ApolloServer({ cors })', () => {
  it('maps the cors option onto npm cors, including the default { origin: "*" } and cors: false', async () => {
    const code = `import { ApolloServer } from 'apollo-server';
import { schema } from './schema';

const open = new ApolloServer({ schema });
const closed = new ApolloServer({ schema, cors: false });
const echo = new ApolloServer({ schema, cors: { origin: true, credentials: true } });
const listed = new ApolloServer({ schema, cors: { origin: ['https://studio.example'] } });
const defaults = new ApolloServer({ schema, cors: true });
const off = new ApolloServer({ schema, cors: { origin: false } });
echo.listen();
`;
    const policies = await scan(code, 'server.ts', { 'schema.ts': 'export const schema = {};\n' });
    expect(policies.map((p) => [p.library, p.scope.name, at(p.span)])).toEqual([
      ['cors', 'open', '4:14'],
      ['cors', 'echo', '6:14'],
      ['cors', 'listed', '7:16'],
      ['cors', 'defaults', '8:18'],
      ['cors', 'off', '9:13'],
    ]);
    expect(shapes(policies[0]!)).toEqual([{ kind: 'any', sentVerbatim: true }]);
    expect(shapes(policies[1]!)).toEqual([{ kind: 'reflect' }]);
    expect(at(policies[1]!.origins[0]!.span)).toBe(`6:${code.split('\n')[5]!.indexOf('true') + 1}`);
    expect(policies[1]!.credentials.value).toBe(true);
    expect(shapes(policies[2]!)).toEqual([{ kind: 'exact', origin: 'https://studio.example' }]);
    expect(shapes(policies[3]!)).toEqual([{ kind: 'any', sentVerbatim: true }]);
    // A falsy origin makes npm cors call next() without any CORS header.
    expect(policies[4]!.origins).toEqual([]);
  });

  it('other packages named ApolloServer are not the standalone server', async () => {
    const code = `import { ApolloServer } from 'apollo-server-express';
const server = new ApolloServer({ schema: {}, cors: { origin: true } });
`;
    expect(await scan(code, 'server.ts')).toEqual([]);
  });
});
