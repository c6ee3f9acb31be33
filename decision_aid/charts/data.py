"""Shared handling of chart data: rows in the fixed option order, plain rows, whole-number counts,
range words, and the per-option fields every adapter (Result -> DataFrame) starts from."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

import pandas as pd

from decision_aid.charts.style import OPTION_ORDER, ORDER_INDEX
from decision_aid.words.charts import (
    COULD_BE,
    DEFAULT_SHORT_NAMES,
    NO_RANGE_GIVEN,
    NONE_IN_THE_STUDIES,
    ONE_ROW_PER_OPTION,
    UNKNOWN_OPTION,
)
from decision_aid.words.common import has_range, per_100_range

if TYPE_CHECKING:
    from decision_aid.engine import OptionResult, Result


def _count(value: float, per: int = 100) -> int:
    """Whole people to fill: rounded half up (37.5 -> 38) as `words.common.per_100` does, within 0..per."""
    return max(0, min(per, math.floor(value + 0.5)))


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _ordered(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows in the fixed option order (stable within an option), with a `short_name` column."""
    unknown = sorted(set(frame["option"]) - set(OPTION_ORDER))
    if unknown:
        msg = UNKNOWN_OPTION.format(option=repr(unknown[0]), allowed=", ".join(OPTION_ORDER))
        raise ValueError(msg)
    if "short_name" not in frame.columns:
        frame = frame.assign(short_name=frame["option"].map(DEFAULT_SHORT_NAMES))
    ranks = [ORDER_INDEX[o] for o in frame["option"].tolist()]
    if ranks == sorted(ranks) and frame.index.equals(pd.RangeIndex(len(frame))):
        return frame  # the adapters' frames come in order already (the common case, on every rerun)
    out = frame.assign(_rank=ranks).sort_values("_rank", kind="stable").drop(columns="_rank")
    return out.reset_index(drop=True)


def rows_of(frame: pd.DataFrame) -> list[dict]:
    """The rows as plain dicts, as ``frame.to_dict("records")`` gives them but several times
    faster on these small frames (pandas goes through its indexer once per cell)."""
    columns = list(frame.columns)
    return [
        dict(zip(columns, values, strict=True))
        for values in zip(*(frame[c].tolist() for c in columns), strict=True)
    ]


def _ids(data: pd.DataFrame) -> list[str]:
    return list(dict.fromkeys(data["option"]))


def _names(data: pd.DataFrame) -> list[str]:
    """Short names in the fixed option order: the `sort` and scale domain of every option axis."""
    return list(dict.fromkeys(data["short_name"]))


def _one_row_per_option(data: pd.DataFrame, what: str) -> None:
    dupes = data["option"][data["option"].duplicated()].unique().tolist()
    if dupes:
        msg = ONE_ROW_PER_OPTION.format(chart=what, option=repr(dupes[0]))
        raise ValueError(msg)


def range_text(low: float, high: float) -> str:
    """'could be 73 to 98 out of 100' in `words.common`'s phrasing; says so when there is no range."""
    if high <= 0:
        return NONE_IN_THE_STUDIES
    return COULD_BE.format(range=per_100_range(low, high)) if has_range(low, high) else NO_RANGE_GIVEN


def _only(frame: pd.DataFrame, columns: Sequence[str]) -> pd.DataFrame:
    """The columns a chart draws or its tooltips read (of those the frame has): less to convert
    and to send on every rerun."""
    return frame[[c for c in columns if c in frame.columns]]


def _options(result: Result) -> list[OptionResult]:
    by_id = {o.id: o for o in result.options}
    return [by_id[i] for i in OPTION_ORDER if i in by_id]


def _option_row(o: OptionResult) -> dict:
    return {
        "option": o.id,
        "name": o.name,
        "short_name": o.short_name,
        "suitable": o.suitable,
        "avoided": o.avoided,
    }


def _weights(result: Result) -> dict[str, int]:
    """The weights the match used (an unstated priority counts as the middle)."""
    return result.profile.weights()
