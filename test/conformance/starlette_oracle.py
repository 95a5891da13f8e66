"""Answers CORS requests with the real Starlette CORSMiddleware, for the differential tests.

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
from starlette.testclient import TestClient  # noqa: E402

METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]


async def endpoint(request):
    code = int(request.path_params.get("code", 200))
    return PlainTextResponse("app", status_code=code)


def build(kwargs):
    routes = [Route("/", endpoint, methods=METHODS), Route("/status/{code:int}", endpoint, methods=METHODS)]
    return Starlette(routes=routes, middleware=[Middleware(CORSMiddleware, **kwargs)])


def headers_of(response):
    out = {}
    for name, value in response.headers.multi_items():
        name = name.lower()
        if name in out:
            old = out[name]
            out[name] = (old if isinstance(old, list) else [old]) + [value]
        else:
            out[name] = value
    return out


def main():
    data = json.load(sys.stdin)
    results = {}
    for fixture in data["fixtures"]:
        answers = []
        try:
            client = TestClient(build(fixture["kwargs"]))
        except Exception as error:  # a configuration Starlette rejects
            results[fixture["id"]] = [{"error": f"{type(error).__name__}: {error}"}] * len(data["requests"])
            continue
        for req in data["requests"]:
            try:
                response = client.request(req["method"], "http://testserver" + req["path"], headers=req["headers"])
                answers.append({"status": response.status_code, "headers": headers_of(response)})
            except Exception as error:
                answers.append({"error": f"{type(error).__name__}: {error}"})
        results[fixture["id"]] = answers
    json.dump({"version": starlette.__version__, "results": results}, sys.stdout)


if __name__ == "__main__":
    main()
