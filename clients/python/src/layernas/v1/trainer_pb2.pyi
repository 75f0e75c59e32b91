from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class LayerChoice(_message.Message):
    __slots__ = ["layer", "option"]
    LAYER_FIELD_NUMBER: _ClassVar[int]
    OPTION_FIELD_NUMBER: _ClassVar[int]
    layer: str
    option: str
    def __init__(self, layer: _Optional[str] = ..., option: _Optional[str] = ...) -> None: ...

class TrainBudget(_message.Message):
    __slots__ = ["epochs", "seed", "train_examples"]
    EPOCHS_FIELD_NUMBER: _ClassVar[int]
    SEED_FIELD_NUMBER: _ClassVar[int]
    TRAIN_EXAMPLES_FIELD_NUMBER: _ClassVar[int]
    epochs: int
    seed: int
    train_examples: int
    def __init__(self, epochs: _Optional[int] = ..., train_examples: _Optional[int] = ..., seed: _Optional[int] = ...) -> None: ...

class TrainRequest(_message.Message):
    __slots__ = ["architecture", "attempt", "budget", "settings", "trial_id"]
    class SettingsEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ARCHITECTURE_FIELD_NUMBER: _ClassVar[int]
    ATTEMPT_FIELD_NUMBER: _ClassVar[int]
    BUDGET_FIELD_NUMBER: _ClassVar[int]
    SETTINGS_FIELD_NUMBER: _ClassVar[int]
    TRIAL_ID_FIELD_NUMBER: _ClassVar[int]
    architecture: _containers.RepeatedCompositeFieldContainer[LayerChoice]
    attempt: int
    budget: TrainBudget
    settings: _containers.ScalarMap[str, str]
    trial_id: TrialId
    def __init__(self, trial_id: _Optional[_Union[TrialId, _Mapping]] = ..., attempt: _Optional[int] = ..., architecture: _Optional[_Iterable[_Union[LayerChoice, _Mapping]]] = ..., settings: _Optional[_Mapping[str, str]] = ..., budget: _Optional[_Union[TrainBudget, _Mapping]] = ...) -> None: ...

class TrainResponse(_message.Message):
    __slots__ = ["costs", "error", "metrics", "reward", "trial_id"]
    class CostsEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: float
        def __init__(self, key: _Optional[str] = ..., value: _Optional[float] = ...) -> None: ...
    class MetricsEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: float
        def __init__(self, key: _Optional[str] = ..., value: _Optional[float] = ...) -> None: ...
    COSTS_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    METRICS_FIELD_NUMBER: _ClassVar[int]
    REWARD_FIELD_NUMBER: _ClassVar[int]
    TRIAL_ID_FIELD_NUMBER: _ClassVar[int]
    costs: _containers.ScalarMap[str, float]
    error: str
    metrics: _containers.ScalarMap[str, float]
    reward: float
    trial_id: TrialId
    def __init__(self, trial_id: _Optional[_Union[TrialId, _Mapping]] = ..., reward: _Optional[float] = ..., metrics: _Optional[_Mapping[str, float]] = ..., costs: _Optional[_Mapping[str, float]] = ..., error: _Optional[str] = ...) -> None: ...

class TrialId(_message.Message):
    __slots__ = ["search_id", "trial_number"]
    SEARCH_ID_FIELD_NUMBER: _ClassVar[int]
    TRIAL_NUMBER_FIELD_NUMBER: _ClassVar[int]
    search_id: str
    trial_number: int
    def __init__(self, search_id: _Optional[str] = ..., trial_number: _Optional[int] = ...) -> None: ...
