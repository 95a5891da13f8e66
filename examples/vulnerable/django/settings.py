INSTALLED_APPS = ["corsheaders"]
MIDDLEWARE = ["corsheaders.middleware.CorsMiddleware", "django.middleware.common.CommonMiddleware"]

CORS_ALLOWED_ORIGINS = [
    "https://shop.example.com",
    "null",
]
CORS_ALLOWED_ORIGIN_REGEXES = [r"^https://\w+\.example\.com"]
CORS_ALLOW_CREDENTIALS = True
