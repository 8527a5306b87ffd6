"""One background database thread. Jobs run there in order; results and
errors come back to the GUI thread through a queued Qt signal."""
from __future__ import annotations

import itertools
import queue
import threading
import traceback
from dataclasses import dataclass, field
from typing import Any, Callable

from PySide6.QtCore import QObject, Signal


class Aborted(Exception):
    """Raised inside a job when the user pressed Cancel."""


@dataclass
class Job:
    id: int
    fn: Callable[..., Any]
    args: tuple
    kwargs: dict
    on_done: Callable[[Any], None] | None
    on_error: Callable[[BaseException], None] | None
    on_progress: Callable[[float, str], None] | None
    abort: threading.Event = field(default_factory=threading.Event)


class DbWorker(QObject):
    """``submit(fn, ...)`` runs ``fn`` on the database thread.

    If ``with_progress`` is true, ``fn`` receives keyword arguments
    ``progress(frac, message)`` and ``abort`` (a threading.Event)."""

    _finished = Signal(int, object, object)
    _progress = Signal(int, float, str)
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._ids = itertools.count(1)
        self._jobs: dict[int, Job] = {}
        self._queue: queue.Queue[Job | None] = queue.Queue()
        self._finished.connect(self._deliver)
        self._progress.connect(self._deliver_progress)
        self._thread = threading.Thread(target=self._loop, name="db-worker", daemon=True)
        self._thread.start()
        self.error_hook: Callable[[BaseException], None] | None = None

    # -- GUI thread ---------------------------------------------------------
    def submit(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[float, str], None] | None = None,
        with_progress: bool = False,
        **kwargs: Any,
    ) -> Job:
        job = Job(next(self._ids), fn, args, kwargs, on_done, on_error, on_progress)
        if with_progress:
            job.kwargs = {**kwargs, "progress": self._progress_cb(job), "abort": job.abort}
        self._jobs[job.id] = job
        if len(self._jobs) == 1:
            self.busy_changed.emit(True)
        self._queue.put(job)
        return job

    def stop(self, timeout: float = 5.0) -> None:
        self._queue.put(None)
        self._thread.join(timeout)

    def pending(self) -> int:
        return len(self._jobs)

    def _deliver(self, job_id: int, result: object, error: object) -> None:
        job = self._jobs.pop(job_id, None)
        if not self._jobs:
            self.busy_changed.emit(False)
        if job is None:
            return
        if error is not None:
            handler = job.on_error or self.error_hook
            if handler:
                handler(error)  # type: ignore[arg-type]
            else:  # pragma: no cover
                traceback.print_exception(error)  # type: ignore[arg-type]
        elif job.on_done:
            job.on_done(result)

    def _deliver_progress(self, job_id: int, frac: float, message: str) -> None:
        job = self._jobs.get(job_id)
        if job and job.on_progress:
            job.on_progress(frac, message)

    # -- database thread ----------------------------------------------------
    def _progress_cb(self, job: Job) -> Callable[[float, str], None]:
        def progress(frac: float, message: str = "") -> None:
            if job.abort.is_set():
                raise Aborted()
            self._progress.emit(job.id, float(frac), message)

        return progress

    def _loop(self) -> None:
        while True:
            job = self._queue.get()
            if job is None:
                return
            try:
                if job.abort.is_set():
                    raise Aborted()
                result = job.fn(*job.args, **job.kwargs)
            except BaseException as exc:  # delivered to the GUI thread
                self._finished.emit(job.id, None, exc)
            else:
                self._finished.emit(job.id, result, None)
