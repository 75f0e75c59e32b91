"""layernas.Client against a real coordinator and worker: submit, watch, result, cancel, and every refusal."""

from __future__ import annotations

import json
import socket

import grpc
import pytest

from layernas import (Client, FailedPrecondition, InvalidArgument, SearchNotFound, SearchProgressUpdate, SearchResult, SpecError,
                      Unauthenticated, Unavailable, to_dict)
from nodes import Node, run_layernas
import search_specs
from search_specs import EXAMPLES

UNKNOWN = "s-000000000000"
TOKEN = "s3cret-t0ken-for-tests"


def test_a_search_submitted_and_watched_from_python_answers_as_layernas_run_does(cluster, cli, tmp_path):
    spec = search_specs.write(tmp_path, search_specs.synthetic("py-watch", seed=3, seconds=0.1))

    with Client(cluster.api) as client:
        submitted = client.submit(spec)
        events = list(client.watch(submitted.search_id))
        result = client.result(submitted.search_id)
        again = client.submit(json.loads(spec.read_text()))
        status = client.get(submitted.search_id)
        listed = [s.search_id for s in client.list()]
    run = run_layernas(cli, tmp_path, "run", str(spec), "--workers", "2", "--db", "run.db", "--output", "run.json")

    assert run.returncode == 0, run.stderr
    *progress, last = events
    assert progress, "the watch showed no progress before the result"
    assert all(isinstance(event, SearchProgressUpdate) and event.stages == 4 for event in progress)
    assert [event.stage for event in progress] == sorted(event.stage for event in progress)
    assert isinstance(last, SearchResult) and last == result
    assert result.status == "finished"
    assert to_dict(result) == json.loads((tmp_path / "run.json").read_text())
    # The same spec, as a dict this time, names the same search, which has ended.
    assert (again.search_id, again.existing, again.finished) == (submitted.search_id, True, True)
    assert (status.state, status.result, list(status.layer_names)) == ("finished", result, ["l0", "l1", "l2", "l3"])
    assert submitted.search_id in listed


def test_a_search_cancelled_from_python_ends_cancelled_with_the_best_found_so_far(cluster):
    with Client(cluster.api) as client:
        search_id = client.submit(search_specs.synthetic("py-cancel", seed=5, seconds=0.2)).search_id
        watch = client.watch(search_id)
        found = next(event for event in watch if isinstance(event, SearchResult) or event.HasField("best"))
        watch.close()
        with pytest.raises(FailedPrecondition) as running:
            client.result(search_id)
        cancelled = client.cancel(search_id, reason="enough")
        rest = list(client.watch(search_id))
        result = client.result(search_id)
        again = client.cancel(search_id)
        state = client.get(search_id).state

    assert isinstance(found, SearchProgressUpdate), "the search ended before it could be cancelled"
    assert str(running.value) == f"search {search_id} is still running"
    assert (cancelled.search_id, cancelled.already_ended, again.already_ended) == (search_id, False, True)
    assert rest == [result]
    assert result.status == "cancelled"
    assert result.best.reward >= found.best.reward
    # Stopped in its tracks: the last of its four depths never started.
    assert result.trials_trained > 0 and len(result.depths) < 4
    assert state == "cancelled"


def test_a_node_with_a_token_refuses_every_call_without_it(cli, tmp_path):
    node = Node(cli, tmp_path, "secured", "--role", "both", "--port", "0", "--slots", "1", "--db", str(tmp_path / "secured.db"),
                "--api", "http://127.0.0.1:0", "--dashboard", "http://127.0.0.1:0", "--token", TOKEN)
    try:
        with Client(node.api) as anonymous, Client(node.api, token="not-the-token") as wrong, Client(node.api, token=TOKEN) as right:
            with pytest.raises(Unauthenticated) as missing:
                anonymous.list()
            with pytest.raises(Unauthenticated) as refused:
                wrong.submit(EXAMPLES / "burger.json")
            with pytest.raises(Unauthenticated):
                list(anonymous.watch(UNKNOWN))
            *_, result = right.watch(right.submit(EXAMPLES / "burger.json").search_id)
    finally:
        node.stop()

    assert missing.value.code == grpc.StatusCode.UNAUTHENTICATED
    assert str(missing.value) == "this API needs a bearer token: pass Client(token=...) or set LAYERNAS_TOKEN"
    assert str(refused.value) == "the bearer token is wrong"
    assert result.status == "finished" and list(result.best.architecture) == ["brioche", "chicken", "truffle"]
    assert TOKEN not in node.log.read_text()


def test_a_spec_the_coordinator_cannot_search_raises_invalid_argument_with_its_one_line_reason(cluster, tmp_path):
    table_spec = json.loads((EXAMPLES / "cnn-table.json").read_text())
    table_spec["cost"]["table"]["path"] = "tables/missing.csv"
    table_spec["trainer"]["tabular"]["path"] = str(EXAMPLES / "tables" / "cnn4x4.csv")
    missing_table = tmp_path / "missing-table.json"
    missing_table.write_text(json.dumps(table_spec))

    with Client(cluster.api) as client:
        with pytest.raises(InvalidArgument) as empty:
            client.submit({"name": "empty"})
        with pytest.raises(InvalidArgument) as no_table:
            client.submit(missing_table)

    assert str(empty.value).startswith("$.layers")
    assert empty.value.code == grpc.StatusCode.INVALID_ARGUMENT
    assert str(tmp_path / "tables" / "missing.csv") in str(no_table.value)
    assert "\n" not in str(empty.value) + str(no_table.value)
    assert isinstance(empty.value, ValueError)


@pytest.mark.parametrize("spec, problem", [
    ("missing.json", "spec file not found: {folder}/missing.json"),
    ('{"name": "x",\n "layers": [}', "spec file {folder}/spec.json: malformed JSON at line 2, column 13"),
    ('{"name": "x", "layerz": []}', 'spec file {folder}/spec.json: Message type "layernas.v1.SearchSpec" has no field named "layerz"'),
    ({"name": 3}, "the spec: Failed to parse name field"),
    ({"strategy": {"seed": -1}}, "the spec: Failed to parse strategy field: Failed to parse seed field: Value out of range: -1"),
])
def test_a_spec_that_cannot_be_read_raises_spec_error_before_anything_is_sent(spec, problem, tmp_path):
    if isinstance(spec, str) and spec.startswith("{"):
        (tmp_path / "spec.json").write_text(spec)
        spec = "spec.json"
    if isinstance(spec, str):
        spec = str(tmp_path / spec)

    # Nothing listens at this address: only a spec refused before any call can explain a SpecError.
    with Client(f"http://127.0.0.1:{closed_port()}") as client, pytest.raises(SpecError) as refused:
        client.submit(spec)

    assert str(refused.value).startswith(problem.format(folder=tmp_path))
    assert "\n" not in str(refused.value)


def test_unknown_search_ids_raise_search_not_found(cluster):
    with Client(cluster.api) as client:
        calls = [client.get, client.result, client.cancel, lambda search_id: list(client.watch(search_id))]
        for call in calls:
            with pytest.raises(SearchNotFound) as unknown:
                call(UNKNOWN)
            assert str(unknown.value) == f"no search has the id {UNKNOWN}"


def test_an_unreachable_coordinator_raises_unavailable_naming_its_address():
    server = f"http://127.0.0.1:{closed_port()}"

    with Client(server, timeout=20) as client, pytest.raises(Unavailable) as unreachable:
        client.list()

    assert str(unreachable.value).startswith(f"the coordinator at {server} is unavailable: ")
    assert isinstance(unreachable.value, ConnectionError)


@pytest.mark.parametrize("server", ["127.0.0.1:50051", "ftp://127.0.0.1:50051", "http://127.0.0.1:port", "http://127.0.0.1:50051/api"])
def test_a_server_that_is_not_an_api_url_is_refused_at_once(server):
    with pytest.raises(ValueError, match="the server must be a URL such as http://127.0.0.1:50051"):
        Client(server)


def closed_port() -> int:
    """A loopback port nothing listens on: bound, then released."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
