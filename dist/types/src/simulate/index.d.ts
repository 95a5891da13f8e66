export { simulate, browserRequests, SIMULATED_COOKIE } from './simulate.js';
export { respond } from './respond.js';
export type { SimRequest, SimResult, Verdict, HttpRequest, HttpResponse, Exchange } from './types.js';
export { UnknownBehaviour } from './types.js';
export { corsHeadersOf, CORS_RESPONSE_HEADERS } from './header-bag.js';
