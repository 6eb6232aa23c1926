"""Commands for staff: check data/ without building, report translations, write JSON Schemas.

    clustersite validate        every problem in data/ and docs/, with file and line, and each [FILL IN: ...] left
    clustersite translations    per language, the texts that are missing
    clustersite translations --add LANG
                                a LANG line in every entry of data/ui.yaml, marked for translation
    clustersite schema          write schemas/*.schema.json for editors
    clustersite new             turn a copy of this repository into a new project's site (see new_site.py)
    clustersite report          a project's activities for a periodic report (--help for its options)
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.exceptions import ConfigurationError, PluginError

from .data import add_language, placeholders
from .data.add_language import MARKER, marked_lines
from .data.docs_pages import untranslated_pages
from .data.json_schemas import write_schemas
from .data.loading import load_site
from .mkdocs_layer import i18n_languages, page_guard, report_command
from .new_site import command
from .pages.catalogue_words import required_words


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["new"]:
        return command.main(argv[1:])
    if argv[:1] == ["report"]:
        return report_command.main(argv[1:])
    parser = argparse.ArgumentParser(prog="clustersite", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["validate", "translations", "schema", "report"])
    parser.add_argument("--config", default="mkdocs.yml", help="path to mkdocs.yml (default: ./mkdocs.yml)")
    parser.add_argument("--publishing", action="store_true", help="validate: also fail while a [FILL IN: ...] placeholder is left")
    parser.add_argument("--add", metavar="LANG", help="with `translations`: add LANG to every entry of data/ui.yaml, to translate")
    args = parser.parse_args(argv)
    config_path = Path(args.config).resolve()
    root = config_path.parent
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    try:
        languages = i18n_languages.from_mkdocs(load_config(str(config_path)))
    except (ConfigurationError, PluginError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.command == "schema":
        for path in write_schemas(root / "schemas", languages):
            print(f"wrote {path.relative_to(root)}")
        return 0
    if args.command == "translations" and args.add:
        return add_language.command(root, args.add, languages)
    site, problems = load_site(root / "data", languages, root, words=required_words())
    if args.command == "validate":
        in_docs = page_guard.docs_problems(load_config(str(config_path)))
        print("\n".join([problems.report(), *map(str, in_docs), *([f"{len(in_docs)} error(s) in docs/."] if in_docs else [])]))
        left = placeholders.find_placeholders(root)
        if left:
            print(placeholders.report(left, publishing=args.publishing))
        return 1 if problems.errors or in_docs or (args.publishing and left) else 0
    return translations(problems, languages.written, root / "data" / "ui.yaml", untranslated_pages(root / "docs", languages))


def translations(problems, codes: tuple[str, ...], ui_file: Path | None = None, pages: dict | None = None) -> int:
    """Print, for each language, the texts that lack it (file:line and key path), then the pages of docs/ that do."""
    by_language: dict[str, list] = {code: [] for code in codes}
    for problem in problems.untranslated:
        for code in problem.missing_languages:
            by_language[code].append(problem)
    for code, missing in by_language.items():
        marked = marked_lines(ui_file, code) if ui_file is not None and ui_file.exists() else 0
        untranslated = (pages or {}).get(code, [])
        print(f"{code}: {len(missing) + len(untranslated)} missing"
              + (f", {marked} in data/ui.yaml marked `{MARKER}`" if marked else ""))
        for problem in missing:
            print(f"    {problem.where()}  {problem.path}")
        for page, translated in untranslated:
            print(f"    {page}  (no {translated} yet)")
    if problems.errors:
        print(f"\n{len(problems.errors)} errors in data/; run `clustersite validate` to see them.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
