import type { Responder } from './responder.js';
export declare const koa2CorsResponder: Responder;
