"""The exceptions the package raises: one base class, a spec that cannot be read, and the server's refusals by kind."""


class LayerNasError(Exception):
    """Anything the layernas package raises on purpose."""


class SpecError(LayerNasError, ValueError):
    """A spec that cannot be read before it is sent: a missing or malformed file, an unknown field, a wrong type."""


class ApiError(LayerNasError):
    """The coordinator refused a call. `code` is the gRPC status code, `details` the server's one-line reason."""

    def __init__(self, code, details):
        super().__init__(details)
        self.code = code
        self.details = details


class InvalidArgument(ApiError, ValueError):
    """The request cannot be served as sent: a spec the coordinator cannot search (the reason names its JSON path), a malformed search id."""


class SearchNotFound(ApiError, LookupError):
    """No search has the id."""


class Unauthenticated(ApiError, PermissionError):
    """The API needs a bearer token and the call carried none, or a wrong one."""


class FailedPrecondition(ApiError):
    """The search is not where the call needs it: a result asked of a running search, a watch of a failed one."""


class Unavailable(ApiError, ConnectionError):
    """The coordinator cannot be reached or cannot answer yet; trying again later may succeed."""
