"""Helpers for installer/build-windows.sh (run with the build machine's Python).

    winbundle.py deps PYPROJECT                 -> [project.dependencies], one a line
    winbundle.py missing WHEELDIR REQ...        -> requirements the Windows/cp312 closure
                                                   still lacks (markers evaluated for the
                                                   *target*, which pip download does not do)
    winbundle.py unpack WHEELDIR DEST           -> unpack every wheel into DEST (site-packages)
    winbundle.py trim-qt PKGS                   -> keep only the Qt parts the app uses
    winbundle.py pe-check ROOT                  -> every DLL imported by a kept .exe/.dll/.pyd
                                                   is shipped or is a Windows system DLL
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zipfile
from email.parser import Parser
from pathlib import Path

try:
    from packaging.markers import Marker  # noqa: F401
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name
except ImportError:  # pip vendors packaging
    from pip._vendor.packaging.requirements import Requirement
    from pip._vendor.packaging.utils import canonicalize_name

#: the target: 64-bit Windows, the embeddable CPython 3.12 shipped in the installer
TARGET_ENV = {
    "implementation_name": "cpython",
    "implementation_version": "3.12.9",
    "os_name": "nt",
    "platform_machine": "AMD64",
    "platform_python_implementation": "CPython",
    "platform_release": "10",
    "platform_system": "Windows",
    "platform_version": "10.0.19045",
    "python_full_version": "3.12.9",
    "python_version": "3.12",
    "sys_platform": "win32",
}


def deps(pyproject: str) -> None:
    import tomllib

    with open(pyproject, "rb") as f:
        data = tomllib.load(f)
    print("\n".join(data["project"]["dependencies"]))


def _wheel_metadata(wheeldir: Path) -> dict[str, tuple[str, list[str]]]:
    out = {}
    for whl in sorted(wheeldir.glob("*.whl")):
        with zipfile.ZipFile(whl) as z:
            name = next(n for n in z.namelist() if re.fullmatch(r"[^/]+\.dist-info/METADATA", n))
            msg = Parser().parsestr(z.read(name).decode("utf-8"))
        out[canonicalize_name(msg["Name"])] = (msg["Version"], msg.get_all("Requires-Dist") or [])
    return out


def missing(wheeldir: str, reqs: list[str]) -> None:
    meta = _wheel_metadata(Path(wheeldir))
    todo = [(Requirement(r), None) for r in reqs]
    seen: set[tuple[str, frozenset]] = set()
    lacking: list[str] = []
    while todo:
        req, extra = todo.pop()
        env = dict(TARGET_ENV, extra=extra or "")
        if req.marker is not None and not req.marker.evaluate(env):
            continue
        name = canonicalize_name(req.name)
        key = (name, frozenset(req.extras))
        if key in seen:
            continue
        seen.add(key)
        if name not in meta:
            lacking.append(str(Requirement(f"{req.name}{req.specifier}")))
            continue
        version, requires = meta[name]
        if not req.specifier.contains(version, prereleases=True):
            sys.exit(f"winbundle: {name} {version} does not satisfy {req}")
        for r in requires:
            rr = Requirement(r)
            if rr.marker is None or "extra" not in str(rr.marker):
                todo.append((rr, None))
            else:
                for ex in req.extras or ():
                    if rr.marker.evaluate(dict(TARGET_ENV, extra=ex)):
                        todo.append((Requirement(str(rr).split(";")[0]), None))
    needed = {n for n, _ in seen}
    for extra_wheel in sorted(set(meta) - needed):
        print(f"# not needed on Windows (host-only marker?): {extra_wheel}", file=sys.stderr)
    for r in sorted(set(lacking)):
        print(r)


def unpack(wheeldir: str, dest: str) -> None:
    d = Path(dest)
    d.mkdir(parents=True, exist_ok=True)
    for whl in sorted(Path(wheeldir).glob("*.whl")):
        with zipfile.ZipFile(whl) as z:
            names = z.namelist()
            if any(n.endswith(".pth") and "/" not in n for n in names):
                # ._pth mode: .pth files in ..\pkgs are never processed
                sys.exit(f"winbundle: {whl.name} ships a top-level .pth file, which the "
                         "embeddable Python's ._pth mode would ignore; handle it explicitly")
            data = [n for n in names if re.match(r"[^/]+\.data/", n)]
            for n in data:
                if not re.match(r"[^/]+\.data/(purelib|platlib)/", n):
                    print(f"winbundle: skipping {whl.name}:{n} (scripts/headers/data)", file=sys.stderr)
            z.extractall(d, [n for n in names if n not in data])
            for n in data:
                m = re.match(r"[^/]+\.data/(purelib|platlib)/(.+)", n)
                if m and not n.endswith("/"):
                    target = d / m.group(2)
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(z.read(n))
        print(f"unpacked {whl.name}")
    # console-script launchers are pointless here; RECORD stays (uninstall is by folder)


# Qt for a Widgets app that prints: QtCore, QtGui, QtWidgets, QtPrintSupport (grep of
# eldercare_desktop/ for "PySide6.Qt"). Everything else in PySide6-Essentials goes.
QT_KEEP_TOP = {
    "__init__.py", "_config.py", "_git_pyside_version.py", "py.typed",
    "QtCore.pyd", "QtGui.pyd", "QtWidgets.pyd", "QtPrintSupport.pyd",
    "Qt6Core.dll", "Qt6Gui.dll", "Qt6Widgets.dll", "Qt6PrintSupport.dll", "Qt6Svg.dll",
    "pyside6.abi3.dll",
    "msvcp140.dll", "msvcp140_1.dll", "msvcp140_2.dll", "msvcp140_codecvt_ids.dll",
    "vcruntime140.dll", "vcruntime140_1.dll", "concrt140.dll",
}
QT_KEEP_DIRS = {"support"}
QT_KEEP_FILES = {
    "plugins/platforms/qwindows.dll",
    "plugins/styles/qmodernwindowsstyle.dll",
    "plugins/imageformats/qico.dll",
    "plugins/imageformats/qjpeg.dll",
    "plugins/imageformats/qgif.dll",
    "plugins/imageformats/qsvg.dll",
    "plugins/iconengines/qsvgicon.dll",
    "translations/qtbase_zh_CN.qm",
    "translations/qt_zh_CN.qm",
}


def trim_qt(pkgs: str) -> None:
    root = Path(pkgs) / "PySide6"
    removed = 0
    for p in sorted(root.rglob("*"), reverse=True):
        rel = p.relative_to(root).as_posix()
        if p.is_dir():
            if not any(p.iterdir()):
                p.rmdir()
            continue
        top = rel.split("/")[0]
        if rel in QT_KEEP_TOP or top in QT_KEEP_DIRS or rel in QT_KEEP_FILES:
            continue
        removed += p.stat().st_size
        p.unlink()
    for p in sorted(root.rglob("*"), reverse=True):
        if p.is_dir() and not any(p.iterdir()):
            p.rmdir()
    for p in Path(pkgs).rglob("__pycache__"):
        shutil.rmtree(p, ignore_errors=True)  # host-built .pyc (e.g. cpython-310) are useless
    print(f"trim-qt: removed {removed / 1e6:.1f} MB from PySide6")


WINDOWS_SYSTEM = {
    "kernel32", "user32", "gdi32", "advapi32", "shell32", "ole32", "oleaut32", "comdlg32",
    "winspool.drv", "ws2_32", "version", "winmm", "imm32", "dwmapi", "uxtheme", "shlwapi",
    "netapi32", "userenv", "mpr", "authz", "crypt32", "bcrypt", "ncrypt", "secur32", "d3d11",
    "d3d9", "d3d12", "dxgi", "dcomp", "dwrite", "d2d1", "setupapi", "wtsapi32", "shcore",
    "comctl32", "opengl32", "rpcrt4", "iphlpapi", "dnsapi", "normaliz", "wldap32", "msvcrt",
    "ntdll", "psapi", "powrprof", "cfgmgr32", "propsys", "runtimeobject", "combase",
    "uiautomationcore", "oleacc", "hid", "wintrust", "msimg32", "usp10", "dbghelp", "sspicli",
    "bcryptprimitives", "cabinet", "msi", "ucrtbase", "winhttp", "d3dcompiler_47", "wininet",
    "mswsock", "netutils", "cryptui", "dxva2", "mf", "mfplat", "dwmapi", "ncrypt", "pdh",
    "virtdisk", "msvcp_win", "mscoree", "shfolder", "urlmon", "wevtapi", "d3d10", "glu32",
    "icuuc", "icuin", "icu",  # Windows 10 1903+ ships ICU in System32; Qt6Core uses it
}


def pe_check(root: str) -> None:
    r = Path(root)
    shipped = {p.name.lower() for p in r.rglob("*") if p.suffix.lower() in (".dll", ".pyd", ".exe")}
    bad: dict[str, set[str]] = {}
    count = 0
    for p in sorted(r.rglob("*")):
        if p.suffix.lower() not in (".dll", ".pyd", ".exe"):
            continue
        count += 1
        out = subprocess.run(["objdump", "-p", str(p)], capture_output=True, text=True).stdout
        for dll in re.findall(r"DLL Name: (\S+)", out):
            low = dll.lower()
            stem = low[:-4] if low.endswith(".dll") else low
            if low in shipped or stem in WINDOWS_SYSTEM or low in WINDOWS_SYSTEM:
                continue
            if low.startswith(("api-ms-win-", "ext-ms-")):
                continue
            bad.setdefault(dll, set()).add(str(p.relative_to(r)))
    for dll, users in sorted(bad.items()):
        print(f"pe-check: {dll} not shipped, needed by {sorted(users)[:4]}", file=sys.stderr)
    print(f"pe-check: {count} PE files, {len(bad)} unresolved imports")
    if bad:
        sys.exit(1)


if __name__ == "__main__":
    cmd, *args = sys.argv[1:]
    {"deps": lambda: deps(*args), "missing": lambda: missing(args[0], args[1:]),
     "unpack": lambda: unpack(*args), "trim-qt": lambda: trim_qt(*args),
     "pe-check": lambda: pe_check(*args)}[cmd]()
