"""Limits on what data/ may hold, so that no file, however written, can stall or crash a build.

Each limit is far above what a real site needs; the README lists them for staff.
"""

from __future__ import annotations

MAX_FILE_BYTES = 64 * 1024 * 1024   # one data file (10,000 events with long bodies are about 30 MB)
MAX_DEPTH = 64                      # blocks inside blocks; the data model needs fewer than 10
MAX_ALIAS_NODES = 10_000            # values YAML aliases (*name) may expand to, in one file
MAX_TITLE_CHARS = 300               # a title, a name, an acronym: one line
MAX_TEXT_CHARS = 50_000             # any text in one language, such as an event's body
MAX_ID_CHARS = 100                  # an id is part of addresses and file names
MAX_NUMBER = 10**18                 # amounts and shares; with the decimals, within Decimal's 28 digits
MAX_DECIMALS = 4                    # digits after the decimal point
YEARS = (1900, 2199)                # dates, first and last year
