import { describe, expect, it } from 'vitest';
import { allRules } from '../../rules/index.js';
import { jsScanner } from '../../src/extract/js/scanner.js';
import { nginxScanner } from '../../src/extract/nginx/scanner.js';
import { pythonScanner } from '../../src/extract/python/scanner.js';
import type { Scanner } from '../../src/extract/scanner.js';
import { lint } from '../../src/lint.js';
import { defineRule } from '../../src/rules/define-rule.js';
import { tempTree } from '../helpers/temp-tree.js';

const REFLECT = 'server {\n  add_header Access-Control-Allow-Origin $http_origin always;\n  add_header Access-Control-Allow-Credentials true always;\n  add_header Vary Origin always;\n}\n';

/** The nginx scanner with a parser that throws on any file holding the word BOOM. */
const throwingNginx: Scanner = {
  ...nginxScanner,
  async scan(files, project, options) {
    if (files.some((f) => f.text.includes('BOOM'))) throw new RangeError('Maximum call stack size exceeded');
    return nginxScanner.scan(files, project, options);
  },
};

/** A rule that throws on the policies of one file and reports every other policy. */
const throwingRule = defineRule({
  meta: { id: 'test-throwing-rule', docs: { description: 'test', cwe: [], securitySeverity: 1 }, defaultSeverity: 'warning', messages: { seen: 'seen' } },
  check({ policies, report }) {
    for (const policy of policies) {
      if (policy.span.file.includes('poison')) throw new TypeError("Cannot read properties of undefined (reading 'value')");
      report({ messageId: 'seen', span: policy.span, policy });
    }
  },
});

describe('fault isolation', () => {
  it('a scanner that throws on one file costs that file alone, with one internal-error naming it', async () => {
    const cwd = tempTree({ 'conf.d/good.conf': REFLECT, 'conf.d/boom.conf': `# BOOM\n${REFLECT}`, 'conf.d/other.conf': REFLECT.replace('$http_origin', 'https://app.example.com') });
    const result = await lint(['.'], { cwd, config: {}, scanners: [throwingNginx, pythonScanner, jsScanner] });
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ kind: 'internal-error', file: 'conf.d/boom.conf', message: expect.stringContaining('internal error in the nginx scanner: RangeError: Maximum call stack size exceeded') }),
    ]);
    expect(result.findings.filter((f) => f.ruleId === 'reflected-origin').map((f) => f.location.file)).toEqual(['conf.d/good.conf']);
    expect(result.policies.map((p) => p.span.file).sort()).toEqual(['conf.d/good.conf', 'conf.d/other.conf']);
  });

  it('a rule that throws on one policy keeps its findings on the others and every other rule', async () => {
    const cwd = tempTree({ 'conf.d/good.conf': REFLECT, 'conf.d/poison.conf': REFLECT });
    const result = await lint(['.'], { cwd, config: {}, rules: [...allRules, throwingRule] });
    expect(result.diagnostics).toEqual([expect.objectContaining({ kind: 'internal-error', file: 'conf.d/poison.conf', message: expect.stringContaining('internal error in rule test-throwing-rule: TypeError') })]);
    expect(result.findings.filter((f) => f.ruleId === 'test-throwing-rule').map((f) => f.location.file)).toEqual(['conf.d/good.conf']);
    // Every real rule still ran on both files.
    expect(result.findings.filter((f) => f.ruleId === 'reflected-origin').map((f) => f.location.file)).toEqual(['conf.d/good.conf', 'conf.d/poison.conf']);
  });
});
