"""Prometheus metrics in the text exposition format.

Written against the standard library so the service and its tests run
anywhere Python does; the names and labels are the ones the service's SLOs
(slo/openslo.yaml) and Grafana dashboard query.
"""
import threading
from collections import defaultdict

# The SLO's latency threshold (${{ values.slo.latencyThresholdMs }} ms) is one of the buckets, so the latency SLI is exact.
BUCKETS = sorted({0.01, 0.025, 0.05, 0.1, ${{ values.slo.latencyThresholdMs / 1000 }}, 0.5, 1.0, 2.5, 5.0})


def _labels(pairs):
    return ",".join(f'{k}="{v}"' for k, v in pairs)


class Registry:
    def __init__(self, service):
        self.service = service
        self._lock = threading.Lock()
        self._requests = defaultdict(int)
        self._durations = defaultdict(lambda: [0] * len(BUCKETS))
        self._sums = defaultdict(float)
        self._counts = defaultdict(int)
        self._inference = {"count": 0, "sum": 0.0}

    def observe_request(self, method, route, code, seconds):
        with self._lock:
            self._requests[(method, route, str(code))] += 1
            buckets = self._durations[(method, route)]
            for i, bound in enumerate(BUCKETS):
                if seconds <= bound:
                    buckets[i] += 1
            self._sums[(method, route)] += seconds
            self._counts[(method, route)] += 1

    def observe_inference(self, seconds):
        with self._lock:
            self._inference["count"] += 1
            self._inference["sum"] += seconds

    def render(self):
        svc = ("service", self.service)
        out = [
            "# HELP http_requests_total HTTP requests by method, route and status code.",
            "# TYPE http_requests_total counter",
        ]
        with self._lock:
            for (method, route, code), n in sorted(self._requests.items()):
                labels = _labels([svc, ("method", method), ("route", route), ("code", code)])
                out.append(f"http_requests_total{{{labels}}} {n}")
            out += [
                "# HELP http_request_duration_seconds HTTP request duration in seconds.",
                "# TYPE http_request_duration_seconds histogram",
            ]
            for key, buckets in sorted(self._durations.items()):
                base = [svc, ("method", key[0]), ("route", key[1])]
                for bound, n in zip(BUCKETS, buckets):
                    out.append(f"http_request_duration_seconds_bucket{{{_labels(base + [('le', f'{bound:g}')])}}} {n}")
                out.append(f"http_request_duration_seconds_bucket{{{_labels(base + [('le', '+Inf')])}}} {self._counts[key]}")
                out.append(f"http_request_duration_seconds_sum{{{_labels(base)}}} {self._sums[key]}")
                out.append(f"http_request_duration_seconds_count{{{_labels(base)}}} {self._counts[key]}")
            out += [
                "# HELP model_inference_seconds Time spent in the model per prediction.",
                "# TYPE model_inference_seconds summary",
                f"model_inference_seconds_sum{{{_labels([svc])}}} {self._inference['sum']}",
                f"model_inference_seconds_count{{{_labels([svc])}}} {self._inference['count']}",
            ]
        return "\n".join(out) + "\n"
