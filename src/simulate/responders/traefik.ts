import { UnknownBehaviour } from '../types.js';
import type { Responder } from './responder.js';

export const traefikResponder: Responder = (policy) => {
  throw new UnknownBehaviour('the Traefik responder is not built yet', policy.span);
};
