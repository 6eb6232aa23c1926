"""JSON Schema files made from the model, for editors that complete keys and flag mistakes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from babel import Locale
from pydantic import BaseModel

from .localized_text import LOCALIZED_DESCRIPTION
from .model import Catalogue, EventsFile, NewsFile, OrganisationsFile, PlacesFile, ProjectFile, SiteFile
from .reporting_model import ReportingFile
from .results_model import ResultsFile
from .site_data import Languages

SCHEMAS: dict[str, type[BaseModel]] = {
    "site-file": SiteFile,
    "ui-file": Catalogue,
    "places-file": PlacesFile,
    "organisations-file": OrganisationsFile,
    "events-file": EventsFile,
    "news-file": NewsFile,
    "project-file": ProjectFile,
    "reporting-file": ReportingFile,
    "results-file": ResultsFile,
}


def schema_text(model: type[BaseModel], languages: Languages) -> str:
    schema = model.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    if _restrict_languages(schema, languages):
        schema.setdefault("$defs", {})["LanguageCode"] = _language_code()
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def _restrict_languages(node: Any, languages: Languages) -> bool:
    """Localized text takes language codes as keys, and needs the default language's.

    Any language code is accepted, so that a language added in mkdocs.yml needs no new
    schema (validation checks the configured ones); an editor still underlines a country
    code written for a language, `rs:` or `cz:`, as it is typed.
    """
    found = False
    if isinstance(node, dict):
        if node.get("description") == LOCALIZED_DESCRIPTION:
            node["propertyNames"] = {"$ref": "#/$defs/LanguageCode"}
            node["required"] = [languages.default]
            found = True
        for value in node.values():
            found = _restrict_languages(value, languages) or found
    elif isinstance(node, list):
        for value in node:
            found = _restrict_languages(value, languages) or found
    return found


def _language_code() -> dict[str, Any]:
    """A two- or three-letter language code that is not a country code alone (CLDR's lists, not a hand-written one)."""
    english = Locale("en")
    countries = {code.lower() for code in english.territories if len(code) == 2 and code.isalpha()}
    country_only = sorted(countries - set(english.languages))
    return {"type": "string", "pattern": "^[a-z]{2,3}(-[A-Z][a-z]{3})?$", "not": {"enum": country_only},
            "description": "A language code, such as `en`, `de` or `cs` (not a country code: `cs`, not `cz`), "
                           "or one with its script for a text that overrides a transliterated one (`sr-Cyrl`)."}


def write_schemas(folder: Path, languages: Languages) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, model in SCHEMAS.items():
        path = folder / f"{name}.schema.json"
        path.write_text(schema_text(model, languages), encoding="utf-8")
        written.append(path)
    return written
