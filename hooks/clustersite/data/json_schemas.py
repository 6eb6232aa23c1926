"""JSON Schema files made from the model, for editors that complete keys and flag mistakes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .localized_text import LOCALIZED_DESCRIPTION
from .model import Catalogue, EventsFile, NewsFile, OrganisationsFile, PlacesFile, ProjectFile, SiteFile
from .site_data import Languages

SCHEMAS: dict[str, type[BaseModel]] = {
    "site-file": SiteFile,
    "ui-file": Catalogue,
    "places-file": PlacesFile,
    "organisations-file": OrganisationsFile,
    "events-file": EventsFile,
    "news-file": NewsFile,
    "project-file": ProjectFile,
}


def schema_text(model: type[BaseModel], languages: Languages) -> str:
    schema = model.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    _restrict_languages(schema, languages)
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def _restrict_languages(node: Any, languages: Languages) -> None:
    """Localized text may only use the site's language codes, and needs the default one.

    With this, an editor underlines `rs:` or `cz:` as it is typed.
    """
    if isinstance(node, dict):
        if node.get("description") == LOCALIZED_DESCRIPTION:
            node["propertyNames"] = {"enum": list(languages.codes)}
            node["required"] = [languages.default]
        for value in node.values():
            _restrict_languages(value, languages)
    elif isinstance(node, list):
        for value in node:
            _restrict_languages(value, languages)


def write_schemas(folder: Path, languages: Languages) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, model in SCHEMAS.items():
        path = folder / f"{name}.schema.json"
        path.write_text(schema_text(model, languages), encoding="utf-8")
        written.append(path)
    return written
