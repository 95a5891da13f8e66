import type { Scanner } from '../scanner.js';
/**
 * Nginx: finds the top-level configurations (files no other file includes), reads each with its
 * includes, and describes every server/location that ends up sending CORS headers. A snippet that is
 * only ever included is analysed in the context of its includers, never on its own.
 */
export declare const nginxScanner: Scanner;
