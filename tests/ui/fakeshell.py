"""A minimal Shell for page tests: a real DbWorker and App, Changes broadcast
to the pages registered with it, errors and notices collected for asserts."""
from __future__ import annotations

from typing import Any, Callable

import pytest

from eldercare_desktop.domain.records import Changes
from eldercare_desktop.ui.base import Page, Shell
from eldercare_desktop.ui.worker import DbWorker


class FakeShell(Shell):
    def __init__(self, app, actor):
        self.app = app
        self.ctx = app.as_user(actor)
        self.worker = DbWorker()
        self.pages: list[Page] = []
        self.errors: list[BaseException] = []
        self.messages: list[str] = []
        self.calls: list[str] = []

    def add(self, page: Page) -> Page:
        self.pages.append(page)
        return page

    def _done(self, on_done: Callable[[Any], None] | None) -> Callable[[Any], None]:
        def done(result: Any) -> None:
            if on_done:
                on_done(result)
            if isinstance(result, Changes):
                if result.message:
                    self.notify(result.message)
                for p in self.pages:
                    p.on_changes(result)

        return done

    def call(self, fn, *args, on_done=None, on_error=None, **kwargs) -> None:
        self.calls.append(getattr(fn, "__name__", repr(fn)))
        self.worker.submit(fn, self.ctx, *args, on_done=self._done(on_done),
                           on_error=on_error or self.show_error, **kwargs)

    def run_long(self, title, fn, *args, on_done=None, **kwargs) -> None:
        self.worker.submit(fn, self.ctx, *args, on_done=self._done(on_done), on_error=self.show_error,
                           with_progress=True, **kwargs)

    def show_error(self, exc: BaseException) -> None:
        self.errors.append(exc)

    def notify(self, text: str) -> None:
        self.messages.append(text)

    def idle(self) -> bool:
        return self.worker.pending() == 0


@pytest.fixture
def make_shell(app, qtbot):
    """``make_shell(actor)`` → a FakeShell on the test's App; stopped after the test."""
    shells: list[FakeShell] = []

    def make(actor) -> FakeShell:
        s = FakeShell(app, actor)
        shells.append(s)
        return s

    yield make
    for s in shells:
        qtbot.waitUntil(s.idle, timeout=10000)
        s.worker.stop()
