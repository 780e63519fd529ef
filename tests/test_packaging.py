"""A normal (non-editable) install carries every package and data file the code reads."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETUPTOOLS = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
    "setuptools"
]


def test_every_package_of_the_source_tree_is_listed_for_install():
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "chronicle").rglob("__init__.py")
    }
    assert found - set(SETUPTOOLS["packages"]) == set()


def test_every_kind_of_data_file_beside_the_code_is_installed():
    for package in SETUPTOOLS["packages"]:
        folder = ROOT / SETUPTOOLS.get("package-dir", {}).get(package, package.replace(".", "/"))
        suffixes = {p.suffix for p in folder.iterdir() if p.is_file() and p.suffix != ".py"}
        suffixes -= {".pyc", ""}
        declared = {
            pattern.removeprefix("*") for pattern in SETUPTOOLS["package-data"].get(package, [])
        }
        assert suffixes <= declared, package
