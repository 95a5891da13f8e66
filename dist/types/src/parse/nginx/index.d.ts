export type { NginxDirective, NginxParseResult, NginxWord } from './ast.js';
export { parseNginx, type ParseOptions } from './parser.js';
