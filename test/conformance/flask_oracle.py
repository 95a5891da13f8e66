"""Answers CORS requests with the real Flask-CORS extension (Debian python3-flask-cors), for the
differential tests. stdin/stdout as starlette_oracle.py; fixtures carry CORS(app, **kwargs)."""
import json
import logging
import sys

logging.disable(logging.CRITICAL)

import flask  # noqa: E402
import flask_cors  # noqa: E402
from flask import Flask  # noqa: E402
from flask_cors import CORS  # noqa: E402

METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"]


def build(kwargs):
    app = Flask(__name__)

    @app.route("/", methods=METHODS)
    def index():
        return "app"

    @app.route("/status/<int:code>", methods=METHODS)
    def status(code):
        return "app", code

    CORS(app, **kwargs)
    return app.test_client()


def main():
    data = json.load(sys.stdin)
    results = {}
    for fixture in data["fixtures"]:
        try:
            client = build(fixture["kwargs"])
        except Exception as error:
            results[fixture["id"]] = [{"error": f"{type(error).__name__}: {error}"}] * len(data["requests"])
            continue
        answers = []
        for req in data["requests"]:
            r = client.open(req["path"], method=req["method"], headers=list(req["headers"].items()))
            out = {}
            for name, value in r.headers.items():
                name = name.lower()
                if name in out:
                    old = out[name]
                    out[name] = (old if isinstance(old, list) else [old]) + [value]
                else:
                    out[name] = value
            answers.append({"status": r.status_code, "headers": out})
        results[fixture["id"]] = answers
    json.dump({"version": getattr(flask_cors, "__version__", "?"), "results": results}, sys.stdout)


if __name__ == "__main__":
    main()
