# Oracle for credentials-with-wildcard-headers: what the real Python CORS libraries send when
# allow headers / methods / expose headers are '*' and credentials are on. Prints one JSON object:
# {library: {"version": ..., "allowHeaders": value|None, "allowMethods": ..., "exposeHeaders": ...}}
# or {library: {"missing": reason}}. Run with /usr/bin/python3 (Debian packages).
import json
import sys

ORIGIN = "https://app.example.com"
PREFLIGHT = {
    "Origin": ORIGIN,
    "Access-Control-Request-Method": "PUT",
    "Access-Control-Request-Headers": "authorization, x-custom",
}


def sent(preflight_headers, response_headers):
    return {
        "allowHeaders": preflight_headers.get("Access-Control-Allow-Headers"),
        "allowMethods": preflight_headers.get("Access-Control-Allow-Methods"),
        "exposeHeaders": response_headers.get("Access-Control-Expose-Headers"),
    }


def starlette_headers():
    import starlette
    from starlette.applications import Starlette
    from starlette.middleware.cors import CORSMiddleware
    from starlette.responses import PlainTextResponse
    from starlette.routing import Route
    from starlette.testclient import TestClient

    async def ok(request):
        return PlainTextResponse("ok")

    app = Starlette(routes=[Route("/x", ok, methods=["GET", "PUT"])])
    app.add_middleware(
        CORSMiddleware,
        allow_origins=[ORIGIN],
        allow_credentials=True,
        allow_headers=["*"],
        allow_methods=["*"],
        expose_headers=["*"],
    )
    client = TestClient(app)
    result = sent(client.options("/x", headers=PREFLIGHT).headers, client.get("/x", headers={"Origin": ORIGIN}).headers)
    return {"version": starlette.__version__, **result}


def flask_cors_headers():
    from flask import Flask
    from flask_cors import CORS
    from flask_cors.version import __version__

    def build(**options):
        app = Flask("oracle")
        CORS(app, origins=[ORIGIN], supports_credentials=True, **options)

        @app.route("/x", methods=["GET", "PUT"])
        def x():
            return "ok"

        return app.test_client()

    # methods='*' changes which preflight headers are sent at all, so it gets its own app.
    headers_app = build(allow_headers="*", expose_headers="*")
    methods_app = build(methods="*")
    result = sent(headers_app.options("/x", headers=PREFLIGHT).headers, headers_app.get("/x", headers={"Origin": ORIGIN}).headers)
    result["allowMethods"] = methods_app.options("/x", headers=PREFLIGHT).headers.get("Access-Control-Allow-Methods")
    return {"version": __version__, **result}


def django_cors_headers():
    import django
    from django.conf import settings

    settings.configure(
        DEBUG=False,
        SECRET_KEY="oracle",
        ROOT_URLCONF=__name__,
        ALLOWED_HOSTS=["*"],
        INSTALLED_APPS=["corsheaders"],
        MIDDLEWARE=["corsheaders.middleware.CorsMiddleware"],
        CORS_ALLOWED_ORIGINS=[ORIGIN],
        CORS_ALLOW_CREDENTIALS=True,
        CORS_ALLOW_HEADERS=["*"],
        CORS_ALLOW_METHODS=["*"],
        CORS_EXPOSE_HEADERS=["*"],
    )
    django.setup()
    from importlib.metadata import version

    from django.http import HttpResponse
    from django.test import Client
    from django.urls import path

    globals()["urlpatterns"] = [path("x", lambda request: HttpResponse("ok"))]
    client = Client()
    meta = {f"HTTP_{k.upper().replace('-', '_')}": v for k, v in PREFLIGHT.items()}
    preflight = client.options("/x", **meta)
    response = client.get("/x", HTTP_ORIGIN=ORIGIN)
    return {"version": version("django-cors-headers"), **sent(preflight.headers, response.headers)}


result = {}
for name, probe in (("starlette", starlette_headers), ("flask-cors", flask_cors_headers), ("django-cors-headers", django_cors_headers)):
    try:
        result[name] = probe()
    except ImportError as error:
        result[name] = {"missing": f"{type(error).__name__}: {error}"}
json.dump(result, sys.stdout)
print()
