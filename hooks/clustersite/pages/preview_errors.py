"""The page the preview shows while data/ has mistakes: every problem, with file:line, message and hint."""

from __future__ import annotations

from ..data.problems import Problems
from .templating import render


def preview_error_page(problems: Problems) -> str:
    """A standalone HTML page listing every problem, errors first; it reloads after the next build."""
    errors = len(problems.errors)
    return render("preview_errors.html.j2", problems=problems.ordered(), summary=problems.summary(),
                  count=f"{errors} mistake" + ("" if errors == 1 else "s"))
