import type { ProxyReader } from '../types.js';
export declare const readTraefik: ProxyReader;
