"""Answers CORS requests with the real django-cors-headers middleware (Debian
python3-django-cors-headers), for the differential tests. stdin/stdout as starlette_oracle.py;
fixtures carry CORS_* settings."""
import json
import sys

import django
from django.conf import settings
from django.http import HttpResponse
from django.urls import path

urlpatterns = [
    path("", lambda request: HttpResponse("app")),
    path("status/<int:code>", lambda request, code: HttpResponse("app", status=code)),
]

settings.configure(
    DEBUG=False,
    ALLOWED_HOSTS=["*"],
    ROOT_URLCONF=__name__,
    INSTALLED_APPS=["corsheaders"],
    MIDDLEWARE=["corsheaders.middleware.CorsMiddleware", "django.middleware.common.CommonMiddleware"],
    SECRET_KEY="conformance",
)
django.setup()

import corsheaders  # noqa: E402
from django.test import Client, override_settings  # noqa: E402


def meta(headers):
    out = {}
    for name, value in headers.items():
        key = name.upper().replace("-", "_")
        out[key if key in ("CONTENT_TYPE", "CONTENT_LENGTH") else "HTTP_" + key] = value
    return out


def main():
    data = json.load(sys.stdin)
    results = {}
    for fixture in data["fixtures"]:
        answers = []
        with override_settings(**fixture["kwargs"]):
            client = Client()
            for req in data["requests"]:
                r = client.generic(req["method"], req["path"], **meta(req["headers"]))
                out = {}
                for name, value in r.items():
                    out[name.lower()] = value
                answers.append({"status": r.status_code, "headers": out})
        results[fixture["id"]] = answers
    import os
    from importlib.metadata import version

    try:
        # A source checkout put first on PYTHONPATH has no metadata of its own: its release is given.
        installed = os.environ.get("ORACLE_LIBRARY_VERSION") or version("django-cors-headers")
    except Exception:
        installed = getattr(corsheaders, "__version__", "?")
    json.dump({"version": installed, "results": results}, sys.stdout)


if __name__ == "__main__":
    main()
