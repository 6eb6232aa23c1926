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

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

try:  # the fast reader is optional (`pip install 'clustersite[fast]'`); without it every file is read exactly
    import yaml_rs
except ImportError:  # pragma: no cover - depends on what was installed
    yaml_rs = None

from .limits import MAX_DEPTH, MAX_FILE_BYTES
from .problems import Problem
from .yaml_nodes import Converter, PathItem, YamlError, format_path

__all__ = ["PathItem", "Source", "YamlError", "format_path", "load", "load_exact", "read_bytes"]

try:  # libyaml is an order of magnitude faster; pure Python is a fallback.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

# Control characters a file may not hold (tab, line feed and carriage return are allowed): C0, DEL and C1.
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\xc2[\x80-\x9f]")
# What only the exact reader handles as these files mean it: aliases and anchors (*a, &a), tags (!foo, !!binary),
# escapes in double quotes (\x01), YAML 1.2 hexadecimal and octal numbers (0x1F), numbers too long for a float
# (16 digits or more), and `~` for "nothing".
_EXACT_ONLY = re.compile(
    rb"(?:^|[\s\[{,])[&*!][!<A-Za-z0-9_-]|\\[0abvfexuUN_LP]|(?:^|[\s:\[{,-])[-+]?0[xXoO][0-9a-fA-F]|[0-9]{16}|(?:^|[\s:\[{,])~\s*(?:$|[#,\]}])",
    re.MULTILINE,
)
_ALIAS = re.compile(rb"(?:^|[\s\[{,])\*[A-Za-z0-9_-]", re.MULTILINE)


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
    _refuse_size_and_controls(raw, shown)
    if yaml_rs is None or _EXACT_ONLY.search(raw):
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


def _refuse_size_and_controls(raw: bytes, shown: str) -> None:
    if len(raw) > MAX_FILE_BYTES:
        raise YamlError(Problem(
            shown, None, None, "", "the file is too large",
            expected=f"at most {MAX_FILE_BYTES // (1024 * 1024)} MB", found=f"{len(raw) / (1024 * 1024):.0f} MB",
            hint="split the data over several files (one per project), or check that nothing was pasted in by mistake",
        ))
    control = _CONTROL_BYTES.search(raw)
    if control:
        line = raw.count(b"\n", 0, control.start()) + 1
        column = len(raw[raw.rfind(b"\n", 0, control.start()) + 1: control.start()].decode("utf-8", "replace")) + 1
        code = ord(control.group().decode("utf-8", "replace")) if control.group()[0] == 0xC2 else control.group()[0]
        raise YamlError(Problem(
            shown, line, column, "", "the file contains an invisible control character",
            expected="text without control characters (tabs and line breaks are fine)", found=f"the character U+{code:04X}",
            hint="delete the character; it often comes with text pasted from another program",
        ))


def _parse_exact(raw: bytes, shown: str) -> Source:
    text = _decode(raw, shown)
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        raise YamlError(_syntax_problem(exc, shown, text)) from None
    except yaml.YAMLError as exc:  # a ReaderError: a character YAML does not allow
        raise YamlError(Problem(shown, None, None, "", f"the file cannot be read as YAML: {exc}",
                                hint="delete the character named, or save the file again as UTF-8 text")) from None
    duplicates: list[Problem] = []
    data = Converter(shown, duplicates, aliases=_ALIAS.search(raw) is not None).convert(root, ())
    if duplicates:
        raise YamlError(duplicates[0])
    source = Source(shown, data, raw, _root=root)
    source.text = text  # already decoded: saves the cached property a second decoding
    return source


def _syntax_problem(exc: yaml.MarkedYAMLError, shown: str, text: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else None
    column = mark.column + 1 if mark else None
    problem = exc.problem or ""
    context = exc.context or ""
    if "nesting depth" in problem:  # libyaml's own limit, met before MAX_DEPTH can be checked
        return Problem(shown, line, column, "", "the data is nested too deeply",
                       expected=f"at most {MAX_DEPTH} levels of blocks", found="more than a thousand",
                       hint="check the indentation and the brackets; the data model needs only a few levels")
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
