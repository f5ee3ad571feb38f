"""The Arrow schemas against the contract's own text: every table and column TABLES.md
lists exists in `dispatch_etl.schema` with the type it names."""

from __future__ import annotations

import re

import pyarrow as pa
import pytest

from dispatch_etl.schema import TABLES
from conftest import SHARED

CONTRACT = SHARED / "TABLES.md"

_TYPES = {
    "string": pa.string(),
    "date32": pa.date32(),
    "int32": pa.int32(),
    "list<string>": pa.list_(pa.string()),
    "timestamp[us, UTC]": pa.timestamp("us", tz="UTC"),
}


def _contract() -> dict[str, list[tuple[str, str, bool]]]:
    tables: dict[str, list[tuple[str, str, bool]]] = {}
    current = None
    for line in CONTRACT.read_text("utf-8").splitlines():
        heading = re.match(r"## (\w+)", line)
        if heading:
            current = heading.group(1)
            tables.setdefault(current, [])
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if current and line.startswith("|") and len(cells) >= 2 and cells[0] not in ("column", "---"):
            kind = next((t for t in sorted(_TYPES, key=len, reverse=True) if cells[1].startswith(t)), None)
            if kind:
                for name in cells[0].split(","):
                    tables[current].append((name.strip(), kind, "required" in cells[1]))
    return {name: cols for name, cols in tables.items() if cols}


@pytest.mark.skipif(not CONTRACT.exists(), reason="the contract lives in ../shared, which this checkout lacks")
def test_every_contract_column_is_in_the_schema_with_its_type():
    contract = _contract()
    # Every contract table is there; tables may be added (`participant_reports`).
    assert set(contract) <= set(TABLES)
    for table, columns in contract.items():
        schema = TABLES[table].schema
        for name, kind, required in columns:
            assert name in schema.names, f"{table}.{name} missing"
            field = schema.field(name)
            assert field.type == _TYPES[kind], f"{table}.{name}: {field.type} is not {kind}"
            if required:
                assert not field.nullable, f"{table}.{name} must be required"
