"""The package's layout draws the pipeline: imports point one way, down the stages.

    data (read, validate, model)  ->  pages (Markdown per language)  ->  mkdocs_layer (MkDocs wiring)

The data stage imports nothing from pages or the MkDocs layer, and pages import nothing
from the MkDocs layer; neither imports MkDocs itself. Imports are read with `ast`, so
a lazy import inside a function counts too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "hooks" / "clustersite"
STAGES = ("data", "pages", "mkdocs_layer")
# What each stage may not import: the stages after it, and MkDocs and its plugins.
FORBIDDEN = {
    "data": {"clustersite.pages", "clustersite.mkdocs_layer", "mkdocs", "material", "mkdocs_static_i18n"},
    "pages": {"clustersite.mkdocs_layer", "mkdocs", "material", "mkdocs_static_i18n"},
}
MAX_LINES = 260  # "about 250"


def imports_of(path: Path) -> set[str]:
    """Absolute module names imported by one module of the package."""
    module = "clustersite." + ".".join(path.relative_to(PACKAGE).with_suffix("").parts)
    package = module.rsplit(".", 1)[0] if path.name != "__init__.py" else module
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")
            if node.level:
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            names.add(target)
            names.update(f"{target}.{alias.name}" for alias in node.names)
    return names


def modules(stage: str) -> list[Path]:
    return sorted((PACKAGE / stage).rglob("*.py"))


def test_the_stages_exist_and_hold_modules():
    for stage in STAGES:
        assert len(modules(stage)) > 3, f"clustersite/{stage}/ should hold the {stage} stage's modules"
    stray = [p.name for p in PACKAGE.glob("*.py") if p.name not in {"__init__.py", "cli.py"}]
    assert stray == [], f"modules outside a stage: {stray}; move them into data/, pages/ or mkdocs_layer/"


@pytest.mark.parametrize("stage", sorted(FORBIDDEN))
def test_imports_point_down_the_pipeline(stage):
    wrong = []
    for path in modules(stage):
        for name in sorted(imports_of(path)):
            if any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN[stage]):
                wrong.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert wrong == []


def test_the_import_reader_sees_relative_imports():
    """The check above must not pass because it misreads `from ..x import y`."""
    names = imports_of(PACKAGE / "mkdocs_layer" / "build_state.py")
    assert "clustersite.data.loading" in names and "clustersite.pages.page_builders" in names


def test_no_module_is_a_god_module():
    long = {str(p.relative_to(PACKAGE)): n for p in PACKAGE.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}, f"split these by concern: {long}"
