"""Write a trainer as one function: `serve(train)` speaks the trainer protocol (docs/trainer-protocol.md) for it.

    from layernas.trainer import serve

    def train(architecture, budget, settings):
        model = build(architecture["layer1"], architecture["layer2"])
        fit(model, epochs=budget.epochs or 1)
        return {"reward": validation_accuracy(model), "metrics": {"test_acc": ...}, "costs": {"params": ...}}

    if __name__ == "__main__":
        serve(train)

A `process` trainer of a spec starts the program once per worker slot and sends it one TrainRequest per line on stdin;
`serve` calls `train` for each and answers with one TrainResponse line on stdout, flushed. Standard output is the
protocol's alone: from the moment `serve` starts, anything else written to it (print, C extensions, child processes)
goes to stderr, which the cluster keeps as the trial's log. Only the standard library is used.
"""

from __future__ import annotations

import dataclasses
import json
import math
import numbers
import os
import sys
import traceback
from typing import Any, Callable, Dict, Mapping, NoReturn, Optional, Union

__all__ = ["Budget", "TrialError", "serve"]


class TrialError(Exception):
    """A trial this trainer cannot train. Its message becomes the trial's failure reason as it is, without a
    traceback; any other exception `train` raises fails the trial with "TypeName: message" and logs its traceback."""


@dataclasses.dataclass(frozen=True)
class Budget:
    """How much training a trial gets, from the spec's settings "epochs", "train_examples" and "seed"; None where the
    spec leaves a figure out, so the trainer's own default applies."""

    epochs: Optional[int] = None
    train_examples: Optional[int] = None
    seed: Optional[int] = None


Outcome = Union[float, Mapping[str, Any]]
Train = Callable[[Dict[str, str], Budget, Dict[str, str]], Outcome]

_OUTCOME_KEYS = ("reward", "metrics", "costs")


def serve(train: Train) -> None:
    """Answers TrainRequests on stdin with what `train(architecture, budget, settings)` returns, until stdin closes.

    `architecture` maps each layer's name to its chosen option, in layer order; `settings` holds the spec's free-form
    trainer settings. `train` returns the reward (higher is better, finite) or a dict with "reward" and optionally
    "metrics" and "costs" (dicts of finite numbers by name; a name may not be in both). An exception fails that trial
    only: the process keeps serving. A line on stdin that is not a JSON object ends the process with exit code 2."""
    protocol = _claim_stdout()
    for raw in sys.stdin.buffer:
        line = raw.decode("utf-8", errors="replace").strip()
        if not line:
            continue
        request = _parse(line)
        trial = request.get("trialId", {})
        print(f"trial {trial.get('searchId', '?')}/{trial.get('trialNumber', '?')} attempt {request.get('attempt', 1)}", file=sys.stderr)
        response = _answer(train, request)
        sys.stderr.flush()  # the trial's log lines reach the cluster before its response does
        try:
            protocol.write(json.dumps(response, allow_nan=False).encode("utf-8") + b"\n")
            protocol.flush()
        except BrokenPipeError:
            return  # the worker stopped listening: nothing is left to answer


def _answer(train: Train, request: Mapping[str, Any]) -> Dict[str, Any]:
    """The TrainResponse (as a dict) for one TrainRequest: train's outcome, or the error that failed the trial."""
    response: Dict[str, Any] = {"trialId": request.get("trialId", {})}
    try:
        architecture = {choice.get("layer", ""): choice.get("option", "") for choice in request.get("architecture", [])}
        settings = dict(request.get("settings", {}))
        response.update(_outcome(train(architecture, _budget(request.get("budget", {})), settings)))
    except TrialError as e:
        response["error"] = _one_line(str(e)) or "TrialError"
    except Exception as e:  # a failed trial must not take the other trials of this process down with it
        traceback.print_exc(file=sys.stderr)
        message = _one_line(str(e))
        response["error"] = f"{type(e).__name__}: {message}" if message else type(e).__name__
    return response


def _claim_stdout():
    """Keeps the process's stdout for responses and points file descriptor 1, and sys.stdout, at stderr."""
    protocol = os.fdopen(os.dup(sys.__stdout__.fileno()), "wb")
    os.dup2(sys.__stderr__.fileno(), sys.__stdout__.fileno())
    sys.stdout.flush()  # what was printed before serve() started goes to the log, not into the protocol
    sys.stdout = sys.stderr
    return protocol


def _parse(line: str) -> Mapping[str, Any]:
    try:
        request = json.loads(line)
    except json.JSONDecodeError as e:
        _stop(f"stdin line is not JSON ({e})")
    if not isinstance(request, dict):
        _stop("stdin line is not a JSON object")
    return request


def _stop(problem: str) -> NoReturn:
    print(f"{os.path.basename(sys.argv[0])}: {problem}; stopping", file=sys.stderr)
    raise SystemExit(2)


def _budget(budget: Mapping[str, Any]) -> Budget:
    def figure(name: str) -> Optional[int]:
        value = budget.get(name)
        return None if value is None else int(value)  # int64 fields travel as strings

    return Budget(epochs=figure("epochs"), train_examples=figure("trainExamples"), seed=figure("seed"))


def _outcome(value: Outcome) -> Dict[str, Any]:
    """Checks what train returned and puts it in the response's form; every problem is a TrialError."""
    if isinstance(value, Mapping):
        unknown = [str(key) for key in value if key not in _OUTCOME_KEYS]
        if unknown:
            raise TrialError(f"train returned unknown keys {', '.join(repr(k) for k in unknown)} (it may return reward, metrics and costs)")
        if "reward" not in value:
            raise TrialError("train returned a dict without 'reward'")
        reward, metrics, costs = value["reward"], _figures(value.get("metrics"), "metric"), _figures(value.get("costs"), "cost")
    else:
        reward, metrics, costs = value, {}, {}
    if not _is_number(reward):
        raise TrialError(f"train must return a number or a dict with 'reward', not {type(reward).__name__}")
    if not math.isfinite(reward):
        raise TrialError(f"train returned a non-finite reward ({float(reward)})")
    both = sorted(set(metrics) & set(costs))
    if both:
        raise TrialError(f"train returned '{both[0]}' both as a metric and as a cost")
    return {"reward": float(reward), "metrics": metrics, "costs": costs}


def _figures(figures: Any, kind: str) -> Dict[str, float]:
    if figures is None:
        return {}
    if not isinstance(figures, Mapping):
        raise TrialError(f"train returned {kind}s as {type(figures).__name__}, not a dict of numbers by name")
    checked = {}
    for name, value in figures.items():
        if not isinstance(name, str) or not _is_number(value):
            raise TrialError(f"train returned {kind} {name!r} as {type(value).__name__}; {kind}s are numbers by name")
        if not math.isfinite(value):
            raise TrialError(f"train returned a non-finite value for {kind} '{name}' ({float(value)})")
        checked[name] = float(value)
    return checked


def _is_number(value: Any) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


def _one_line(text: str) -> str:
    return " ".join(line.strip() for line in text.splitlines() if line.strip())
