"""What every page shares: the shell it lives in and how it refreshes."""
from __future__ import annotations

import functools
import importlib
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtWidgets import QWidget

from ..domain.records import Changes

if TYPE_CHECKING:  # pragma: no cover
    from ..services.context import App, Ctx
    from .worker import DbWorker


class LazyService:
    """A services module imported by its first call, not by the page that
    names it. ``residents = LazyService("residents")`` then
    ``shell.call(residents.list_residents)`` imports ``services.residents``
    (and the ORM under it) on the database thread: the first page is built
    and shown before the ORM has loaded."""

    def __init__(self, module: str):
        self._module = f"{__package__.rpartition('.')[0]}.services.{module}"

    def __getattr__(self, name: str) -> Callable[..., Any]:
        if name.startswith("__"):
            raise AttributeError(name)
        module = self._module

        def call(*args: Any, **kwargs: Any) -> Any:
            return getattr(importlib.import_module(module), name)(*args, **kwargs)

        call.__name__ = call.__qualname__ = name
        return call


class Shell:
    """The main window's services to pages (an interface; MainWindow implements it).

    - ``app``: the open App; ``ctx``: App.as_user(current actor)
    - ``worker``: the DbWorker; run every service call through ``call``
    - ``call(fn, *args, on_done=..., **kw)``: run ``fn(ctx, *args, **kw)`` on the
      database thread; errors are shown to the user (Chinese message) unless
      ``on_error`` is given; if the result is a ``Changes`` it is broadcast to
      every page's ``on_changes`` after ``on_done``.
    - ``run_long(title, fn, *args, on_done=...)``: like call, with a cancellable
      progress dialog; ``fn(ctx, *args, progress=..., abort=...)``.
    - ``show_error(exc)``, ``notify(text)`` (status bar).
    - ``page_reloading(page)``: told by every ``Page.reload`` (ui/stale.py: the
      page is fresh again, its stale bar goes).
    """

    app: "App"
    ctx: "Ctx"
    worker: "DbWorker"

    def call(self, fn: Callable[..., Any], *args: Any, on_done: Callable[[Any], None] | None = None,
             on_error: Callable[[BaseException], None] | None = None, **kwargs: Any) -> None:
        raise NotImplementedError

    def run_long(self, title: str, fn: Callable[..., Any], *args: Any,
                 on_done: Callable[[Any], None] | None = None, **kwargs: Any) -> None:
        raise NotImplementedError

    def show_error(self, exc: BaseException) -> None:
        raise NotImplementedError

    def notify(self, text: str) -> None:
        raise NotImplementedError

    def page_reloading(self, page: "Page") -> None:
        """A page started reloading (optional for shells)."""


def _announced(reload: Callable[..., Any]) -> Callable[..., Any]:
    """``reload`` that first marks the page fresh and tells the shell."""
    if getattr(reload, "_announced", False):
        return reload

    @functools.wraps(reload)
    def announced(self: "Page", *args: Any, **kwargs: Any) -> Any:
        self._stale = False
        shell = getattr(self, "shell", None)
        if shell is not None:
            getattr(shell, "page_reloading", lambda _p: None)(self)
        return reload(self, *args, **kwargs)

    announced._announced = True  # type: ignore[attr-defined]
    return announced


class Page(QWidget):
    """A page in the navigation. Subclasses load their data lazily: the first
    ``activate()`` loads; ``on_changes`` reloads when an entity they show changed
    (a write of this window); ``changed_elsewhere`` says whether a change made
    on another PC (services.changes, ui/stale.py) makes what it shows stale.
    Every ``reload`` (a subclass's too) marks the page fresh and tells the
    shell (``page_reloading``)."""

    #: entities (Changes.entities) this page shows
    watches: frozenset[str] = frozenset()
    #: when another PC changed what the page shows while it is on screen:
    #: False = offer 刷新 (ui/stale.py's bar: nothing moves under the user);
    #: True = reload at once when no dialog is open (a page with nothing to
    #: select, type or lose, such as the home page's figures)
    auto_refresh: bool = False

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "reload" in cls.__dict__:
            cls.reload = _announced(cls.__dict__["reload"])  # type: ignore[method-assign]

    def __init__(self, shell: Shell, parent: QWidget | None = None):
        super().__init__(parent)
        self.shell = shell
        self._loaded = False
        self._stale = False

    def activate(self) -> None:
        """Called when the page is shown."""
        if not self._loaded or self._stale:
            self._loaded = True
            self._stale = False
            self.reload()

    def reload(self) -> None:
        """Fetch data through ``self.shell.call`` and fill the widgets."""

    # -- helpers every page uses --------------------------------------------------
    def deny(self, button, perm) -> None:
        """Disable a button the user's role may not use, saying why."""
        from .i18n import perm_name

        button.setEnabled(False)
        button.setToolTip(self.tr("您的角色没有“%1”的权限").replace("%1", perm_name(perm)))

    def gate(self, button, allowed: bool, perm) -> bool:
        if not allowed:
            self.deny(button, perm)
        return allowed

    def confirm(self, title: str, text: str) -> bool:
        """Ask yes/no, No by default (tests replace this)."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Question, title, text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes

    def on_changes(self, changes: Changes) -> None:
        if changes.entities & self.watches:
            if self.isVisible():
                self.reload()
            else:
                self._stale = True

    def changed_elsewhere(self, entities: frozenset[str]) -> bool:
        """Another PC changed ``entities`` (services.changes names; "*" =
        everything): True when what this page shows is now out of date. A
        page may refresh a small part quietly here and return False."""
        return "*" in entities or bool(entities & self.watches)


Page.reload = _announced(Page.reload)  # type: ignore[method-assign]
