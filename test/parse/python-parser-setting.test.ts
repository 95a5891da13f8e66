import path from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { pythonParserSetting } from '../../src/config/parser-setting.js';
import { validateConfig } from '../../src/config/validate.js';
import { lint } from '../../src/lint.js';
import { loadNativePython } from '../../src/parse/python-native.js';

const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

describe('the parser setting', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.doUnmock('../../src/parse/python-native.js');
    vi.resetModules();
  });

  test('config key parser: wasm, native or auto; anything else names the allowed values', () => {
    for (const parser of ['wasm', 'native', 'auto']) expect(validateConfig({ parser }, [])).toEqual([]);
    expect(validateConfig({ parser: 'fast' }, [])).toEqual(['"parser" must be one of wasm, native, auto (the Python parser engine)']);
    expect(validateConfig({ parser: true }, [])).toEqual(['"parser" must be one of wasm, native, auto (the Python parser engine)']);
  });

  test('default wasm; CORS_LINT_PARSER wins over the config; an unknown value is ignored with one notice', () => {
    expect(pythonParserSetting({}, {})).toBe('wasm');
    expect(pythonParserSetting({ parser: 'auto' }, {})).toBe('auto');
    expect(pythonParserSetting({ parser: 'auto' }, { CORS_LINT_PARSER: 'Native' })).toBe('native');
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(pythonParserSetting({ parser: 'native' }, { CORS_LINT_PARSER: 'fastest' })).toBe('native');
    expect(pythonParserSetting({}, { CORS_LINT_PARSER: 'fastest' })).toBe('wasm');
    expect(stderr).toHaveBeenCalledTimes(1);
    expect(String(stderr.mock.calls[0]![0])).toBe('cors-lint: notice: CORS_LINT_PARSER="fastest" is not one of wasm, native, auto; ignoring it.\n');
  });

  test('native requested but not loadable: one notice on stderr, then wasm parses; auto falls back silently', async () => {
    vi.resetModules();
    vi.doMock('../../src/parse/python-native.js', () => ({ loadNativePython: () => ({ error: "Cannot find module 'tree-sitter'" }) }));
    const { pythonParser } = await import('../../src/parse/python.js');
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect((await pythonParser('auto')).engine).toBe('wasm');
    expect(stderr).not.toHaveBeenCalled();
    expect((await pythonParser('native')).engine).toBe('wasm');
    expect((await pythonParser('native')).engine).toBe('wasm');
    expect(stderr).toHaveBeenCalledTimes(1);
    expect(String(stderr.mock.calls[0]![0])).toBe(
      `cors-lint: notice: parser "native" was requested but the native tree-sitter bindings cannot be loaded (Cannot find module 'tree-sitter'); parsing Python with the wasm parser. Install tree-sitter and tree-sitter-python next to cors-lint to use it.\n`,
    );
  });

  const native = loadNativePython();
  test.skipIf('error' in native && process.env.CI !== 'true')('lint() gives the same findings, policies and diagnostics with parser native and wasm (examples/)', async () => {
    const run = (parser: 'wasm' | 'native') => lint(['examples'], { cwd: repo, config: { parser } });
    const [wasm, nat] = [await run('wasm'), await run('native')];
    expect(wasm.policies.length).toBeGreaterThan(3);
    expect(nat.findings).toStrictEqual(wasm.findings);
    expect(nat.policies).toStrictEqual(wasm.policies);
    expect(nat.diagnostics).toStrictEqual(wasm.diagnostics);
    expect(nat.config.parser).toBe('native');
  });
});
