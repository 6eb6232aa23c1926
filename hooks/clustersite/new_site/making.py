"""What `clustersite new` writes, and how it knows a copy still holds the example (example_files.txt)."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.config import load_config

from ..data.placeholders import placeholder
from ..mkdocs_layer import i18n_languages
from . import file_edits as edit
from .config_edits import rewrite_config

if TYPE_CHECKING:
    from .command import Settings

EXAMPLE_FILES = Path(__file__).with_name("example_files.txt")
DATA_HEADERS = {
    "events.yaml": "Events that belong to no project on this site (a project's events go in its own file).",
    "news.yaml": "News items, newest shown first: id, date, title and summary in each language.",
    "organisations.yaml": "Every organisation a project, event or news item names, listed once.",
    "places.yaml": "Cities where events take place or organisations sit, named in each language.",
}
KEPT_DATA = ("ui.yaml", "site.yaml", "reporting.yaml")  # configuration: the interface words, the funding wording, report categories
STAFF_PAGES = ("legal", "privacy", "accessibility")


def example_digests(root: Path) -> dict[str, str]:
    """sha256 of each YAML file under data/ and Markdown page under docs/."""
    paths = [p for folder in ("data", "docs") for p in (root / folder).rglob("*") if p.suffix in (".yaml", ".md") and p.is_file()]
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(paths)}


def example_record(root: Path) -> str:
    lines = [f"{digest}  {name}" for name, digest in example_digests(root).items()]
    return ("# The example site's data/ and docs/ files, as this repository ships them (sha256).\n"
            "# `clustersite new` refuses to replace files that differ from these. After changing the example,\n"
            "# record it again: clustersite new --record-example\n" + "\n".join(lines) + "\n")


def changed_files(root: Path) -> list[str]:
    """The data/ and docs/ files that differ from the recorded example (changed, added or removed)."""
    recorded = {}
    for line in EXAMPLE_FILES.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            digest, name = line.split("  ", 1)
            recorded[name] = digest
    current = example_digests(root)
    return sorted(name for name in recorded.keys() | current.keys() if recorded.get(name) != current.get(name))


def make_site(root: Path, s: Settings) -> None:
    """Rewrite data/, docs/ and mkdocs.yml for the project in `s`."""
    old = i18n_languages.from_mkdocs(load_config(str(root / "mkdocs.yml")))
    written = [code for code in s.languages if code != "sr-cyrl"]
    keys = written + (["sr-Cyrl"] if "sr-cyrl" in s.languages else [])
    names = {code: s.english[code] for code in written}  # placeholders speak English: "the title in German"
    data, docs = root / "data", root / "docs"

    for path in (data / "projects").glob("*.yaml"):
        path.unlink()
    (data / "projects").mkdir(exist_ok=True)
    (data / "projects" / f"{s.project_id}.yaml").write_text(project_file(s, written, names), encoding="utf-8")
    for path in sorted(data.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        if path.name in KEPT_DATA:
            text = edit.retarget_languages(text, old.written + old.overrides, keys, names, old.default)
            text = re.sub(r"^(\s*keep_in_latin:)\n(?:\s+- .*\n)+", r"\1 []\n", text, flags=re.M)
            text = edit.fill_in(text, "hero", "the home page's title, and the project's aim in one line")
        else:
            text = edit.empty_records(text, DATA_HEADERS.get(path.name, "Nothing here yet."))
        path.write_text(text, encoding="utf-8")

    config = root / "mkdocs.yml"
    config.write_text(rewrite_config(config.read_text(encoding="utf-8"), site_name=s.site_name, languages=s.languages,
                                     names=s.names, site_names={}), encoding="utf-8")
    _pages(docs, s, written, old.default, old.codes)


def _page_path(docs: Path, page: str, code: str, default: str) -> Path:
    return docs / (f"{page}.md" if code == default else f"{page}.{code}.md")


def _pages(docs: Path, s: Settings, written: list[str], old_default: str, old_codes: tuple[str, ...]) -> None:
    """The home page per language; legal, privacy and accessibility pages as templates; dropped languages' pages removed."""
    default = written[0]
    templates = {}
    for page in STAFF_PAGES:
        source = _page_path(docs, page, old_default, old_default)
        if source.exists():
            templates[page] = _template(page, source.read_text(encoding="utf-8"))
    previous = {code: {page: _page_path(docs, page, code, old_default) for page in STAFF_PAGES} for code in old_codes}
    texts = {code: {page: path.read_text(encoding="utf-8") for page, path in pages.items() if path.exists()}
             for code, pages in previous.items()}
    for path in docs.glob("*.md"):
        if path.stem.split(".")[0] in (*STAFF_PAGES, "index"):
            path.unlink()
    for code in written:
        name = None if code == default else s.english[code]
        _page_path(docs, "index", code, default).write_text(edit.home_page(s.site_name, name), encoding="utf-8")
        for page, template in templates.items():
            own = texts.get(code, {}).get(page)
            if own is not None:
                text = _template(page, own)
            else:
                text = f"{placeholder(f'this page in {s.english[code]}: translate the text below')}\n\n{template}"
            _page_path(docs, page, code, default).write_text(text, encoding="utf-8")


def _template(page: str, text: str) -> str:
    """A staff page with what only the new project knows replaced by placeholders (headings stay translated)."""
    if page == "legal":
        return edit.replace_last_section(text, placeholder("who publishes this site: name, address, registration number, "
                                                           "and an e-mail address for questions"))
    if page == "accessibility":  # its sections vary; staff check the whole statement, its date above all
        title, _, rest = text.partition("\n")
        note = placeholder("check this statement for your site: the date it was prepared, and what is not yet accessible")
        return f"{title}\n\n{note}\n{rest}"
    return edit.append_paragraph(text, placeholder("who answers questions about personal data on this site, "
                                                   "with an e-mail address"))


def project_file(s: Settings, written: list[str], names: dict[str, str]) -> str:
    """data/projects/<id>.yaml for the new project: its facts, and placeholders for the texts to write."""
    def texts(given: str | None, what: str) -> str:
        lines = []
        for i, code in enumerate(written):
            value = given if (i == 0 and given) else placeholder(f"{what} in {names[code]}")
            lines.append(f"    {code}: {edit.quoted(value)}\n")
        return "".join(lines)

    return (
        "# yaml-language-server: $schema=../../schemas/project-file.schema.json\n#\n"
        "# The project: its facts, its consortium and its events. List each partner in\n"
        "# data/organisations.yaml, then add it under `consortium:`, for example\n"
        "#   consortium:\n#     - {organisation: my-cluster, role: coordinator}\n"
        "# Events go under `events:`, one per meeting, training or conference.\n"
        f"project:\n  id: {s.project_id}\n  acronym: {edit.quoted(s.acronym)}\n"
        f"  title:\n{texts(s.title, 'the title')}"
        f"  programme:\n{texts(s.programme, 'the programme')}"
        f"  start: {s.start.isoformat()}\n  end: {s.end.isoformat()}\n"
        f"  summary:\n{texts(None, 'one sentence on what the project does')}"
        "  consortium: []\n\nevents: []\n"
    )
