import type { ProxyRoute, Span } from '../../model/types.js';
type Strip = ProxyRoute['strips'][number];
type LineMap = (line: number, column: number, endColumn: number) => Span;
export declare function snippetStrips(text: string, annotation: string, map: LineMap): Strip[];
export {};
