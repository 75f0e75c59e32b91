from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class AdditiveCost(_message.Message):
    __slots__ = []
    def __init__(self) -> None: ...

class ConvMacsCost(_message.Message):
    __slots__ = ["classes", "image_size", "input_channels", "metric", "space"]
    CLASSES_FIELD_NUMBER: _ClassVar[int]
    IMAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    INPUT_CHANNELS_FIELD_NUMBER: _ClassVar[int]
    METRIC_FIELD_NUMBER: _ClassVar[int]
    SPACE_FIELD_NUMBER: _ClassVar[int]
    classes: int
    image_size: int
    input_channels: int
    metric: str
    space: str
    def __init__(self, space: _Optional[str] = ..., metric: _Optional[str] = ..., image_size: _Optional[int] = ..., input_channels: _Optional[int] = ..., classes: _Optional[int] = ...) -> None: ...

class CostModel(_message.Message):
    __slots__ = ["additive", "conv_macs", "table"]
    ADDITIVE_FIELD_NUMBER: _ClassVar[int]
    CONV_MACS_FIELD_NUMBER: _ClassVar[int]
    TABLE_FIELD_NUMBER: _ClassVar[int]
    additive: AdditiveCost
    conv_macs: ConvMacsCost
    table: TableCost
    def __init__(self, additive: _Optional[_Union[AdditiveCost, _Mapping]] = ..., table: _Optional[_Union[TableCost, _Mapping]] = ..., conv_macs: _Optional[_Union[ConvMacsCost, _Mapping]] = ...) -> None: ...

class EvolutionSettings(_message.Message):
    __slots__ = ["batch", "population", "sample_size"]
    BATCH_FIELD_NUMBER: _ClassVar[int]
    POPULATION_FIELD_NUMBER: _ClassVar[int]
    SAMPLE_SIZE_FIELD_NUMBER: _ClassVar[int]
    batch: int
    population: int
    sample_size: int
    def __init__(self, population: _Optional[int] = ..., sample_size: _Optional[int] = ..., batch: _Optional[int] = ...) -> None: ...

class GridSettings(_message.Message):
    __slots__ = []
    def __init__(self) -> None: ...

class Layer(_message.Message):
    __slots__ = ["default", "name", "options"]
    DEFAULT_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    default: str
    name: str
    options: _containers.RepeatedCompositeFieldContainer[LayerOption]
    def __init__(self, name: _Optional[str] = ..., options: _Optional[_Iterable[_Union[LayerOption, _Mapping]]] = ..., default: _Optional[str] = ...) -> None: ...

class LayerNasSettings(_message.Message):
    __slots__ = ["buckets", "completion", "first_pass", "keep_per_bucket", "leftover", "scheduling", "spacing"]
    BUCKETS_FIELD_NUMBER: _ClassVar[int]
    COMPLETION_FIELD_NUMBER: _ClassVar[int]
    FIRST_PASS_FIELD_NUMBER: _ClassVar[int]
    KEEP_PER_BUCKET_FIELD_NUMBER: _ClassVar[int]
    LEFTOVER_FIELD_NUMBER: _ClassVar[int]
    SCHEDULING_FIELD_NUMBER: _ClassVar[int]
    SPACING_FIELD_NUMBER: _ClassVar[int]
    buckets: int
    completion: str
    first_pass: str
    keep_per_bucket: int
    leftover: str
    scheduling: str
    spacing: str
    def __init__(self, buckets: _Optional[int] = ..., keep_per_bucket: _Optional[int] = ..., spacing: _Optional[str] = ..., completion: _Optional[str] = ..., scheduling: _Optional[str] = ..., first_pass: _Optional[str] = ..., leftover: _Optional[str] = ...) -> None: ...

class LayerOption(_message.Message):
    __slots__ = ["cost", "name"]
    COST_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    cost: float
    name: str
    def __init__(self, name: _Optional[str] = ..., cost: _Optional[float] = ...) -> None: ...

class PpoSettings(_message.Message):
    __slots__ = ["baseline_decay", "batch", "clip", "epochs", "learning_rate"]
    BASELINE_DECAY_FIELD_NUMBER: _ClassVar[int]
    BATCH_FIELD_NUMBER: _ClassVar[int]
    CLIP_FIELD_NUMBER: _ClassVar[int]
    EPOCHS_FIELD_NUMBER: _ClassVar[int]
    LEARNING_RATE_FIELD_NUMBER: _ClassVar[int]
    baseline_decay: float
    batch: int
    clip: float
    epochs: int
    learning_rate: float
    def __init__(self, learning_rate: _Optional[float] = ..., batch: _Optional[int] = ..., baseline_decay: _Optional[float] = ..., clip: _Optional[float] = ..., epochs: _Optional[int] = ...) -> None: ...

class ProcessTrainer(_message.Message):
    __slots__ = ["command", "env", "name", "settings", "working_directory"]
    class EnvEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    class SettingsEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    COMMAND_FIELD_NUMBER: _ClassVar[int]
    ENV_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    SETTINGS_FIELD_NUMBER: _ClassVar[int]
    WORKING_DIRECTORY_FIELD_NUMBER: _ClassVar[int]
    command: _containers.RepeatedScalarFieldContainer[str]
    env: _containers.ScalarMap[str, str]
    name: str
    settings: _containers.ScalarMap[str, str]
    working_directory: str
    def __init__(self, command: _Optional[_Iterable[str]] = ..., env: _Optional[_Mapping[str, str]] = ..., settings: _Optional[_Mapping[str, str]] = ..., working_directory: _Optional[str] = ..., name: _Optional[str] = ...) -> None: ...

class RandomSettings(_message.Message):
    __slots__ = []
    def __init__(self) -> None: ...

class ReinforceSettings(_message.Message):
    __slots__ = ["baseline_decay", "batch", "learning_rate"]
    BASELINE_DECAY_FIELD_NUMBER: _ClassVar[int]
    BATCH_FIELD_NUMBER: _ClassVar[int]
    LEARNING_RATE_FIELD_NUMBER: _ClassVar[int]
    baseline_decay: float
    batch: int
    learning_rate: float
    def __init__(self, learning_rate: _Optional[float] = ..., batch: _Optional[int] = ..., baseline_decay: _Optional[float] = ...) -> None: ...

class SearchSpec(_message.Message):
    __slots__ = ["cost", "layers", "name", "strategy", "target", "targets", "trainer", "trial_cache"]
    COST_FIELD_NUMBER: _ClassVar[int]
    LAYERS_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    STRATEGY_FIELD_NUMBER: _ClassVar[int]
    TARGETS_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    TRAINER_FIELD_NUMBER: _ClassVar[int]
    TRIAL_CACHE_FIELD_NUMBER: _ClassVar[int]
    cost: CostModel
    layers: _containers.RepeatedCompositeFieldContainer[Layer]
    name: str
    strategy: Strategy
    target: Target
    targets: _containers.RepeatedCompositeFieldContainer[Target]
    trainer: Trainer
    trial_cache: str
    def __init__(self, name: _Optional[str] = ..., layers: _Optional[_Iterable[_Union[Layer, _Mapping]]] = ..., cost: _Optional[_Union[CostModel, _Mapping]] = ..., target: _Optional[_Union[Target, _Mapping]] = ..., strategy: _Optional[_Union[Strategy, _Mapping]] = ..., trainer: _Optional[_Union[Trainer, _Mapping]] = ..., targets: _Optional[_Iterable[_Union[Target, _Mapping]]] = ..., trial_cache: _Optional[str] = ...) -> None: ...

class Strategy(_message.Message):
    __slots__ = ["evolution", "grid", "layernas", "max_trials", "ppo", "random", "reinforce", "seed"]
    EVOLUTION_FIELD_NUMBER: _ClassVar[int]
    GRID_FIELD_NUMBER: _ClassVar[int]
    LAYERNAS_FIELD_NUMBER: _ClassVar[int]
    MAX_TRIALS_FIELD_NUMBER: _ClassVar[int]
    PPO_FIELD_NUMBER: _ClassVar[int]
    RANDOM_FIELD_NUMBER: _ClassVar[int]
    REINFORCE_FIELD_NUMBER: _ClassVar[int]
    SEED_FIELD_NUMBER: _ClassVar[int]
    evolution: EvolutionSettings
    grid: GridSettings
    layernas: LayerNasSettings
    max_trials: int
    ppo: PpoSettings
    random: RandomSettings
    reinforce: ReinforceSettings
    seed: int
    def __init__(self, layernas: _Optional[_Union[LayerNasSettings, _Mapping]] = ..., random: _Optional[_Union[RandomSettings, _Mapping]] = ..., evolution: _Optional[_Union[EvolutionSettings, _Mapping]] = ..., reinforce: _Optional[_Union[ReinforceSettings, _Mapping]] = ..., grid: _Optional[_Union[GridSettings, _Mapping]] = ..., ppo: _Optional[_Union[PpoSettings, _Mapping]] = ..., seed: _Optional[int] = ..., max_trials: _Optional[int] = ...) -> None: ...

class SyntheticTrainer(_message.Message):
    __slots__ = ["interaction", "jitter", "seconds", "seconds_per_cost", "seed"]
    INTERACTION_FIELD_NUMBER: _ClassVar[int]
    JITTER_FIELD_NUMBER: _ClassVar[int]
    SECONDS_FIELD_NUMBER: _ClassVar[int]
    SECONDS_PER_COST_FIELD_NUMBER: _ClassVar[int]
    SEED_FIELD_NUMBER: _ClassVar[int]
    interaction: float
    jitter: float
    seconds: float
    seconds_per_cost: float
    seed: int
    def __init__(self, seed: _Optional[int] = ..., interaction: _Optional[float] = ..., seconds: _Optional[float] = ..., seconds_per_cost: _Optional[float] = ..., jitter: _Optional[float] = ...) -> None: ...

class TableCost(_message.Message):
    __slots__ = ["column", "key", "path"]
    COLUMN_FIELD_NUMBER: _ClassVar[int]
    KEY_FIELD_NUMBER: _ClassVar[int]
    PATH_FIELD_NUMBER: _ClassVar[int]
    column: str
    key: str
    path: str
    def __init__(self, path: _Optional[str] = ..., key: _Optional[str] = ..., column: _Optional[str] = ...) -> None: ...

class TabularTrainer(_message.Message):
    __slots__ = ["key", "metrics", "path", "reward"]
    KEY_FIELD_NUMBER: _ClassVar[int]
    METRICS_FIELD_NUMBER: _ClassVar[int]
    PATH_FIELD_NUMBER: _ClassVar[int]
    REWARD_FIELD_NUMBER: _ClassVar[int]
    key: str
    metrics: _containers.RepeatedScalarFieldContainer[str]
    path: str
    reward: str
    def __init__(self, path: _Optional[str] = ..., key: _Optional[str] = ..., reward: _Optional[str] = ..., metrics: _Optional[_Iterable[str]] = ...) -> None: ...

class Target(_message.Message):
    __slots__ = ["max", "min"]
    MAX_FIELD_NUMBER: _ClassVar[int]
    MIN_FIELD_NUMBER: _ClassVar[int]
    max: float
    min: float
    def __init__(self, min: _Optional[float] = ..., max: _Optional[float] = ...) -> None: ...

class Trainer(_message.Message):
    __slots__ = ["max_retries", "process", "synthetic", "tabular", "timeout_seconds"]
    MAX_RETRIES_FIELD_NUMBER: _ClassVar[int]
    PROCESS_FIELD_NUMBER: _ClassVar[int]
    SYNTHETIC_FIELD_NUMBER: _ClassVar[int]
    TABULAR_FIELD_NUMBER: _ClassVar[int]
    TIMEOUT_SECONDS_FIELD_NUMBER: _ClassVar[int]
    max_retries: int
    process: ProcessTrainer
    synthetic: SyntheticTrainer
    tabular: TabularTrainer
    timeout_seconds: float
    def __init__(self, synthetic: _Optional[_Union[SyntheticTrainer, _Mapping]] = ..., tabular: _Optional[_Union[TabularTrainer, _Mapping]] = ..., process: _Optional[_Union[ProcessTrainer, _Mapping]] = ..., timeout_seconds: _Optional[float] = ..., max_retries: _Optional[int] = ...) -> None: ...
