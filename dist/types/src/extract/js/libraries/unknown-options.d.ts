import type { InvalidOption, Library } from '../../../model/types.js';
import type { JsValue } from '../values.js';
/**
 * Keys of an options object that the library never reads. Only keys written in the scanned code
 * (with a place to point at) are reported; the consequence says what applies instead.
 */
export declare function unknownOptions(value: JsValue, library: Library): InvalidOption[];
