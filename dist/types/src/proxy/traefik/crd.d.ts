import { type TraefikConfig } from './config.js';
import type { ConfNode } from './tree.js';
export declare function isTraefikObject(doc: ConfNode): boolean;
export declare function readCrd(doc: ConfNode, config: TraefikConfig): void;
