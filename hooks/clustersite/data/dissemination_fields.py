"""Value types of the dissemination parts: https addresses, DOIs, pictures and logos, document languages.

Like fields.py, each check words its error for staff (see `fields.problem`).
"""

from __future__ import annotations

import re
from typing import Annotated

from babel import Locale, UnknownLocaleError
from pydantic import AfterValidator

from .validation_notes import Refers
from .value_types import check_link, problem

IMAGE_SUFFIXES = (".svg", ".png", ".jpg", ".jpeg", ".webp")
RASTER_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp")  # pictures that get resized renditions
_DOI = re.compile(r"^10\.\d{4,9}/\S+$")
_DOI_HOSTS = ("doi.org", "dx.doi.org")


def _check_https(value: str) -> str:
    check_link(value)
    if not value.lower().startswith("https://"):
        rest = value.split("://", 1)[-1]
        raise problem(
            "url_https", "this address is not a secure https:// address",
            expected="a full address starting with https://", hint=f"write `https://{rest}` if the site answers there",
        )
    host, _, path = value[len("https://"):].partition("/")
    if host.lower() in _DOI_HOSTS and not _DOI.match(path):
        raise problem(
            "doi_format", "this DOI is not well formed",
            expected="https://doi.org/ followed by a DOI such as `10.5281/zenodo.1234567`",
            hint="copy the DOI from the publisher's or Zenodo's page; it starts with `10.` and has a `/`",
        )
    return value


HttpsUrl = Annotated[str, AfterValidator(_check_https)]


def _check_asset(suffixes: tuple[str, ...], what: str):
    def check(value: str) -> str:
        if "://" in value or value.startswith("//"):
            raise problem(
                "picture_remote", f"this {what} is on another site",
                expected=f"a file under docs/assets/, such as `assets/{what}s/name{suffixes[1]}`",
                hint="download the file, put it under docs/assets/ and write its path here: "
                     "a picture on another host is a request to a third party on every visit",
            )
        if not value.startswith("assets/"):
            raise problem(
                "asset_folder", f"the {what} is not under docs/assets/",
                expected=f"a path that starts with `assets/`, such as `assets/{what}s/name{suffixes[1]}`",
                hint="move the file under docs/assets/ and write its path from there",
            )
        if not value.lower().endswith(suffixes):
            raise problem(
                "asset_format", f"this {what} is not in a format the site shows",
                expected="a file ending in " + ", ".join(f"`{s}`" for s in suffixes),
                hint="save the picture as SVG, PNG, JPEG or WebP",
            )
        return value
    return check


# A logo may be a drawing (SVG); a picture of an event or news item is a photo to resize.
LogoFile = Annotated[str, AfterValidator(_check_asset(IMAGE_SUFFIXES, "logo")), Refers("docs")]
PictureFile = Annotated[str, AfterValidator(_check_asset(RASTER_SUFFIXES, "picture")), Refers("docs")]


def _check_document_language(value: str) -> str:
    try:
        locale = Locale.parse(value)
    except (ValueError, UnknownLocaleError):
        locale = None
    if locale is None or locale.territory or len(value) not in (2, 3):
        raise problem(
            "document_language", "this is not a language code",
            expected="a two-letter ISO 639-1 code, such as `en`, `sr`, `bg`, `cs` or `it`",
            hint="write the language the document itself is written in, in lower case",
        )
    return value


DocumentLanguage = Annotated[str, AfterValidator(_check_document_language)]
_PHONE = re.compile(r"^\+[0-9][0-9 ()./-]{5,24}$")
_EMAIL = re.compile(r"^[^@\s<>\"'()]+@[^@\s<>\"'()]+\.[A-Za-z]{2,}$")


def _check_phone(value: str) -> str:
    if not _PHONE.match(value):
        raise problem("phone_format", "this is not a phone number in international form",
                      expected="`+`, the country code and the number, such as `+381 11 123 4567`",
                      hint="write the number with its country code; spaces are fine, letters are not")
    return value


def _check_email(value: str) -> str:
    if not _EMAIL.match(value):
        raise problem("email_format", "this is not an e-mail address",
                      expected="an address such as `info@example.org`", hint="write the address alone, without `mailto:` or a name")
    return value


Phone = Annotated[str, AfterValidator(_check_phone)]
Email = Annotated[str, AfterValidator(_check_email)]
