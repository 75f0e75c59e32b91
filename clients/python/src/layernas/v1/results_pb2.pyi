from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Candidate(_message.Message):
    __slots__ = ["architecture", "cost", "metrics", "reward"]
    class MetricsEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: float
        def __init__(self, key: _Optional[str] = ..., value: _Optional[float] = ...) -> None: ...
    ARCHITECTURE_FIELD_NUMBER: _ClassVar[int]
    COST_FIELD_NUMBER: _ClassVar[int]
    METRICS_FIELD_NUMBER: _ClassVar[int]
    REWARD_FIELD_NUMBER: _ClassVar[int]
    architecture: _containers.RepeatedScalarFieldContainer[str]
    cost: float
    metrics: _containers.ScalarMap[str, float]
    reward: float
    def __init__(self, architecture: _Optional[_Iterable[str]] = ..., reward: _Optional[float] = ..., cost: _Optional[float] = ..., metrics: _Optional[_Mapping[str, float]] = ...) -> None: ...

class DepthSummary(_message.Message):
    __slots__ = ["children", "depth", "evaluated", "failed", "kept", "pruned"]
    CHILDREN_FIELD_NUMBER: _ClassVar[int]
    DEPTH_FIELD_NUMBER: _ClassVar[int]
    EVALUATED_FIELD_NUMBER: _ClassVar[int]
    FAILED_FIELD_NUMBER: _ClassVar[int]
    KEPT_FIELD_NUMBER: _ClassVar[int]
    PRUNED_FIELD_NUMBER: _ClassVar[int]
    children: int
    depth: int
    evaluated: int
    failed: int
    kept: int
    pruned: int
    def __init__(self, depth: _Optional[int] = ..., children: _Optional[int] = ..., pruned: _Optional[int] = ..., evaluated: _Optional[int] = ..., failed: _Optional[int] = ..., kept: _Optional[int] = ...) -> None: ...

class FailedTrial(_message.Message):
    __slots__ = ["architecture", "attempts", "reason"]
    ARCHITECTURE_FIELD_NUMBER: _ClassVar[int]
    ATTEMPTS_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    architecture: _containers.RepeatedScalarFieldContainer[str]
    attempts: int
    reason: str
    def __init__(self, architecture: _Optional[_Iterable[str]] = ..., reason: _Optional[str] = ..., attempts: _Optional[int] = ...) -> None: ...

class PassSummary(_message.Message):
    __slots__ = ["buckets", "complete", "keep_per_bucket", "trials"]
    BUCKETS_FIELD_NUMBER: _ClassVar[int]
    COMPLETE_FIELD_NUMBER: _ClassVar[int]
    KEEP_PER_BUCKET_FIELD_NUMBER: _ClassVar[int]
    TRIALS_FIELD_NUMBER: _ClassVar[int]
    buckets: int
    complete: bool
    keep_per_bucket: int
    trials: int
    def __init__(self, buckets: _Optional[int] = ..., keep_per_bucket: _Optional[int] = ..., trials: _Optional[int] = ..., complete: bool = ...) -> None: ...

class SearchResult(_message.Message):
    __slots__ = ["best", "depths", "failed_trials", "name", "pareto_front", "passes", "search_id", "status", "strategy", "targets", "trials_cached", "trials_failed", "trials_reused", "trials_trained"]
    BEST_FIELD_NUMBER: _ClassVar[int]
    DEPTHS_FIELD_NUMBER: _ClassVar[int]
    FAILED_TRIALS_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    PARETO_FRONT_FIELD_NUMBER: _ClassVar[int]
    PASSES_FIELD_NUMBER: _ClassVar[int]
    SEARCH_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    STRATEGY_FIELD_NUMBER: _ClassVar[int]
    TARGETS_FIELD_NUMBER: _ClassVar[int]
    TRIALS_CACHED_FIELD_NUMBER: _ClassVar[int]
    TRIALS_FAILED_FIELD_NUMBER: _ClassVar[int]
    TRIALS_REUSED_FIELD_NUMBER: _ClassVar[int]
    TRIALS_TRAINED_FIELD_NUMBER: _ClassVar[int]
    best: Candidate
    depths: _containers.RepeatedCompositeFieldContainer[DepthSummary]
    failed_trials: _containers.RepeatedCompositeFieldContainer[FailedTrial]
    name: str
    pareto_front: _containers.RepeatedCompositeFieldContainer[Candidate]
    passes: _containers.RepeatedCompositeFieldContainer[PassSummary]
    search_id: str
    status: str
    strategy: str
    targets: _containers.RepeatedCompositeFieldContainer[TargetResult]
    trials_cached: int
    trials_failed: int
    trials_reused: int
    trials_trained: int
    def __init__(self, search_id: _Optional[str] = ..., name: _Optional[str] = ..., strategy: _Optional[str] = ..., status: _Optional[str] = ..., best: _Optional[_Union[Candidate, _Mapping]] = ..., trials_trained: _Optional[int] = ..., trials_failed: _Optional[int] = ..., trials_cached: _Optional[int] = ..., pareto_front: _Optional[_Iterable[_Union[Candidate, _Mapping]]] = ..., failed_trials: _Optional[_Iterable[_Union[FailedTrial, _Mapping]]] = ..., depths: _Optional[_Iterable[_Union[DepthSummary, _Mapping]]] = ..., passes: _Optional[_Iterable[_Union[PassSummary, _Mapping]]] = ..., targets: _Optional[_Iterable[_Union[TargetResult, _Mapping]]] = ..., trials_reused: _Optional[int] = ...) -> None: ...

class TargetResult(_message.Message):
    __slots__ = ["best", "depths", "max", "min", "passes", "trials"]
    BEST_FIELD_NUMBER: _ClassVar[int]
    DEPTHS_FIELD_NUMBER: _ClassVar[int]
    MAX_FIELD_NUMBER: _ClassVar[int]
    MIN_FIELD_NUMBER: _ClassVar[int]
    PASSES_FIELD_NUMBER: _ClassVar[int]
    TRIALS_FIELD_NUMBER: _ClassVar[int]
    best: Candidate
    depths: _containers.RepeatedCompositeFieldContainer[DepthSummary]
    max: float
    min: float
    passes: _containers.RepeatedCompositeFieldContainer[PassSummary]
    trials: int
    def __init__(self, min: _Optional[float] = ..., max: _Optional[float] = ..., best: _Optional[_Union[Candidate, _Mapping]] = ..., trials: _Optional[int] = ..., depths: _Optional[_Iterable[_Union[DepthSummary, _Mapping]]] = ..., passes: _Optional[_Iterable[_Union[PassSummary, _Mapping]]] = ...) -> None: ...

class TrialRecord(_message.Message):
    __slots__ = ["architecture", "attempts", "cost", "failed", "failure_reason", "log_tail", "metrics", "recorded_unix_ms", "reused_from", "reward", "seconds", "trial_number", "worker"]
    class MetricsEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: float
        def __init__(self, key: _Optional[str] = ..., value: _Optional[float] = ...) -> None: ...
    ARCHITECTURE_FIELD_NUMBER: _ClassVar[int]
    ATTEMPTS_FIELD_NUMBER: _ClassVar[int]
    COST_FIELD_NUMBER: _ClassVar[int]
    FAILED_FIELD_NUMBER: _ClassVar[int]
    FAILURE_REASON_FIELD_NUMBER: _ClassVar[int]
    LOG_TAIL_FIELD_NUMBER: _ClassVar[int]
    METRICS_FIELD_NUMBER: _ClassVar[int]
    RECORDED_UNIX_MS_FIELD_NUMBER: _ClassVar[int]
    REUSED_FROM_FIELD_NUMBER: _ClassVar[int]
    REWARD_FIELD_NUMBER: _ClassVar[int]
    SECONDS_FIELD_NUMBER: _ClassVar[int]
    TRIAL_NUMBER_FIELD_NUMBER: _ClassVar[int]
    WORKER_FIELD_NUMBER: _ClassVar[int]
    architecture: _containers.RepeatedScalarFieldContainer[str]
    attempts: int
    cost: float
    failed: bool
    failure_reason: str
    log_tail: str
    metrics: _containers.ScalarMap[str, float]
    recorded_unix_ms: int
    reused_from: str
    reward: float
    seconds: float
    trial_number: int
    worker: str
    def __init__(self, trial_number: _Optional[int] = ..., architecture: _Optional[_Iterable[str]] = ..., cost: _Optional[float] = ..., failed: bool = ..., reward: _Optional[float] = ..., metrics: _Optional[_Mapping[str, float]] = ..., seconds: _Optional[float] = ..., worker: _Optional[str] = ..., failure_reason: _Optional[str] = ..., attempts: _Optional[int] = ..., recorded_unix_ms: _Optional[int] = ..., log_tail: _Optional[str] = ..., reused_from: _Optional[str] = ...) -> None: ...
