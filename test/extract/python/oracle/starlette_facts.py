# Facts about Starlette CORSMiddleware that the Python scanner encodes; printed as JSON.
import json
from starlette.applications import Starlette
from starlette.middleware.cors import CORSMiddleware
from starlette.responses import PlainTextResponse
from starlette.routing import Route
from starlette.testclient import TestClient

def ok(request):
    return PlainTextResponse("ok")
def boom(request):
    raise RuntimeError("boom")

def client(**kw):
    app = Starlette(routes=[Route("/", ok), Route("/boom", boom)])
    app.add_middleware(CORSMiddleware, **kw)
    return app, TestClient(app, raise_server_exceptions=False)

out = {}
_, c = client(allow_origins="https://example.com")
out["substring"] = c.get("/", headers={"Origin": "https://example.co"}).headers.get("access-control-allow-origin")
_, c = client(allow_origin_regex=r"https://a\.example")
out["fullmatch_suffix"] = c.get("/", headers={"Origin": "https://a.example.evil"}).headers.get("access-control-allow-origin")
out["fullmatch_upper"] = c.get("/", headers={"Origin": "https://A.example"}).headers.get("access-control-allow-origin")
_, c = client(allow_origins=["*"], allow_credentials=True)
r = c.get("/", headers={"Origin": "https://evil.example", "Cookie": "a=b"})
out["star_cookie"] = [r.headers.get("access-control-allow-origin"), r.headers.get("vary")]
out["star_nocookie"] = c.get("/", headers={"Origin": "https://evil.example"}).headers.get("access-control-allow-origin")
r = c.options("/", headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "GET"})
out["star_preflight"] = r.headers.get("access-control-allow-origin")
_, c = client(allow_origins=["https://a.example"])
r = c.get("/boom", headers={"Origin": "https://a.example"})
out["error"] = [r.status_code, r.headers.get("access-control-allow-origin")]
r = c.get("/", headers={"Origin": "https://a.example"})
out["vary_exact"] = r.headers.get("vary")
r = c.options("/", headers={"Origin": "https://a.example", "Access-Control-Request-Method": "PUT"})
out["default_methods"] = [r.status_code, r.headers.get("access-control-allow-methods"), r.headers.get("access-control-max-age")]
app = Starlette()
class A: pass
class B: pass
app.add_middleware(A); app.add_middleware(B)
out["outermost"] = app.user_middleware[0].cls.__name__
print(json.dumps(out))
