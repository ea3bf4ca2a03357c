"""A time limit on the work for one document, so that nothing hangs.

Rules are data a user writes: a regular expression that backtracks without end on
some text would stop a run for ever. `rules check` (and every run, for a user's rule
files) refuses the patterns it can show to be catastrophic; `time_limit()` is the
guarantee behind it: the work on one document (reading it, or running the pipeline
over it) stops with `TimeLimit` once it has taken longer than its limit, and that
document is skipped with a message while the run goes on.

It uses SIGALRM, so it works in the main thread of a process (the CLI, `-j N`
workers); elsewhere (a Dask worker's thread) it does nothing. Python's `re` checks
for signals while it matches, so a runaway pattern is stopped too.
"""

from __future__ import annotations

import os
import signal
import threading
import time
import traceback
from contextlib import contextmanager
from typing import Iterator

#: Seconds allowed for one document, plus `SECONDS_PER_CHAR` per character of its text:
#: far above what any text takes (spaCy runs at some 20,000 characters a second here;
#: pathological punctuation at 1,000), so that only a runaway stops.
BASE_SECONDS = float(os.environ.get("FACTX_TIME_LIMIT") or 120)
SECONDS_PER_CHAR = 0.002


class TimeLimit(BaseException):
    """The work on one document took longer than its limit.

    A BaseException, like KeyboardInterrupt, so that no `except Exception` on the way
    can swallow it. `limit` is the `time_limit()` block whose time ran out.
    """

    def __init__(self, seconds: float, where: str = "", limit: object = None) -> None:
        super().__init__(seconds, where)
        self.seconds, self.where, self.limit = seconds, where, limit

    def problem(self) -> str:
        where = f" (stopped in {self.where})" if self.where else ""
        return (f"took longer than {self.seconds:.0f} s, the time limit for one document{where}; "
                "skipped. A regular expression of a rule file may backtrack without end on this text: "
                "check the rules with 'factx rules check DIR'")


def limit_for(chars: int) -> float:
    """The time limit for work on `chars` characters of text."""
    return BASE_SECONDS + SECONDS_PER_CHAR * chars


def _where(frame) -> str:
    # the innermost frame of factx's own code: where a runaway was running
    for summary in reversed(traceback.extract_stack(frame)):
        if f"{os.sep}factx{os.sep}" in summary.filename:
            module = summary.filename.rsplit(f"{os.sep}factx{os.sep}", 1)[1]
            return f"factx/{module}:{summary.lineno} {summary.name}()"
    return ""


class _Limit:
    """One `time_limit()` block: what a `TimeLimit` names as the limit that ran out."""


@contextmanager
def time_limit(seconds: float) -> Iterator[_Limit]:
    """Raise `TimeLimit` in the block once it has run for `seconds` (main thread only).

    Blocks nest: an inner one (a rule file's patterns probed while a document is
    processed) keeps the outer deadline, and the outer limit still runs out in time.
    """
    limit = _Limit()
    if seconds <= 0 or threading.current_thread() is not threading.main_thread() \
            or not hasattr(signal, "setitimer"):
        yield limit
        return
    now = time.monotonic()
    outer_left = signal.getitimer(signal.ITIMER_REAL)[0]
    outer_deadline = now + outer_left if outer_left > 0 else None
    deadline = now + seconds
    previous = signal.getsignal(signal.SIGALRM)

    def expired(signum, frame) -> None:
        if outer_deadline is not None and outer_deadline <= deadline and callable(previous):
            previous(signum, frame)  # the outer block's time ran out first: its limit
        raise TimeLimit(seconds, _where(frame), limit)

    signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, min(seconds, outer_left) if outer_left > 0 else seconds)
    try:
        yield limit
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer_deadline is not None:  # the outer block's clock goes on
            signal.setitimer(signal.ITIMER_REAL, max(outer_deadline - time.monotonic(), 1e-6))
