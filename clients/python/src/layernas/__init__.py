"""LayerNas.Cluster from Python: a client of the coordinator's API and a helper for writing trainers.

    from layernas import Client
    from layernas.trainer import serve

`layernas.trainer` needs only the standard library, so a trainer runs in any Python that can import the package;
the client (everything else here) needs grpcio and protobuf and is imported when first used.
"""

import importlib

__version__ = "0.1.0"

_EXPORTS = {
    "Client": "layernas.client",
    "SpecSource": "layernas.specs",
    "load_spec": "layernas.specs",
    "to_dict": "layernas.messages",
    "CancelResponse": "layernas.messages",
    "Candidate": "layernas.messages",
    "DepthSummary": "layernas.messages",
    "FailedTrial": "layernas.messages",
    "SearchProgressUpdate": "layernas.messages",
    "SearchResult": "layernas.messages",
    "SearchSpec": "layernas.messages",
    "SearchStatus": "layernas.messages",
    "SubmitResponse": "layernas.messages",
    "LayerNasError": "layernas.errors",
    "SpecError": "layernas.errors",
    "ApiError": "layernas.errors",
    "InvalidArgument": "layernas.errors",
    "SearchNotFound": "layernas.errors",
    "Unauthenticated": "layernas.errors",
    "FailedPrecondition": "layernas.errors",
    "Unavailable": "layernas.errors",
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name):
    """Imports the client's modules on first use (PEP 562), so importing layernas.trainer needs no grpcio."""
    if name not in _EXPORTS:
        raise AttributeError(f"module 'layernas' has no attribute '{name}'")
    return getattr(importlib.import_module(_EXPORTS[name]), name)


def __dir__():
    return sorted(__all__)
