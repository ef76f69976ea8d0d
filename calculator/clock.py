"""Today, as the core sees it: the one place the date is read, so a run can pin it.

In order: a day pinned for this run (the browser worker pins the page's local date, see
``api.run_json``), else ``SOURCE_DATE_EPOCH`` (the reproducible-builds convention: the build and
the tests set it so pages and answers do not follow the machine's clock), else the system date.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime

_pinned: date | None = None


def today() -> date:
    """The date an answer without a peildatum is computed for."""
    if _pinned is not None:
        return _pinned
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    return date.today()


@contextmanager
def pinned(day: date | None) -> Iterator[None]:
    """Within the block, `today` is ``day`` (None: unchanged)."""
    global _pinned
    before = _pinned
    if day is not None:
        _pinned = day
    try:
        yield
    finally:
        _pinned = before


def epoch_of(day: date) -> str:
    """``SOURCE_DATE_EPOCH`` for ``day`` (midnight UTC), for a child process."""
    return str(int(datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp()))
