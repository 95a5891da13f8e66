import type { Span } from '../../model/types.js';
import { type PyValue } from './values.js';
/** Values of the branches of a condition the scanner cannot decide. */
export declare function union(values: PyValue[], condition: string): PyValue;
export declare function combine(a: PyValue, b: PyValue, span: Span): PyValue;
export declare function sortItems(items: PyValue[]): PyValue[];
