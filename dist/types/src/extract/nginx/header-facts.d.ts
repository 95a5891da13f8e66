import type { Valued } from '../../model/types.js';
import { type HeaderDef } from './blocks.js';
import type { Possible } from './origins.js';
import { type HeaderSet } from './header-sets.js';
export declare function credentialsOf(sets: HeaderSet[], possibles: (h: HeaderDef, s: HeaderSet) => Possible[]): Valued<boolean>;
export declare function listHeader(sets: HeaderSet[], name: string): Valued<string[]>;
export declare function maxAgeOf(sets: HeaderSet[]): Valued<number>;
/** Vary: Origin must travel with every header set that sends Access-Control-Allow-Origin. */
export declare function varyOf(sets: HeaderSet[]): Valued<boolean>;
export declare function onErrorsOf(sets: HeaderSet[]): Valued<boolean>;
