import type { Responder } from './responder.js';
export declare const NGINX_ADD_HEADER_STATUSES: number[];
export declare const nginxInterimResponder: Responder;
