"""Checks that need more than one record: unique ids, references, vocabulary, translations."""

from __future__ import annotations

import difflib
import typing
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from . import record_rules
from .image_facts import unreadable_picture
from .localized_text import Localized
from .markdown_links import address_problems
from .model import Catalogue, EventsFile, Label, Member, NewsFile, OrganisationsFile, PlacesFile, ProjectFile
from .parsed_file import ParsedFile
from .problems import Problem, Severity
from .record_walk import Kind, walk
from .results_model import ResultsFile
from .site_data import SiteData
from .validation_notes import Seen
from .yaml_reader import PathItem, Source, format_path
from .zone_checks import missing_zone_problems

# What a `Refers` mark points at, in the words staff use: Refers.to -> (noun, where it is defined).
_REGISTRIES: dict[str, tuple[str, str]] = {
    "organisations": ("organisation", "data/organisations.yaml"),
    "projects": ("project", "data/projects/"),
    "places": ("place", "data/places.yaml"),
}
_VOCABULARIES = ("event_types", "organisation_types", "audiences", "result_types")  # sections of data/ui.yaml
_DOCS = "docs"  # a file under docs/


@dataclass(frozen=True)
class _Lookups:
    """Where references are looked up; None for a registry whose file failed (no cascades)."""

    known: dict[str, Mapping[str, Any] | None]
    docs_dir: Path

    @classmethod
    def of(cls, site: SiteData, complete: dict[str, bool], docs_dir: Path) -> _Lookups:
        known: dict[str, Mapping[str, Any] | None] = {
            "organisations": site.organisations, "projects": site.projects, "places": site.places}
        known = {to: registry if complete[to] else None for to, registry in known.items()}
        for section in _VOCABULARIES:
            known[section] = getattr(site.catalogue, section) if complete["catalogue"] else None
        return cls(known, docs_dir)


def cross_file(site: SiteData, parsed: list[ParsedFile], complete: dict[str, bool], docs_dir: Path,
               words: frozenset[str] = frozenset()) -> list[Problem]:
    """Every problem that needs more than one field to see.

    `complete` says which registries loaded without errors; references into a
    registry whose file failed are not checked, so one typo does not cascade.

    Each valid file first gets a quick look at what its validation noted (`Seen`):
    set lookups and flat loops, no walk. Only a file in which that look finds
    something is walked record by record (`record_walk`), which words each
    problem with its path and line. Most files of a healthy site are not walked.
    `words` are the interface words the pages need from data/ui.yaml.
    """
    lookups = _Lookups.of(site, complete, docs_dir)
    problems: list[Problem] = []
    problems += duplicate_ids(parsed)
    if complete["catalogue"]:
        problems += missing_catalogue_entries(parsed, words)
    for file in parsed:
        if not file.valid or _worth_a_walk(file.seen, lookups):
            problems += _walk_file(file, site, lookups)
    problems += missing_zone_problems(site, parsed, places_complete=complete["places"])
    return problems


def _worth_a_walk(seen: Seen, lookups: _Lookups) -> bool:
    """Whether anything the file's validation noted could be a problem."""
    for to, values in seen.references.items():
        if to == _DOCS:
            if not all((lookups.docs_dir / value).is_file() and not unreadable_picture(lookups.docs_dir / value) for value in values):
                return True
        elif (known := lookups.known.get(to)) is not None and not known.keys() >= set(values):
            return True
    if seen.texts:
        return True
    return any(next(record_rules.check(record), None) for record in seen.records)


def _walk_file(file: ParsedFile, site: SiteData, lookups: _Lookups) -> list[Problem]:
    source, strict = file.source, isinstance(file.record, Catalogue)
    problems: list[Problem] = []
    for step in walk(file.record):
        path, value = step.path, step.value
        if step.kind is Kind.RECORD:
            problems += [_problem(source, (*path, *_keys(f.field)), f.message, expected=f.expected, found=f.found, hint=f.hint)
                         for f in record_rules.check(value)]
        elif step.kind is Kind.TEXT:
            problems += _check_text(source, path, value, site, strict=strict)
        elif step.to == _DOCS:
            if not (lookups.docs_dir / value).is_file():
                problems.append(_problem(source, path, "the attached file does not exist",
                                         expected=f"a file at docs/{value}", found="no such file",
                                         hint="put the file under docs/ or correct the path; paths are relative to docs/"))
            elif unreadable_picture(lookups.docs_dir / value):
                problems.append(_problem(source, path, "this picture cannot be read", expected="a PNG, JPEG or WebP file, "
                                         "or an SVG with a viewBox", found=f"docs/{value}, which is not one of these inside",
                                         hint="open the picture and save it again as PNG, JPEG or WebP"))
        elif (known := lookups.known.get(step.to)) is not None and value not in known:
            if step.to in _VOCABULARIES:
                problems += _unknown_word(source, path, value, known, step.to)
            else:
                problems += _unknown_reference(source, path, value, known, step.to)
    return problems


def _keys(field: str | tuple[str | int, ...]) -> tuple[str | int, ...]:
    return field if isinstance(field, tuple) else (field,)


def required_entries(words: frozenset[str]) -> dict[str, frozenset[str]]:
    """Catalogue section -> the keys it must have: the words given, and every role and label level the model allows."""
    return {
        "words": words,
        "roles": frozenset(typing.get_args(Member.model_fields["role"].annotation)),
        "label_levels": frozenset(typing.get_args(Label.model_fields["level"].annotation)),
    }


def missing_catalogue_entries(parsed: list[ParsedFile], words: frozenset[str]) -> list[Problem]:
    """Every word and label the pages need must be in data/ui.yaml."""
    source, catalogue = next((f.source, f.record) for f in parsed if isinstance(f.record, Catalogue))
    problems = []
    for section, keys in required_entries(words).items():
        present = getattr(catalogue, section)
        for key in sorted(keys - set(present)):
            problems.append(_problem(
                source, (section,), f"the entry `{key}` is missing",
                expected=f"`{key}:` under `{section}:`, with its text in every language",
                found="no such entry", hint=f"add `{key}:` with a line for each of the site's languages; the generated pages use it",
            ))
    return problems


# Ids that would name a page the site makes itself: each section's index, and events/types/.
RESERVED_IDS: dict[str, frozenset[str]] = {
    "events": frozenset({"index", "types"}), "projects": frozenset({"index"}),
    "organisations": frozenset({"index"}), "news": frozenset({"index"}),
}


def duplicate_ids(parsed: list[ParsedFile]) -> list[Problem]:
    """The same id twice in one registry, within a file or across files, and ids the site's own pages use."""
    seen: dict[tuple[str, str], tuple[Source, tuple[PathItem, ...]]] = {}
    problems = []
    for file in parsed:
        source = file.source
        for kind, path, item in _records(file.record):
            if item is None:
                continue
            key = (kind, item.id)
            if item.id in RESERVED_IDS.get(kind, ()):
                problems.append(_problem(
                    source, (*path, "id"), f"the id `{item.id}` is a name the site itself uses",
                    expected=f"an id other than {', '.join(f'`{name}`' for name in sorted(RESERVED_IDS[kind]))}",
                    found=f"`{item.id}`, whose page would replace the site's own {kind}/{item.id}/ page",
                    hint=f"choose a more specific id, such as `{item.id}-2026`",
                ))
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
             PlacesFile: "places", NewsFile: "news", ResultsFile: "results"}
    if isinstance(record, ProjectFile):
        yield "projects", ("project",), getattr(record, "project", None)
    name = lists.get(type(record))
    if name:
        for i, item in enumerate(getattr(record, name, None) or []):
            yield name, (name, i), item


def _unknown_reference(source: Source, path: tuple, value: str, known: Mapping[str, Any], to: str) -> list[Problem]:
    noun, where = _REGISTRIES[to]
    close = difflib.get_close_matches(value, list(known), n=1, cutoff=0.6)
    return [_problem(
        source, path, f"there is no {noun} with the id `{value}`",
        expected=f"the id of {'an' if noun[0] in 'aeiou' else 'a'} {noun} in {where}", found=f"`{value}`",
        hint=f"did you mean `{close[0]}`?" if close else f"add the {noun} to {where}, or correct the id",
    )]


def _unknown_word(source: Source, path: tuple, value: str, words: Mapping[str, Any], section: str) -> list[Problem]:
    close = difflib.get_close_matches(value, list(words), n=1, cutoff=0.6)
    return [_problem(
        source, path, "this type is not in the list of types",
        expected=f"one of the `{section}` in data/ui.yaml: " + ", ".join(f"`{w}`" for w in words),
        found=f"`{value}`",
        hint=(f"did you mean `{close[0]}`?" if close
              else f"use one of the listed types, or add `{value}` with its labels under `{section}` in data/ui.yaml"),
    )]


def _check_text(source: Source, path: tuple, text: Localized, site: SiteData, *, strict: bool) -> list[Problem]:
    codes = site.languages.written
    if not text.needs_a_look(len(codes)):
        return []
    problems = []
    for language, content in text.items():
        problems += [_problem(source, (*path, language), message, **details) for message, details, _ in address_problems(content)]
    missing = [code for code in codes if not text.get(code, "").strip()]
    if missing:
        names = ", ".join(f"`{code}`" for code in missing)
        problems.append(_problem(
            source, path, f"the text is not translated into {names}",
            expected=f"a line for each language: {', '.join(codes)}",
            found="only " + ", ".join(f"`{code}`" for code in text if text[code].strip()),
            hint=("every word of the interface needs all languages" if strict
                  else "add the translation; until then visitors see the English text marked 'not yet translated'"),
            severity=Severity.ERROR if strict else _untranslated_severity(site),
            missing_languages=tuple(missing),
        ))
    return problems


def _untranslated_severity(site: SiteData) -> Severity:
    """A text not yet translated: a note, or a warning where data/site.yaml says `translations: required`."""
    required = site.site is not None and site.site.translations == "required"
    return Severity.WARNING if required else Severity.NOTE


def _problem(source: Source, path: tuple, message: str, **details: Any) -> Problem:
    line, column = source.locate(path)
    return Problem(source.file, line, column, format_path(path), message, **details)
