"""Answers CORS requests with the real Starlette CORSMiddleware (called as an ASGI app), for the differential tests.

stdin:  {"fixtures": [{"id": str, "kwargs": {...CORSMiddleware arguments...}}],
         "requests": [{"method": str, "path": str, "headers": {name: value}}]}
stdout: {"version": str, "results": {fixture_id: [{"status": int, "headers": {name: value | [values]}} | {"error": str}]}}

Paths /status/<code> answer with that status from the route handler; every other path answers 200.
One process serves every fixture; nothing here is imported by the product.
"""
import json
import sys
import warnings

warnings.filterwarnings("ignore")

import starlette  # noqa: E402
from starlette.applications import Starlette  # noqa: E402
from starlette.middleware import Middleware  # noqa: E402
from starlette.middleware.cors import CORSMiddleware  # noqa: E402
from starlette.responses import PlainTextResponse  # noqa: E402
from starlette.routing import Route  # noqa: E402
import asyncio  # noqa: E402

METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]


async def endpoint(request):
    code = int(request.path_params.get("code", 200))
    return PlainTextResponse("app", status_code=code)


def build(kwargs):
    routes = [Route("/", endpoint, methods=METHODS), Route("/status/{code:int}", endpoint, methods=METHODS)]
    return Starlette(routes=routes, middleware=[Middleware(CORSMiddleware, **kwargs)])


def call(app, method, path, headers):
    """Drives the ASGI app directly (no test client, so every Starlette release can be checked)."""
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "query_string": b"",
        "headers": [(b"host", b"testserver")] + [(k.lower().encode(), v.encode()) for k, v in headers.items()],
        "client": ("127.0.0.1", 50000),
        "server": ("testserver", 80),
    }
    sent = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    asyncio.run(app(scope, receive, send))
    start = next(m for m in sent if m["type"] == "http.response.start")
    out = {}
    for name, value in start.get("headers", []):
        name = name.decode("latin-1").lower()
        value = value.decode("latin-1")
        if name in out:
            old = out[name]
            out[name] = (old if isinstance(old, list) else [old]) + [value]
        else:
            out[name] = value
    return {"status": start["status"], "headers": out}


def main():
    data = json.load(sys.stdin)
    results = {}
    for fixture in data["fixtures"]:
        answers = []
        try:
            app = build(fixture["kwargs"])
        except Exception as error:  # a configuration Starlette rejects
            results[fixture["id"]] = [{"error": f"{type(error).__name__}: {error}"}] * len(data["requests"])
            continue
        for req in data["requests"]:
            try:
                answers.append(call(app, req["method"], req["path"], req["headers"]))
            except Exception as error:
                answers.append({"error": f"{type(error).__name__}: {error}"})
        results[fixture["id"]] = answers
    json.dump({"version": starlette.__version__, "results": results}, sys.stdout)


if __name__ == "__main__":
    main()
