"""The model behind /v1/predict.

The shipped model is a small linear model read from model/weights.json so the
service works and tests run without a GPU. Replace `load_model` with your
framework's loader (PyTorch, ONNX Runtime, TensorRT); `device()` tells the
GPU the chart scheduled the pod on (profile: ${{ values.gpuProfile }}).
"""
import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

WEIGHTS = Path(__file__).resolve().parent.parent / "model" / "weights.json"


def device():
    """'cuda' when the pod got a GPU (the NVIDIA runtime sets the variable), else 'cpu'."""
    visible = os.environ.get("NVIDIA_VISIBLE_DEVICES", "")
    if visible and visible not in ("void", "none") and shutil.which("nvidia-smi"):
        return "cuda"
    return "cpu"


@dataclass
class LinearModel:
    version: str
    intercept: float
    weights: dict

    def features(self):
        return sorted(self.weights)

    def predict(self, features):
        missing = [name for name in self.weights if name not in features]
        if missing:
            raise ValueError(f"missing features: {', '.join(sorted(missing))}")
        bad = [name for name in self.weights if not isinstance(features[name], (int, float))]
        if bad:
            raise ValueError(f"features must be numbers: {', '.join(sorted(bad))}")
        return self.intercept + sum(w * float(features[n]) for n, w in self.weights.items())


def load_model(path=WEIGHTS):
    data = json.loads(Path(path).read_text())
    return LinearModel(version=data["version"], intercept=data["intercept"], weights=data["weights"])
