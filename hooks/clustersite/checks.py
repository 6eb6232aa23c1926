"""Checks that need more than one record: unique ids, references, vocabulary, translations."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from . import rules
from .catalogue_words import required_entries
from .fields import Localized, check_link
from .model import Catalogue, EventsFile, NewsFile, OrganisationsFile, PlacesFile, ProjectFile
from .problems import Problem, Severity
from .site_data import SiteData
from .yaml_source import PathItem, Source, format_path

_MARKDOWN_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)|<([a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]+)>|href\s*=\s*[\"']?([^\"'\s>]+)")

# Which id lists in which records refer to which registry.
_REFERENCES: dict[str, tuple[str, str]] = {
    # field name -> (registry, what staff call it)
    "organisation": ("organisations", "organisation"),
    "participants": ("organisations", "organisation"),
    "organisations": ("organisations", "organisation"),
    "projects": ("projects", "project"),
    "place": ("places", "place"),
}
_VOCABULARY: dict[tuple[str, str], str] = {
    # (record kind, field) -> catalogue section in data/ui.yaml
    ("Event", "type"): "event_types",
    ("Organisation", "type"): "organisation_types",
}


def cross_file(site: SiteData, parsed: list[tuple[Source, BaseModel]], complete: dict[str, bool],
               docs_dir: Path) -> list[Problem]:
    """Every problem that needs more than one field to see.

    `complete` says which registries loaded without errors; references into a
    registry whose file failed are not checked, so one typo does not cascade.
    """
    problems: list[Problem] = []
    problems += duplicate_ids(parsed)
    if complete["catalogue"]:
        problems += missing_catalogue_entries(parsed)
    registries = {"organisations": site.organisations, "projects": site.projects, "places": site.places}
    for source, record in parsed:
        for path, owner, name, value in _walk(record, ()):
            if isinstance(value, BaseModel):
                problems += [_problem(source, (*path, f.field), f.message, expected=f.expected, found=f.found, hint=f.hint)
                             for f in rules.check(value)]
            if name in _REFERENCES and not isinstance(owner, (OrganisationsFile, PlacesFile)):
                registry = _REFERENCES[name][0]
                if complete[registry]:
                    problems += _check_reference(source, path, name, value, registries)
            vocabulary = _VOCABULARY.get((type(owner).__name__, name))
            if vocabulary and complete["catalogue"]:
                problems += _check_vocabulary(source, path, value, site.catalogue, vocabulary)
            if name == "file" and type(owner).__name__ == "Attachment" and not (docs_dir / value).is_file():
                problems.append(_problem(source, path, "the attached file does not exist",
                                         expected=f"a file at docs/{value}", found="no such file",
                                         hint="put the file under docs/ or correct the path; paths are relative to docs/"))
            if isinstance(value, Localized):
                problems += _check_text(source, path, value, site, strict=isinstance(record, Catalogue))
    return problems


def missing_catalogue_entries(parsed: list[tuple[Source, BaseModel]]) -> list[Problem]:
    """Every word and label the pages need must be in data/ui.yaml."""
    source, catalogue = next((s, r) for s, r in parsed if isinstance(r, Catalogue))
    problems = []
    for section, keys in required_entries().items():
        present = getattr(catalogue, section)
        for key in sorted(keys - set(present)):
            problems.append(_problem(
                source, (section,), f"the entry `{key}` is missing",
                expected=f"`{key}:` under `{section}:`, with its text in every language",
                found="no such entry", hint=f"add `{key}:` with lines for en, sr, bg and cs; the generated pages use it",
            ))
    return problems


def duplicate_ids(parsed: list[tuple[Source, BaseModel]]) -> list[Problem]:
    """The same id twice in one registry, within a file or across files."""
    seen: dict[tuple[str, str], tuple[Source, tuple[PathItem, ...]]] = {}
    problems = []
    for source, record in parsed:
        for kind, path, item in _records(record):
            if item is None:
                continue
            key = (kind, item.id)
            if key in seen:
                first_source, first_path = seen[key]
                line, _ = first_source.locate(first_path)
                problems.append(_problem(
                    source, (*path, "id"), f"the id `{item.id}` is already used",
                    expected=f"an id no other {kind.rstrip('s')} has",
                    found=f"`{item.id}`, also at {first_source.file}:{line} ({format_path(first_path)})",
                    hint="give one of them a different id, or remove the copy",
                ))
            else:
                seen[key] = (source, path)
    return problems


def _records(record: BaseModel) -> Iterator[tuple[str, tuple[PathItem, ...], Any]]:
    lists = {ProjectFile: "events", EventsFile: "events", OrganisationsFile: "organisations",
             PlacesFile: "places", NewsFile: "news"}
    if isinstance(record, ProjectFile):
        yield "projects", ("project",), getattr(record, "project", None)
    name = lists.get(type(record))
    if name:
        for i, item in enumerate(getattr(record, name, None) or []):
            yield name, (name, i), item


def _walk(value: Any, path: tuple[PathItem, ...], owner: Any = None, name: str = "") -> Iterator[tuple]:
    """Yield (path, owning record, field name, value) for every value in a record."""
    if isinstance(value, BaseModel):
        yield path, owner, name, value
        for field_name in type(value).model_fields:
            # getattr with a default: a salvaged part of a failed file may lack fields
            yield from _walk(getattr(value, field_name, None), (*path, field_name), value, field_name)
        return
    yield path, owner, name, value
    if isinstance(value, list):
        for i, item in enumerate(value):
            yield from _walk(item, (*path, i), owner, name)
    elif isinstance(value, dict) and not isinstance(value, Localized):
        for key, item in value.items():
            yield from _walk(item, (*path, key), owner, name)


def _check_reference(source: Source, path: tuple, name: str, value: Any, registries: dict) -> list[Problem]:
    if not isinstance(value, str) or value is None:
        return []
    registry, noun = _REFERENCES[name]
    known = registries[registry]
    if value in known:
        return []
    close = difflib.get_close_matches(value, list(known), n=1, cutoff=0.6)
    where = {"organisations": "data/organisations.yaml", "projects": "data/projects/", "places": "data/places.yaml"}[registry]
    return [_problem(
        source, path, f"there is no {noun} with the id `{value}`",
        expected=f"the id of {'an' if noun[0] in 'aeiou' else 'a'} {noun} in {where}", found=f"`{value}`",
        hint=f"did you mean `{close[0]}`?" if close else f"add the {noun} to {where}, or correct the id",
    )]


def _check_vocabulary(source: Source, path: tuple, value: Any, catalogue: Catalogue, section: str) -> list[Problem]:
    words = getattr(catalogue, section)
    if value in words:
        return []
    close = difflib.get_close_matches(value, list(words), n=1, cutoff=0.6)
    return [_problem(
        source, path, "this type is not in the list of types",
        expected=f"one of the `{section}` in data/ui.yaml: " + ", ".join(f"`{w}`" for w in words),
        found=f"`{value}`",
        hint=(f"did you mean `{close[0]}`?" if close
              else f"use one of the listed types, or add `{value}` with its labels under `{section}` in data/ui.yaml"),
    )]


def _check_text(source: Source, path: tuple, text: Localized, site: SiteData, *, strict: bool) -> list[Problem]:
    problems = []
    for language, content in text.items():
        if "](" not in content and "<" not in content and "href" not in content:
            continue  # no link in it: most texts, and the regex is the costly part
        for match in _MARKDOWN_LINK.finditer(content):
            target = next(group for group in match.groups() if group)
            try:
                check_link(target)
            except Exception:
                problems.append(_problem(source, (*path, language), "this text links to an address that is not allowed",
                                         expected="links starting with https://, http:// or mailto:, or relative links",
                                         found=f"`{target}`", hint="use the page's https:// address"))
    missing = [code for code in site.languages.codes if not text.get(code, "").strip()]
    if missing:
        names = ", ".join(f"`{code}`" for code in missing)
        problems.append(_problem(
            source, path, f"the text is not translated into {names}",
            expected=f"a line for each language: {', '.join(site.languages.codes)}",
            found="only " + ", ".join(f"`{code}`" for code in text if text[code].strip()),
            hint=("every word of the interface needs all languages" if strict
                  else "add the translation; until then visitors see the English text marked 'not yet translated'"),
            severity=Severity.ERROR if strict else Severity.WARNING,
            missing_languages=tuple(missing),
        ))
    return problems


def _problem(source: Source, path: tuple, message: str, **details: Any) -> Problem:
    line, column = source.locate(path)
    return Problem(source.file, line, column, format_path(path), message, **details)
