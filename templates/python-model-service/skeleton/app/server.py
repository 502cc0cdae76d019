"""HTTP server: health, metrics, OpenAPI document and the inference endpoint."""
import json
import logging
import os
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from .metrics import Registry
from .model import device, load_model

SERVICE = "${{ values.name }}"
OPENAPI = Path(__file__).resolve().parent.parent / "openapi.yaml"
MAX_BODY = 1024 * 1024


class JsonFormatter(logging.Formatter):
    """One JSON object per line, for the log pipeline."""

    def format(self, record):
        entry = {"time": self.formatTime(record), "level": record.levelname, "service": SERVICE, "msg": record.getMessage()}
        entry.update(getattr(record, "fields", {}))
        return json.dumps(entry)


def make_handler(model, registry, state):
    log = logging.getLogger(SERVICE)

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass  # every request is logged once, as JSON, in _send

        def _send(self, route, started, code, body, content_type="application/json"):
            data = body if isinstance(body, bytes) else json.dumps(body).encode()
            # Counted and logged before the answer goes out: a client that has
            # its answer finds the request in /metrics (each request runs on
            # its own thread, so recording afterwards races the next request).
            seconds = time.perf_counter() - started
            registry.observe_request(self.command, route, code, seconds)
            log.info("request", extra={"fields": {"method": self.command, "route": route, "status": code, "seconds": seconds}})
            self.send_response(code)
            self.send_header("content-type", content_type)
            self.send_header("content-length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self):
            started, route = time.perf_counter(), self.path.split("?")[0]
            if route == "/healthz":
                self._send(route, started, 200, {"status": "ok"})
            elif route == "/readyz":
                self._send(route, started, 200 if state["ready"] else 503, {"status": "ready" if state["ready"] else "draining"})
            elif route == "/metrics":
                self._send(route, started, 200, registry.render().encode(), "text/plain; version=0.0.4")
            elif route == "/openapi.yaml":
                self._send(route, started, 200, OPENAPI.read_bytes(), "application/yaml")
            elif route == "/v1/model":
                self._send(route, started, 200, {"version": model.version, "features": model.features(), "device": device()})
            else:
                self._send("unmatched", started, 404, {"error": f"No route for GET {self.path}"})

        def do_POST(self):
            started, route = time.perf_counter(), self.path.split("?")[0]
            if route != "/v1/predict":
                return self._send("unmatched", started, 404, {"error": f"No route for POST {self.path}"})
            length = int(self.headers.get("content-length") or 0)
            if length > MAX_BODY:
                return self._send(route, started, 413, {"error": f"body over {MAX_BODY} bytes"})
            try:
                payload = json.loads(self.rfile.read(length) or b"{}")
                features = payload["features"]
                if not isinstance(features, dict):
                    raise ValueError("features must be an object")
                inference_started = time.perf_counter()
                value = model.predict(features)
                registry.observe_inference(time.perf_counter() - inference_started)
                self._send(route, started, 200, {"prediction": value, "modelVersion": model.version})
            except (ValueError, KeyError, json.JSONDecodeError) as error:
                self._send(route, started, 400, {"error": f"{error}"})
            except Exception:  # a bug in the model must not kill the server
                log.exception("prediction failed")
                self._send(route, started, 500, {"error": "internal error"})

    return Handler


def create_server(port=0, model=None):
    registry = Registry(SERVICE)
    state = {"ready": True}
    server = ThreadingHTTPServer(("0.0.0.0", port), make_handler(model or load_model(), registry, state))
    server.state = state
    return server


def main():
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(JsonFormatter())
    logging.basicConfig(level=logging.INFO, handlers=[handler])
    server = create_server(int(os.environ.get("PORT", "${{ values.port }}")))
    logging.getLogger(SERVICE).info("listening", extra={"fields": {"port": server.server_port, "device": device()}})
    server.serve_forever()


if __name__ == "__main__":
    main()
