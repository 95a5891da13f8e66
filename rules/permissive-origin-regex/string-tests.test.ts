import { describe, expect, it } from 'vitest';
import { policy, run } from '../../test/helpers/rule-harness.js';
import rule from './index.js';

describe('permissive-origin-regex on string tests the code holds instead of a regex', () => {
  it('quotes origin.startsWith(...) and explains a prefix test, not RegExp.test', () => {
    const p = policy('cors', [{ kind: 'regex', pattern: '^http:\\/\\/localhost', flavor: 'js', mode: 'search', ignoreCase: false, flags: '', writtenAs: "origin.startsWith('http://localhost')" }]);
    const [finding] = run(rule, [p]);
    expect(finding!.message).toMatch(/^origin test `origin\.startsWith\('http:\/\/localhost'\)` accepts http:\/\/localhost\.[a-z.-]+ \(a prefix test: anything may follow the text\)/);
  });
});
