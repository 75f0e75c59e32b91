"""The protocol's messages a client works with, and their plain-dict form."""

from __future__ import annotations

from typing import Any

from google.protobuf import json_format
from google.protobuf.message import Message

from layernas.v1.api_pb2 import CancelResponse, SubmitResponse
from layernas.v1.messages_pb2 import SearchProgressUpdate, SearchStatus
from layernas.v1.results_pb2 import Candidate, DepthSummary, FailedTrial, SearchResult
from layernas.v1.spec_pb2 import SearchSpec

__all__ = [
    "CancelResponse",
    "Candidate",
    "DepthSummary",
    "FailedTrial",
    "SearchProgressUpdate",
    "SearchResult",
    "SearchSpec",
    "SearchStatus",
    "SubmitResponse",
    "to_dict",
]


def to_dict(message: Message) -> dict[str, Any]:
    """The proto3 JSON form of a message as a dict, as the command line writes it: for a SearchResult, exactly the
    JSON of `layernas run --output` (camelCase names, 64-bit counts as strings, zero counts written, absent
    messages and optional fields left out)."""
    try:
        return json_format.MessageToDict(message, always_print_fields_with_no_presence=True)
    except TypeError:  # protobuf before 5.26 names the option differently
        return json_format.MessageToDict(message, including_default_value_fields=True)
