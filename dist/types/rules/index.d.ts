import type { AnyRule } from '../src/rules/define-rule.js';
/** Every rule cors-lint has, in catalog order. Ids are public interface. */
export declare const allRules: AnyRule[];
export declare function findRule(id: string): AnyRule | undefined;
