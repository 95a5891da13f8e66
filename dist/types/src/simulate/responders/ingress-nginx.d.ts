import type { Responder } from './responder.js';
export declare const ingressNginxResponder: Responder;
