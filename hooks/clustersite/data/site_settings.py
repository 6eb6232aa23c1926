"""Settings in data/site.yaml beyond its wording: the Serbian Cyrillic edition, a programme logo."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from .localized_text import Localized
from .validation_notes import Refers
from .value_types import WebUrl


class _Setting(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)  # as model.Record


class SerbianCyrillic(_Setting):
    """How the Serbian Cyrillic edition is made from the Latin text (see cyrillic.py)."""

    keep_in_latin: list[Annotated[str, Field(min_length=1)]] = []  # foreign names, such as `Fondazione Edmund Mach`
    two_letters: list[Annotated[str, Field(min_length=2)]] = []  # stems where lj, nj or dž are two letters


class ProgrammeLogo(_Setting):
    """A funding programme's logo, shown beside the EU emblem (an Interreg programme's, for example)."""

    file: Annotated[str, Refers("docs")] = Field(description="The image, under docs/, such as assets/programme-logo.svg.")
    alt: Localized = Field(description="What the logo says, for people who cannot see it: the programme's name.")
    link: WebUrl | None = None


class SiteSettings(_Setting):
    """What data/site.yaml sets beyond its wording (model.SiteFile adds the wording)."""

    serbian_cyrillic: SerbianCyrillic = SerbianCyrillic()
    programme_logo: ProgrammeLogo | None = None
