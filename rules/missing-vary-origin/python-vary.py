# Oracle for missing-vary-origin: does the real Python CORS library send Vary: Origin when it echoes
# one of two allowed origins? Prints {library: {"version": ..., "vary": value|None, "allowOrigin": ...}}
# or {library: {"missing": reason}}. Run with /usr/bin/python3 (Debian packages).
import json
import sys

ORIGINS = ["https://app.example.com", "https://admin.example.com"]
REQUEST = {"Origin": ORIGINS[1]}


def seen(headers):
    return {"vary": headers.get("Vary"), "allowOrigin": headers.get("Access-Control-Allow-Origin")}


def starlette_vary():
    import starlette
    from starlette.applications import Starlette
    from starlette.middleware.cors import CORSMiddleware
    from starlette.responses import PlainTextResponse
    from starlette.routing import Route
    from starlette.testclient import TestClient

    async def ok(request):
        return PlainTextResponse("ok")

    app = Starlette(routes=[Route("/x", ok)])
    app.add_middleware(CORSMiddleware, allow_origins=ORIGINS)
    return {"version": starlette.__version__, **seen(TestClient(app).get("/x", headers=REQUEST).headers)}


def flask_cors_vary():
    from flask import Flask
    from flask_cors import CORS
    from flask_cors.version import __version__

    def client(**options):
        app = Flask("oracle")
        CORS(app, origins=ORIGINS, **options)
        app.add_url_rule("/x", "x", lambda: "ok")
        return app.test_client()

    result = {"version": __version__, **seen(client().get("/x", headers=REQUEST).headers)}
    result["varyHeaderFalse"] = seen(client(vary_header=False).get("/x", headers=REQUEST).headers)
    return result


def django_cors_headers_vary():
    import django
    from django.conf import settings

    settings.configure(
        DEBUG=False,
        SECRET_KEY="oracle",
        ROOT_URLCONF=__name__,
        ALLOWED_HOSTS=["*"],
        INSTALLED_APPS=["corsheaders"],
        MIDDLEWARE=["corsheaders.middleware.CorsMiddleware"],
        CORS_ALLOWED_ORIGINS=ORIGINS,
    )
    django.setup()
    from importlib.metadata import version

    from django.http import HttpResponse
    from django.test import Client
    from django.urls import path

    globals()["urlpatterns"] = [path("x", lambda request: HttpResponse("ok"))]
    response = Client().get("/x", HTTP_ORIGIN=REQUEST["Origin"])
    return {"version": version("django-cors-headers"), **seen(response.headers)}


result = {}
for name, probe in (("starlette", starlette_vary), ("flask-cors", flask_cors_vary), ("django-cors-headers", django_cors_headers_vary)):
    try:
        result[name] = probe()
    except ImportError as error:
        result[name] = {"missing": f"{type(error).__name__}: {error}"}
json.dump(result, sys.stdout)
print()
