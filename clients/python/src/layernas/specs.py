"""Specs as the client sends them: read from a file, a dict or a SearchSpec, with relative paths made absolute."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Mapping, Union

from google.protobuf import json_format

from layernas.errors import SpecError
from layernas.v1.spec_pb2 import SearchSpec

SpecSource = Union[str, "os.PathLike[str]", Mapping[str, Any], SearchSpec]


def effective_spec(spec: SpecSource) -> SearchSpec:
    """The spec to submit: a path is read as `layernas submit` reads it (relative paths resolve against the file's
    folder); a dict (the proto3 JSON form of a spec file) or a SearchSpec resolves them against the working folder."""
    if isinstance(spec, SearchSpec):
        copy = SearchSpec()
        copy.CopyFrom(spec)
        return _resolved(copy, Path.cwd())
    if isinstance(spec, Mapping):
        return _resolved(_parse(spec, "the spec"), Path.cwd())
    if isinstance(spec, (str, os.PathLike)):
        return load_spec(spec)
    raise TypeError(f"a spec is a path, a dict or a SearchSpec, not {type(spec).__name__}")


def load_spec(path: str | os.PathLike[str]) -> SearchSpec:
    """Reads a spec file (the proto3 JSON of layernas.v1.SearchSpec) as `layernas submit` does: table paths and the
    process trainer's folder resolve against the file's folder, and an empty trainer folder is the file's folder."""
    file = Path(path).absolute()
    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SpecError(f"spec file not found: {path}") from None
    except (OSError, UnicodeDecodeError) as e:
        raise SpecError(f"cannot read spec file {path}: {e}") from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as e:
        raise SpecError(f"spec file {path}: malformed JSON at line {e.lineno}, column {e.colno}: {e.msg}") from None
    return _resolved(_parse(document, f"spec file {path}"), file.parent)


def _parse(document: Any, source: str) -> SearchSpec:
    """The spec of a JSON document; unknown fields are refused, as the command line refuses them."""
    spec = SearchSpec()
    try:
        json_format.ParseDict(document, spec)
    except json_format.ParseError as e:
        raise SpecError(f"{source}: {' '.join(str(e).split())}") from None
    return spec


def _resolved(spec: SearchSpec, folder: Path) -> SearchSpec:
    """Makes the spec's relative paths absolute against folder, so it means the same on every node."""
    if spec.cost.HasField("table"):
        spec.cost.table.path = _absolute(folder, spec.cost.table.path)
    if spec.trainer.HasField("tabular"):
        spec.trainer.tabular.path = _absolute(folder, spec.trainer.tabular.path)
    if spec.trainer.HasField("process") and spec.trainer.process.command:
        process = spec.trainer.process
        process.working_directory = str(folder) if not process.working_directory else _absolute(folder, process.working_directory)
    return spec


def _absolute(folder: Path, path: str) -> str:
    return path if not path or os.path.isabs(path) else os.path.normpath(folder / path)
