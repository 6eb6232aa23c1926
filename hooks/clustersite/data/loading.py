"""Load data/: read each file, validate it, check the files against each other.

    load_site(data_dir, languages, words=...) -> (SiteData | None, Problems)

A site is returned only when there are no errors, so a build never publishes
half-correct pages. Every problem of the run is collected, not just the first.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from . import cross_file_checks, image_facts
from .model import Catalogue, EventsFile, NewsFile, OrganisationsFile, PlacesFile, ProjectFile, SiteFile
from .parsed_file import ParsedFile
from .problems import Problem, Problems, display_path
from .reporting_model import ReportingFile
from .results_model import ResultsFile
from .site_data import Languages, SiteData
from .validation_errors import validate_file
from .validation_notes import Seen, validation_context
from .yaml_reader import Source, YamlError, load, load_exact

# File name (relative to data/) -> the model it holds. Projects: one file each.
SINGLE_FILES: dict[str, type[BaseModel]] = {
    "site.yaml": SiteFile,
    "ui.yaml": Catalogue,
    "places.yaml": PlacesFile,
    "organisations.yaml": OrganisationsFile,
    "events.yaml": EventsFile,
    "news.yaml": NewsFile,
    "reporting.yaml": ReportingFile,  # optional: without it, reports name activities by the site's event types
    "results.yaml": ResultsFile,
}
REQUIRED_FILES = ("site.yaml", "ui.yaml", "places.yaml", "organisations.yaml")
PROJECTS_DIR = "projects"


def data_files(data_dir: Path) -> list[tuple[Path, type[BaseModel]]]:
    """Every data file with its model, in a stable order."""
    files = [(data_dir / name, model) for name, model in SINGLE_FILES.items() if (data_dir / name).exists()]
    files += [(path, ProjectFile) for path in sorted((data_dir / PROJECTS_DIR).glob("*.yaml"))]
    return files


def load_site(data_dir: Path, languages: Languages, root: Path | None = None, *,
              words: frozenset[str] = frozenset()) -> tuple[SiteData | None, Problems]:
    """Read, validate and cross-check data/; the site only if nothing is wrong.

    `words` are the keys that data/ui.yaml's `words:` must hold: the pages stage
    names them (`pages.catalogue_words.required_words()`), so that a deleted word
    is a message here rather than a template error later.
    """
    root = root or data_dir.parent
    problems = Problems()
    context = validation_context(languages.written, languages.default, optional=languages.overrides)

    for name in REQUIRED_FILES:
        if not (data_dir / name).exists():
            problems.add(Problem(display_path(data_dir / name, root), None, None, "", "this file is missing",
                                 expected="the file, with its data", found="no file",
                                 hint="restore it from version control"))
    problems.extend(_stray_files(data_dir, root))

    failed: set[str] = set()
    with _collector_paused():
        parsed = _read_and_validate(data_dir, root, context, problems, failed)
        site = _assemble(parsed, languages)
        complete = {
            "organisations": "OrganisationsFile" not in failed,
            "places": "PlacesFile" not in failed,
            "projects": "ProjectFile" not in failed,
            "catalogue": "Catalogue" not in failed and site.catalogue is not None,
        }
        problems.extend(cross_file_checks.cross_file(site, parsed, complete, data_dir.parent / "docs", words))
    if problems.errors:
        return None, problems
    docs_dir = data_dir.parent / "docs"
    site.file_sizes = {r.file: (docs_dir / r.file).stat().st_size for r in site.results.values() if r.file}
    site.images = image_facts.facts_of(docs_dir, site.image_files())
    return site, problems


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while files load, then set the data aside.

    Loading creates millions of small objects that all stay alive; the collector
    would scan them again and again (half of the time for 10,000 events) and find
    nothing to free. Afterwards `gc.freeze` moves them out of its sight, so that
    neither the first collection after loading nor those during the build scan
    them again. Reference counting still frees them when a new load replaces them.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def _read_and_validate(data_dir: Path, root: Path, context: dict, problems: Problems, failed: set[str]) -> list[ParsedFile]:
    """Each file read and validated, in a stable order.

    The YAML parser lets go of the interpreter while it parses, so a second thread
    reads the next files while this one validates: on two cores the two overlap.
    """
    files = data_files(data_dir)
    parsed: list[ParsedFile] = []
    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="read-data") as pool:
        readings = list(pool.map(_read, [(path, display_path(path, root)) for path, _model in files]))
        for (_path, model), reading in zip(files, readings, strict=True):
            try:
                if isinstance(reading, YamlError):
                    raise reading
                file, found = _validated(model, reading, context)
            except YamlError as exc:
                problems.add(exc.problem)
                failed.add(model.__name__)
                continue
            problems.extend(found)
            if found:
                failed.add(model.__name__)
            if file is not None:
                parsed.append(file)
    return parsed


def _read(file: tuple[Path, str]) -> Source | YamlError:
    try:
        return load(*file)
    except YamlError as exc:  # returned, not raised, so the files after it are still read
        return exc


def _validated(model: type[BaseModel], source: Source, context: dict) -> tuple[ParsedFile | None, list[Problem]]:
    """Validate the fast reader's data; on any problem, read the file exactly and validate that.

    The fast reader turns `0123` or `true` into numbers and booleans where the
    model wants text; the model then finds a problem, and the exact reading has
    the text as typed. Real problems are reported from the exact reading, with
    the same wording and positions as always.
    """
    seen = Seen()
    record, found = validate_file(model, source, {**context, "seen": seen})
    if found and not source.exact:
        source, seen = load_exact(source), Seen()
        record, found = validate_file(model, source, {**context, "seen": seen})
    return (ParsedFile(source, record, seen, valid=not found) if record is not None else None), found


def _stray_files(data_dir: Path, root: Path) -> list[Problem]:
    known = set(SINGLE_FILES)
    stray = []
    for path in sorted(data_dir.rglob("*")):
        relative = path.relative_to(data_dir).as_posix()
        if path.is_dir() or relative in known or (relative.startswith(f"{PROJECTS_DIR}/") and path.suffix == ".yaml"):
            continue
        if path.suffix in (".yml", ".yaml") or path.name.endswith((".yaml.txt", ".yml.txt")):
            hint = "rename it to end in `.yaml`" if path.suffix == ".yml" else "move it to data/projects/ if it is a project"
            stray.append(Problem(display_path(path, root), None, None, "", "this file is not read by the site",
                                 expected=", ".join(f"data/{k}" for k in known) + ", or data/projects/<id>.yaml",
                                 found=relative, hint=hint))
    return stray


def _assemble(parsed: list[ParsedFile], languages: Languages) -> SiteData:
    """Put the records that did validate together, each found by id.

    An event in a project's file belongs to that project, and to those it lists
    (`SiteData.projects_of`). Records of files that failed are
    missing; the caller returns the site only when nothing failed.
    """
    pieces: dict[str, Any] = {"places": {}, "organisations": {}, "projects": {}, "events": {}, "news": {}, "results": {}}
    site_file = catalogue = reporting = None
    event_projects: dict[str, tuple[str, ...]] = {}  # an event in a project's file belongs to that project first
    sources: dict[str, str] = {}  # `events/<id>`, `projects/<id>` -> the data file that holds the record

    def keep(kind: str, records: list[Any]) -> None:
        for record in records:
            # None is an invalid part of a file that failed (already reported). A duplicate id
            # keeps the first record; cross_file_checks.duplicate_ids reports the second.
            if record is not None:
                pieces[kind].setdefault(record.id, record)

    for file in parsed:
        record = file.record
        if isinstance(record, SiteFile):
            site_file = record
        elif isinstance(record, Catalogue):
            catalogue = record
        elif isinstance(record, ReportingFile):
            reporting = record
        # getattr: a salvaged part of a failed file may lack a field whose value was wrong.
        elif isinstance(record, PlacesFile):
            keep("places", getattr(record, "places", None) or [])
        elif isinstance(record, OrganisationsFile):
            keep("organisations", getattr(record, "organisations", None) or [])
        elif isinstance(record, NewsFile):
            keep("news", getattr(record, "news", None) or [])
        elif isinstance(record, ResultsFile):
            keep("results", getattr(record, "results", None) or [])
        elif isinstance(record, (ProjectFile, EventsFile)):
            project = getattr(record, "project", None)
            keep("projects", [project])
            owner = (project.id,) if project is not None else ()
            events = [event for event in getattr(record, "events", None) or [] if event is not None]
            keep("events", events)
            for event in events:
                event_projects.setdefault(event.id, tuple(dict.fromkeys((*owner, *event.projects))))
            sources.update({f"events/{event.id}": file.source.file for event in events})
            if project is not None:
                sources[f"projects/{project.id}"] = file.source.file
    # site_file and catalogue are None only when their file failed, which is an error already.
    return SiteData(languages=languages, site=site_file, catalogue=catalogue, event_projects=event_projects,
                    sources=sources, reporting=reporting, **pieces)
