"""Issue 12, defect 10: the shared save dialog starts in the documents folder
and speaks the interface language (built by a factory, never shown here)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog

from eldercare_desktop.ui import i18n, widgets

L = QFileDialog.DialogLabel


def test_qt_ships_its_chinese_translation():
    assert i18n.qt_catalog("zh_CN") == "qtbase_zh_CN"
    assert (Path(i18n.qt_translations_dir()) / "qtbase_zh_CN.qm").is_file()
    assert i18n.qt_catalog("en") is None


def test_save_dialog_starts_in_documents_with_chinese_labels(qtbot, monkeypatch, tmp_path):
    docs = tmp_path / "文档"
    docs.mkdir()
    monkeypatch.setattr(widgets, "documents_folder", lambda: docs)
    dlg = widgets.save_dialog(None, "导出审计日志", "审计日志_20260110.xlsx", "Excel 工作簿 (*.xlsx)")
    qtbot.addWidget(dlg)
    assert Path(dlg.directory().absolutePath()) == docs
    assert dlg.testOption(QFileDialog.Option.DontUseNativeDialog)
    assert dlg.acceptMode() == QFileDialog.AcceptMode.AcceptSave
    assert dlg.defaultSuffix() == "xlsx"
    assert dlg.windowTitle() == "导出审计日志"
    assert {k: dlg.labelText(k) for k in (L.Accept, L.Reject, L.FileName, L.FileType, L.LookIn)} == {
        L.Accept: "保存", L.Reject: "取消", L.FileName: "文件名：", L.FileType: "文件类型：", L.LookIn: "位置："}
    assert dlg.selectedFiles()[0].endswith("审计日志_20260110.xlsx")


def test_an_absolute_name_starts_in_its_own_folder(qtbot, tmp_path):
    dlg = widgets.save_dialog(None, "保存", str(tmp_path / "a.pdf"), "PDF 文件 (*.pdf)")
    qtbot.addWidget(dlg)
    assert Path(dlg.directory().absolutePath()) == tmp_path
    assert dlg.defaultSuffix() == "pdf"


def test_a_missing_folder_starts_in_the_nearest_existing_one(qtbot, tmp_path):
    dlg = widgets.save_dialog(None, "保存", str(tmp_path / "no" / "such" / "a.pdf"), "PDF 文件 (*.pdf)")
    qtbot.addWidget(dlg)
    assert Path(dlg.directory().absolutePath()) == tmp_path


def test_save_file_path_returns_the_choice_or_none(qtbot, monkeypatch, tmp_path):
    made = []
    real = widgets.save_dialog

    def factory(*a):
        d = real(*a)
        made.append(d)
        return d

    monkeypatch.setattr(widgets, "save_dialog", factory)
    monkeypatch.setattr(QFileDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    assert widgets.save_file_path(None, "保存", str(tmp_path / "x.xlsx"), "Excel 工作簿 (*.xlsx)") \
        == str(tmp_path / "x.xlsx")
    monkeypatch.setattr(QFileDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert widgets.save_file_path(None, "保存", "x.xlsx", "Excel 工作簿 (*.xlsx)") is None
    assert len(made) == 2
