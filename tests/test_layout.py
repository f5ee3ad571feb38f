"""The codebase's shape (see STYLE.md): transforms are pure."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

TRANSFORMS = sorted((Path(__file__).resolve().parents[1] / "transforms").rglob("*.py"))


@pytest.mark.parametrize("path", TRANSFORMS, ids=lambda p: p.name)
def test_layout_transforms_import_no_prefect_and_open_no_files(path):
    tree = ast.parse(path.read_text("utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            assert not any(a.name.split(".")[0] in {"prefect", "dispatch_etl", "flows"} for a in node.names)
        if isinstance(node, ast.ImportFrom) and node.module:
            assert node.module.split(".")[0] not in {"prefect", "dispatch_etl", "flows"}
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            assert node.func.id not in {"open", "print"}, f"{path.name}: {node.func.id}()"
