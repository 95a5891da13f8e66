import type { Responder } from './responder.js';
export declare const fastifyCorsResponder: Responder;
