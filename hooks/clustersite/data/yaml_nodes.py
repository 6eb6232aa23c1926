"""PyYAML's node tree as plain data, every scalar kept as typed; the errors reading YAML raises.

Used by yaml_source's exact reader. Besides keeping `NO` and `08:30` as text,
it refuses what YAML allows but these files must not hold (see Converter).
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from .limits import MAX_ALIAS_NODES, MAX_DEPTH
from .problems import Problem

PathItem = str | int
NULLS = {"", "~", "null", "Null", "NULL"}
_CONTROL_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
_NULL_TAG = "tag:yaml.org,2002:null"
# The tags YAML gives plain values by itself; any other tag was written on purpose (`!foo`, `!!binary`).
_PLAIN_TAGS = frozenset(f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq"))


class YamlError(Exception):
    """A file that cannot be read as YAML; carries the problem to report."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


class Converter:
    """PyYAML's node tree as plain data, every scalar as typed, with YAML's traps refused at their line.

    An alias (*name) is the node of its anchor again: a file of a few lines can
    expand to billions of values, or contain itself. Every value reached again
    through an alias is counted against MAX_ALIAS_NODES, and a block that
    contains itself is refused, as are blocks nested deeper than MAX_DEPTH,
    tags (`!foo`) and control characters written as escapes.
    """

    def __init__(self, shown: str, problems: list[Problem], *, aliases: bool = True):
        self.shown, self.problems, self.aliases = shown, problems, aliases
        self.seen: set[int] = set()
        self.open: set[int] = set()  # the blocks being converted: the path from the top to here
        self.repeated = 0

    def refuse(self, node: yaml.Node, path: tuple[PathItem, ...], message: str, **details: str) -> YamlError:
        return YamlError(Problem(self.shown, node.start_mark.line + 1, node.start_mark.column + 1,
                                 format_path(path), message, **details))

    def convert(self, node: yaml.Node | None, path: tuple[PathItem, ...]) -> Any:
        if node is None:
            return None
        if self.aliases:  # only a file with an alias can reach a node twice
            if id(node) in self.seen:
                self.repeated += 1
                if self.repeated > MAX_ALIAS_NODES:
                    raise self.refuse(node, path, "aliases (*name) here repeat too many values",
                                      expected=f"at most {MAX_ALIAS_NODES:,} values repeated through aliases in one file",
                                      found="more", hint="write the values out, or use fewer aliases")
            self.seen.add(id(node))
        if node.tag not in _PLAIN_TAGS:
            raise self.refuse(node, path, f"the YAML tag `{node.tag.replace('tag:yaml.org,2002:', '!!')}` is not used in these files",
                              expected="a plain value", found=f"a value marked `{node.tag.replace('tag:yaml.org,2002:', '!!')}`",
                              hint="remove the tag (the word starting with `!`); put the value in quotes if it starts with `!`")
        if isinstance(node, yaml.ScalarNode):
            # `~` and `null` are nothing, not the text "~" (libyaml marks plain values with style '', not None).
            if (node.style is None and node.value in NULLS) or (node.tag == _NULL_TAG and node.value):
                return None
            if node.style == '"' and (control := _CONTROL_TEXT.search(node.value)):
                raise self.refuse(node, path, "the text contains an invisible control character",
                                  expected="text without control characters", found=f"the escape for U+{ord(control.group()):04X}",
                                  hint="remove the escape (a backslash followed by letters or digits) from the quoted text")
            return node.value
        if id(node) in self.open:
            raise self.refuse(node, path, "an alias (*name) refers to the block that contains it",
                              expected="an alias to a block defined before, outside it", found="a block inside itself",
                              hint="write the values out instead of the alias")
        if len(path) >= MAX_DEPTH:
            raise self.refuse(node, path, "the data is nested too deeply", expected=f"at most {MAX_DEPTH} levels of blocks",
                              found="more", hint="check the indentation; the data model needs only a few levels")
        if not self.aliases:
            return self._block(node, path)
        self.open.add(id(node))
        try:
            return self._block(node, path)
        finally:
            self.open.discard(id(node))

    def _block(self, node: yaml.Node, path: tuple[PathItem, ...]) -> Any:
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, (*path, i)) for i, item in enumerate(node.value)]
        return self._mapping(node, path)

    def _mapping(self, node: yaml.MappingNode, path: tuple[PathItem, ...]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.value)
            if key in result:
                self.problems.append(
                    Problem(
                        self.shown, key_node.start_mark.line + 1, key_node.start_mark.column + 1,
                        format_path((*path, key)),
                        f"the key `{key}` is written twice in the same block",
                        hint="keep one of them; YAML would silently use only the last",
                    )
                )
            result[key] = self.convert(value_node, (*path, key))
        return result


def format_path(path: tuple[PathItem, ...]) -> str:
    """`events[3].end` from ('events', 3, 'end')."""
    out = ""
    for item in path:
        if isinstance(item, int):
            out += f"[{item}]"
        else:
            out += f".{item}" if out else str(item)
    return out
