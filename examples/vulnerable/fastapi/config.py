from pydantic_settings import BaseSettings


class Settings(BaseSettings):
    PROJECT_NAME: str = "orders"
    BACKEND_CORS_ORIGINS: list[str] = ["*"]


settings = Settings()
