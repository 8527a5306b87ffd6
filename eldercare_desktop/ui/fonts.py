"""The bundled CJK font (WenQuanYi Micro Hei): registered at start-up and put
in the application font's family list as the fallback for Chinese glyphs, so
Chinese never shows as boxes on a machine without CJK fonts."""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication


def resources_dir() -> Path:
    """resources/ next to the package, or inside a PyInstaller bundle."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


FONT_FILE = "fonts/wqy-microhei.ttc"
CJK_FAMILY = "WenQuanYi Micro Hei"

# Preferred system families placed before the bundled one on each platform.
_SYSTEM_CJK = {
    "win32": ["Microsoft YaHei UI", "Microsoft YaHei"],
    "darwin": ["PingFang SC"],
}

_registered: list[str] | None = None


def register_cjk_font() -> list[str]:
    """Register the bundled font once; returns its families ([] if missing)."""
    global _registered
    if _registered is None:
        path = resources_dir() / FONT_FILE
        fid = QFontDatabase.addApplicationFont(str(path)) if path.exists() else -1
        _registered = list(QFontDatabase.applicationFontFamilies(fid)) if fid >= 0 else []
    return _registered


def install(app: QApplication) -> QFont:
    """Register the font and make it the application's CJK fallback."""
    families = register_cjk_font()
    font = app.font()
    chain = [font.family()] + _SYSTEM_CJK.get(sys.platform, [])
    if CJK_FAMILY in families:
        chain.append(CJK_FAMILY)
    font.setFamilies(list(dict.fromkeys(chain)))
    app.setFont(font)
    return font


def monospace_font() -> QFont:
    f = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    families = [f.family()]
    if _registered and "WenQuanYi Micro Hei Mono" in _registered:
        families.append("WenQuanYi Micro Hei Mono")
    f.setFamilies(families)
    return f
