"""`clustersite report`: one reporting period's activities of a project, as CSV or xlsx.

    clustersite report --project trace-kei --from 2017-01-01 --to 2017-12-31 --format xlsx --output 2017.xlsx

Without --output the table goes to stdout. Every reporting field an activity
lacks is listed on stderr with its file and line, so that no cell is left
empty without anyone knowing.
"""

from __future__ import annotations

import argparse
import logging
import sys
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config import load_config
from mkdocs.exceptions import ConfigurationError, PluginError

from ..data.loading import data_files, load_site
from ..data.model import EventsFile, ProjectFile
from ..data.problems import Problem, Severity, display_path
from ..data.yaml_reader import YamlError, format_path, load
from ..pages.catalogue_words import required_words
from ..pages.report_formats import MissingExtra, csv_bytes, xlsx_bytes
from ..pages.report_table import ActivityTable, activity_report, gap_message
from . import i18n_languages


def main(argv: list[str]) -> int:
    """Run `clustersite report` with the arguments after `report`; 0 when the table was written."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.start and args.end and args.end < args.start:
        parser.error(f"--to {args.end} is before --from {args.start}; the period's first day comes first")
    fmt = args.format or ("xlsx" if args.output and args.output.suffix.lower() == ".xlsx" else "csv")
    if fmt == "xlsx" and args.output is None:
        parser.error("xlsx is a binary file; name it with --output, such as --output report.xlsx")
    return _report(args, fmt)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="clustersite report", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--project", required=True, help="the project's id (its file name in data/projects/)")
    parser.add_argument("--from", dest="start", type=_day, help="first day of the period, YYYY-MM-DD (included)")
    parser.add_argument("--to", dest="end", type=_day, help="last day of the period, YYYY-MM-DD (included)")
    parser.add_argument("--format", choices=["csv", "xlsx"], default=None, help="default: from --output's extension, else csv")
    parser.add_argument("--output", type=Path, help="file to write (default: stdout)")
    parser.add_argument("--site-url", help="the published site's address, for the activities' links "
                        "(default: site_url in mkdocs.yml, which reads SITE_URL)")
    parser.add_argument("--config", default="mkdocs.yml", help="path to mkdocs.yml (default: ./mkdocs.yml)")
    return parser


def _report(args: argparse.Namespace, fmt: str) -> int:
    config_path = Path(args.config).resolve()
    root = config_path.parent
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    try:
        config = load_config(str(config_path))
        site, problems = load_site(root / "data", i18n_languages.from_mkdocs(config), root, words=required_words())
    except (ConfigurationError, PluginError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if site is None:
        print(f"{len(problems.errors)} errors in data/; run `clustersite validate` to see them.", file=sys.stderr)
        return 1
    if args.project not in site.projects:
        known = ", ".join(f"`{p}`" for p in sorted(site.projects))
        print(f"error: there is no project `{args.project}`; the projects are {known}.", file=sys.stderr)
        return 2

    site_url = args.site_url or config.site_url or ""
    if site_url and not site_url.endswith("/"):
        site_url += "/"
    if urlsplit(site_url).hostname in ("localhost", "127.0.0.1", None):
        print(f"warning: the activities' links start with {site_url or 'nothing'}, not the published site's address; "
              "pass --site-url https://<the site's address>/ (or set SITE_URL)", file=sys.stderr)
    table = activity_report(site, args.project, args.start, args.end, site_url)
    try:
        content = xlsx_bytes(table.columns, table.rows, site.projects[args.project].acronym) if fmt == "xlsx" \
            else csv_bytes(table.columns, table.rows)
    except MissingExtra as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    warnings = gap_warnings(table, root)
    for warning in warnings:
        print(warning, file=sys.stderr)
    if warnings:
        print(f"{len(warnings)} reporting fields missing in {len({g.event.id for g in table.gaps})} of "
              f"{len(table.rows)} activities: add them in data/ where the sources give them.", file=sys.stderr)
    if args.output is None:
        sys.stdout.buffer.write(content)
        sys.stdout.flush()
        return 0
    try:
        args.output.write_bytes(content)
    except OSError as exc:
        print(f"error: cannot write {args.output}: {exc.strerror}; check that its folder exists", file=sys.stderr)
        return 2
    print(f"wrote {args.output} ({len(table.rows)} activities)", file=sys.stderr)
    return 0


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; write it year first, such as 2017-01-31") from None


def gap_warnings(table: ActivityTable, root: Path) -> list[Problem]:
    """A warning for every reporting field an activity lacks, at the event's line in its file."""
    if not table.gaps:
        return []
    places = _event_places(root / "data", root, {gap.event.id for gap in table.gaps})
    warnings = []
    for gap in table.gaps:
        file, path, source = places.get(gap.event.id, ("data/", ("events",), None))
        line, column = source.locate(path) if source else (None, None)
        where = f"{format_path((*path, gap.field))} ({gap.event.id})"
        warnings.append(Problem(file, line, column, where, gap_message(gap), severity=Severity.WARNING))
    return warnings


def _event_places(data_dir: Path, root: Path, wanted: set[str]) -> dict:
    """Event id -> (file, path, source) for the events named, read again for their lines."""
    found = {}
    for path, model in data_files(data_dir):
        if model not in (ProjectFile, EventsFile):
            continue
        try:
            source = load(path, display_path(path, root))
        except YamlError:
            continue  # cannot happen after a clean load_site; the warning then goes without a line
        for index, item in enumerate(source.data.get("events") or []):
            if isinstance(item, dict) and item.get("id") in wanted:
                found[item["id"]] = (source.file, ("events", index), source)
    return found
