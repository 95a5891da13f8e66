import { describe, expect, it } from 'vitest';
import { policy, run } from '../../test/helpers/rule-harness.js';
import rule from './index.js';

describe('malformed-origin: a string where a list is wanted', () => {
  it('words the test in Python for Python stacks', () => {
    const [finding] = run(rule, [policy('starlette', [{ kind: 'substring', haystack: 'https://shop.example.com' }])]);
    expect(finding!.message).toContain("tests `origin in 'https://shop.example.com'`, a substring test that also admits https://shop.example.co");
    expect(finding!.witness).toBe('https://shop.example.co');
  });

  it('words the test in JavaScript for JavaScript stacks', () => {
    const [finding] = run(rule, [policy('cors', [{ kind: 'substring', haystack: 'https://shop.example.com' }])]);
    expect(finding!.message).toContain("tests `'https://shop.example.com'.indexOf(origin) !== -1` (or `.includes(origin)`)");
  });

  it('takes the witness from one origin of a joined string, never across the separator', () => {
    const [finding] = run(rule, [policy('cors', [{ kind: 'substring', haystack: 'https://shop.example.com,http://localhost:3000' }])]);
    expect(finding!.witness).toBe('https://shop.example.co');
  });

  it('cuts a port short when the host cannot be (localhost)', () => {
    const [finding] = run(rule, [policy('starlette', [{ kind: 'substring', haystack: 'http://localhost:3000' }])]);
    expect(finding!.witness).toBe('http://localhost:300');
  });
});

describe('malformed-origin: indexOf / includes on an environment string', () => {
  it('reports the substring test whatever the variable holds, naming it', () => {
    const [finding, ...rest] = run(rule, [policy('cors', [{ kind: 'unknown', why: 'substring test', substringOfEnv: 'WHITE_LIST' }], { credentials: true })]);
    expect(rest).toEqual([]);
    expect(finding!.message).toContain('allowed origins are the string in environment variable WHITE_LIST, not a list');
    expect(finding!.message).toContain('`process.env.WHITE_LIST.indexOf(origin) !== -1`');
  });

  it('an unknown origin without a substring test is not malformed', () => {
    expect(run(rule, [policy('cors', [{ kind: 'unknown', why: 'process.env.ORIGINS' }])])).toEqual([]);
  });
});
