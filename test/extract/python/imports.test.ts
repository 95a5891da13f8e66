import { describe, expect, test } from 'vitest';
import { at, range, rangeIn, scanPython, shapes } from './helpers.js';

const MAIN = `from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from app.core.config import settings

app = FastAPI()
app.add_middleware(CORSMiddleware, allow_origins=settings.BACKEND_CORS_ORIGINS, allow_credentials=True)
`;

describe('values across files of the scanned tree', () => {
  test('BaseSettings field default through `from app.core.config import settings`', async () => {
    const config = `from pydantic_settings import BaseSettings

class Settings(BaseSettings):
    PROJECT_NAME: str = "demo"
    BACKEND_CORS_ORIGINS: list[str] = ["*"]

settings = Settings()
`;
    const r = await scanPython({ 'app/main.py': MAIN, 'app/core/config.py': config });
    expect(r.policies).toHaveLength(1);
    const [origin] = r.policies[0]!.origins;
    expect(origin).toMatchObject({ kind: 'any', envDriven: true, source: 'BACKEND_CORS_ORIGINS' });
    expect(at(origin!.span)).toBe(range(MAIN, 'settings.BACKEND_CORS_ORIGINS'));
    expect(origin!.span!.file).toBe('app/main.py');
    expect(origin!.definedAt?.file).toBe('app/core/config.py');
    expect(at(origin!.definedAt)).toBe(range(config, '"*"'));
  });

  test('pydantic Field(default=...) and a BaseModel (not env-driven)', async () => {
    const config = `from pydantic import BaseModel, Field

class Settings(BaseModel):
    BACKEND_CORS_ORIGINS: list[str] = Field(default=["https://a.example"])

settings = Settings()
`;
    const r = await scanPython({ 'app/main.py': MAIN, 'app/core/config.py': config });
    const [origin] = r.policies[0]!.origins;
    expect(origin).toMatchObject({ kind: 'exact', origin: 'https://a.example' });
    expect(origin!.envDriven).toBeUndefined();
    expect(at(origin!.definedAt)).toBe(range(config, '"https://a.example"'));
  });

  test('a field without a literal default is unknown and names the file', async () => {
    const config = `from pydantic_settings import BaseSettings
class Settings(BaseSettings):
    BACKEND_CORS_ORIGINS: list[str]
settings = Settings()
`;
    const r = await scanPython({ 'app/main.py': MAIN, 'app/core/config.py': config });
    const [origin] = r.policies[0]!.origins;
    expect(origin).toMatchObject({ kind: 'unknown', envDriven: true, source: 'BACKEND_CORS_ORIGINS' });
    expect((origin as { why: string }).why).toBe('settings.BACKEND_CORS_ORIGINS (no literal default in app/core/config.py)');
  });

  test('get_settings().FIELD where get_settings returns Settings() (lru_cache)', async () => {
    const main = `from fastapi.middleware.cors import CORSMiddleware
from .config import get_settings

app.add_middleware(CORSMiddleware, allow_origins=get_settings().ORIGINS)
`;
    const config = `from functools import lru_cache
from pydantic_settings import BaseSettings

class Settings(BaseSettings):
    ORIGINS: list[str] = ["https://a.example", "http://localhost:3000"]

@lru_cache
def get_settings():
    return Settings()
`;
    const r = await scanPython({ 'svc/main.py': main, 'svc/config.py': config });
    expect(shapes(r.policies[0]!.origins)).toEqual([
      { kind: 'exact', origin: 'https://a.example' },
      { kind: 'exact', origin: 'http://localhost:3000' },
    ]);
    expect(r.policies[0]!.origins[1]).toMatchObject({ envDriven: true, source: 'ORIGINS' });
  });

  test('settings = get_settings() inside a factory function', async () => {
    const main = `from fastapi.middleware.cors import CORSMiddleware
from svc.config import get_settings

def create_app():
    settings = get_settings()
    app.add_middleware(CORSMiddleware, allow_origins=settings.ORIGINS)
`;
    const config = `class Settings:
    ORIGINS = ["https://a.example"]

def get_settings():
    return Settings()
`;
    const r = await scanPython({ 'src/svc/main.py': main, 'src/svc/config.py': config });
    expect(shapes(r.policies[0]!.origins)).toEqual([{ kind: 'exact', origin: 'https://a.example' }]);
    expect(r.policies[0]!.origins[0]!.envDriven).toBeUndefined();
  });

  test('relative import of a constant and `import app.config as cfg`', async () => {
    const main = `from fastapi.middleware.cors import CORSMiddleware
from .constants import ORIGINS
import app.config as cfg
app.add_middleware(CORSMiddleware, allow_origins=ORIGINS, allow_origin_regex=cfg.REGEX)
`;
    const r = await scanPython({
      'app/main.py': main,
      'app/constants.py': 'ORIGINS = ("https://a.example",)\n',
      'app/config.py': 'REGEX = r"https://.*\\.example\\.com"\n',
    });
    const p = r.policies[0]!;
    expect(shapes(p.origins)).toEqual([
      { kind: 'exact', origin: 'https://a.example' },
      { kind: 'regex', pattern: 'https://.*\\.example\\.com', flavor: 'python', mode: 'fullmatch', ignoreCase: false },
    ]);
    expect(at(p.origins[0]!.span)).toBe(rangeIn(main, 'allow_origins=ORIGINS', 'ORIGINS'));
    expect(p.origins[0]!.definedAt?.file).toBe('app/constants.py');
    expect(p.origins[1]!.definedAt?.file).toBe('app/config.py');
  });

  test('`from . import config` then config.ORIGINS, and a package __init__ re-export', async () => {
    const main = `from fastapi.middleware.cors import CORSMiddleware
from . import config
from .settings import EXTRA
app.add_middleware(CORSMiddleware, allow_origins=config.ORIGINS + EXTRA)
`;
    const r = await scanPython({
      'app/main.py': main,
      'app/config.py': 'ORIGINS = ["https://a.example"]\n',
      'app/settings/__init__.py': 'from .base import EXTRA\n',
      'app/settings/base.py': 'EXTRA = ["https://b.example"]\n',
    });
    expect(shapes(r.policies[0]!.origins)).toEqual([
      { kind: 'exact', origin: 'https://a.example' },
      { kind: 'exact', origin: 'https://b.example' },
    ]);
  });

  test('an import cycle ends in unknown, not a hang', async () => {
    const r = await scanPython({
      'app/main.py': `from fastapi.middleware.cors import CORSMiddleware
from app.a import X
app.add_middleware(CORSMiddleware, allow_origins=X)
`,
      'app/a.py': 'from app.b import X\n',
      'app/b.py': 'from app.a import X\n',
    });
    expect(r.policies[0]!.origins[0]!.kind).toBe('unknown');
  });

  test('a module that is not in the scanned tree leaves the value unknown', async () => {
    const r = await scanPython({
      'app/main.py': `from fastapi.middleware.cors import CORSMiddleware
from .missing import ORIGINS
app.add_middleware(CORSMiddleware, allow_origins=ORIGINS)
`,
    });
    expect(r.policies[0]!.origins[0]).toMatchObject({ kind: 'unknown' });
    expect((r.policies[0]!.origins[0] as { why: string }).why).toContain('ORIGINS from .missing');
  });

  test('CORSMiddleware re-exported by a project module is still recognised', async () => {
    const r = await scanPython({
      'app/main.py': `from app.middleware import CORSMiddleware
app.add_middleware(CORSMiddleware, allow_origins=["https://a.example"])
`,
      'app/middleware.py': 'from starlette.middleware.cors import CORSMiddleware\n',
    });
    expect(r.policies).toHaveLength(1);
  });

  test('env_prefix of pydantic-settings names the variable; an os.getenv default keeps its own variable', async () => {
    const config = `import os
from pydantic_settings import BaseSettings, SettingsConfigDict

class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="APP_")
    BACKEND_CORS_ORIGINS: list[str] = ["https://a.example"]
    REGEX: str = os.getenv("CORS_REGEX", "https://.*\\.example\\.com")

settings = Settings()
`;
    const main = MAIN.replace('allow_credentials=True', 'allow_origin_regex=settings.REGEX');
    const r = await scanPython({ 'app/main.py': main, 'app/core/config.py': config });
    const [exact, regex] = r.policies[0]!.origins;
    expect(exact).toMatchObject({ kind: 'exact', envDriven: true, source: 'APP_BACKEND_CORS_ORIGINS' });
    expect(regex).toMatchObject({ kind: 'regex', pattern: 'https://.*\\.example\\.com', envDriven: true, source: 'CORS_REGEX' });
  });

  test('import chains are followed up to 8 modules deep, then the value is unknown', async () => {
    const chain = (length: number) => {
      const files: Record<string, string> = {
        'app/main.py': 'from fastapi.middleware.cors import CORSMiddleware\nfrom app.m1 import X\napp.add_middleware(CORSMiddleware, allow_origins=X)\n',
      };
      for (let i = 1; i < length; i++) files[`app/m${i}.py`] = `from app.m${i + 1} import X\n`;
      files[`app/m${length}.py`] = 'X = ["https://deep.example"]\n';
      return files;
    };
    const near = await scanPython(chain(7));
    expect(shapes(near.policies[0]!.origins)).toEqual([{ kind: 'exact', origin: 'https://deep.example' }]);
    const far = await scanPython(chain(12));
    expect(far.policies[0]!.origins[0]!.kind).toBe('unknown');
    expect((far.policies[0]!.origins[0] as { why: string }).why).toMatch(/nested too deeply/);
  });
});
