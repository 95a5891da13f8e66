import { describe, expect, test } from 'vitest';
import { at, onePolicy, range } from './helpers.js';

describe('Starlette CORSMiddleware keywords it does not take', () => {
  test('misspelled keywords raise TypeError, with the nearest real parameter', async () => {
    const code = `from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

app = FastAPI()
app.add_middleware(
    CORSMiddleware,
    allow_origin=["https://app.example.com"],
    allow_credantials=True,
    allow_header=["*"],
    allow_methods=["GET"],
    allow_private_network=True,
)
`;
    const p = await onePolicy(code);
    expect(p.invalidOptions?.map((o) => [o.name, o.problem, o.effect, o.suggestion])).toEqual([
      ['allow_origin', 'unknown-option', 'raises', 'allow_origins'],
      ['allow_credantials', 'unknown-option', 'raises', 'allow_credentials'],
      ['allow_header', 'unknown-option', 'raises', 'allow_headers'],
    ]);
    expect(at(p.invalidOptions![0]!.span)).toBe(range(code, 'allow_origin=["https://app.example.com"]'));
  });

  test('a keyword far from every parameter has no suggestion', async () => {
    const p = await onePolicy(`from starlette.middleware.cors import CORSMiddleware
from starlette.applications import Starlette
app = Starlette()
app.add_middleware(CORSMiddleware, allow_origins=["https://a.example"], whitelist=["x"])
`);
    expect(p.invalidOptions).toEqual([expect.objectContaining({ name: 'whitelist', problem: 'unknown-option', effect: 'raises' })]);
    expect(p.invalidOptions![0]!.suggestion).toBeUndefined();
  });

  test('a list given to allow_origin_regex is a wrong type that raises, in Middleware(...) too', async () => {
    const code = `from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware

patterns = [r"https?://localhost(:\\d+)?"]
app = Starlette(middleware=[Middleware(CORSMiddleware, allow_origin_regex=patterns)])
`;
    const p = await onePolicy(code);
    expect(p.invalidOptions).toEqual([
      expect.objectContaining({ name: 'allow_origin_regex', problem: 'wrong-type', effect: 'raises', span: expect.anything() }),
    ]);
    expect(p.invalidOptions![0]!.detail).toMatch(/is a list/);
    expect(at(p.invalidOptions![0]!.span)).toBe(range(code, 'allow_origin_regex=patterns'));
  });

  test('correct keywords, and options from a **dict, are not reported', async () => {
    const p = await onePolicy(`from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
opts = {"allow_origins": ["https://a.example"], "max_age": 60}
app = FastAPI()
app.add_middleware(CORSMiddleware, allow_origin_regex=r"https://.*\\.a\\.example", expose_headers=["X"], **opts)
`);
    expect(p.invalidOptions).toBeUndefined();
  });

  test('an unknown key inside a **dict is reported at the splat', async () => {
    const p = await onePolicy(`from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
opts = {"allow_origin": ["https://a.example"]}
app = FastAPI()
app.add_middleware(CORSMiddleware, **opts)
`);
    expect(p.invalidOptions?.map((o) => [o.name, o.suggestion])).toEqual([['allow_origin', 'allow_origins']]);
  });
});
