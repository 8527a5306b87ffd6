"""Entry point of the GUI (``eldercare-desktop``, ``python -m eldercare_desktop``).

Start-up order: QApplication → bundled CJK font → translations → open the
database on the database thread (creates and migrates it on first run) →
first-run dialog (administrator, optional demo data) → login → main window.
注销 / 切换用户 close the window (``MainWindow.session_end``); the login
runs again and a new window opens on the same database thread, without
restarting the process.

Cold-start budget 0.6 s to a usable window: nothing heavy (ReportLab,
openpyxl, Alembic) is imported here; the database opens and the login runs
on SQLAlchemy Core (``services.auth``); the ORM and the first page's
services import on the database thread after the window is shown; other
pages are built on first navigation.

Benchmark hooks: ELDERCARE_AUTOLOGIN="user:password" skips the login
dialog; ELDERCARE_BENCH_EXIT prints ``window <seconds since process start>``
when the main window is shown, whether the GUI thread imported the ORM
during its first event-loop turn (it must not), ``shown <seconds>`` once
the residents list has loaded, its peak memory and whether the garbage
collector is back on, then quits."""
from __future__ import annotations

import time

_T0 = time.perf_counter()

import argparse  # noqa: E402
import gc  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
import threading  # noqa: E402
from typing import Any, Callable  # noqa: E402


def _started_before_t0() -> float:
    """Seconds the process ran before this module was imported (Linux only)."""
    try:
        with open("/proc/self/stat", "rb") as fh:
            fields = fh.read().rsplit(b")", 1)[1].split()
        start_ticks = int(fields[19])  # field 22 overall: starttime in clock ticks after boot
        hz = os.sysconf("SC_CLK_TCK")
        return max(0.0, time.clock_gettime(time.CLOCK_BOOTTIME) - start_ticks / hz)
    except (OSError, ValueError, IndexError, AttributeError):
        return 0.0


_BEFORE_T0 = _started_before_t0()


def since_start() -> float:
    """Seconds since the process started (falls back to since this import)."""
    return _BEFORE_T0 + (time.perf_counter() - _T0)


_TRACE = bool(os.environ.get("ELDERCARE_STARTUP_TRACE"))


def trace(label: str) -> None:
    """ELDERCARE_STARTUP_TRACE=1 prints start-up phases to stderr."""
    if _TRACE:
        print(f"[{since_start():.3f}] {label}", file=sys.stderr, flush=True)


def _version() -> str:
    from .. import __version__

    return __version__


def self_test() -> int:
    """``--self-test``: services.selftest without a window; the summary on stdout."""
    from ..services import selftest
    from ..services.output import chinese_streams

    chinese_streams()
    result = selftest.run(progress=lambda step: print(f"自检：{step}…", file=sys.stderr, flush=True))
    print(result.summary, file=sys.stdout if result.ok else sys.stderr, flush=True)
    return 0 if result.ok else 1


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="eldercare-desktop", description="养老机构管理系统")
    p.add_argument("--database", metavar="PATH_OR_URL",
                   help="数据库文件路径或 URL（也可用环境变量 ELDERCARE_DATABASE_URL）")
    p.add_argument("--lang", choices=("zh_CN", "en"), help="界面语言（默认使用上次保存的选择，初始为 zh_CN）")
    p.add_argument("--self-test", action="store_true",
                   help="自检后退出：在临时文件夹中建库、生成演示机构、计费、打印PDF、导出Excel并校验审计链")
    p.add_argument("--version", action="version", version=f"%(prog)s {_version()}", help="显示版本号并退出")
    args, _qt = p.parse_known_args(argv)
    return args


def _import_services() -> None:
    from ..services import residents  # noqa: F401  (and the ORM under it)


def _import_window() -> None:
    from . import main_window  # noqa: F401
    from .pages import residents  # noqa: F401


def wait_for(worker, fn: Callable[..., Any], *args: Any, before_wait: Callable[[], None] | None = None,
             **kwargs: Any) -> Any:
    """Run ``fn`` on the database thread and spin a local event loop until it
    finishes (the GUI stays responsive); re-raise its error here."""
    from PySide6.QtCore import QEventLoop

    loop = QEventLoop()
    box: dict[str, Any] = {}

    def done(result: Any) -> None:
        box["result"] = result
        loop.quit()

    def failed(exc: BaseException) -> None:
        box["error"] = exc
        loop.quit()

    worker.submit(fn, *args, on_done=done, on_error=failed, **kwargs)
    if before_wait is not None:
        before_wait()
    if not box:
        loop.exec()
    if "error" in box:
        raise box["error"]
    return box["result"]


def _open_app(database: str | None):
    from ..services import auth
    from ..services.context import App

    trace("db thread: services imported")
    app = App.open(database)
    return app, auth.needs_first_run(app)


def configure_application(qapp) -> None:
    """Organisation and application names (QSettings). No application
    display name: Qt appends it to every window title that does not end
    with it, so the main window's "养老机构管理系统 — <centre>" would name
    the app twice."""
    from . import i18n

    qapp.setOrganizationName(i18n.ORG)
    qapp.setApplicationName(i18n.APP)


def next_actor(app, worker, win):
    """After a main window closed: who works next. 切换用户 already logged
    someone in; after 注销 the login dialog asks (退出 there quits); a
    plain close quits (None)."""
    end = getattr(win, "session_end", None)
    if end is None:
        return None
    _kind, actor = end
    if actor is not None:
        return actor
    from .dialogs.login import LoginDialog

    login = LoginDialog(app, worker)
    if login.exec() != LoginDialog.DialogCode.Accepted:
        return None
    return login.actor


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.self_test:
        return self_test()
    trace("main")
    # Start-up creates ~90,000 long-lived container objects (modules,
    # classes, functions): the cyclic collector would scan them over and
    # over (~40 ms). It is switched back on when the window shows, when a
    # dialog waits for the user, or when start-up fails.
    gc.disable()
    try:
        return _start(args)
    finally:
        gc.enable()


def _start(args: argparse.Namespace) -> int:
    # Imports hold Python's lock, so a helper thread would not make them
    # faster (measured: slower). The database thread opens the database
    # while this thread sets up fonts and translations, and the window's
    # modules import here while argon2 (which releases the lock) checks
    # the password.
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from . import fonts, i18n
    from .worker import DbWorker

    qapp = QApplication.instance() or QApplication([sys.argv[0]])
    configure_application(qapp)
    worker = DbWorker()
    trace("QApplication")
    # The database opens (and the services import) on the database thread
    # while this thread sets up fonts and translations.
    opened = {}
    worker.submit(_open_app, args.database, on_done=lambda r: opened.setdefault("r", r),
                  on_error=lambda e: opened.setdefault("e", e))
    fonts.install(qapp)
    i18n.install(qapp, args.lang)
    bench = bool(os.environ.get("ELDERCARE_BENCH_EXIT"))
    trace("fonts and translations")

    try:
        if not opened:
            wait_for(worker, lambda: None)  # the queue is ordered: _open_app has finished
        if "e" in opened:
            raise opened["e"]
        app, first_run = opened["r"]
        trace("database open")
    except Exception as exc:  # noqa: BLE001 - every failure gets the same box
        message = getattr(exc, "message", None) or f"{type(exc).__name__}: {exc}"
        QMessageBox.critical(None, qapp.translate("app", "无法打开数据库"),
                             qapp.translate("app", "无法打开数据库，程序将退出。\n\n%1").replace("%1", message))
        worker.stop()
        return 1

    username = ""
    if first_run:
        gc.enable()
        from .dialogs.first_run import FirstRunDialog

        dlg = FirstRunDialog(app, worker)
        if dlg.exec() != FirstRunDialog.DialogCode.Accepted or dlg.actor is None:
            worker.stop()
            app.close()
            return 0
        username = dlg.actor.username

    actor = None
    autologin = os.environ.get("ELDERCARE_AUTOLOGIN", "")
    if autologin and ":" in autologin:
        from ..services import auth

        user, _, password = autologin.partition(":")
        try:
            # argon2 runs without the GIL: import the window meanwhile
            actor = wait_for(worker, auth.login, app, user, password, before_wait=_import_window)
        except Exception as exc:  # noqa: BLE001
            print(f"autologin failed: {getattr(exc, 'message', exc)}", file=sys.stderr)
            if bench:
                worker.stop()
                return 2
    if actor is None:
        gc.enable()
        from .dialogs.login import LoginDialog

        login = LoginDialog(app, worker, username)
        # while the user types the password: the window's modules here, and
        # the ORM with the first page's services on the database thread
        QTimer.singleShot(100, _import_window)
        worker.submit(_import_services)
        if login.exec() != LoginDialog.DialogCode.Accepted or login.actor is None:
            worker.stop()
            app.close()
            return 0
        actor = login.actor

    trace("logged in")
    from .main_window import MainWindow

    # The first page's load (which imports the ORM on the database thread)
    # waits until the window is up, so the two threads do not take turns
    # at the GIL while the window is built.
    shown = threading.Event()
    worker.submit(shown.wait)
    try:
        win = MainWindow(app, actor, worker)
    except BaseException:
        shown.set()
        worker.stop()
        app.close()
        raise
    trace("main window built")
    if bench:
        page = win.pages[win.PAGE_KEYS[0]]  # the page the window opens on (首页)

        def report(*_args) -> None:
            page.loaded.disconnect(report)
            qapp.processEvents()  # paint the loaded list
            print(f"shown {since_start():.3f}", flush=True)
            import resource

            print(f"rss {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.1f}", flush=True)
            print(f"gc-enabled {int(gc.isenabled())}", flush=True)
            win.close()
            qapp.quit()
            # nothing to save: skip interpreter teardown so the benchmark's
            # whole-process time measures start-up, not module finalisation
            worker.stop()
            app.close()
            sys.stderr.flush()
            os._exit(0)

        page.loaded.connect(report)
        QTimer.singleShot(60_000, lambda: (print("bench: the first page never loaded", file=sys.stderr),
                                           qapp.exit(3)))
    win.show()
    trace("main window shown")
    if bench:
        print(f"window {since_start():.3f}", flush=True)
        # runs after the window's own first-turn work and before the gate
        # opens, so only the GUI thread can have imported the ORM by then
        QTimer.singleShot(0, lambda: print(f"orm-on-gui-thread {int('sqlalchemy.orm' in sys.modules)}",
                                           flush=True))
    QTimer.singleShot(0, shown.set)
    gc.freeze()  # what start-up built lives as long as the app: never scan it again
    gc.enable()
    code = qapp.exec()
    while True:  # 注销 / 切换用户 end a session; the next one opens a new window
        win.deleteLater()  # with its pages (deleted by the next event loop, the login dialog's)
        actor = next_actor(app, worker, win)
        if actor is None:
            break
        trace("next session")
        win = MainWindow(app, actor, worker)
        win.show()
        code = qapp.exec()
    worker.stop()
    app.close()
    return code


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
