"""Specs the tests search, as dicts in the spec file's form."""

from __future__ import annotations

import json
import sys
from pathlib import Path

TOY_TRAINER = Path(__file__).resolve().parent / "trainers" / "toy_trainer.py"
EXAMPLES = Path(__file__).resolve().parents[3] / "examples"


def synthetic(name: str, seed: int, seconds: float, layers: int = 4) -> dict:
    """An additive LayerNAS search of layers x six options costing 1..6, whose synthetic trainer takes seconds a trial."""
    return {
        "name": name,
        "layers": [{"name": f"l{layer}", "options": [{"name": f"o{option}", "cost": option} for option in range(1, 7)]} for layer in range(layers)],
        "cost": {"additive": {}},
        "target": {"min": 2.0 * layers, "max": 4.0 * layers},
        "strategy": {"layernas": {"buckets": 5, "keepPerBucket": 1}},
        "trainer": {"synthetic": {"seed": seed, "seconds": seconds}},
    }


TOY_NAME = "toy"
TOY_REGISTRATION = f"{TOY_NAME}={sys.executable} {TOY_TRAINER}"
"""How a worker node or `layernas run` registers the toy trainer (--trainer NAME=COMMAND), which specs name."""


def toy(name: str, behaviours: list[str], max_retries: int = 1) -> dict:
    """A LayerNAS search whose process trainer is the registered toy trainer (tests/trainers/toy_trainer.py, run by
    this Python): the layer "behaviour" picks what train does, the layer "width" scales the reward."""
    return {
        "name": name,
        "layers": [
            {"name": "behaviour", "options": [{"name": b, "cost": i + 1} for i, b in enumerate(behaviours)]},
            {"name": "width", "options": [{"name": w, "cost": i + 1} for i, w in enumerate(["narrow", "medium", "wide"])]},
        ],
        "cost": {"additive": {}},
        "target": {"min": 0},
        "strategy": {"layernas": {"buckets": 4}},
        "trainer": {
            "process": {"name": TOY_NAME, "settings": {"epochs": "2", "seed": "7", "lr": "0.1"}},
            "timeoutSeconds": 60,
            "maxRetries": max_retries,
        },
    }


def write(folder: Path, spec: dict) -> Path:
    """Writes spec as NAME.json in folder and returns its path."""
    path = folder / f"{spec['name']}.json"
    path.write_text(json.dumps(spec, indent=2), encoding="utf-8")
    return path
