import type { Scanner } from './scanner.js';
/** Every language scanner, one per language. */
export declare const scanners: Scanner[];
