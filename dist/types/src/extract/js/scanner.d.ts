import type { Scanner } from '../scanner.js';
/**
 * The JavaScript/TypeScript scanner: npm cors (Express, NestJS), @fastify/cors, @koa/cors and
 * hand-written Access-Control-* headers. Files are parsed with typescript-estree and never run.
 */
export declare const jsScanner: Scanner;
