# Facts about Flask-CORS that the Python scanner encodes; printed as JSON.
import json
import logging
logging.disable(logging.CRITICAL)
from flask import Flask
from flask_cors import CORS, cross_origin

def app_with(**kw):
    app = Flask(__name__)
    @app.route("/")
    def index():
        return "ok"
    @app.route("/boom")
    def boom():
        raise RuntimeError("x")
    CORS(app, **kw)
    return app.test_client()

out = {}
c = app_with()
r = c.get("/", headers={"Origin": "https://evil.example"})
out["default"] = [r.headers.get("Access-Control-Allow-Origin"), r.headers.get("Vary")]
c = app_with(send_wildcard=True)
out["send_wildcard"] = c.get("/", headers={"Origin": "https://evil.example"}).headers.get("Access-Control-Allow-Origin")
c = app_with(origins=[r"https://.*\.example\.com"])
out["regex_match_ci"] = c.get("/", headers={"Origin": "HTTPS://X.EXAMPLE.COM.evil.net"}).headers.get("Access-Control-Allow-Origin")
c = app_with(origins="https://*.example.org")
out["star_in_literal"] = c.get("/", headers={"Origin": "https://Xexample.org"}).headers.get("Access-Control-Allow-Origin")
c = app_with(origins="https://a.example")
r = c.get("/", headers={"Origin": "https://a.example"})
out["single_exact"] = [r.headers.get("Access-Control-Allow-Origin"), r.headers.get("Vary")]
out["dot_literal"] = c.get("/", headers={"Origin": "https://aXexample"}).headers.get("Access-Control-Allow-Origin")
c = app_with(origins="https://a.example")
r = c.get("/boom", headers={"Origin": "https://a.example"})
out["error"] = [r.status_code, r.headers.get("Access-Control-Allow-Origin")]
app = Flask(__name__)
@app.route("/a")
@cross_origin()
def a(): return "a"
@cross_origin()
@app.route("/b")
def b(): return "b"
@app.route("/c")
@cross_origin()
def c_view():
    raise RuntimeError("x")
c = app.test_client()
r = c.get("/c", headers={"Origin": "https://e.example"})
out["decorator_error"] = [r.status_code, r.headers.get("Access-Control-Allow-Origin")]
out["decorator_below_route"] = c.get("/a", headers={"Origin": "https://e.example"}).headers.get("Access-Control-Allow-Origin")
out["decorator_above_route"] = c.get("/b", headers={"Origin": "https://e.example"}).headers.get("Access-Control-Allow-Origin")
print(json.dumps(out))
