from layernas.v1 import spec_pb2 as _spec_pb2
from layernas.v1 import results_pb2 as _results_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class SearchCancelled(_message.Message):
    __slots__ = ["reason", "search_id"]
    REASON_FIELD_NUMBER: _ClassVar[int]
    SEARCH_ID_FIELD_NUMBER: _ClassVar[int]
    reason: str
    search_id: str
    def __init__(self, search_id: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class SearchFinished(_message.Message):
    __slots__ = ["ended_unix_ms", "result", "search_id", "trained_by_node"]
    class TrainedByNodeEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: int
        def __init__(self, key: _Optional[str] = ..., value: _Optional[int] = ...) -> None: ...
    ENDED_UNIX_MS_FIELD_NUMBER: _ClassVar[int]
    RESULT_FIELD_NUMBER: _ClassVar[int]
    SEARCH_ID_FIELD_NUMBER: _ClassVar[int]
    TRAINED_BY_NODE_FIELD_NUMBER: _ClassVar[int]
    ended_unix_ms: int
    result: _results_pb2.SearchResult
    search_id: str
    trained_by_node: _containers.ScalarMap[str, int]
    def __init__(self, search_id: _Optional[str] = ..., result: _Optional[_Union[_results_pb2.SearchResult, _Mapping]] = ..., trained_by_node: _Optional[_Mapping[str, int]] = ..., ended_unix_ms: _Optional[int] = ...) -> None: ...

class SearchSubmitted(_message.Message):
    __slots__ = ["search_id", "spec", "submitted_unix_ms", "trial_cache_sources"]
    SEARCH_ID_FIELD_NUMBER: _ClassVar[int]
    SPEC_FIELD_NUMBER: _ClassVar[int]
    SUBMITTED_UNIX_MS_FIELD_NUMBER: _ClassVar[int]
    TRIAL_CACHE_SOURCES_FIELD_NUMBER: _ClassVar[int]
    search_id: str
    spec: _spec_pb2.SearchSpec
    submitted_unix_ms: int
    trial_cache_sources: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, search_id: _Optional[str] = ..., spec: _Optional[_Union[_spec_pb2.SearchSpec, _Mapping]] = ..., submitted_unix_ms: _Optional[int] = ..., trial_cache_sources: _Optional[_Iterable[str]] = ...) -> None: ...

class TrialCompleted(_message.Message):
    __slots__ = ["architecture", "attempts", "metrics", "recorded_unix_ms", "reward", "search_id", "seconds", "trial_number", "worker"]
    class MetricsEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: float
        def __init__(self, key: _Optional[str] = ..., value: _Optional[float] = ...) -> None: ...
    ARCHITECTURE_FIELD_NUMBER: _ClassVar[int]
    ATTEMPTS_FIELD_NUMBER: _ClassVar[int]
    METRICS_FIELD_NUMBER: _ClassVar[int]
    RECORDED_UNIX_MS_FIELD_NUMBER: _ClassVar[int]
    REWARD_FIELD_NUMBER: _ClassVar[int]
    SEARCH_ID_FIELD_NUMBER: _ClassVar[int]
    SECONDS_FIELD_NUMBER: _ClassVar[int]
    TRIAL_NUMBER_FIELD_NUMBER: _ClassVar[int]
    WORKER_FIELD_NUMBER: _ClassVar[int]
    architecture: _containers.RepeatedScalarFieldContainer[int]
    attempts: int
    metrics: _containers.ScalarMap[str, float]
    recorded_unix_ms: int
    reward: float
    search_id: str
    seconds: float
    trial_number: int
    worker: str
    def __init__(self, search_id: _Optional[str] = ..., trial_number: _Optional[int] = ..., architecture: _Optional[_Iterable[int]] = ..., reward: _Optional[float] = ..., metrics: _Optional[_Mapping[str, float]] = ..., worker: _Optional[str] = ..., seconds: _Optional[float] = ..., attempts: _Optional[int] = ..., recorded_unix_ms: _Optional[int] = ...) -> None: ...

class TrialFailed(_message.Message):
    __slots__ = ["architecture", "attempts", "log_tail", "reason", "recorded_unix_ms", "search_id", "trial_number"]
    ARCHITECTURE_FIELD_NUMBER: _ClassVar[int]
    ATTEMPTS_FIELD_NUMBER: _ClassVar[int]
    LOG_TAIL_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    RECORDED_UNIX_MS_FIELD_NUMBER: _ClassVar[int]
    SEARCH_ID_FIELD_NUMBER: _ClassVar[int]
    TRIAL_NUMBER_FIELD_NUMBER: _ClassVar[int]
    architecture: _containers.RepeatedScalarFieldContainer[int]
    attempts: int
    log_tail: str
    reason: str
    recorded_unix_ms: int
    search_id: str
    trial_number: int
    def __init__(self, search_id: _Optional[str] = ..., trial_number: _Optional[int] = ..., architecture: _Optional[_Iterable[int]] = ..., reason: _Optional[str] = ..., attempts: _Optional[int] = ..., recorded_unix_ms: _Optional[int] = ..., log_tail: _Optional[str] = ...) -> None: ...

class TrialsImported(_message.Message):
    __slots__ = ["search_id", "sources", "trials"]
    SEARCH_ID_FIELD_NUMBER: _ClassVar[int]
    SOURCES_FIELD_NUMBER: _ClassVar[int]
    TRIALS_FIELD_NUMBER: _ClassVar[int]
    search_id: str
    sources: _containers.RepeatedScalarFieldContainer[str]
    trials: _containers.RepeatedCompositeFieldContainer[TrialCompleted]
    def __init__(self, search_id: _Optional[str] = ..., trials: _Optional[_Iterable[_Union[TrialCompleted, _Mapping]]] = ..., sources: _Optional[_Iterable[str]] = ...) -> None: ...
