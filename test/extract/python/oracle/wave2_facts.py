"""Facts about unknown options and header values, from the installed libraries (printed as JSON)."""
import json
import logging
import re

facts = {}

# Starlette: an unknown keyword or a list for allow_origin_regex raises TypeError when the
# middleware stack is built (add_middleware builds it at once in old versions, on the first request
# in newer ones).
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware


def build_error(**kwargs):
    try:
        app = Starlette(middleware=[Middleware(CORSMiddleware, **kwargs)])
        app.build_middleware_stack()
    except TypeError as error:
        return str(error)
    return None


def add_error(**kwargs):
    try:
        app = Starlette()
        app.add_middleware(CORSMiddleware, **kwargs)
        app.build_middleware_stack()
    except TypeError as error:
        return str(error)
    return None


facts["starlette_unknown_keyword"] = add_error(allow_origin=["https://a.example"])
facts["starlette_unknown_keyword_middleware"] = build_error(allow_credantials=True)
facts["starlette_regex_list"] = add_error(allow_origin_regex=[r"https?://localhost(:\d+)?"])
facts["starlette_known"] = add_error(allow_origins=["https://a.example"], allow_credentials=True, allow_origin_regex="x", expose_headers=[], max_age=1, allow_methods=["GET"], allow_headers=[])

# Flask-CORS: an unknown option is only logged; the defaults apply (origins '*' echoes the Origin).
from flask import Flask
from flask_cors import CORS

records = []


class Keep(logging.Handler):
    def emit(self, record):
        records.append(record.getMessage())


logging.getLogger("flask_cors").addHandler(Keep())
logging.getLogger("flask_cors").setLevel(logging.DEBUG)
app = Flask("a")
CORS(app, support_credentials=True, headers=["Content-Type"])
app.config["CORS_HEADERS"] = "Content-Type"


@app.route("/")
def index():
    return "ok"


with app.test_client() as client:
    r = client.get("/", headers={"Origin": "https://evil.example"})
    facts["flask_unknown_logged"] = sorted(m for m in records if "Unknown option" in m)
    facts["flask_unknown_acao"] = r.headers.get("Access-Control-Allow-Origin")
    facts["flask_unknown_acac"] = r.headers.get("Access-Control-Allow-Credentials")

# resources keyed by a compiled regex with origins '*': the Origin is echoed.
app2 = Flask("b")
CORS(app2, resources={re.compile("/api/*"): {"origins": "*"}})


@app2.route("/api/x")
def api():
    return "ok"


with app2.test_client() as client:
    facts["flask_regex_resource_acao"] = client.get("/api/x", headers={"Origin": "https://evil.example"}).headers.get("Access-Control-Allow-Origin")

# Werkzeug serialises a Python bool header value with str(): True becomes 'True'.
app3 = Flask("c")


@app3.route("/")
def creds():
    return "ok"


@app3.after_request
def hook(response):
    response.headers["Access-Control-Allow-Credentials"] = True
    return response


with app3.test_client() as client:
    facts["werkzeug_bool_header"] = client.get("/").headers.get("Access-Control-Allow-Credentials")

# An after_request hook registered after Flask-CORS runs first; when it sets
# Access-Control-Allow-Origin, Flask-CORS leaves the response alone (the preflight loses
# Allow-Methods / Allow-Headers). Registered before Flask-CORS, it runs after it and masks nothing.
def masking(hook_first):
    app = Flask("d")

    def hook(response):
        response.headers["Access-Control-Allow-Origin"] = "https://a.example"
        return response

    if hook_first:
        app.after_request(hook)
    CORS(app, origins=["https://a.example"], supports_credentials=True)
    if not hook_first:
        app.after_request(hook)

    @app.route("/x", methods=["PUT"])
    def x():
        return "ok"

    with app.test_client() as client:
        r = client.options("/x", headers={"Origin": "https://a.example", "Access-Control-Request-Method": "PUT"})
        return [r.status_code, r.headers.get("Access-Control-Allow-Methods")]


facts["flask_hook_after_cors"] = masking(False)
facts["flask_hook_before_cors"] = masking(True)

# A BaseHTTPMiddleware that adds CORS headers after call_next: an OPTIONS preflight reaches the
# router, which answers 405 for a route without OPTIONS; an OPTIONS short-circuit returning a bare
# Response carries no CORS header.
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route
from starlette.testclient import TestClient


class After(BaseHTTPMiddleware):
    async def dispatch(self, request, call_next):
        response = await call_next(request)
        response.headers["Access-Control-Allow-Origin"] = "*"
        return response


class ShortCircuit(BaseHTTPMiddleware):
    async def dispatch(self, request, call_next):
        if request.method == "OPTIONS":
            return Response(status_code=200)
        response = await call_next(request)
        response.headers["Access-Control-Allow-Origin"] = "*"
        return response


async def item(request):
    return PlainTextResponse("ok")


preflight = {"Origin": "https://a.example", "Access-Control-Request-Method": "PUT"}
for name, mw in (("after_call_next", After), ("options_short_circuit", ShortCircuit)):
    app = Starlette(routes=[Route("/item", item, methods=["GET", "PUT"])], middleware=[Middleware(mw)])
    r = TestClient(app).options("/item", headers=preflight)
    facts[f"starlette_manual_{name}"] = [r.status_code, r.headers.get("access-control-allow-origin")]

# Starlette response headers take str only: a bool value raises.
try:
    Response("x").headers["Access-Control-Allow-Credentials"] = True
    facts["starlette_bool_header"] = None
except AttributeError as error:
    facts["starlette_bool_header"] = type(error).__name__

print(json.dumps(facts))
