# django-cors-headers given a plain string where it wants a sequence; printed as JSON.
import json
import django
from django.conf import settings

settings.configure(
    DEBUG=False, SECRET_KEY="x", ROOT_URLCONF=__name__, ALLOWED_HOSTS=["*"],
    INSTALLED_APPS=["corsheaders"],
    MIDDLEWARE=["corsheaders.middleware.CorsMiddleware", "django.middleware.common.CommonMiddleware"],
)
django.setup()
from django.core import checks
from django.http import HttpResponse
from django.test import Client, override_settings
from django.urls import path


def ok(request):
    return HttpResponse("ok")


urlpatterns = [path("", ok)]
out = {}
c = Client(raise_request_exception=False)
with override_settings(CORS_ORIGIN_WHITELIST=("localhost:4200")):
    out["str_whitelist_checks"] = sorted({e.id for e in checks.run_checks() if e.id.startswith("corsheaders")})
    out["str_whitelist_acao"] = c.get("/", HTTP_ORIGIN="http://localhost:4200").headers.get("Access-Control-Allow-Origin")
with override_settings(CORS_ALLOWED_ORIGINS=("https://a.example")):
    out["str_allowed_acao"] = c.get("/", HTTP_ORIGIN="https://a.example").headers.get("Access-Control-Allow-Origin")
with override_settings(CORS_ALLOWED_ORIGIN_REGEXES=(r"^https://\w+\.a\.example$")):
    out["str_regexes_acao"] = c.get("/", HTTP_ORIGIN="https://evil.example").headers.get("Access-Control-Allow-Origin")
with override_settings(CORS_ALLOWED_ORIGIN_REGEXES=(r"(https://a\.example)")):
    out["str_regexes_invalid_status"] = c.get("/", HTTP_ORIGIN="https://evil.example").status_code
with override_settings(CORS_ALLOWED_ORIGIN=["https://a.example"]):
    out["misspelled_acao"] = c.get("/", HTTP_ORIGIN="https://a.example").headers.get("Access-Control-Allow-Origin")
print(json.dumps(out))
