import type { Scanner } from '../scanner.js';
export declare const pythonScanner: Scanner;
