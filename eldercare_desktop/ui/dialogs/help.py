"""帮助 → 使用指南: the user guide shipped with the app
(resources/guide/用户指南.md, Markdown) in a QTextBrowser. The window is not
modal, so it can stay open beside the main window while staff work."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ..fonts import resources_dir

GUIDE_NAME = "用户指南.md"


def guide_path() -> Path:
    return resources_dir() / "guide" / GUIDE_NAME


class HelpDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, path: Path | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("使用指南"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.setModal(False)
        self.path = path or guide_path()
        lay = QVBoxLayout(self)
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        self.browser.document().setDocumentMargin(16)
        self.browser.setStyleSheet("QTextBrowser { font-size: 15px; }")
        try:
            text = self.path.read_text(encoding="utf-8")
        except OSError:
            text = self.tr("# 使用指南\n\n找不到使用指南文件：%1").replace("%1", str(self.path))
        self.browser.document().setBaseUrl(self.path.parent.as_uri() + "/")
        self.browser.setMarkdown(text)
        lay.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.close)
        lay.addWidget(buttons)
        screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
        avail = screen.availableGeometry()
        self.resize(min(900, avail.width() - 40), min(760, avail.height() - 60))

    def text(self) -> str:
        return self.browser.toPlainText()


__all__ = ["HelpDialog", "guide_path", "GUIDE_NAME"]
