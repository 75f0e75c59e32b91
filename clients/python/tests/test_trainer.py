"""layernas.trainer.serve: the trainer protocol spoken for a plain function, alone and through the process trainer."""

from __future__ import annotations

import json
import select
import subprocess
import sys

import pytest
from google.protobuf import json_format

from layernas import Client, SearchResult, to_dict
from layernas.v1.trainer_pb2 import TrainResponse
from nodes import run_layernas
import search_specs

DEADLINE_SECONDS = 60


def request(trial: int, behaviour: str, width: str = "wide", **fields) -> str:
    """One TrainRequest line as the process trainer writes it (int64 numbers as strings)."""
    return json.dumps({
        "trialId": {"searchId": "s-test", "trialNumber": str(trial)},
        "attempt": 1,
        "architecture": [{"layer": "behaviour", "option": behaviour}, {"layer": "width", "option": width}],
        **fields,
    })


def exchange(*lines: str) -> subprocess.CompletedProcess:
    """Runs the toy trainer on the request lines, then closes its stdin, and returns what it answered."""
    return subprocess.run([sys.executable, str(search_specs.TOY_TRAINER)], input="".join(f"{line}\n" for line in lines),
                          capture_output=True, text=True, timeout=DEADLINE_SECONDS)


def responses(stdout: str) -> list[TrainResponse]:
    """Every stdout line parsed strictly as a TrainResponse: unknown fields or a non-JSON line fail the test."""
    return [json_format.Parse(line, TrainResponse()) for line in stdout.splitlines()]


def test_each_request_gets_one_train_response_line_and_prints_go_to_the_log():
    ran = exchange(
        request(7, "ok", settings={"lr": "0.1"}, budget={"epochs": 2, "trainExamples": 100, "seed": "9"}),
        "",
        request(8, "reward-only", "medium"),
    )

    assert ran.returncode == 0, ran.stderr
    first, second = responses(ran.stdout)
    assert (first.trial_id.search_id, first.trial_id.trial_number) == ("s-test", 7)
    assert first.reward == pytest.approx(0.32)
    assert dict(first.metrics) == {"epochs": 2, "train_examples": 100, "seed": 9, "lr": 0.1}
    assert dict(first.costs) == {"params": 300}
    assert not first.error
    assert (second.trial_id.trial_number, second.reward, dict(second.metrics)) == (8, 0.5, {})
    assert "trial s-test/7 attempt 1" in ran.stderr
    assert "training ok at width 3" in ran.stderr
    assert "training reward-only at width 2" in ran.stderr


def test_a_response_is_flushed_while_the_trainer_waits_for_the_next_request():
    trainer = subprocess.Popen([sys.executable, str(search_specs.TOY_TRAINER)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        for trial in (1, 2):
            trainer.stdin.write(request(trial, "ok").encode() + b"\n")
            trainer.stdin.flush()
            readable, _, _ = select.select([trainer.stdout], [], [], DEADLINE_SECONDS)
            assert readable, f"no response to trial {trial} within {DEADLINE_SECONDS} s"
            assert json_format.Parse(trainer.stdout.readline(), TrainResponse()).trial_id.trial_number == trial
        trainer.stdin.close()
        assert trainer.wait(DEADLINE_SECONDS) == 0
    finally:
        trainer.kill()
        trainer.wait()


@pytest.mark.parametrize("behaviour, reason", [
    ("raise", "ValueError: the model diverged"),
    ("refuse", "option 'refuse' is not a model"),
    ("nan", "train returned a non-finite reward (nan)"),
    ("twice", "train returned 'params' both as a metric and as a cost"),
    ("text", "train must return a number or a dict with 'reward', not str"),
    ("unknown", "train returned unknown keys 'loss' (it may return reward, metrics and costs)"),
])
def test_a_trial_that_fails_answers_its_reason_and_the_trainer_serves_the_next(behaviour, reason):
    ran = exchange(request(1, behaviour), request(2, "ok"))

    assert ran.returncode == 0, ran.stderr
    failed, next_one = responses(ran.stdout)
    assert failed.error == reason
    assert failed.trial_id.trial_number == 1
    assert not next_one.error and next_one.reward > 0
    # Only an unexpected exception leaves its traceback in the trial's log.
    assert ("Traceback (most recent call last)" in ran.stderr) == (behaviour == "raise")


def test_a_line_that_is_not_json_stops_the_trainer_with_exit_code_2():
    ran = exchange(request(1, "ok"), "this is not json", request(2, "ok"))

    assert ran.returncode == 2
    assert len(responses(ran.stdout)) == 1
    assert "toy_trainer.py: stdin line is not JSON" in ran.stderr


def test_a_search_whose_trainer_uses_serve_completes_on_the_cluster_and_in_layernas_run_alike(cluster, cli, tmp_path):
    spec = search_specs.write(tmp_path, search_specs.toy("py-toy", ["ok", "raise", "nan"]))

    with Client(cluster.api) as client:
        search_id = client.submit(spec).search_id
        *_, result = client.watch(search_id)
    run = run_layernas(cli, tmp_path, "run", str(spec), "--workers", "2", "--db", "run.db", "--output", "run.json",
                       "--trainer", search_specs.TOY_REGISTRATION)

    assert run.returncode == 0, run.stderr
    assert isinstance(result, SearchResult)
    assert result.status == "finished"
    assert list(result.best.architecture) == ["ok", "wide"]
    assert result.best.reward == pytest.approx(0.32)
    assert dict(result.best.metrics) == {"epochs": 2, "train_examples": -1, "seed": 7, "lr": 0.1, "params": 300}
    failed = {trial.architecture[0]: (trial.reason, trial.attempts) for trial in result.failed_trials}
    assert failed == {"raise": ("ValueError: the model diverged", 2), "nan": ("train returned a non-finite reward (nan)", 2)}
    assert to_dict(result) == json.loads((tmp_path / "run.json").read_text())
