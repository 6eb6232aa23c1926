"""Problems found in the data, worded for the people who edit it."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path


class Severity(str, Enum):
    ERROR = "error"  # stops every build
    WARNING = "warning"  # shown; stops a `mkdocs build --strict`
    NOTE = "note"  # shown and listed (a text not yet translated); stops nothing


@dataclass(frozen=True)
class Problem:
    """One mistake in one place: where it is, what is wrong, and how to fix it."""

    file: str
    line: int | None
    column: int | None
    path: str
    message: str
    expected: str = ""
    found: str = ""
    hint: str = ""
    severity: Severity = Severity.ERROR
    missing_languages: tuple[str, ...] = ()  # set on "not translated" problems, for the translation report

    def where(self) -> str:
        if self.line is None:
            return self.file
        return f"{self.file}:{self.line}:{self.column}"

    def __str__(self) -> str:
        head = f"{self.where()}: {self.severity.value}: "
        if self.path:
            head += f"{self.path}: "
        lines = [head + self.message]
        if self.expected:
            lines.append(f"    expected: {self.expected}")
        if self.found:
            lines.append(f"    found:    {self.found}")
        if self.hint:
            lines.append(f"    hint:     {self.hint}")
        return "\n".join(lines)


@dataclass
class Problems:
    """Collects every problem of one run, so that staff see them all at once."""

    items: list[Problem] = field(default_factory=list)

    def add(self, problem: Problem) -> None:
        self.items.append(problem)

    def extend(self, problems: list[Problem]) -> None:
        self.items.extend(problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity is Severity.WARNING]

    @property
    def notes(self) -> list[Problem]:
        return [p for p in self.items if p.severity is Severity.NOTE]

    @property
    def untranslated(self) -> list[Problem]:
        """Texts missing in a language, whatever their severity (the translation report)."""
        return [p for p in self.items if p.missing_languages]

    def ordered(self) -> list[Problem]:
        """All errors, then all warnings, then all notes, each in file order."""
        rank = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.NOTE: 2}
        return sorted(self.items, key=lambda p: (rank[p.severity], p.file, p.line or 0, p.column or 0))

    def summary(self) -> str:
        return summary(len(self.errors), len(self.warnings), len(self.notes))

    def report(self) -> str:
        """Every problem, errors first, with a count at the end."""
        return "\n".join([*(str(p) for p in self.ordered()), self.summary()])


def summary(errors: int, warnings: int, notes: int = 0) -> str:
    def plural(n: int, word: str) -> str:
        return f"{n} {word}" + ("" if n == 1 else "s")

    untranslated = f", {plural(notes, 'text')} not yet translated" if notes else ""
    return f"{plural(errors, 'error')}, {plural(warnings, 'warning')}{untranslated} in data/."


def display_path(path: Path, root: Path) -> str:
    """A file name as staff see it in their checkout: relative to the project."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


_SHOWN_CHARS = 120


def quoted(value: object) -> str:
    """How a found value is shown in a message."""
    if value is None:
        return "nothing (empty)"
    if isinstance(value, dict):
        return "a mapping (key: value lines)"
    if isinstance(value, list):
        return "a list (lines starting with -)"
    if isinstance(value, int) and value.bit_length() > 256:  # Python will not even write such a number out
        return "a number with more than 77 digits"
    text = str(value)
    if len(text) > _SHOWN_CHARS:  # a pasted novel is named, not repeated
        text = f"{text[:_SHOWN_CHARS]}… ({len(text):,} characters in all)"
    return f'"{text}"'
