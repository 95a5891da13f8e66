# Oracle for the middleware-order rule: the real Starlette, two orders of the same two middleware.
# An authentication middleware answers 401 on its own; the question is whether that 401 carries
# Access-Control-Allow-Origin. Prints one JSON object; run with /usr/bin/python3 (Debian starlette).
import json

import starlette
from starlette.applications import Starlette
from starlette.middleware.cors import CORSMiddleware
from starlette.responses import JSONResponse, PlainTextResponse
from starlette.routing import Route
from starlette.testclient import TestClient

ORIGIN = "https://app.example.com"


class RequireToken:
    """Pure ASGI middleware that rejects requests without an Authorization header."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and b"authorization" not in dict(scope["headers"]):
            await PlainTextResponse("Unauthorized", status_code=401)(scope, receive, send)
            return
        await self.app(scope, receive, send)


async def items(request):
    return JSONResponse([])


def build(cors_added_first):
    app = Starlette(routes=[Route("/items", items)])
    if cors_added_first:
        # cors-lint-disable-next-line middleware-order -- the wrong order, on purpose
        app.add_middleware(CORSMiddleware, allow_origins=[ORIGIN])
        app.add_middleware(RequireToken)
    else:
        app.add_middleware(RequireToken)
        app.add_middleware(CORSMiddleware, allow_origins=[ORIGIN])
    return app


result = {"starlette": starlette.__version__}
for name, first in (("corsAddedFirst", True), ("corsAddedLast", False)):
    response = TestClient(build(first)).get("/items", headers={"Origin": ORIGIN})
    result[name] = {
        "status": response.status_code,
        "allowOrigin": response.headers.get("access-control-allow-origin"),
    }
print(json.dumps(result))
