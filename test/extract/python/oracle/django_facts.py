# Facts about django-cors-headers that the Python scanner encodes; printed as JSON.
import json, sys
import django
from django.conf import settings
settings.configure(
    DEBUG=False, SECRET_KEY="x", ROOT_URLCONF=__name__, ALLOWED_HOSTS=["*"],
    INSTALLED_APPS=["corsheaders"],
    MIDDLEWARE=["corsheaders.middleware.CorsMiddleware", "django.middleware.common.CommonMiddleware"],
    CORS_ALLOW_ALL_ORIGINS=True, CORS_ALLOW_CREDENTIALS=True,
)
django.setup()
from django.http import HttpResponse
from django.urls import path
from django.test import Client, override_settings
from django.core import checks

def ok(request): return HttpResponse("ok")
def boom(request): raise RuntimeError("x")
urlpatterns = [path("", ok), path("boom", boom)]

out = {}
c = Client(raise_request_exception=False)
r = c.get("/", HTTP_ORIGIN="https://evil.example")
out["allow_all_credentials"] = [r.headers.get("Access-Control-Allow-Origin"), r.headers.get("Vary")]
with override_settings(CORS_ALLOW_CREDENTIALS=False):
    out["allow_all"] = c.get("/", HTTP_ORIGIN="https://evil.example").headers.get("Access-Control-Allow-Origin")
with override_settings(CORS_ALLOW_ALL_ORIGINS=False, CORS_ALLOWED_ORIGIN_REGEXES=[r"https://a\.example"]):
    out["regex_prefix"] = c.get("/", HTTP_ORIGIN="https://a.example.evil.net").headers.get("Access-Control-Allow-Origin")
    out["regex_case"] = c.get("/", HTTP_ORIGIN="https://A.example").headers.get("Access-Control-Allow-Origin")
with override_settings(CORS_ALLOW_ALL_ORIGINS=False, CORS_ALLOWED_ORIGINS=["https://a.example/"]):
    out["trailing_slash_runtime"] = c.get("/", HTTP_ORIGIN="https://a.example").headers.get("Access-Control-Allow-Origin")
    out["trailing_slash_check"] = [e.id for e in checks.run_checks() if e.id.startswith("corsheaders")]
with override_settings(CORS_ALLOW_ALL_ORIGINS=False, CORS_ALLOWED_ORIGINS=["https://a.example"]):
    r = c.get("/boom", HTTP_ORIGIN="https://a.example")
    out["error"] = [r.status_code, r.headers.get("Access-Control-Allow-Origin")]
    r = c.options("/", HTTP_ORIGIN="https://a.example", HTTP_ACCESS_CONTROL_REQUEST_METHOD="PUT")
    out["preflight"] = [r.status_code, r.headers.get("Access-Control-Max-Age"), r.headers.get("Access-Control-Allow-Methods")]
print(json.dumps(out))
