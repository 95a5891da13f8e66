/**
 * The body of `content_by_lua_block { ... }` and friends is Lua, not nginx syntax. ngx_lua finds its
 * end by counting braces outside Lua strings and comments; this does the same and never evaluates it.
 * Returns the offset just after the closing `}`, or -1 when the block never closes.
 */
export declare function skipLuaBlock(text: string, openBrace: number): number;
