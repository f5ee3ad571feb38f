"""Dates for analysts: the date columns of `Tables` frames, and dates typed by a person.

A column of Arrow `date32` values in pandas (`date32[day][pyarrow]`) compares only with
`datetime.date`: `frame["meeting_date"] >= "2019-01-01"` or `>= pd.Timestamp(...)` raise.
`DateDtype` is that same Arrow type whose comparisons also take ISO strings
(`"2019-01-01"`), `pd.Timestamp`, `datetime.datetime` and `numpy.datetime64` (a time of
day other than midnight is compared as a point in time). The values stay
`datetime.date`s and the dtype still equals `pd.ArrowDtype(pa.date32())`.

Typed dates are ISO only (`2019-06-01`; `2019-06` and `2019` for a month's or year's
first day): `01/06/2019` is ambiguous (1 June or 6 January) and is an error saying so.
"""

from __future__ import annotations

import datetime as dt
import re

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from pandas.arrays import ArrowExtensionArray

DateLike = str | dt.date | dt.datetime | pd.Timestamp

_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def parse_date(value: DateLike, what: str = "date") -> dt.date:
    """A date given by a person or a program: a `datetime.date`, a `pd.Timestamp` or
    `datetime` (its day), or an ISO string; anything else is a ValueError that says why."""
    if isinstance(value, (pd.Timestamp, dt.datetime)):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, np.datetime64):
        return pd.Timestamp(value).date()
    if isinstance(value, str):
        text = value.strip()
        m = _ISO.fullmatch(text)
        if m:
            try:
                return dt.date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
            except ValueError as exc:
                raise ValueError(f"not a date: {value!r} ({exc})") from None
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}[T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?", text):
            return pd.Timestamp(text).date()
        if re.fullmatch(r"\d{1,2}[/.]\d{1,2}[/.]\d{2,4}", text):
            raise ValueError(f"not an ISO date: {value!r} is ambiguous (day/month or month/day); "
                             f"write the {what} as YYYY-MM-DD")
    raise ValueError(f"not a date: {value!r} (write the {what} as YYYY-MM-DD)")


class DateDtype(pd.ArrowDtype):
    """`date32[day][pyarrow]` whose arrays compare with strings and timestamps too."""

    def __init__(self, pyarrow_dtype: pa.DataType = pa.date32()) -> None:
        super().__init__(pyarrow_dtype)

    @classmethod
    def construct_array_type(cls) -> type[DateArray]:
        return DateArray

    def __eq__(self, other: object) -> bool:
        # Equal to the plain ArrowDtype of the same type, both ways round.
        if isinstance(other, pd.ArrowDtype):
            return self.pyarrow_dtype == other.pyarrow_dtype
        return super().__eq__(other)

    __hash__ = pd.ArrowDtype.__hash__


class DateArray(ArrowExtensionArray):
    """An Arrow date array that compares with `date`, ISO strings, `pd.Timestamp`,
    `datetime` and `datetime64` (see the module doc)."""

    def __init__(self, values: pa.Array | pa.ChunkedArray) -> None:
        super().__init__(values)
        if pa.types.is_date(self._pa_array.type):
            self._dtype = DateDtype(self._pa_array.type)

    def _cmp_method(self, other, op):
        if not pa.types.is_date(self._pa_array.type):
            return super()._cmp_method(other, op)
        if isinstance(other, (pd.Series, pd.Index)):
            other = other.array
        if isinstance(other, (str, dt.date, np.datetime64)) and not isinstance(other, (dt.datetime, pd.Timestamp)):
            return super()._cmp_method(parse_date(other), op)
        if isinstance(other, (dt.datetime, pd.Timestamp)):
            moment = pd.Timestamp(other)
            if moment.tzinfo is not None:
                moment = moment.tz_convert("UTC").tz_localize(None)
            if moment == moment.normalize():
                return super()._cmp_method(moment.date(), op)
            # A time of day: compare each date's midnight with that moment.
            as_time = ArrowExtensionArray(pc.cast(self._pa_array, pa.timestamp("us")))
            return as_time._cmp_method(moment.to_pydatetime(), op)
        if isinstance(other, (np.ndarray, list, pd.api.extensions.ExtensionArray)) and not isinstance(other, DateArray):
            values = list(other)
            if values and all(v is None or v is pd.NaT or isinstance(v, (str, dt.date, np.datetime64)) or pd.isna(v)
                              for v in values):
                dates = [None if (v is None or v is pd.NaT or (not isinstance(v, str) and pd.isna(v)))
                         else parse_date(v) for v in values]
                return super()._cmp_method(DateArray(pa.array(dates, pa.date32())), op)
        return super()._cmp_method(other, op)
