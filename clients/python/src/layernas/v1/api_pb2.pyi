from layernas.v1 import messages_pb2 as _messages_pb2
from layernas.v1 import results_pb2 as _results_pb2
from layernas.v1 import spec_pb2 as _spec_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class CancelRequest(_message.Message):
    __slots__ = ["reason", "search_id"]
    REASON_FIELD_NUMBER: _ClassVar[int]
    SEARCH_ID_FIELD_NUMBER: _ClassVar[int]
    reason: str
    search_id: str
    def __init__(self, search_id: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class CancelResponse(_message.Message):
    __slots__ = ["already_ended", "search_id"]
    ALREADY_ENDED_FIELD_NUMBER: _ClassVar[int]
    SEARCH_ID_FIELD_NUMBER: _ClassVar[int]
    already_ended: bool
    search_id: str
    def __init__(self, search_id: _Optional[str] = ..., already_ended: bool = ...) -> None: ...

class GetRequest(_message.Message):
    __slots__ = ["search_id"]
    SEARCH_ID_FIELD_NUMBER: _ClassVar[int]
    search_id: str
    def __init__(self, search_id: _Optional[str] = ...) -> None: ...

class ListRequest(_message.Message):
    __slots__ = []
    def __init__(self) -> None: ...

class ListResponse(_message.Message):
    __slots__ = ["searches"]
    SEARCHES_FIELD_NUMBER: _ClassVar[int]
    searches: _containers.RepeatedCompositeFieldContainer[_messages_pb2.SearchStatus]
    def __init__(self, searches: _Optional[_Iterable[_Union[_messages_pb2.SearchStatus, _Mapping]]] = ...) -> None: ...

class ResultRequest(_message.Message):
    __slots__ = ["search_id"]
    SEARCH_ID_FIELD_NUMBER: _ClassVar[int]
    search_id: str
    def __init__(self, search_id: _Optional[str] = ...) -> None: ...

class SubmitRequest(_message.Message):
    __slots__ = ["search_id", "spec"]
    SEARCH_ID_FIELD_NUMBER: _ClassVar[int]
    SPEC_FIELD_NUMBER: _ClassVar[int]
    search_id: str
    spec: _spec_pb2.SearchSpec
    def __init__(self, spec: _Optional[_Union[_spec_pb2.SearchSpec, _Mapping]] = ..., search_id: _Optional[str] = ...) -> None: ...

class SubmitResponse(_message.Message):
    __slots__ = ["existing", "finished", "search_id"]
    EXISTING_FIELD_NUMBER: _ClassVar[int]
    FINISHED_FIELD_NUMBER: _ClassVar[int]
    SEARCH_ID_FIELD_NUMBER: _ClassVar[int]
    existing: bool
    finished: bool
    search_id: str
    def __init__(self, search_id: _Optional[str] = ..., existing: bool = ..., finished: bool = ...) -> None: ...

class WatchEvent(_message.Message):
    __slots__ = ["progress", "result"]
    PROGRESS_FIELD_NUMBER: _ClassVar[int]
    RESULT_FIELD_NUMBER: _ClassVar[int]
    progress: _messages_pb2.SearchProgressUpdate
    result: _results_pb2.SearchResult
    def __init__(self, progress: _Optional[_Union[_messages_pb2.SearchProgressUpdate, _Mapping]] = ..., result: _Optional[_Union[_results_pb2.SearchResult, _Mapping]] = ...) -> None: ...

class WatchRequest(_message.Message):
    __slots__ = ["search_id"]
    SEARCH_ID_FIELD_NUMBER: _ClassVar[int]
    search_id: str
    def __init__(self, search_id: _Optional[str] = ...) -> None: ...
