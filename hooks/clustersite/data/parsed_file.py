"""One data file after reading and validation, as the cross-file checks receive it."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from .validation_notes import Seen
from .yaml_reader import Source


@dataclass
class ParsedFile:
    source: Source
    record: BaseModel  # on errors, only the valid parts (validation._salvage)
    seen: Seen  # every text, reference and ruled record validation met in the file
    valid: bool  # validation found no problem in it
