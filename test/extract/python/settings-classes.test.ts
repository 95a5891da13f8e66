// A settings object in one module whose default ["*"] / ("*",) reaches allow_origins in another.
import { describe, expect, test } from 'vitest';
import { scanPython, shapes } from './helpers.js';
const main = (imp: string, expr: string) => `from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
${imp}
app = FastAPI()
app.add_middleware(CORSMiddleware, allow_origins=${expr}, allow_credentials=True)
`;
const cases: Record<string, Record<string, string>> = {
  pydantic: { 'app/core/config.py': 'from pydantic_settings import BaseSettings\nclass Settings(BaseSettings):\n    cors_origins: list[str] = ["*"]\nsettings = Settings()\n', 'app/main.py': main('from app.core.config import settings', 'settings.cors_origins') },
  pydanticTuple: { 'app/core/config.py': 'from pydantic import BaseSettings\nclass Settings(BaseSettings):\n    CORS_ORIGINS: tuple = ("*",)\n\nsettings = Settings()\n', 'app/main.py': main('from .core.config import settings', 'list(settings.CORS_ORIGINS)') },
  dataclass: { 'app/config.py': 'from dataclasses import dataclass, field\n@dataclass\nclass Config:\n    origins: tuple = ("*",)\nconfig = Config()\n', 'app/main.py': main('from app.config import config', 'config.origins') },
  dataclassField: { 'app/config.py': 'from dataclasses import dataclass, field\n@dataclass\nclass Config:\n    origins: list = field(default_factory=lambda: ["*"])\nconfig = Config()\n', 'app/main.py': main('from app.config import config', 'config.origins') },
  plain: { 'app/config.py': 'class Config:\n    ORIGINS = ["*"]\n', 'app/main.py': main('from app.config import Config', 'Config.ORIGINS') },
  plainInstance: { 'app/config.py': 'class Config:\n    ORIGINS = ["*"]\nconfig = Config()\n', 'app/main.py': main('from app import config as cfg', 'cfg.config.ORIGINS') },
  getter: { 'app/config.py': 'from functools import lru_cache\nfrom pydantic_settings import BaseSettings\nclass Settings(BaseSettings):\n    allowed_origins: list[str] = ["*"]\n@lru_cache\ndef get_settings():\n    return Settings()\n', 'app/main.py': main('from app.config import get_settings\nsettings = get_settings()', 'settings.allowed_origins') },
  inlineCall: { 'app/config.py': 'from pydantic_settings import BaseSettings\nclass Settings(BaseSettings):\n    allowed_origins: list[str] = ["*"]\n', 'app/main.py': main('from app.config import Settings', 'Settings().allowed_origins') },
  field: { 'app/config.py': 'from pydantic import Field\nfrom pydantic_settings import BaseSettings\nclass Settings(BaseSettings):\n    allowed_origins: list[str] = Field(default=["*"], env="ORIGINS")\nsettings = Settings()\n', 'app/main.py': main('from app.config import settings', 'settings.allowed_origins') },
  property: { 'app/config.py': 'from pydantic_settings import BaseSettings\nclass Settings(BaseSettings):\n    CORS_ORIGINS: str = "*"\n    @property\n    def cors_list(self):\n        return self.CORS_ORIGINS.split(",")\nsettings = Settings()\n', 'app/main.py': main('from app.config import settings', 'settings.cors_list') },
};
const ENV_DRIVEN = new Set(['pydantic', 'pydanticTuple', 'getter', 'inlineCall', 'field', 'property']);

describe('settings classes across modules: the "*" default with credentials', () => {
  for (const [name, files] of Object.entries(cases)) {
    test(name, async () => {
      const { policies } = await scanPython(files);
      expect(policies).toHaveLength(1);
      expect(shapes(policies[0]!.origins)).toEqual([{ kind: 'any' }]);
      expect(policies[0]!.credentials.value).toBe(true);
      // Fields of a BaseSettings instance are environment variables with that default.
      expect(policies[0]!.origins[0]!.envDriven === true).toBe(ENV_DRIVEN.has(name));
    });
  }
});
