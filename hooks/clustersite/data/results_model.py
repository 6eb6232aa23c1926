"""data/results.yaml: what the projects produced (reports, training material, labels, data...)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from .dates import Day
from .dissemination_fields import DocumentLanguage, HttpsUrl
from .localized_text import Localized
from .model import DocsFile, OrganisationRef, ProjectRef, Record, RuledRecord
from .validation_notes import Refers
from .value_types import Id, OptionalText

ResultType = Annotated[Id, Refers("result_types")]


class Result(RuledRecord):
    """One result: a document under docs/, a link to where it is published, or neither."""

    id: Id
    project: ProjectRef
    type: ResultType = Field(description="A key of `result_types` in data/ui.yaml.")
    title: Localized
    date: Day
    number: OptionalText = Field(None, description="The number the project gave it, such as D2.1.")
    summary: Localized | None = None
    partners: list[OrganisationRef] = Field(default_factory=list, description="Organisations that made it.")
    languages: list[DocumentLanguage] = Field(default_factory=list, description="Languages the document is written in.")
    file: DocsFile | None = Field(None, description="A document under docs/, such as files/d2-1.pdf.")
    url: HttpsUrl | None = Field(None, description="Where it is published: a DOI (https://doi.org/...), Zenodo or publisher link.")


class ResultsFile(Record):
    """data/results.yaml: results of every project."""

    results: list[Result] = Field(default_factory=list)
