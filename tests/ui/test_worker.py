"""The one database thread: jobs run off the GUI thread, in order; results,
errors and progress come back on the GUI thread; Cancel aborts."""
from __future__ import annotations

import threading
import time

import pytest

from eldercare_desktop.domain.errors import RuleViolation
from eldercare_desktop.ui.worker import Aborted, DbWorker


@pytest.fixture
def worker(qtbot):
    w = DbWorker()
    yield w
    qtbot.waitUntil(lambda: w.pending() == 0, timeout=5000)
    w.stop()


def test_job_runs_off_the_gui_thread_and_result_comes_back_on_it(qtbot, worker):
    seen = {}

    def job(a, b, c=0):
        seen["job_thread"] = threading.current_thread()
        return a + b + c

    def done(result):
        seen["result"] = result
        seen["done_thread"] = threading.current_thread()

    worker.submit(job, 1, 2, c=3, on_done=done)
    qtbot.waitUntil(lambda: "result" in seen, timeout=5000)
    assert seen["result"] == 6
    assert seen["job_thread"] is not threading.main_thread()
    assert seen["job_thread"].name == "db-worker"
    assert seen["done_thread"] is threading.main_thread()


def test_jobs_run_in_order(qtbot, worker):
    order = []
    for i in range(20):
        worker.submit(lambda i=i: (time.sleep(0.001 * (i % 3)), i)[1], on_done=order.append)
    qtbot.waitUntil(lambda: len(order) == 20, timeout=5000)
    assert order == list(range(20))


def test_errors_are_delivered(qtbot, worker):
    errors = []

    def bad():
        raise RuleViolation("入住日期晚于今天", "admission_date")

    worker.submit(bad, on_done=lambda r: errors.append("done?"), on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], RuleViolation)
    assert errors[0].problems[0].field == "admission_date"


def test_error_hook_when_no_handler(qtbot, worker):
    hooked = []
    worker.error_hook = hooked.append
    worker.submit(lambda: 1 / 0)
    qtbot.waitUntil(lambda: bool(hooked), timeout=5000)
    assert isinstance(hooked[0], ZeroDivisionError)


def test_progress_and_abort(qtbot, worker):
    progress, outcome = [], []
    started = threading.Event()

    def long_job(n, *, progress, abort):
        for i in range(n):
            started.set()
            progress(i / n, f"第{i}步")
            time.sleep(0.005)
        return "finished"

    job = worker.submit(long_job, 10_000, on_done=outcome.append, on_error=outcome.append,
                        on_progress=lambda f, m: progress.append((f, m)), with_progress=True)
    assert started.wait(5)
    qtbot.waitUntil(lambda: len(progress) >= 3, timeout=5000)
    job.abort.set()
    qtbot.waitUntil(lambda: bool(outcome), timeout=5000)
    assert isinstance(outcome[0], Aborted)
    assert progress[0] == (0.0, "第0步")
    assert all(0.0 <= f < 1.0 for f, _ in progress)


def test_progress_job_that_finishes(qtbot, worker):
    progress, outcome = [], []

    def job(*, progress, abort):
        for i in range(5):
            progress((i + 1) / 5, "")
        return 42

    worker.submit(job, on_done=outcome.append, on_progress=lambda f, m: progress.append(f), with_progress=True)
    qtbot.waitUntil(lambda: bool(outcome), timeout=5000)
    assert outcome == [42]
    qtbot.waitUntil(lambda: len(progress) == 5, timeout=5000)
    assert progress[-1] == 1.0


def test_busy_signal(qtbot, worker):
    states = []
    worker.busy_changed.connect(states.append)
    gate = threading.Event()
    worker.submit(gate.wait, 5)
    worker.submit(lambda: None)
    assert worker.pending() == 2
    gate.set()
    qtbot.waitUntil(lambda: worker.pending() == 0, timeout=5000)
    assert states == [True, False]
