"""`clustersite new`: turn a copy of this repository into the site of one new project.

    clustersite new --acronym ALPFOOD --title "Alpine Food Network" --programme "Interreg Alpine Space" \\
        --start 2026-01-01 --end 2028-12-31 --languages en,sr,bg,cs --site-name "Alpine Food Network"

Asks for what is missing when run in a terminal. Removes the example projects,
organisations, places, events, news and results; keeps the words of the interface
(data/ui.yaml) and the funding wording; turns the home, legal, privacy and
accessibility pages into templates with `[FILL IN: ...]` placeholders. Refuses to run
where data/ or docs/ differ from the example this repository ships (see
example_files.txt), unless --force is given.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from babel import Locale, UnknownLocaleError

from ..data.placeholders import find_placeholders
from .making import EXAMPLE_FILES, changed_files, example_digests, example_record, make_site

ASKED = {  # option -> the question asked in a terminal
    "acronym": "The project's acronym (such as ALPFOOD)",
    "title": "The project's full title, in the first language",
    "programme": "The funding programme (such as Interreg Alpine Space)",
    "start": "The project's start date (YYYY-MM-DD)",
    "end": "The project's end date (YYYY-MM-DD)",
    "languages": "The site's languages, the default first (such as en,sr,bg,cs)",
    "site_name": "The site's name",
}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="clustersite new", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    for option, question in ASKED.items():
        parser.add_argument(f"--{option.replace('_', '-')}", help=question)
    parser.add_argument("--force", action="store_true", help="run even where data/ or docs/ were changed (they are replaced)")
    parser.add_argument("--config", default="mkdocs.yml", help="path to mkdocs.yml (default: ./mkdocs.yml)")
    parser.add_argument("--record-example", action="store_true", help=argparse.SUPPRESS)  # maintainers: after changing the example
    args = parser.parse_args(argv)
    root = Path(args.config).resolve().parent
    if args.record_example:
        EXAMPLE_FILES.write_text(example_record(root), encoding="utf-8")
        print(f"recorded {len(example_digests(root))} example files")
        return 0
    changed = changed_files(root)
    if changed and not args.force:
        listed = "\n".join(f"    {name}" for name in changed[:10]) + ("\n    ..." if len(changed) > 10 else "")
        print(f"error: this copy's data/ and docs/ are not the example any more; `clustersite new` would replace them.\n"
              f"  changed since the example:\n{listed}\n"
              f"  hint: run it in a fresh copy of the template, or add --force to replace them anyway.", file=sys.stderr)
        return 1
    answers = {option: getattr(args, option) for option in ASKED}
    if any(value is None for value in answers.values()):
        if not sys.stdin.isatty():
            missing = ", ".join(f"--{o.replace('_', '-')}" for o, v in answers.items() if v is None)
            print(f"error: missing {missing}; give them as options, or run the command in a terminal to be asked.", file=sys.stderr)
            return 2
        answers = {option: value if value is not None else _ask(ASKED[option]) for option, value in answers.items()}
    try:
        settings = Settings.read(answers)
    except ValueError as problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    make_site(root, settings)
    left = find_placeholders(root)
    print(f"Made the site of {settings.acronym} in {', '.join(settings.languages)}.\n"
          f"Next: fill in the {len(left)} placeholders (`clustersite validate` lists them), add the partners to\n"
          f"data/organisations.yaml and data/projects/{settings.project_id}.yaml, then preview with `mkdocs serve`.")
    return 0


def _ask(question: str) -> str:
    return input(f"{question}: ").strip()


@dataclass(frozen=True)
class Settings:
    """The answers, checked."""

    acronym: str
    project_id: str
    title: str
    programme: str
    start: date
    end: date
    languages: list[str]  # locale codes, the default first; sr brings sr-cyrl
    names: dict[str, str]  # each language's name in itself, for the switcher
    english: dict[str, str]  # each language's name in English, for placeholders
    site_name: str

    @classmethod
    def read(cls, answers: dict[str, str]) -> Settings:
        acronym = answers["acronym"].strip()
        project_id = re.sub(r"[^a-z0-9]+", "-", acronym.lower()).strip("-")
        if not project_id:
            raise ValueError("--acronym: give the project's acronym, in letters and digits, such as ALPFOOD")
        for option in ("title", "programme", "site_name"):
            if not answers[option].strip():
                raise ValueError(f"--{option.replace('_', '-')}: this cannot be empty")
        start, end = (_day(answers[key], key) for key in ("start", "end"))
        if end < start:
            raise ValueError(f"--end {end} is before --start {start}; check whether they are swapped")
        languages = [code.strip() for code in answers["languages"].split(",") if code.strip()]
        names = {code: _language_name(code) for code in languages}
        english = {code: _language_name(code, "en") for code in languages}
        if len(set(languages)) != len(languages) or not languages:
            raise ValueError("--languages: list each language once, the default first, such as en,sr,bg,cs")
        if "sr" in languages and "sr-cyrl" not in languages:
            languages.insert(languages.index("sr") + 1, "sr-cyrl")  # Serbian brings its Cyrillic edition, made from it
            names["sr-cyrl"], english["sr-cyrl"] = "Српски (ћирилица)", "Serbian (Cyrillic)"
        return cls(acronym=acronym, project_id=project_id, title=answers["title"].strip(), programme=answers["programme"].strip(),
                   start=start, end=end, languages=languages, names=names, english=english, site_name=answers["site_name"].strip())


def _day(text: str, option: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"--{option} {text!r} is not a date; write it year first, such as 2026-01-31") from None


def _language_name(code: str, language: str | None = None) -> str:
    """The language's name in itself (de -> Deutsch), or in `language`, from CLDR."""
    try:
        locale = Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        raise ValueError(f"--languages: `{code}` is not a language code CLDR knows; use codes such as en, de, sr, cs") from None
    name = locale.get_display_name(language or locale) or code
    return name[:1].upper() + name[1:]
