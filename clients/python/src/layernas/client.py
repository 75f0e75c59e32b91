"""A client of a coordinator's API (layernas.v1.SearchService): submit searches, follow them, read their results."""

from __future__ import annotations

import builtins
import os
import urllib.parse
from typing import Iterator, Optional, Union

import grpc

from layernas.errors import ApiError, FailedPrecondition, InvalidArgument, SearchNotFound, Unauthenticated, Unavailable
from layernas.specs import SpecSource, effective_spec
from layernas.v1 import api_pb2, api_pb2_grpc
from layernas.v1.messages_pb2 import SearchProgressUpdate, SearchStatus
from layernas.v1.results_pb2 import SearchResult

DEFAULT_SERVER = "http://127.0.0.1:50051"

_REFUSALS = {
    grpc.StatusCode.INVALID_ARGUMENT: InvalidArgument,
    grpc.StatusCode.NOT_FOUND: SearchNotFound,
    grpc.StatusCode.UNAUTHENTICATED: Unauthenticated,
    grpc.StatusCode.FAILED_PRECONDITION: FailedPrecondition,
    grpc.StatusCode.UNAVAILABLE: Unavailable,
    grpc.StatusCode.DEADLINE_EXCEEDED: Unavailable,
}


class Client:
    """A connection to a coordinator node's API.

    `server` is the API's URL (default: $LAYERNAS_SERVER, else http://127.0.0.1:50051; https:// for an API behind
    TLS); `token` the bearer token the API requires (default: $LAYERNAS_TOKEN). Every call the coordinator refuses
    raises an `ApiError` subclass carrying its one-line reason; unary calls give up after `timeout` seconds.
    Use it as a context manager, or call `close()`, to release the connection.
    """

    def __init__(self, server: Optional[str] = None, token: Optional[str] = None, *, timeout: float = 60.0):
        self.server = server or os.environ.get("LAYERNAS_SERVER") or DEFAULT_SERVER
        self._token = token if token is not None else os.environ.get("LAYERNAS_TOKEN") or None
        self._timeout = timeout
        self._metadata = (("authorization", f"Bearer {self._token}"),) if self._token else ()
        self._channel = _open_channel(self.server)
        self._api = api_pb2_grpc.SearchServiceStub(self._channel)

    def __repr__(self) -> str:
        return f"Client(server={self.server!r}, token={'…' if self._token else None})"

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *_exception) -> None:
        self.close()

    def close(self) -> None:
        """Closes the connection; calls made afterwards fail."""
        self._channel.close()

    def submit(self, spec: SpecSource, *, search_id: Optional[str] = None) -> api_pb2.SubmitResponse:
        """Starts a search, or finds the one the coordinator already knows under its id (submitting again is safe).

        `spec` is the path of a spec file, a dict in the spec file's form, or a SearchSpec; relative table paths and
        the process trainer's folder resolve against the file's folder (for a dict or a SearchSpec: the working
        folder). The search is named after the spec, as `layernas run` names it, unless `search_id` is given.
        Returns the search id and whether the search was known (`existing`) and had ended (`finished`)."""
        request = api_pb2.SubmitRequest(spec=effective_spec(spec), search_id=search_id or "")
        return self._call(self._api.Submit, request)

    def get(self, search_id: str) -> SearchStatus:
        """Where a search stands: its state, the progress of its current depth, its result once it has ended."""
        return self._call(self._api.Get, api_pb2.GetRequest(search_id=search_id))

    def list(self) -> builtins.list[SearchStatus]:
        """Every search the coordinator knows, in submission order."""
        return builtins.list(self._call(self._api.List, api_pb2.ListRequest()).searches)

    def watch(self, search_id: str) -> Iterator[Union[SearchProgressUpdate, SearchResult]]:
        """Progress updates as the search advances (at most ten a second, and one at each new depth), then its
        SearchResult (finished or cancelled) as the last item. A search that has ended yields its result at once.
        Leaving the loop early ends the watch, not the search."""
        call = self._api.Watch(api_pb2.WatchRequest(search_id=search_id), metadata=self._metadata)
        try:
            for event in call:
                if event.HasField("result"):
                    yield event.result
                    return
                yield event.progress
        except grpc.RpcError as e:
            raise self._refusal(e) from None
        finally:
            call.cancel()
        raise Unavailable(grpc.StatusCode.UNAVAILABLE, f"the watch of search {search_id} ended without its result; watch it again")

    def cancel(self, search_id: str, reason: str = "") -> api_pb2.CancelResponse:
        """Stops a search; its result keeps the best found so far. `already_ended` says whether it had ended before."""
        return self._call(self._api.Cancel, api_pb2.CancelRequest(search_id=search_id, reason=reason))

    def result(self, search_id: str) -> SearchResult:
        """The result of a search that has ended; `FailedPrecondition` while it runs. `layernas.to_dict(result)` is
        its plain-dict form, the JSON `layernas run --output` writes."""
        return self._call(self._api.Result, api_pb2.ResultRequest(search_id=search_id))

    def _call(self, method, request):
        try:
            return method(request, timeout=self._timeout, metadata=self._metadata)
        except grpc.RpcError as e:
            raise self._refusal(e) from None

    def _refusal(self, error: grpc.RpcError) -> ApiError:
        """The exception for a refused call, with a reason that says what to do where the server's own does not."""
        code, details = error.code(), error.details() or ""
        if code == grpc.StatusCode.UNAUTHENTICATED and not self._token:
            details = "this API needs a bearer token: pass Client(token=...) or set LAYERNAS_TOKEN"
        elif code == grpc.StatusCode.UNAVAILABLE:
            details = f"the coordinator at {self.server} is unavailable: {details}"
        elif code == grpc.StatusCode.DEADLINE_EXCEEDED:
            details = f"the coordinator at {self.server} did not answer within {self._timeout:g} s"
        return _REFUSALS.get(code, ApiError)(code, details)


def _open_channel(server: str) -> grpc.Channel:
    """A channel to an API URL: plain HTTP/2 for http://, TLS for https://."""
    problem = ValueError(f"the server must be a URL such as {DEFAULT_SERVER}, got '{server}'")
    url = urllib.parse.urlsplit(server)
    try:
        port = url.port
    except ValueError:
        raise problem from None
    if url.scheme not in ("http", "https") or not url.hostname or url.path not in ("", "/") or url.query or url.fragment:
        raise problem
    host = f"[{url.hostname}]" if ":" in url.hostname else url.hostname
    target = f"{host}:{port or (443 if url.scheme == 'https' else 80)}"
    if url.scheme == "https":
        return grpc.secure_channel(target, grpc.ssl_channel_credentials())
    return grpc.insecure_channel(target)
