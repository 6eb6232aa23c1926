"""A checker of JSON-LD blocks against the schema.org vocabulary (tests/schemaorg/, release 30.0).

    problems(block) -> ["Event.startDate: ...", ...]

Each node's @type must be a class of the vocabulary, each of its properties must
list that class (or a class it descends from) in its domain, and each value must
fit the property's range: a node of a class in the range (or below it), an
enumeration member of a class in the range, or a literal where the range has a
data type. A Role (such as OrganizationRole) may stand for any value, carrying the
property it qualifies, as schema.org's Role pattern allows. Superseded terms fail.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

VOCABULARY = Path(__file__).resolve().parent / "schemaorg" / "schemaorg-current-https.jsonld"
PREFIX = "https://schema.org/"
_DATE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z)$")
_LITERALS = {"Text", "URL", "Date", "DateTime", "Time", "Number", "Integer", "Float", "Boolean", "DataType"}


def _ids(value: Any) -> set[str]:
    items = value if isinstance(value, list) else [value] if value else []
    return {item["@id"].removeprefix("schema:") for item in items if item["@id"].startswith("schema:")}


@dataclass(frozen=True)
class Vocabulary:
    parents: dict[str, set[str]]  # class -> direct superclasses
    domains: dict[str, set[str]]  # property -> classes it belongs to
    ranges: dict[str, set[str]]  # property -> classes and data types of its values
    members: dict[str, str]  # enumeration member -> its enumeration class
    superseded: set[str]

    def ancestors(self, name: str) -> set[str]:
        found, todo = {name}, [name]
        while todo:
            for parent in self.parents.get(todo.pop(), ()):
                if parent not in found:
                    found.add(parent)
                    todo.append(parent)
        return found


@cache
def vocabulary() -> Vocabulary:
    graph = json.loads(VOCABULARY.read_text(encoding="utf-8"))["@graph"]
    parents, domains, ranges, members, superseded = {}, {}, {}, {}, set()
    for node in graph:
        name = node["@id"].removeprefix("schema:")
        types = set(node["@type"] if isinstance(node["@type"], list) else [node["@type"]])
        if "schema:supersededBy" in node:
            superseded.add(name)
        if "rdfs:Class" in types:
            parents[name] = _ids(node.get("rdfs:subClassOf"))
        if "rdf:Property" in types:
            domains[name] = _ids(node.get("schema:domainIncludes"))
            ranges[name] = _ids(node.get("schema:rangeIncludes"))
        enumeration = {t.removeprefix("schema:") for t in types if t.startswith("schema:")} - {"DataType"}
        if enumeration and "rdfs:Class" not in types:
            members[name] = next(iter(enumeration))
    return Vocabulary(parents, domains, ranges, members, superseded)


def problems(node: dict[str, Any], where: str = "") -> list[str]:
    """Every way a node (and the nodes inside it) departs from the vocabulary."""
    vocab = vocabulary()
    kind = node.get("@type")
    if kind not in vocab.parents or kind in vocab.superseded:
        return [f"{where}@type: `{kind}` is not a current schema.org class"]
    lineage = vocab.ancestors(kind)
    found = []
    for key, value in node.items():
        if key.startswith("@"):
            continue
        here = f"{where}{kind}.{key}"
        if key not in vocab.domains or key in vocab.superseded:
            found.append(f"{here}: no such schema.org property")
        elif not (vocab.domains[key] & lineage):
            found.append(f"{here}: not a property of {kind}")
        else:
            for item in value if isinstance(value, list) else [value]:
                found += _value_problems(key, item, here)
    return found


def _value_problems(key: str, value: Any, here: str) -> list[str]:
    vocab = vocabulary()
    allowed = vocab.ranges[key]
    if isinstance(value, dict):
        kind = value.get("@type", "")
        lineage = vocab.ancestors(kind)
        if "Role" in lineage:  # the Role pattern: the role carries the property it qualifies
            inner = value.get(key)
            return problems({k: v for k, v in value.items() if k != key}, f"{here} (role)") + (
                _value_problems(key, inner, here) if inner is not None else [f"{here}: the role has no `{key}`"])
        if not (lineage & allowed):
            return [f"{here}: a {kind} is not among {sorted(allowed)}"]
        return problems(value, f"{here} > ")
    if isinstance(value, str) and value.startswith(PREFIX) and value.removeprefix(PREFIX) in vocab.members:
        member = value.removeprefix(PREFIX)
        if not (vocab.ancestors(vocab.members[member]) & allowed):
            return [f"{here}: {member} is not among {sorted(allowed)}"]
        return []
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return [f"{here}: {value!r} is not a JSON-LD value"]
    literal = {name for name in allowed for ancestor in vocab.ancestors(name) if ancestor in _LITERALS}
    if not literal:
        return [f"{here}: a literal where {sorted(allowed)} is expected"]
    if isinstance(value, str) and literal <= {"Date", "DateTime"}:
        if not (_DATE.match(value) or _DATETIME.match(value)):
            return [f"{here}: `{value}` is not an ISO 8601 date, or a date and time with its UTC offset"]
    return []


def event_requirements(event: dict[str, Any]) -> list[str]:
    """What search engines require of an Event: a name, a day, a location and the attendance mode."""
    found = [f"Event.{key}: missing" for key in ("name", "startDate", "location", "eventAttendanceMode") if key not in event]
    for key in ("startDate", "endDate"):
        value = event.get(key, "")
        if value and not re.match(r"^\d{4}-\d{2}-\d{2}", value):
            found.append(f"Event.{key}: `{value}` has no day")
        if "T" in value and not _DATETIME.match(value):
            found.append(f"Event.{key}: `{value}` has a time without its UTC offset")
    return found
