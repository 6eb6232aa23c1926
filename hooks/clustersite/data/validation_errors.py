"""Turn the model's validation errors into problems that name file, line, key and fix."""

from __future__ import annotations

import difflib
import types
import typing
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from .problems import Problem, quoted
from .value_types import ID_PATTERN, id_error
from .yaml_reader import PathItem, Source, format_path

_EXPECTED_BY_TYPE = {
    "string_type": "text",
    "dict_type": "a block of `key: value` lines",
    "model_type": "a block of `key: value` lines",
    "model_attributes_type": "a block of `key: value` lines",
    "list_type": "a list, one item per line starting with `- `",
    "int_parsing": "a whole number, such as `24`",
    "int_type": "a whole number, such as `24`",
    "decimal_parsing": "a number, such as `93.96`",
    "decimal_type": "a number, such as `93.96`",
    "bool_parsing": "`true` or `false`",
    "bool_type": "`true` or `false`",
}


def validate_file(model: type[BaseModel], source: Source, context: dict[str, Any]) -> tuple[BaseModel | None, list[Problem]]:
    """Validate one parsed file against its model; every error becomes a worded problem.

    On errors the record returned holds only the valid parts (see `_salvage`).
    """
    if not isinstance(source.data, dict):
        line, column = source.locate(())
        return None, [
            Problem(
                source.file, line, column, "", "the file does not start with a block of keys",
                expected=f"keys such as {', '.join(f'`{k}:`' for k in model.model_fields)}",
                found=quoted(source.data), hint="compare the file with one that works, such as a file next to it",
            )
        ]
    try:
        return model.model_validate(source.data, context=context), []
    except ValidationError as exc:
        problems = [_problem(model, source, error) for error in exc.errors(include_url=False)]
        return _salvage(model, source.data, context), problems


def _salvage(model: type[BaseModel], data: dict[str, Any], context: dict[str, Any]) -> BaseModel:
    """The parts of a failed file that are valid, so that later checks still see them.

    A failed list item becomes None, which keeps the positions of the others
    (and so the `events[7]` paths in later messages) right. Callers skip None.
    """
    values: dict[str, Any] = {}
    for name, field in model.model_fields.items():
        if name not in data:
            continue
        annotation = field.annotation
        if typing.get_origin(annotation) is list and isinstance(data[name], list):
            adapter = TypeAdapter(typing.get_args(annotation)[0])
            values[name] = [_valid_or_none(adapter, item, context) for item in data[name]]
        else:
            values[name] = _valid_or_none(TypeAdapter(annotation), data[name], context)
    return model.model_construct(**values)


def _valid_or_none(adapter: TypeAdapter, value: Any, context: dict[str, Any]) -> Any:
    try:
        return adapter.validate_python(value, context=context)
    except ValidationError:
        return None


def _problem(model: type[BaseModel], source: Source, error: Any) -> Problem:
    loc: tuple[PathItem, ...] = tuple(item for item in error["loc"] if not _is_union_tag(item))
    kind: str = error["type"]
    ctx: dict[str, Any] = error.get("ctx") or {}
    found_value = error.get("input")
    if ctx.get("field"):
        loc = (*loc, ctx["field"])
    if ctx.get("key"):
        loc = (*loc, ctx["key"])
    at_key = kind == "extra_forbidden" or bool(ctx.get("key"))
    line, column = source.locate(loc, at_key=at_key)
    path = format_path(loc)
    found = ctx.get("found_text") or (quoted(found_value) if found_value is not None else "")
    if ctx.get("key"):
        found = f"`{ctx['key']}`"

    if kind == "extra_forbidden":
        key = str(loc[-1])
        allowed = list(_fields_at(model, loc[:-1]))
        close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
        return Problem(
            source.file, line, column, path, f"unknown key `{key}`",
            expected="one of " + ", ".join(f"`{name}`" for name in allowed),
            found=f"`{key}`",
            hint=f"did you mean `{close[0]}`?" if close else "remove the key, or check its spelling and indentation",
        )
    if kind == "missing":
        key = str(loc[-1])
        return Problem(
            source.file, line, column, path, f"the required key `{key}` is missing",
            expected=f"a line `{key}: ...` in this block", found="no such line",
            hint=f"add `{key}:` with its value, indented like the other keys of this block",
        )
    if kind == "string_pattern_mismatch" and ctx.get("pattern") == ID_PATTERN:
        worded = id_error(str(found_value))
        ctx = {**ctx, **(worded.context or {})}
        error = {**error, "msg": worded.message()}
    if "expected" in ctx and "hint" in ctx:
        return Problem(source.file, line, column, path, error["msg"], expected=ctx["expected"], found=found, hint=ctx["hint"])
    if kind == "literal_error":
        return Problem(
            source.file, line, column, path, "this value is not one of the allowed words",
            expected=f"one of {ctx.get('expected', '')}", found=found, hint="use one of the listed words, in lower case",
        )
    if kind in ("too_short",) and isinstance(found_value, list):
        return Problem(
            source.file, line, column, path, "this list is empty", expected="at least one item",
            found="no items", hint="add at least one item, each on a line starting with `- `",
        )
    if kind in ("greater_than", "less_than_equal", "greater_than_equal", "less_than"):
        return Problem(
            source.file, line, column, path, "this number is out of range",
            expected=error["msg"].replace("Input should be ", "a number "), found=found,
            hint="check the number",
        )
    if kind == "string_too_long":
        limit = ctx.get("max_length")
        return Problem(
            source.file, line, column, path, "this value is too long",
            expected=f"at most {limit:,} characters" if isinstance(limit, int) else "a shorter value",
            found=f"{len(found_value):,} characters" if isinstance(found_value, str) else found,
            hint="shorten it" + ("; an id is part of the page's address, a few words are enough" if path.endswith("id") else
                                 "; long texts belong in `body`, split into paragraphs"),
        )
    if kind == "string_pattern_mismatch" and path.endswith("currency"):
        return Problem(
            source.file, line, column, path, "this is not a currency code",
            expected="a three-letter ISO 4217 code in capitals, such as `EUR`", found=found, hint="write `EUR` for euro",
        )
    expected = _EXPECTED_BY_TYPE.get(kind, error["msg"])
    hint = "check the value and its indentation"
    if kind == "decimal_parsing" and isinstance(found_value, str) and "," in found_value:
        hint = f"write decimals with a point and no thousands separator: `{_decimal_suggestion(found_value)}`"
    elif kind == "string_type" and isinstance(found_value, (dict, list)):
        hint = "write the text on the same line after the colon, or check the indentation"
    elif kind in ("dict_type", "model_type") and isinstance(found_value, str):
        hint = "put the keys of this block on the following lines, indented by two more spaces"
    elif kind == "list_type":
        hint = "start each item on its own line with `- `"
    return Problem(source.file, line, column, path, "this value has the wrong form", expected=expected, found=found, hint=hint)


def _decimal_suggestion(text: str) -> str:
    cleaned = text.replace(" ", "").replace("\u00a0", "").replace(".", "").replace(",", ".")
    try:
        return f"{Decimal(cleaned):f}"
    except ArithmeticError:
        return cleaned


def _is_union_tag(item: PathItem) -> bool:
    return isinstance(item, str) and (item.startswith("function-") or item in {"Day", "Localized"})


def _fields_at(model: type[BaseModel], loc: tuple[PathItem, ...]) -> dict[str, Any]:
    """The keys allowed at `loc`: the fields of the model found by walking the annotations."""
    current: Any = model
    for item in loc:
        current = _unwrap(current)
        if isinstance(item, int):
            args = typing.get_args(current)
            current = args[0] if args else current
        elif isinstance(current, type) and issubclass(current, BaseModel) and item in current.model_fields:
            current = current.model_fields[item].annotation
        elif typing.get_origin(current) is dict:
            current = typing.get_args(current)[1]
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return dict(current.model_fields)
    return {}


def _unwrap(annotation: Any) -> Any:
    """`list[X] | None` -> `list[X]`; Annotated[X, ...] -> X."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            options = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = options[0]
        else:
            return annotation
