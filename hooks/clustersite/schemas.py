"""JSON Schema files made from the model, for editors that complete keys and flag mistakes."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from .model import Catalogue, EventsFile, NewsFile, OrganisationsFile, PlacesFile, ProjectFile, SiteFile

SCHEMAS: dict[str, type[BaseModel]] = {
    "site-file": SiteFile,
    "ui-file": Catalogue,
    "places-file": PlacesFile,
    "organisations-file": OrganisationsFile,
    "events-file": EventsFile,
    "news-file": NewsFile,
    "project-file": ProjectFile,
}


def schema_text(model: type[BaseModel]) -> str:
    schema = model.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, model in SCHEMAS.items():
        path = folder / f"{name}.schema.json"
        path.write_text(schema_text(model), encoding="utf-8")
        written.append(path)
    return written
