import json
import threading
import time
import unittest
import urllib.error
import urllib.request
from unittest import mock

from app.metrics import Registry
from app.server import create_server


class ServerTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = create_server(0)
        threading.Thread(target=cls.server.serve_forever, daemon=True).start()
        cls.base = f"http://127.0.0.1:{cls.server.server_port}"
        # The server is local: an http_proxy set for the machine must not be used.
        cls.opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))

    @classmethod
    def tearDownClass(cls):
        cls.server.shutdown()

    def request(self, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.base + path, data=data, method="POST" if data else "GET")
        try:
            with self.opener.open(req) as res:
                return res.status, res.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def test_health_and_readiness(self):
        self.assertEqual(self.request("/healthz")[0], 200)
        self.assertEqual(self.request("/readyz")[0], 200)

    def test_predicts_from_features(self):
        status, body = self.request("/v1/predict", {"features": {"floor_area_m2": 80, "bedrooms": 2, "bathrooms": 1, "distance_to_centre_km": 5}})
        self.assertEqual(status, 200)
        self.assertAlmostEqual(json.loads(body)["prediction"], 45000 + 3100 * 80 + 12500 * 2 + 8000 - 4200 * 5)

    def test_rejects_missing_and_non_numeric_features(self):
        status, body = self.request("/v1/predict", {"features": {"floor_area_m2": 80}})
        self.assertEqual(status, 400)
        self.assertIn("missing features", body)
        status, body = self.request("/v1/predict", {"features": {"floor_area_m2": "big", "bedrooms": 2, "bathrooms": 1, "distance_to_centre_km": 5}})
        self.assertEqual(status, 400)
        self.assertIn("must be numbers", body)

    def test_counts_requests_for_the_slos(self):
        self.request("/healthz")
        self.request("/nowhere")
        status, metrics = self.request("/metrics")
        self.assertEqual(status, 200)
        self.assertIn('http_requests_total{service="${{ values.name }}",method="GET",route="/healthz",code="200"}', metrics)
        self.assertIn('route="unmatched",code="404"', metrics)
        self.assertIn('le="${{ values.slo.latencyThresholdMs / 1000 }}"', metrics)

    def test_counts_a_request_before_answering_it(self):
        record = Registry.observe_request

        def preempted(registry, *args):
            time.sleep(0.2)  # the handler's thread loses the CPU, as on a busy machine
            record(registry, *args)

        with mock.patch.object(Registry, "observe_request", preempted):
            self.assertEqual(self.request("/v1/model")[0], 200)
            status, metrics = self.request("/metrics")
        self.assertEqual(status, 200)
        self.assertIn('route="/v1/model",code="200"} 1', metrics)

    def test_serves_its_openapi_document(self):
        status, spec = self.request("/openapi.yaml")
        self.assertEqual(status, 200)
        self.assertIn("/v1/predict:", spec)


if __name__ == "__main__":
    unittest.main()
