"""Records of the dissemination parts: contacts, pictures, the home hero (data/site.yaml, organisations, events, news)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .dissemination_fields import Email, Phone, PictureFile
from .localized_text import Localized
from .record_base import Record, RuledRecord
from .value_types import OptionalText


class OrganisationContact(Record):
    """How to reach an organisation: its general address and number, not a private person's."""

    email: Email | None = None
    phone: Phone | None = None


class Picture(RuledRecord):
    """A photo of an event or news item; resized at build time (renditions.py)."""

    file: PictureFile = Field(description="A file under docs/assets/ (PNG, JPEG or WebP), such as assets/events/kick-off.jpg.")
    alt: Localized | None = Field(None, description="What the picture shows, for people who cannot see it.")
    caption: Localized | None = None
    credit: OptionalText = Field(None, description="Who took the picture, such as '© ENEF'.")
    decorative: bool = Field(False, description="True when the picture adds nothing to the text; it then needs no alt text.")


class Hero(Record):
    """The top of the home page: the site's name and its aim in one line."""

    title: Localized
    aim: Localized


class SiteContact(Record):
    email: Email
    phone: Phone | None = None
    address: Localized | None = None


SocialPlatform = Literal["mastodon", "bluesky", "linkedin", "youtube", "x", "facebook", "instagram"]
