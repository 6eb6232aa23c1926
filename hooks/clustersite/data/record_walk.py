"""Walk a validated record to the values the cross-file checks look at.

    for step in walk(record): ...

Which fields of a model hold nested records, localized text or references
(fields marked `Refers`: ids, catalogue words, files) is read once per model
class from its annotations. The walk then visits only those fields, not every
value. It is the slow, thorough path: the checks use it for files in which a
quick look (see cross_file_checks.py) found something to report.
"""

from __future__ import annotations

import types
import typing
from enum import Enum
from functools import cache
from typing import Any

from pydantic import BaseModel

from .localized_text import Localized
from .validation_notes import Refers
from .yaml_reader import PathItem


class Kind(Enum):
    RECORD = "record"  # a nested model; its own rules apply
    TEXT = "text"  # localized text
    REFERENCE = "reference"  # a value of a field marked `Refers`


class Step(typing.NamedTuple):
    kind: Kind
    path: tuple[PathItem, ...]
    owner: BaseModel | None  # the record the field belongs to
    name: str  # the field's name
    value: Any
    to: str = ""  # for references: what they refer to (Refers.to)


# How a field's value is laid out: one item, a list of items, or a mapping to items.
_ONE, _LIST, _MAP = "one", "list", "map"


def walk(record: BaseModel, path: tuple[PathItem, ...] = ()) -> list[Step]:
    """The record itself, then every nested record, text and reference in it, in field order."""
    steps = [Step(Kind.RECORD, path, None, "", record)]
    _collect(record, path, steps)
    return steps


def _collect(record: BaseModel, path: tuple[PathItem, ...], steps: list[Step]) -> None:
    # A list filled by plain recursion: nested generators cost more than the checks themselves.
    for name, kind, layout, to in _plan(type(record)):
        # getattr with a default: a salvaged part of a failed file may lack fields.
        value = getattr(record, name, None)
        if value is None:
            continue
        if layout == _ONE:
            items: Any = (((*path, name), value),)
        elif layout == _LIST:
            items = [((*path, name, i), item) for i, item in enumerate(value)]
        else:
            items = [((*path, name, key), item) for key, item in value.items()]
        for item_path, item in items:
            if item is None:
                continue
            steps.append(Step(kind, item_path, record, name, item, to))
            if kind is Kind.RECORD:
                _collect(item, item_path, steps)


@cache
def _plan(model: type[BaseModel]) -> tuple[tuple[str, Kind, str, str], ...]:
    """(field, kind, layout, refers to) for each field of `model` the walk visits."""
    plan = []
    for name, info in model.model_fields.items():
        layout, item, marks = _layout(info.annotation, tuple(info.metadata))
        refers = next((mark.to for mark in marks if isinstance(mark, Refers)), "")
        if isinstance(item, type) and issubclass(item, BaseModel):
            plan.append((name, Kind.RECORD, layout, ""))
        elif item is Localized:
            plan.append((name, Kind.TEXT, layout, ""))
        elif refers:
            plan.append((name, Kind.REFERENCE, layout, refers))
    return tuple(plan)


def _layout(annotation: Any, marks: tuple[Any, ...]) -> tuple[str, Any, tuple[Any, ...]]:
    annotation, marks = _bare(annotation, marks)
    origin = typing.get_origin(annotation)
    if origin in (list, tuple):
        return (_LIST, *_bare(typing.get_args(annotation)[0], marks))
    if origin is dict:
        return (_MAP, *_bare(typing.get_args(annotation)[1], marks))
    return _ONE, annotation, marks


def _bare(annotation: Any, marks: tuple[Any, ...]) -> tuple[Any, tuple[Any, ...]]:
    """`Annotated[str, mark] | None` -> (str, marks)."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            marks = (*marks, *annotation.__metadata__)
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            options = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(options) != 1:
                return annotation, marks
            annotation = options[0]
        else:
            return annotation, marks
