"""Serves Starlette CORSMiddleware applications over HTTP on 127.0.0.1, for the path conformance test
(real nginx in front of a real application). Python standard library only: no ASGI server package
is needed (uvicorn is not among the packages the CI installs).

argv[1]: JSON {"apps": [{"port": int, "kwargs": {...CORSMiddleware arguments...}}]}
stdout:  one line {"version": str} once every port listens; then it serves until stdin closes.

Each application is the one starlette_oracle.py builds (/status/<code> answers that status, every
other path 200), so the HTTP answers can be checked against the oracle's direct ASGI answers.
HTTP/1.1 subset: one request per connection (nginx speaks HTTP/1.0 to upstreams and closes),
request bodies by Content-Length, the response closed by the connection. Every answer carries
`X-Upstream: app` (as a server adds its own header), so the test can tell who answered.
"""
import asyncio
import json
import sys
import warnings
from http import HTTPStatus

warnings.filterwarnings("ignore")

import starlette  # noqa: E402

from starlette_oracle import build  # noqa: E402


def reason(status):
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


async def handle(app, reader, writer):
    try:
        head = await reader.readuntil(b"\r\n\r\n")
    except (asyncio.IncompleteReadError, asyncio.LimitOverrunError):
        writer.close()
        return
    lines = head.decode("latin-1").split("\r\n")
    method, target, version = lines[0].split(" ", 2)
    headers = []
    for line in lines[1:]:
        if not line:
            continue
        name, _, value = line.partition(":")
        headers.append((name.strip().lower().encode("latin-1"), value.strip().encode("latin-1")))
    length = next((int(v) for k, v in headers if k == b"content-length"), 0)
    body = await reader.readexactly(length) if length else b""
    path, _, query = target.partition("?")
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": version.split("/")[-1],
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode("latin-1"),
        "root_path": "",
        "query_string": query.encode("latin-1"),
        "headers": headers,
        "client": writer.get_extra_info("peername")[:2],
        "server": writer.get_extra_info("sockname")[:2],
    }
    received = False

    async def receive():
        nonlocal received
        if received:
            await asyncio.Event().wait()  # no disconnect before the response is written
        received = True
        return {"type": "http.request", "body": body, "more_body": False}

    out = []

    async def send(message):
        if message["type"] == "http.response.start":
            status = message["status"]
            out.append(f"HTTP/1.1 {status} {reason(status)}\r\n".encode("latin-1"))
            for name, value in message.get("headers", []):
                out.append(name + b": " + value + b"\r\n")
            # Marks answers that come from the application (the test tells them from nginx's own).
            out.append(b"x-upstream: app\r\n")
            out.append(b"connection: close\r\n\r\n")
        elif message["type"] == "http.response.body":
            if method != "HEAD":
                out.append(message.get("body", b""))

    try:
        await app(scope, receive, send)
    except Exception:  # unhandled in the app: what an ASGI server answers then
        if not out:
            out = [b"HTTP/1.1 500 Internal Server Error\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"]
    writer.write(b"".join(out))
    await writer.drain()
    writer.close()


async def main():
    config = json.loads(sys.argv[1])
    servers = []
    for entry in config["apps"]:
        app = build(entry["kwargs"])
        servers.append(await asyncio.start_server(lambda r, w, app=app: handle(app, r, w), "127.0.0.1", entry["port"]))
    print(json.dumps({"version": starlette.__version__}), flush=True)
    loop = asyncio.get_running_loop()
    # Serve until the test closes stdin (or the process is killed).
    await loop.run_in_executor(None, sys.stdin.read)
    for s in servers:
        s.close()


if __name__ == "__main__":
    asyncio.run(main())
