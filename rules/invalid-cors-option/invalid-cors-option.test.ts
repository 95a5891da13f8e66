import { describe, expect, it } from 'vitest';
import type { InvalidOption } from '../../src/model/types.js';
import { policy, run, span } from '../../test/helpers/rule-harness.js';
import rule from './index.js';

const option = (o: Partial<InvalidOption> & Pick<InvalidOption, 'name' | 'effect'>): InvalidOption => ({ problem: 'unknown-option', span: span(4, 35, 52), ...o });

describe('invalid-cors-option', () => {
  describe('catches', () => {
    it('a Starlette keyword that does not exist: the app never serves', () => {
      const p = policy('starlette', [{ kind: 'exact', origin: 'https://app.example.com' }], {
        invalidOptions: [option({ name: 'allow_credantials', suggestion: 'allow_credentials', effect: 'raises' })],
      });
      const [finding, ...rest] = run(rule, [p]);
      expect(rest).toEqual([]);
      expect(finding).toMatchObject({ ruleId: 'invalid-cors-option', severity: 'error', location: { line: 4, column: 35 } });
      expect(finding!.message).toBe(
        'Starlette CORSMiddleware in FastAPI has no option `allow_credantials` (did you mean `allow_credentials`?): it raises TypeError (unexpected keyword argument) when the middleware is built, so the application never starts serving',
      );
    });

    it('a value of the wrong type that raises names what was given', () => {
      const p = policy('starlette', [], {
        invalidOptions: [option({ name: 'allow_origin_regex', problem: 'wrong-type', effect: 'raises', detail: 'is a list; Starlette compiles one pattern string' })],
      });
      expect(run(rule, [p])[0]!.message).toBe(
        '`allow_origin_regex` is a list; Starlette compiles one pattern string: Starlette CORSMiddleware in FastAPI raises TypeError when the middleware is built, so the application never starts serving',
      );
    });

    it('an npm cors key that is ignored says what applies instead', () => {
      const p = policy('cors', [{ kind: 'any' }], {
        invalidOptions: [option({ name: 'origins', suggestion: 'origin', effect: 'ignored', consequence: "the default origin '*' applies, so every site may read the responses" })],
      });
      expect(run(rule, [p])[0]!.message).toBe(
        "npm cors in Express has no option `origins` (did you mean `origin`?): it is silently ignored; the default origin '*' applies, so every site may read the responses",
      );
    });

    it('one finding per invalid option, on each one', () => {
      const p = policy('django-cors-headers', [], {
        invalidOptions: [option({ name: 'CORS_ALLOWED_ORIGIN', effect: 'ignored', span: span(3, 1, 20) }), option({ name: 'CORS_ALLOW_CREDENTIAL', effect: 'ignored', span: span(4, 1, 22) })],
      });
      expect(run(rule, [p]).map((f) => [f.location.line, f.message.split(':')[0]])).toEqual([
        [3, 'django-cors-headers has no option `CORS_ALLOWED_ORIGIN`'],
        [4, 'django-cors-headers has no option `CORS_ALLOW_CREDENTIAL`'],
      ]);
    });
  });

  describe('catchesNot', () => {
    it('a policy whose options are all real', () => {
      expect(run(rule, [policy('cors', [{ kind: 'exact', origin: 'https://app.example.com' }], { credentials: true })])).toEqual([]);
    });
  });
});

describe('invalid-cors-option wording', () => {
  it('names the server that mounts npm cors (socket.io) instead of the stack', () => {
    const p = policy('cors', [{ kind: 'any' }], { mountedBy: 'socket.io', invalidOptions: [option({ name: 'origins', suggestion: 'origin', effect: 'ignored' })] });
    expect(run(rule, [p])[0]!.message).toMatch(/^npm cors in socket.io has no option `origins`/);
  });
});
