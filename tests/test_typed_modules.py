"""Every module of cronica/ is type-checked: mypy reads only what `[tool.mypy] files` in
pyproject.toml lists, so a module left off that list would silently go unchecked.
Migrations and the settings stay out on purpose (docs/architecture.md, "Lint, types and
test markers")."""

import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
LEFT_OUT = {"cronica/settings.py", "cronica/settings_test.py"}


def listed() -> list[str]:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    return config["tool"]["mypy"]["files"]


def covered(module: str, entries: list[str]) -> bool:
    return any(module == entry or module.startswith(entry + "/") for entry in entries)


def test_every_module_but_migrations_and_settings_is_checked_by_mypy():
    entries = listed()
    modules = sorted(
        str(path.relative_to(REPO))
        for path in (REPO / "cronica").rglob("*.py")
        if "migrations" not in path.parts and path.name != "__init__.py"
    )
    assert len(modules) > 150  # the walk found the package
    missing = [m for m in modules if m not in LEFT_OUT and not covered(m, entries)]
    assert missing == [], f"add to [tool.mypy] files in pyproject.toml: {missing}"


def test_the_list_is_sorted_and_names_only_what_exists():
    entries = listed()
    assert entries == sorted(entries)
    assert [e for e in entries if not (REPO / e).exists()] == []
    assert not any(covered(m, entries) for m in LEFT_OUT)
