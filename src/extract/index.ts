import type { Scanner } from './scanner.js';
import { jsScanner } from './js/scanner.js';
import { nginxScanner } from './nginx/scanner.js';
import { pythonScanner } from './python/scanner.js';

/** Every language scanner, one per language. */
export const scanners: Scanner[] = [nginxScanner, pythonScanner, jsScanner];
