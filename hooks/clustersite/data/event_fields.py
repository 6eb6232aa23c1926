"""Value types for when and how an event happens: IANA time zones and online access.

The zone names come from the IANA time zone database as Python's zoneinfo has it
(the system's copy, or the `tzdata` package where the system has none).
"""

from __future__ import annotations

import difflib
from functools import cache
from typing import Annotated, Any
from zoneinfo import available_timezones

from pydantic import BeforeValidator
from pydantic.json_schema import WithJsonSchema

from .value_types import _check_web_url, problem  # the same check, and wording, as every web address

_ZONE_EXAMPLE = "an IANA time zone name, such as `Europe/Sofia` or `Europe/Madrid`"


@cache
def zone_names() -> frozenset[str]:
    """Every IANA zone name this machine's zoneinfo knows."""
    return frozenset(available_timezones())


def _check_zone(value: Any) -> str:
    text = str(value).strip() if isinstance(value, str) else value
    if not isinstance(text, str) or text not in zone_names():
        close = difflib.get_close_matches(str(text), sorted(zone_names()), n=1, cutoff=0.6)
        raise problem(
            "timezone_unknown", "this is not a time zone name", expected=_ZONE_EXAMPLE,
            hint=f"did you mean `{close[0]}`?" if close else "write the region and the city, as in `Europe/Belgrade`",
        )
    return text


TimeZone = Annotated[str, BeforeValidator(_check_zone),
                     WithJsonSchema({"type": "string", "description": "An IANA time zone name, such as Europe/Sofia."})]


_WORDS = {"true": True, "false": False, "yes": True, "no": False}


def _check_online(value: Any) -> bool | str:
    """`true`, `false`, or the web address where people join the event."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in _WORDS:  # the exact YAML reader keeps `true` as text
        return _WORDS[value.strip().lower()]
    if isinstance(value, str) and value.strip():
        return _check_web_url(value.strip())
    raise problem(
        "online_format", "this is neither `true` nor a web address",
        expected="`online: true`, or the address where people join, such as `online: https://example.org/webinar`",
        hint="write the full address starting with https://",
    )


Online = Annotated[bool | str, BeforeValidator(_check_online),
                   WithJsonSchema({"anyOf": [{"type": "boolean"}, {"type": "string", "pattern": "^https?://"}],
                                   "description": "true for an online event, or the web address where people join it."})]
