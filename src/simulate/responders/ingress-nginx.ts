import { UnknownBehaviour } from '../types.js';
import type { Responder } from './responder.js';

export const ingressNginxResponder: Responder = (policy) => {
  throw new UnknownBehaviour('the ingress-nginx responder is not built yet', policy.span);
};
