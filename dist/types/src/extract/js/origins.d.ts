import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { OriginEntry, Provenance, Span } from '../../model/types.js';
import { type Node } from './ast.js';
import type { JsModule } from './modules.js';
import { type Evaluator, type JsValue, type WrittenAt } from './values.js';
export declare function spanAt(at: WrittenAt | undefined): Span | undefined;
/** Span + provenance of a resolved value; `definedAt` when it is written away from the use site. */
export declare function whereWritten(value: JsValue, useSite?: WrittenAt): Provenance & {
    span?: Span;
};
/** Regex matcher for a JS RegExp applied with `.test` (an unanchored search). */
export declare function jsRegexEntry(pattern: string, flags: string, value: JsValue, useSite?: WrittenAt, writtenAs?: string): OriginEntry;
export declare function escapeRegex(text: string): string;
/** An origin string compared with `===` (arrays, membership tests): "null" is the null origin. */
export declare function exactEntry(origin: string, value: JsValue, useSite?: WrittenAt): OriginEntry;
/** Items of a list used for `===` membership (npm cors / @fastify/cors arrays, `list.includes(origin)`). */
export declare function listEntries(list: JsValue, useSite: WrittenAt | undefined, regexAllowed: boolean): OriginEntry[];
/** What a condition on the request Origin accepts. */
export type TestMeaning = 
/** `alsoWithoutOrigin`: the condition also holds when the request has no Origin (`!origin || ...`). */
{
    kind: 'matchers';
    entries: OriginEntry[];
    alsoWithoutOrigin?: boolean;
}
/** True only when the request has no Origin header. */
 | {
    kind: 'no-origin';
}
/** True for every request that has an Origin. */
 | {
    kind: 'any-origin';
}
/** The condition does not look at the Origin. */
 | {
    kind: 'not-origin';
    text: string;
} | {
    kind: 'unknown';
    why: string;
};
/** Recognises expressions that stand for the request Origin. */
export type IsOrigin = (node: Node) => boolean;
export declare function originTester(ev: Evaluator, mod: JsModule, originNames?: Set<TSESTree.Identifier['name']>, originBindings?: Set<unknown>): IsOrigin;
/**
 * Classifies a condition that gates accepting an origin: membership in a resolvable list,
 * a regex test, endsWith/startsWith, equality. `positive` false means the condition is negated.
 */
export declare function classifyTest(test: Node, positive: boolean, ev: Evaluator, mod: JsModule, isOrigin: IsOrigin, depth?: number): TestMeaning;
/**
 * What an accept site means when all its guards (enclosing ifs, early exits, ternary tests) hold:
 * tests that do not look at the Origin narrow nothing; two Origin tests at once are not modelled.
 */
export declare function guardsHold(a: TestMeaning, b: TestMeaning): TestMeaning;
