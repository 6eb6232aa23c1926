"""Read a YAML file into plain Python data, keeping where each value was written.

Staff write YAML by hand, so YAML 1.1's implicit types are a trap: `NO` (Norway)
would become `False`, `08:30` the number 510 and `0123` the number 83. Here every
scalar stays the text that was typed; the model decides what type a field is.

Two readers share that promise:

- `load` is the fast one (yaml-rs, a Rust YAML 1.2 parser, about six times
  faster than libyaml here), when it is installed; without it, `load` reads
  exactly (benchmarks/RESULTS.md has the cost). YAML 1.2 already keeps `NO`, `yes` and `08:30` as
  text; it does turn `0123`, `1.50` and `true` into numbers and booleans, so its
  result is only kept when the model accepts it (see `fast_values_ok`).
- `load_exact` is PyYAML's composer with every scalar kept as typed. It is used
  for any file the fast reader rejects or whose validation finds a problem, so
  every message, with its line and column, comes from the same reader as before.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

try:  # the fast reader is optional (`pip install 'clustersite[fast]'`); without it every file is read exactly
    import yaml_rs
except ImportError:  # pragma: no cover - depends on what was installed
    yaml_rs = None

from .problems import Problem

try:  # libyaml is an order of magnitude faster; pure Python is a fallback.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

_NULLS = {"", "~", "null", "Null", "NULL"}
PathItem = str | int


@dataclass
class Source:
    """One parsed file: its data, and its text for finding lines when a message needs them.

    `exact` is False when the data came from the fast reader, whose numbers and
    booleans the model must accept or the file is read again with `load_exact`.
    """

    file: str
    data: Any
    raw: bytes  # the file's bytes, without a byte-order mark
    exact: bool = True
    _root: yaml.Node | None = field(default=None, repr=False)

    @cached_property
    def text(self) -> str:
        # Decoded only when a message needs a line, or the file is read exactly:
        # the fast reader takes the bytes as they are.
        return _decode(self.raw, self.file)

    @property
    def root(self) -> yaml.Node | None:
        # The node tree is parsed again only for files with problems: keeping every file's tree
        # in memory would double what a large data set costs to load.
        if self._root is None and self.text.strip():
            try:
                self._root = yaml.compose(self.text, Loader=_Loader)
            except yaml.YAMLError:  # read by the fast reader only; its messages then go without a line
                return None
        return self._root

    def locate(self, path: tuple[PathItem, ...], *, at_key: bool = False) -> tuple[int | None, int | None]:
        """Line and column (1-based) of the value at `path`, or of the nearest parent that exists."""
        node = self.root
        if node is None:
            return None, None
        mark = node.start_mark
        for i, item in enumerate(path):
            last = i == len(path) - 1
            if isinstance(node, yaml.MappingNode):
                for key, value in node.value:
                    if key.value == item:
                        mark = key.start_mark if (last and at_key) else value.start_mark
                        node = value
                        break
                else:
                    break
            elif isinstance(node, yaml.SequenceNode) and isinstance(item, int) and item < len(node.value):
                node = node.value[item]
                mark = node.start_mark
            else:
                break
        return mark.line + 1, mark.column + 1


class YamlError(Exception):
    """A file that cannot be read as YAML; carries the problem to report."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


def read_bytes(path: Path) -> bytes:
    """The file's bytes, without the byte-order mark some editors write first."""
    raw = path.read_bytes()
    return raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw


def _decode(raw: bytes, shown: str) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise YamlError(
            Problem(
                shown, line, column, "",
                "the file is not saved as UTF-8 text",
                expected="UTF-8 text",
                found=f"the byte 0x{raw[exc.start]:02X}, which is not UTF-8",
                hint="in your editor choose 'Save with encoding' and pick UTF-8",
            )
        ) from None


def load(path: Path, shown: str) -> Source:
    """Parse one YAML file quickly; raise YamlError with a worded problem if it cannot be read.

    Whatever the fast parser rejects (broken YAML, a key written twice, bytes that
    are not UTF-8) is read again by the exact reader, which words the problem.
    """
    raw = read_bytes(path)
    _refuse_empty(raw, shown)
    if yaml_rs is None:
        return _parse_exact(raw, shown)
    try:
        # encoder_errors="strict": by default yaml-rs would replace bytes that are not UTF-8.
        data = yaml_rs.load(raw, parse_datetime=False, encoder_errors="strict",
                            duplicate_key_policy=yaml_rs.DuplicateKeyPolicy.Error)
    except (yaml_rs.YAMLDecodeError, ValueError, RecursionError):
        return _parse_exact(raw, shown)
    if not isinstance(data, dict):  # every data file is a block of keys; anything else is worded exactly
        return _parse_exact(raw, shown)
    return Source(shown, data, raw, exact=False)


def load_exact(source: Source) -> Source:
    """The same file read again with every scalar kept exactly as typed."""
    return source if source.exact else _parse_exact(source.raw, source.file)


def _refuse_empty(raw: bytes, shown: str) -> None:
    if not raw.strip():
        raise YamlError(
            Problem(
                shown, None, None, "", "the file is empty",
                expected="YAML data, for example `organisations:` followed by a list",
                found="an empty file",
                hint="restore the file from version control, or delete it if it is not needed",
            )
        )


def _parse_exact(raw: bytes, shown: str) -> Source:
    text = _decode(raw, shown)
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        raise YamlError(_syntax_problem(exc, shown, text)) from None
    duplicates: list[Problem] = []
    data = _to_python(root, shown, (), duplicates)
    if duplicates:
        raise YamlError(duplicates[0])
    source = Source(shown, data, raw, _root=root)
    source.text = text  # already decoded: saves the cached property a second decoding
    return source


def _to_python(node: yaml.Node | None, shown: str, path: tuple[PathItem, ...], problems: list[Problem]) -> Any:
    if node is None:
        return None
    if isinstance(node, yaml.ScalarNode):
        if node.style is None and node.value in _NULLS:
            return None
        return node.value
    if isinstance(node, yaml.SequenceNode):
        return [_to_python(item, shown, (*path, i), problems) for i, item in enumerate(node.value)]
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.value)
        if key in result:
            problems.append(
                Problem(
                    shown, key_node.start_mark.line + 1, key_node.start_mark.column + 1,
                    format_path((*path, key)),
                    f"the key `{key}` is written twice in the same block",
                    hint="keep one of them; YAML would silently use only the last",
                )
            )
        result[key] = _to_python(value_node, shown, (*path, key), problems)
    return result


def _syntax_problem(exc: yaml.MarkedYAMLError, shown: str, text: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else None
    column = mark.column + 1 if mark else None
    problem = exc.problem or ""
    context = exc.context or ""
    if "'\\t'" in problem or "\t" in problem or _tab_on_line(text, line):
        return Problem(
            shown, line, column, "", "a tab character is used for indentation",
            expected="spaces at the start of the line",
            found="a tab",
            hint="replace the tab with spaces (YAML does not allow tabs for indentation)",
        )
    if "quoted scalar" in context and exc.context_mark is not None:
        start = exc.context_mark
        return Problem(
            shown, start.line + 1, start.column + 1, "", "a quoted text is opened but never closed",
            expected="a closing quote at the end of the text",
            found=f"a quote here and no matching one before {'the end of the file' if 'end of stream' in problem else 'the next key'}",
            hint="add the missing closing quote, or remove the opening one",
        )
    return Problem(
        shown, line, column, "", f"the YAML structure is broken here: {problem or context}",
        expected="`key: value` lines, with list items starting with `- ` and consistent indentation",
        found=_line(text, line),
        hint="check the indentation and that each key is followed by a colon and a space",
    )


def _tab_on_line(text: str, line: int | None) -> bool:
    content = _line(text, line)
    return "\t" in content[: len(content) - len(content.lstrip())]


def _line(text: str, line: int | None) -> str:
    lines = text.splitlines()
    if line is None or not 1 <= line <= len(lines):
        return ""
    return lines[line - 1]


def format_path(path: tuple[PathItem, ...]) -> str:
    """`events[3].end` from ('events', 3, 'end')."""
    out = ""
    for item in path:
        if isinstance(item, int):
            out += f"[{item}]"
        else:
            out += f".{item}" if out else str(item)
    return out
