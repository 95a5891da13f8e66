import type { Valued } from '../../model/types.js';
import { type HeaderDef } from './blocks.js';
import type { Possible } from './origins.js';
import { type HeaderSet } from './header-sets.js';
export declare function credentialsOf(sets: HeaderSet[], possibles: (h: HeaderDef, s: HeaderSet) => Possible[]): Valued<boolean>;
export declare function listHeader(sets: HeaderSet[], name: string): Valued<string[]>;
export declare function maxAgeOf(sets: HeaderSet[]): Valued<number>;
/**
 * Vary: Origin must travel with every header set that sends Access-Control-Allow-Origin on a response
 * a cache may store: answers to OPTIONS are not stored (RFC 9110, 9.3.7), so an OPTIONS-only set
 * without Vary is fine.
 */
export declare function varyOf(sets: HeaderSet[]): Valued<boolean>;
export declare function onErrorsOf(sets: HeaderSet[]): Valued<boolean>;
