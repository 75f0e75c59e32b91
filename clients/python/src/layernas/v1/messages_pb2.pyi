from layernas.v1 import events_pb2 as _events_pb2
from layernas.v1 import results_pb2 as _results_pb2
from layernas.v1 import spec_pb2 as _spec_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor
TRIAL_SORT_ARCHITECTURE: TrialSort
TRIAL_SORT_ATTEMPTS: TrialSort
TRIAL_SORT_COST: TrialSort
TRIAL_SORT_NUMBER: TrialSort
TRIAL_SORT_RECORDED: TrialSort
TRIAL_SORT_REWARD: TrialSort
TRIAL_SORT_SECONDS: TrialSort
TRIAL_SORT_WORKER: TrialSort
TRIAL_STATUS_FILTER_ANY: TrialStatusFilter
TRIAL_STATUS_FILTER_FAILED: TrialStatusFilter
TRIAL_STATUS_FILTER_TRAINED: TrialStatusFilter

class CancelSearch(_message.Message):
    __slots__ = ["reason", "search_id"]
    REASON_FIELD_NUMBER: _ClassVar[int]
    SEARCH_ID_FIELD_NUMBER: _ClassVar[int]
    reason: str
    search_id: str
    def __init__(self, search_id: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class DispatchTrials(_message.Message):
    __slots__ = ["search_id", "trials"]
    SEARCH_ID_FIELD_NUMBER: _ClassVar[int]
    TRIALS_FIELD_NUMBER: _ClassVar[int]
    search_id: str
    trials: _containers.RepeatedCompositeFieldContainer[ReadyTrial]
    def __init__(self, search_id: _Optional[str] = ..., trials: _Optional[_Iterable[_Union[ReadyTrial, _Mapping]]] = ...) -> None: ...

class GetMemoTables(_message.Message):
    __slots__ = ["depth", "search_id", "target"]
    DEPTH_FIELD_NUMBER: _ClassVar[int]
    SEARCH_ID_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    depth: int
    search_id: str
    target: int
    def __init__(self, search_id: _Optional[str] = ..., depth: _Optional[int] = ..., target: _Optional[int] = ...) -> None: ...

class GetSearchSpec(_message.Message):
    __slots__ = ["search_id"]
    SEARCH_ID_FIELD_NUMBER: _ClassVar[int]
    search_id: str
    def __init__(self, search_id: _Optional[str] = ...) -> None: ...

class GetSearchStatus(_message.Message):
    __slots__ = ["search_id"]
    SEARCH_ID_FIELD_NUMBER: _ClassVar[int]
    search_id: str
    def __init__(self, search_id: _Optional[str] = ...) -> None: ...

class GetSearchTrials(_message.Message):
    __slots__ = ["offset", "search_id"]
    OFFSET_FIELD_NUMBER: _ClassVar[int]
    SEARCH_ID_FIELD_NUMBER: _ClassVar[int]
    offset: int
    search_id: str
    def __init__(self, search_id: _Optional[str] = ..., offset: _Optional[int] = ...) -> None: ...

class GetTrialPoints(_message.Message):
    __slots__ = ["offset", "search_id"]
    OFFSET_FIELD_NUMBER: _ClassVar[int]
    SEARCH_ID_FIELD_NUMBER: _ClassVar[int]
    offset: int
    search_id: str
    def __init__(self, search_id: _Optional[str] = ..., offset: _Optional[int] = ...) -> None: ...

class GetWorkers(_message.Message):
    __slots__ = []
    def __init__(self) -> None: ...

class HandBack(_message.Message):
    __slots__ = ["lease_ids", "worker"]
    LEASE_IDS_FIELD_NUMBER: _ClassVar[int]
    WORKER_FIELD_NUMBER: _ClassVar[int]
    lease_ids: _containers.RepeatedScalarFieldContainer[str]
    worker: str
    def __init__(self, lease_ids: _Optional[_Iterable[str]] = ..., worker: _Optional[str] = ...) -> None: ...

class LeasesClosed(_message.Message):
    __slots__ = ["lease_ids"]
    LEASE_IDS_FIELD_NUMBER: _ClassVar[int]
    lease_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, lease_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class LedgerTrial(_message.Message):
    __slots__ = ["architecture", "attempts", "failure_reason", "log_tail", "metric_keys", "metric_values", "recorded_unix_ms", "reward", "seconds", "trial_number", "worker"]
    ARCHITECTURE_FIELD_NUMBER: _ClassVar[int]
    ATTEMPTS_FIELD_NUMBER: _ClassVar[int]
    FAILURE_REASON_FIELD_NUMBER: _ClassVar[int]
    LOG_TAIL_FIELD_NUMBER: _ClassVar[int]
    METRIC_KEYS_FIELD_NUMBER: _ClassVar[int]
    METRIC_VALUES_FIELD_NUMBER: _ClassVar[int]
    RECORDED_UNIX_MS_FIELD_NUMBER: _ClassVar[int]
    REWARD_FIELD_NUMBER: _ClassVar[int]
    SECONDS_FIELD_NUMBER: _ClassVar[int]
    TRIAL_NUMBER_FIELD_NUMBER: _ClassVar[int]
    WORKER_FIELD_NUMBER: _ClassVar[int]
    architecture: _containers.RepeatedScalarFieldContainer[int]
    attempts: int
    failure_reason: str
    log_tail: str
    metric_keys: _containers.RepeatedScalarFieldContainer[int]
    metric_values: _containers.RepeatedScalarFieldContainer[float]
    recorded_unix_ms: int
    reward: float
    seconds: float
    trial_number: int
    worker: int
    def __init__(self, trial_number: _Optional[int] = ..., architecture: _Optional[_Iterable[int]] = ..., reward: _Optional[float] = ..., failure_reason: _Optional[str] = ..., metric_keys: _Optional[_Iterable[int]] = ..., metric_values: _Optional[_Iterable[float]] = ..., worker: _Optional[int] = ..., seconds: _Optional[float] = ..., attempts: _Optional[int] = ..., recorded_unix_ms: _Optional[int] = ..., log_tail: _Optional[str] = ...) -> None: ...

class ListSearches(_message.Message):
    __slots__ = []
    def __init__(self) -> None: ...

class ManagedSearch(_message.Message):
    __slots__ = ["finished", "submitted"]
    FINISHED_FIELD_NUMBER: _ClassVar[int]
    SUBMITTED_FIELD_NUMBER: _ClassVar[int]
    finished: _events_pb2.SearchFinished
    submitted: _events_pb2.SearchSubmitted
    def __init__(self, submitted: _Optional[_Union[_events_pb2.SearchSubmitted, _Mapping]] = ..., finished: _Optional[_Union[_events_pb2.SearchFinished, _Mapping]] = ...) -> None: ...

class MemoBucket(_message.Message):
    __slots__ = ["cost_max", "cost_min", "index", "kept", "settled"]
    COST_MAX_FIELD_NUMBER: _ClassVar[int]
    COST_MIN_FIELD_NUMBER: _ClassVar[int]
    INDEX_FIELD_NUMBER: _ClassVar[int]
    KEPT_FIELD_NUMBER: _ClassVar[int]
    SETTLED_FIELD_NUMBER: _ClassVar[int]
    cost_max: float
    cost_min: float
    index: int
    kept: _containers.RepeatedCompositeFieldContainer[MemoCandidate]
    settled: bool
    def __init__(self, index: _Optional[int] = ..., cost_min: _Optional[float] = ..., cost_max: _Optional[float] = ..., settled: bool = ..., kept: _Optional[_Iterable[_Union[MemoCandidate, _Mapping]]] = ...) -> None: ...

class MemoCandidate(_message.Message):
    __slots__ = ["cost", "prefix", "prefix_cost", "reward", "trained", "trial_number"]
    COST_FIELD_NUMBER: _ClassVar[int]
    PREFIX_COST_FIELD_NUMBER: _ClassVar[int]
    PREFIX_FIELD_NUMBER: _ClassVar[int]
    REWARD_FIELD_NUMBER: _ClassVar[int]
    TRAINED_FIELD_NUMBER: _ClassVar[int]
    TRIAL_NUMBER_FIELD_NUMBER: _ClassVar[int]
    cost: float
    prefix: _containers.RepeatedScalarFieldContainer[str]
    prefix_cost: float
    reward: float
    trained: _containers.RepeatedScalarFieldContainer[str]
    trial_number: int
    def __init__(self, prefix: _Optional[_Iterable[str]] = ..., reward: _Optional[float] = ..., prefix_cost: _Optional[float] = ..., trained: _Optional[_Iterable[str]] = ..., cost: _Optional[float] = ..., trial_number: _Optional[int] = ...) -> None: ...

class MemoDepth(_message.Message):
    __slots__ = ["bucket_count", "buckets", "buckets_settled", "range_max", "range_min", "summary"]
    BUCKETS_FIELD_NUMBER: _ClassVar[int]
    BUCKETS_SETTLED_FIELD_NUMBER: _ClassVar[int]
    BUCKET_COUNT_FIELD_NUMBER: _ClassVar[int]
    RANGE_MAX_FIELD_NUMBER: _ClassVar[int]
    RANGE_MIN_FIELD_NUMBER: _ClassVar[int]
    SUMMARY_FIELD_NUMBER: _ClassVar[int]
    bucket_count: int
    buckets: _containers.RepeatedCompositeFieldContainer[MemoBucket]
    buckets_settled: int
    range_max: float
    range_min: float
    summary: _results_pb2.DepthSummary
    def __init__(self, summary: _Optional[_Union[_results_pb2.DepthSummary, _Mapping]] = ..., range_min: _Optional[float] = ..., range_max: _Optional[float] = ..., bucket_count: _Optional[int] = ..., buckets_settled: _Optional[int] = ..., buckets: _Optional[_Iterable[_Union[MemoBucket, _Mapping]]] = ...) -> None: ...

class MemoTarget(_message.Message):
    __slots__ = ["max", "min", "started"]
    MAX_FIELD_NUMBER: _ClassVar[int]
    MIN_FIELD_NUMBER: _ClassVar[int]
    STARTED_FIELD_NUMBER: _ClassVar[int]
    max: float
    min: float
    started: bool
    def __init__(self, min: _Optional[float] = ..., max: _Optional[float] = ..., started: bool = ...) -> None: ...

class OpenSearch(_message.Message):
    __slots__ = ["search_id", "spec"]
    SEARCH_ID_FIELD_NUMBER: _ClassVar[int]
    SPEC_FIELD_NUMBER: _ClassVar[int]
    search_id: str
    spec: _spec_pb2.SearchSpec
    def __init__(self, search_id: _Optional[str] = ..., spec: _Optional[_Union[_spec_pb2.SearchSpec, _Mapping]] = ...) -> None: ...

class QueryTrials(_message.Message):
    __slots__ = ["descending", "limit", "offset", "search_id", "sort", "status", "text"]
    DESCENDING_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    OFFSET_FIELD_NUMBER: _ClassVar[int]
    SEARCH_ID_FIELD_NUMBER: _ClassVar[int]
    SORT_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    descending: bool
    limit: int
    offset: int
    search_id: str
    sort: TrialSort
    status: TrialStatusFilter
    text: str
    def __init__(self, search_id: _Optional[str] = ..., offset: _Optional[int] = ..., limit: _Optional[int] = ..., sort: _Optional[_Union[TrialSort, str]] = ..., descending: bool = ..., status: _Optional[_Union[TrialStatusFilter, str]] = ..., text: _Optional[str] = ...) -> None: ...

class ReadyTrial(_message.Message):
    __slots__ = ["architecture", "priority", "trial_number"]
    ARCHITECTURE_FIELD_NUMBER: _ClassVar[int]
    PRIORITY_FIELD_NUMBER: _ClassVar[int]
    TRIAL_NUMBER_FIELD_NUMBER: _ClassVar[int]
    architecture: _containers.RepeatedScalarFieldContainer[int]
    priority: float
    trial_number: int
    def __init__(self, trial_number: _Optional[int] = ..., architecture: _Optional[_Iterable[int]] = ..., priority: _Optional[float] = ...) -> None: ...

class SearchAccepted(_message.Message):
    __slots__ = ["existing", "finished", "search_id"]
    EXISTING_FIELD_NUMBER: _ClassVar[int]
    FINISHED_FIELD_NUMBER: _ClassVar[int]
    SEARCH_ID_FIELD_NUMBER: _ClassVar[int]
    existing: bool
    finished: bool
    search_id: str
    def __init__(self, search_id: _Optional[str] = ..., existing: bool = ..., finished: bool = ...) -> None: ...

class SearchCancelAccepted(_message.Message):
    __slots__ = ["already_ended", "search_id"]
    ALREADY_ENDED_FIELD_NUMBER: _ClassVar[int]
    SEARCH_ID_FIELD_NUMBER: _ClassVar[int]
    already_ended: bool
    search_id: str
    def __init__(self, search_id: _Optional[str] = ..., already_ended: bool = ...) -> None: ...

class SearchCoordinatorSnapshot(_message.Message):
    __slots__ = ["cancelled", "completed", "failed", "finished"]
    CANCELLED_FIELD_NUMBER: _ClassVar[int]
    COMPLETED_FIELD_NUMBER: _ClassVar[int]
    FAILED_FIELD_NUMBER: _ClassVar[int]
    FINISHED_FIELD_NUMBER: _ClassVar[int]
    cancelled: _events_pb2.SearchCancelled
    completed: _containers.RepeatedCompositeFieldContainer[_events_pb2.TrialCompleted]
    failed: _containers.RepeatedCompositeFieldContainer[_events_pb2.TrialFailed]
    finished: _events_pb2.SearchFinished
    def __init__(self, completed: _Optional[_Iterable[_Union[_events_pb2.TrialCompleted, _Mapping]]] = ..., failed: _Optional[_Iterable[_Union[_events_pb2.TrialFailed, _Mapping]]] = ..., finished: _Optional[_Union[_events_pb2.SearchFinished, _Mapping]] = ..., cancelled: _Optional[_Union[_events_pb2.SearchCancelled, _Mapping]] = ...) -> None: ...

class SearchError(_message.Message):
    __slots__ = ["reason", "search_id"]
    REASON_FIELD_NUMBER: _ClassVar[int]
    SEARCH_ID_FIELD_NUMBER: _ClassVar[int]
    reason: str
    search_id: str
    def __init__(self, search_id: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class SearchLedgerSnapshot(_message.Message):
    __slots__ = ["cancelled", "finished", "imported", "metric_names", "search_id", "trials", "workers"]
    CANCELLED_FIELD_NUMBER: _ClassVar[int]
    FINISHED_FIELD_NUMBER: _ClassVar[int]
    IMPORTED_FIELD_NUMBER: _ClassVar[int]
    METRIC_NAMES_FIELD_NUMBER: _ClassVar[int]
    SEARCH_ID_FIELD_NUMBER: _ClassVar[int]
    TRIALS_FIELD_NUMBER: _ClassVar[int]
    WORKERS_FIELD_NUMBER: _ClassVar[int]
    cancelled: _events_pb2.SearchCancelled
    finished: _events_pb2.SearchFinished
    imported: _events_pb2.TrialsImported
    metric_names: _containers.RepeatedScalarFieldContainer[str]
    search_id: str
    trials: _containers.RepeatedCompositeFieldContainer[LedgerTrial]
    workers: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, search_id: _Optional[str] = ..., trials: _Optional[_Iterable[_Union[LedgerTrial, _Mapping]]] = ..., workers: _Optional[_Iterable[str]] = ..., metric_names: _Optional[_Iterable[str]] = ..., cancelled: _Optional[_Union[_events_pb2.SearchCancelled, _Mapping]] = ..., finished: _Optional[_Union[_events_pb2.SearchFinished, _Mapping]] = ..., imported: _Optional[_Union[_events_pb2.TrialsImported, _Mapping]] = ...) -> None: ...

class SearchList(_message.Message):
    __slots__ = ["searches"]
    SEARCHES_FIELD_NUMBER: _ClassVar[int]
    searches: _containers.RepeatedCompositeFieldContainer[SearchStatus]
    def __init__(self, searches: _Optional[_Iterable[_Union[SearchStatus, _Mapping]]] = ...) -> None: ...

class SearchManagerSnapshot(_message.Message):
    __slots__ = ["searches"]
    SEARCHES_FIELD_NUMBER: _ClassVar[int]
    searches: _containers.RepeatedCompositeFieldContainer[ManagedSearch]
    def __init__(self, searches: _Optional[_Iterable[_Union[ManagedSearch, _Mapping]]] = ...) -> None: ...

class SearchMemoTables(_message.Message):
    __slots__ = ["depths", "has_tables", "search_id", "target", "targets"]
    DEPTHS_FIELD_NUMBER: _ClassVar[int]
    HAS_TABLES_FIELD_NUMBER: _ClassVar[int]
    SEARCH_ID_FIELD_NUMBER: _ClassVar[int]
    TARGETS_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    depths: _containers.RepeatedCompositeFieldContainer[MemoDepth]
    has_tables: bool
    search_id: str
    target: int
    targets: _containers.RepeatedCompositeFieldContainer[MemoTarget]
    def __init__(self, search_id: _Optional[str] = ..., has_tables: bool = ..., depths: _Optional[_Iterable[_Union[MemoDepth, _Mapping]]] = ..., targets: _Optional[_Iterable[_Union[MemoTarget, _Mapping]]] = ..., target: _Optional[int] = ...) -> None: ...

class SearchNotFound(_message.Message):
    __slots__ = ["search_id"]
    SEARCH_ID_FIELD_NUMBER: _ClassVar[int]
    search_id: str
    def __init__(self, search_id: _Optional[str] = ...) -> None: ...

class SearchProgressUpdate(_message.Message):
    __slots__ = ["best", "done", "pass_number", "search_id", "stage", "stages", "total", "trials_cached", "trials_failed", "trials_reused", "trials_running", "trials_trained"]
    BEST_FIELD_NUMBER: _ClassVar[int]
    DONE_FIELD_NUMBER: _ClassVar[int]
    PASS_NUMBER_FIELD_NUMBER: _ClassVar[int]
    SEARCH_ID_FIELD_NUMBER: _ClassVar[int]
    STAGES_FIELD_NUMBER: _ClassVar[int]
    STAGE_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    TRIALS_CACHED_FIELD_NUMBER: _ClassVar[int]
    TRIALS_FAILED_FIELD_NUMBER: _ClassVar[int]
    TRIALS_REUSED_FIELD_NUMBER: _ClassVar[int]
    TRIALS_RUNNING_FIELD_NUMBER: _ClassVar[int]
    TRIALS_TRAINED_FIELD_NUMBER: _ClassVar[int]
    best: _results_pb2.Candidate
    done: int
    pass_number: int
    search_id: str
    stage: int
    stages: int
    total: int
    trials_cached: int
    trials_failed: int
    trials_reused: int
    trials_running: int
    trials_trained: int
    def __init__(self, search_id: _Optional[str] = ..., stage: _Optional[int] = ..., stages: _Optional[int] = ..., done: _Optional[int] = ..., total: _Optional[int] = ..., trials_trained: _Optional[int] = ..., trials_cached: _Optional[int] = ..., trials_failed: _Optional[int] = ..., trials_running: _Optional[int] = ..., best: _Optional[_Union[_results_pb2.Candidate, _Mapping]] = ..., pass_number: _Optional[int] = ..., trials_reused: _Optional[int] = ...) -> None: ...

class SearchRejected(_message.Message):
    __slots__ = ["reason", "search_id"]
    REASON_FIELD_NUMBER: _ClassVar[int]
    SEARCH_ID_FIELD_NUMBER: _ClassVar[int]
    reason: str
    search_id: str
    def __init__(self, search_id: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class SearchSpecAnswer(_message.Message):
    __slots__ = ["search_id", "spec"]
    SEARCH_ID_FIELD_NUMBER: _ClassVar[int]
    SPEC_FIELD_NUMBER: _ClassVar[int]
    search_id: str
    spec: _spec_pb2.SearchSpec
    def __init__(self, search_id: _Optional[str] = ..., spec: _Optional[_Union[_spec_pb2.SearchSpec, _Mapping]] = ...) -> None: ...

class SearchStatus(_message.Message):
    __slots__ = ["ended_unix_ms", "error", "layer_names", "name", "progress", "result", "search_id", "state", "strategy", "submitted_unix_ms", "target_max", "target_min", "trained_by_node"]
    class TrainedByNodeEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: int
        def __init__(self, key: _Optional[str] = ..., value: _Optional[int] = ...) -> None: ...
    ENDED_UNIX_MS_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    LAYER_NAMES_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    PROGRESS_FIELD_NUMBER: _ClassVar[int]
    RESULT_FIELD_NUMBER: _ClassVar[int]
    SEARCH_ID_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    STRATEGY_FIELD_NUMBER: _ClassVar[int]
    SUBMITTED_UNIX_MS_FIELD_NUMBER: _ClassVar[int]
    TARGET_MAX_FIELD_NUMBER: _ClassVar[int]
    TARGET_MIN_FIELD_NUMBER: _ClassVar[int]
    TRAINED_BY_NODE_FIELD_NUMBER: _ClassVar[int]
    ended_unix_ms: int
    error: str
    layer_names: _containers.RepeatedScalarFieldContainer[str]
    name: str
    progress: SearchProgressUpdate
    result: _results_pb2.SearchResult
    search_id: str
    state: str
    strategy: str
    submitted_unix_ms: int
    target_max: float
    target_min: float
    trained_by_node: _containers.ScalarMap[str, int]
    def __init__(self, search_id: _Optional[str] = ..., name: _Optional[str] = ..., state: _Optional[str] = ..., progress: _Optional[_Union[SearchProgressUpdate, _Mapping]] = ..., result: _Optional[_Union[_results_pb2.SearchResult, _Mapping]] = ..., error: _Optional[str] = ..., trained_by_node: _Optional[_Mapping[str, int]] = ..., layer_names: _Optional[_Iterable[str]] = ..., strategy: _Optional[str] = ..., target_min: _Optional[float] = ..., target_max: _Optional[float] = ..., submitted_unix_ms: _Optional[int] = ..., ended_unix_ms: _Optional[int] = ...) -> None: ...

class SearchTrialPoints(_message.Message):
    __slots__ = ["costs", "next_offset", "offset", "rewards", "search_id", "total", "trial_numbers"]
    COSTS_FIELD_NUMBER: _ClassVar[int]
    NEXT_OFFSET_FIELD_NUMBER: _ClassVar[int]
    OFFSET_FIELD_NUMBER: _ClassVar[int]
    REWARDS_FIELD_NUMBER: _ClassVar[int]
    SEARCH_ID_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    TRIAL_NUMBERS_FIELD_NUMBER: _ClassVar[int]
    costs: _containers.RepeatedScalarFieldContainer[float]
    next_offset: int
    offset: int
    rewards: _containers.RepeatedScalarFieldContainer[float]
    search_id: str
    total: int
    trial_numbers: _containers.RepeatedScalarFieldContainer[int]
    def __init__(self, search_id: _Optional[str] = ..., offset: _Optional[int] = ..., next_offset: _Optional[int] = ..., total: _Optional[int] = ..., trial_numbers: _Optional[_Iterable[int]] = ..., costs: _Optional[_Iterable[float]] = ..., rewards: _Optional[_Iterable[float]] = ...) -> None: ...

class SearchTrials(_message.Message):
    __slots__ = ["offset", "search_id", "total", "trials"]
    OFFSET_FIELD_NUMBER: _ClassVar[int]
    SEARCH_ID_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    TRIALS_FIELD_NUMBER: _ClassVar[int]
    offset: int
    search_id: str
    total: int
    trials: _containers.RepeatedCompositeFieldContainer[_results_pb2.TrialRecord]
    def __init__(self, search_id: _Optional[str] = ..., offset: _Optional[int] = ..., total: _Optional[int] = ..., trials: _Optional[_Iterable[_Union[_results_pb2.TrialRecord, _Mapping]]] = ...) -> None: ...

class SlotLease(_message.Message):
    __slots__ = ["architecture", "attempt", "granted_unix_ms", "search_id", "trial_number"]
    ARCHITECTURE_FIELD_NUMBER: _ClassVar[int]
    ATTEMPT_FIELD_NUMBER: _ClassVar[int]
    GRANTED_UNIX_MS_FIELD_NUMBER: _ClassVar[int]
    SEARCH_ID_FIELD_NUMBER: _ClassVar[int]
    TRIAL_NUMBER_FIELD_NUMBER: _ClassVar[int]
    architecture: _containers.RepeatedScalarFieldContainer[str]
    attempt: int
    granted_unix_ms: int
    search_id: str
    trial_number: int
    def __init__(self, search_id: _Optional[str] = ..., trial_number: _Optional[int] = ..., architecture: _Optional[_Iterable[str]] = ..., attempt: _Optional[int] = ..., granted_unix_ms: _Optional[int] = ...) -> None: ...

class SubmitSearch(_message.Message):
    __slots__ = ["search_id", "spec"]
    SEARCH_ID_FIELD_NUMBER: _ClassVar[int]
    SPEC_FIELD_NUMBER: _ClassVar[int]
    search_id: str
    spec: _spec_pb2.SearchSpec
    def __init__(self, search_id: _Optional[str] = ..., spec: _Optional[_Union[_spec_pb2.SearchSpec, _Mapping]] = ...) -> None: ...

class SubscribeToSearch(_message.Message):
    __slots__ = ["search_id"]
    SEARCH_ID_FIELD_NUMBER: _ClassVar[int]
    search_id: str
    def __init__(self, search_id: _Optional[str] = ...) -> None: ...

class TrainingOutcome(_message.Message):
    __slots__ = ["metrics", "reward"]
    class MetricsEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: float
        def __init__(self, key: _Optional[str] = ..., value: _Optional[float] = ...) -> None: ...
    METRICS_FIELD_NUMBER: _ClassVar[int]
    REWARD_FIELD_NUMBER: _ClassVar[int]
    metrics: _containers.ScalarMap[str, float]
    reward: float
    def __init__(self, reward: _Optional[float] = ..., metrics: _Optional[_Mapping[str, float]] = ...) -> None: ...

class TrialLease(_message.Message):
    __slots__ = ["architecture", "attempt", "lease_id", "search_id", "timeout_seconds", "trial_number"]
    ARCHITECTURE_FIELD_NUMBER: _ClassVar[int]
    ATTEMPT_FIELD_NUMBER: _ClassVar[int]
    LEASE_ID_FIELD_NUMBER: _ClassVar[int]
    SEARCH_ID_FIELD_NUMBER: _ClassVar[int]
    TIMEOUT_SECONDS_FIELD_NUMBER: _ClassVar[int]
    TRIAL_NUMBER_FIELD_NUMBER: _ClassVar[int]
    architecture: _containers.RepeatedScalarFieldContainer[int]
    attempt: int
    lease_id: str
    search_id: str
    timeout_seconds: float
    trial_number: int
    def __init__(self, lease_id: _Optional[str] = ..., search_id: _Optional[str] = ..., trial_number: _Optional[int] = ..., architecture: _Optional[_Iterable[int]] = ..., attempt: _Optional[int] = ..., timeout_seconds: _Optional[float] = ...) -> None: ...

class TrialLeases(_message.Message):
    __slots__ = ["leases", "request_id"]
    LEASES_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    leases: _containers.RepeatedCompositeFieldContainer[TrialLease]
    request_id: str
    def __init__(self, request_id: _Optional[str] = ..., leases: _Optional[_Iterable[_Union[TrialLease, _Mapping]]] = ...) -> None: ...

class TrialResult(_message.Message):
    __slots__ = ["attempt", "failure_reason", "lease_id", "log_tail", "outcome", "search_id", "seconds", "trial_number", "worker"]
    ATTEMPT_FIELD_NUMBER: _ClassVar[int]
    FAILURE_REASON_FIELD_NUMBER: _ClassVar[int]
    LEASE_ID_FIELD_NUMBER: _ClassVar[int]
    LOG_TAIL_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_FIELD_NUMBER: _ClassVar[int]
    SEARCH_ID_FIELD_NUMBER: _ClassVar[int]
    SECONDS_FIELD_NUMBER: _ClassVar[int]
    TRIAL_NUMBER_FIELD_NUMBER: _ClassVar[int]
    WORKER_FIELD_NUMBER: _ClassVar[int]
    attempt: int
    failure_reason: str
    lease_id: str
    log_tail: str
    outcome: TrainingOutcome
    search_id: str
    seconds: float
    trial_number: int
    worker: str
    def __init__(self, lease_id: _Optional[str] = ..., search_id: _Optional[str] = ..., trial_number: _Optional[int] = ..., attempt: _Optional[int] = ..., worker: _Optional[str] = ..., outcome: _Optional[_Union[TrainingOutcome, _Mapping]] = ..., failure_reason: _Optional[str] = ..., seconds: _Optional[float] = ..., log_tail: _Optional[str] = ...) -> None: ...

class TrialResults(_message.Message):
    __slots__ = ["results"]
    RESULTS_FIELD_NUMBER: _ClassVar[int]
    results: _containers.RepeatedCompositeFieldContainer[TrialResult]
    def __init__(self, results: _Optional[_Iterable[_Union[TrialResult, _Mapping]]] = ...) -> None: ...

class UtilizationSample(_message.Message):
    __slots__ = ["busy", "slots", "unix_ms"]
    BUSY_FIELD_NUMBER: _ClassVar[int]
    SLOTS_FIELD_NUMBER: _ClassVar[int]
    UNIX_MS_FIELD_NUMBER: _ClassVar[int]
    busy: int
    slots: int
    unix_ms: int
    def __init__(self, unix_ms: _Optional[int] = ..., slots: _Optional[int] = ..., busy: _Optional[int] = ...) -> None: ...

class WithdrawSearch(_message.Message):
    __slots__ = ["search_id"]
    SEARCH_ID_FIELD_NUMBER: _ClassVar[int]
    search_id: str
    def __init__(self, search_id: _Optional[str] = ...) -> None: ...

class WorkRequest(_message.Message):
    __slots__ = ["max_trials", "request_id", "worker"]
    MAX_TRIALS_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    WORKER_FIELD_NUMBER: _ClassVar[int]
    max_trials: int
    request_id: str
    worker: str
    def __init__(self, worker: _Optional[str] = ..., request_id: _Optional[str] = ..., max_trials: _Optional[int] = ...) -> None: ...

class WorkerBoard(_message.Message):
    __slots__ = ["leased_trials", "ready_trials", "since_unix_ms", "slots", "utilization"]
    LEASED_TRIALS_FIELD_NUMBER: _ClassVar[int]
    READY_TRIALS_FIELD_NUMBER: _ClassVar[int]
    SINCE_UNIX_MS_FIELD_NUMBER: _ClassVar[int]
    SLOTS_FIELD_NUMBER: _ClassVar[int]
    UTILIZATION_FIELD_NUMBER: _ClassVar[int]
    leased_trials: int
    ready_trials: int
    since_unix_ms: int
    slots: _containers.RepeatedCompositeFieldContainer[WorkerSlotState]
    utilization: _containers.RepeatedCompositeFieldContainer[UtilizationSample]
    def __init__(self, slots: _Optional[_Iterable[_Union[WorkerSlotState, _Mapping]]] = ..., utilization: _Optional[_Iterable[_Union[UtilizationSample, _Mapping]]] = ..., ready_trials: _Optional[int] = ..., leased_trials: _Optional[int] = ..., since_unix_ms: _Optional[int] = ...) -> None: ...

class WorkerSlotState(_message.Message):
    __slots__ = ["attempts_failed", "lease_count", "leases", "node", "trials_trained", "waiting", "worker"]
    ATTEMPTS_FAILED_FIELD_NUMBER: _ClassVar[int]
    LEASES_FIELD_NUMBER: _ClassVar[int]
    LEASE_COUNT_FIELD_NUMBER: _ClassVar[int]
    NODE_FIELD_NUMBER: _ClassVar[int]
    TRIALS_TRAINED_FIELD_NUMBER: _ClassVar[int]
    WAITING_FIELD_NUMBER: _ClassVar[int]
    WORKER_FIELD_NUMBER: _ClassVar[int]
    attempts_failed: int
    lease_count: int
    leases: _containers.RepeatedCompositeFieldContainer[SlotLease]
    node: str
    trials_trained: int
    waiting: bool
    worker: str
    def __init__(self, worker: _Optional[str] = ..., node: _Optional[str] = ..., trials_trained: _Optional[int] = ..., attempts_failed: _Optional[int] = ..., waiting: bool = ..., leases: _Optional[_Iterable[_Union[SlotLease, _Mapping]]] = ..., lease_count: _Optional[int] = ...) -> None: ...

class TrialSort(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class TrialStatusFilter(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []
