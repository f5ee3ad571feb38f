"""Date columns of `Tables` frames compare with what an analyst types, and typed dates are
ISO or an error that says how they would have been misread."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

import analyst_warehouse
from dispatch_etl.dates import parse_date
from dispatch_etl.tables import Tables


@pytest.fixture(scope="module")
def wh(tmp_path_factory) -> Tables:
    return Tables(analyst_warehouse.write(tmp_path_factory.mktemp("dates") / "warehouse"))


@pytest.mark.parametrize("bound", ["2023-02-01", dt.date(2023, 2, 1), pd.Timestamp("2023-02-01"),
                                   dt.datetime(2023, 2, 1), np.datetime64("2023-02-01"),
                                   pd.Timestamp("2023-02-01", tz="UTC")])
def test_tables_dates_compare_with_strings_dates_and_timestamps(wh, bound):
    m = wh.meetings()
    assert sorted(m[m["meeting_date"] >= bound]["meeting_id"]) == ["m2", "m4"]
    assert m[m["meeting_date"] < bound]["meeting_id"].tolist() == ["m1"]
    assert m[m["meeting_date"] == bound].empty and len(m[m["meeting_date"] != bound]) == 3
    p = wh.participations()
    assert set(p.loc[p["meeting_date"] >= bound, "meeting_id"]) == {"m2", "m4"}
    d = wh.dispatches()
    assert set(d.loc[d["published_date"] > bound, "dispatch_id"]) == {"d-m2", "d-m3", "d-m4"}


def test_tables_dates_keep_their_comparisons_through_pandas_operations(wh):
    m = wh.meetings()
    derived = pd.concat([m.sort_values("meeting_id"), m.iloc[:0]]).merge(
        wh.participants()[["meeting_id", "person_id"]], on="meeting_id").dropna(subset=["meeting_date"])
    assert set(derived.loc[derived["meeting_date"].between("2023-01-01", "2023-12-31"), "meeting_id"]) == {"m1", "m2"}
    # Still Arrow dates: the dtype, the values and `.dt`.
    assert derived["meeting_date"].dtype == pd.ArrowDtype(pa.date32())
    assert isinstance(derived["meeting_date"].iloc[0], dt.date)
    assert set(derived["meeting_date"].dt.year) == {2023, 2024}
    # A time of day is a point in time: 1 Feb 2023 (midnight) is before its noon.
    noon = pd.Timestamp("2023-02-01 12:00")
    assert m.loc[m["meeting_date"] < noon, "meeting_id"].tolist() == ["m1"]
    assert m.loc[m["meeting_date"] == "2023-02-03", "meeting_id"].tolist() == ["m2"]
    assert m.loc[m["meeting_date"] == pd.Timestamp("2023-02-03"), "meeting_id"].tolist() == ["m2"]


@pytest.mark.parametrize("text, day", [("2019-06-01", dt.date(2019, 6, 1)), ("2019-06", dt.date(2019, 6, 1)),
                                       ("2019", dt.date(2019, 1, 1)), (" 2019-06-01 ", dt.date(2019, 6, 1)),
                                       ("2019-06-01T10:00:00Z", dt.date(2019, 6, 1))])
def test_tables_dates_typed_iso(text, day):
    assert parse_date(text) == day


@pytest.mark.parametrize("text, message", [
    ("01/06/2019", "ambiguous .day/month or month/day.; write the date as YYYY-MM-DD"),
    ("6.1.2019", "ambiguous"),
    ("2019-13-01", "not a date: '2019-13-01'"),
    ("last spring", "not a date: 'last spring' .write the date as YYYY-MM-DD."),
])
def test_tables_dates_not_iso_is_an_error_saying_why(wh, text, message):
    with pytest.raises(ValueError, match=message):
        wh.meetings(since=text)
