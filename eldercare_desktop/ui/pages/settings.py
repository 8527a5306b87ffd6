"""设置: tabs for the centre profile, users, assessment settings, general
preferences (language; the idle lock, set by an administrator) and data
(backup / restore)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.roles import Perm
from .. import i18n
from ..base import Page, Shell


class SettingsPage(Page):
    TABS = ("centre", "users", "assessment", "general", "data")

    def __init__(self, shell: Shell, parent: QWidget | None = None):
        super().__init__(shell, parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(10, 10, 10, 10)
        self.tabs = QTabWidget(self)
        lay.addWidget(self.tabs)
        self._pages: dict[str, Page] = {}
        self._containers: dict[str, QWidget] = {}
        for key, label in (
            ("centre", self.tr("机构信息")),
            ("users", self.tr("用户")),
            ("assessment", self.tr("评估")),
            ("general", self.tr("常规")),
            ("data", self.tr("数据")),
        ):
            box = QWidget(self.tabs)
            QVBoxLayout(box).setContentsMargins(0, 0, 0, 0)
            self._containers[key] = box
            self.tabs.addTab(box, label)
        self.tabs.currentChanged.connect(self._tab_changed)

    # -- tabs -------------------------------------------------------------------
    def sub_pages(self) -> list[Page]:
        return list(self._pages.values())

    def tab(self, key: str) -> Page:
        """The page of a tab, built on first use."""
        page = self._pages.get(key)
        if page is None:
            page = self._make(key)
            self._containers[key].layout().addWidget(page)
            page.show()  # added to a container that may already be visible
            self._pages[key] = page
        return page

    def show_tab(self, key: str) -> Page:
        self.tabs.setCurrentIndex(self.TABS.index(key))
        page = self.tab(key)
        page.activate()
        return page

    def _make(self, key: str) -> Page:
        if key == "centre":
            from .centre import CentrePage

            return CentrePage(self.shell)
        if key == "users":
            from .users import UsersPage

            return UsersPage(self.shell)  # every user may change their own password there
        if key == "assessment":
            from .assessment_settings import AssessmentSettingsTab

            return AssessmentSettingsTab(self.shell)
        if key == "general":
            return GeneralTab(self.shell)
        return DataTab(self.shell)

    def _tab_changed(self, index: int) -> None:
        if self._loaded and 0 <= index < len(self.TABS):
            self.tab(self.TABS[index]).activate()

    def activate(self) -> None:
        self._loaded = True
        self._tab_changed(self.tabs.currentIndex())


class GeneralTab(Page):
    """常规: the interface language (applied at the next start) and the idle
    lock (minutes without input before the window locks; 0 = never; only an
    administrator changes it). Both are stored on this PC."""

    def __init__(self, shell: Shell, parent: QWidget | None = None):
        super().__init__(shell, parent)
        from ..dialogs.lock import MAX_IDLE_MINUTES, idle_lock_minutes
        from ..i18n import no_permission

        lay = QVBoxLayout(self)
        group = QGroupBox(self.tr("界面语言"), self)
        form = QFormLayout(group)
        self.language = QComboBox(group)
        for code, label in i18n.LANGUAGES.items():
            self.language.addItem(label, code)
        self.language.setCurrentIndex(max(0, self.language.findData(i18n.saved_language())))
        self.language.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)  # not stretched full width
        form.addRow(self.tr("语言"), self.language)
        self.note = QLabel(self.tr("更改将在下次启动程序时生效。语言设置保存在本机，只影响这台电脑。"), group)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #666666;")
        form.addRow(self.note)
        lay.addWidget(group)

        lock_group, self.idle_minutes, self.lock_note = self._pc_number(
            self.tr("自动锁定"), self.tr("无人操作后锁定"), MAX_IDLE_MINUTES, idle_lock_minutes(),
            self.tr(" 分钟"), self.tr("不自动锁定"),
            self.tr("前台电脑多人共用：无人操作达到设定时间后程序自动锁定，"
                    "需输入当前用户的密码或切换用户才能继续。0 表示不自动锁定。"
                    "只影响这台电脑。"))
        actor = shell.ctx.actor
        self.can_set_lock = actor.can(Perm.SETTINGS_WRITE)
        if not self.can_set_lock:
            self.idle_minutes.setEnabled(False)
            self.idle_minutes.setToolTip(no_permission(actor, Perm.SETTINGS_WRITE))
        lay.addWidget(lock_group)

        from ..stale import MAX_CHECK_SECONDS, check_seconds

        stale_group, self.check_seconds, _ = self._pc_number(
            self.tr("其他电脑的修改"), self.tr("检查间隔"), MAX_CHECK_SECONDS, check_seconds(),
            self.tr(" 秒"), self.tr("不检查"),
            self.tr("多台电脑共用一个数据库时，每隔几秒检查其他电脑是否修改了正在显示的数据；"
                    "有修改时页面上方提示“刷新”。0 表示不检查。只影响这台电脑。"))
        lay.addWidget(stale_group)

        row = QHBoxLayout()
        self.save_button = QPushButton(self.tr("保存"), self)
        self.save_button.clicked.connect(self.save)
        self.saved_label = QLabel(self)
        row.addWidget(self.save_button)
        row.addWidget(self.saved_label, 1)
        lay.addLayout(row)
        lay.addStretch(1)

    def _pc_number(self, title: str, label: str, maximum: int, value: int, suffix: str, zero: str,
                   note: str) -> tuple[QGroupBox, QSpinBox, QLabel]:
        """A group with one whole-number setting of this PC (0 = off) and its explanation."""
        group = QGroupBox(title, self)
        form = QFormLayout(group)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        spin = QSpinBox(group)
        spin.setRange(0, maximum)
        spin.setSuffix(suffix)
        spin.setSpecialValueText(zero)
        spin.setValue(value)
        spin.setMinimumWidth(140)
        form.addRow(label, spin)
        explanation = QLabel(note, group)
        explanation.setWordWrap(True)
        explanation.setStyleSheet("color: #666666;")
        form.addRow(explanation)
        return group, spin, explanation

    def save(self) -> None:
        code = self.language.currentData()
        i18n.save_language(code)
        text = self.tr("已保存，下次启动时使用%1。").replace("%1", i18n.LANGUAGES[code])
        if self.can_set_lock:
            from ..dialogs.lock import idle_lock_minutes, save_idle_lock_minutes

            minutes = self.idle_minutes.value()
            if minutes != idle_lock_minutes():
                save_idle_lock_minutes(minutes)
                text += " " + (self.tr("自动锁定：无人操作 %1 分钟后锁定。").replace("%1", str(minutes)) if minutes
                               else self.tr("自动锁定已关闭。"))
            getattr(self.shell, "apply_idle_lock", lambda _m: None)(minutes)
        from ..stale import check_seconds, save_check_seconds

        seconds = self.check_seconds.value()
        if seconds != check_seconds():
            save_check_seconds(seconds)
            text += " " + (self.tr("每 %1 秒检查一次其他电脑的修改。").replace("%1", str(seconds)) if seconds
                           else self.tr("已停止检查其他电脑的修改。"))
        watcher = getattr(self.shell, "stale", None)
        if watcher is not None:
            watcher.set_interval(seconds)
        self.saved_label.setText(text)
        self.shell.notify(self.saved_label.text())


class DataTab(Page):
    """数据: database location, backup to a file, restore from a file."""

    def __init__(self, shell: Shell, parent: QWidget | None = None):
        super().__init__(shell, parent)
        from ..i18n import no_permission

        actor = shell.ctx.actor
        lay = QVBoxLayout(self)
        group = QGroupBox(self.tr("数据库"), self)
        form = QFormLayout(group)
        location = getattr(shell, "database_location", lambda: str(shell.app.url))()
        self.location = QLabel(location, group)
        self.location.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.location.setWordWrap(True)
        form.addRow(self.tr("数据库位置"), self.location)
        lay.addWidget(group)

        bgroup = QGroupBox(self.tr("备份与恢复"), self)
        bl = QVBoxLayout(bgroup)
        text = QLabel(self.tr("建议每天备份一次，并把备份文件另存到U盘或其他电脑。"
                              "恢复会用备份文件替换当前全部数据，恢复前的数据会自动另存一份安全副本。"), bgroup)
        text.setWordWrap(True)
        bl.addWidget(text)
        row = QHBoxLayout()
        self.backup_button = QPushButton(self.tr("备份到文件…"), bgroup)
        self.restore_button = QPushButton(self.tr("从备份文件恢复…"), bgroup)
        self.backup_button.clicked.connect(lambda: self.shell.backup_database(on_done=self._backed_up))  # type: ignore[attr-defined]
        self.restore_button.clicked.connect(lambda: self.shell.restore_database(on_done=self._restored))  # type: ignore[attr-defined]
        row.addWidget(self.backup_button)
        row.addWidget(self.restore_button)
        row.addStretch(1)
        bl.addLayout(row)
        self.result = QLabel(bgroup)
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bl.addWidget(self.result)
        lay.addWidget(bgroup)

        agroup = QGroupBox(self.tr("自动备份"), self)
        aform = QFormLayout(agroup)
        self.last_backup = QLabel(agroup)
        self.last_backup.setWordWrap(True)
        aform.addRow(self.tr("上次备份"), self.last_backup)
        self.auto = QCheckBox(self.tr("每天自动备份一次（程序运行时；也可用计划任务运行 eldercare backup --auto）"), agroup)
        aform.addRow(self.auto)
        self.folder = QLineEdit(agroup)
        self.folder.setPlaceholderText(self.tr("留空：数据库旁的 backups 文件夹") if shell.app.sqlite_path
                                       else self.tr("留空：本机数据文件夹中的 backups 文件夹（PostgreSQL）"))
        aform.addRow(self.tr("备份文件夹"), self.folder)
        self.keep = QSpinBox(agroup)
        self.keep.setRange(1, 365)
        self.keep.setSuffix(self.tr(" 份"))
        aform.addRow(self.tr("保留最新"), self.keep)
        self.save_auto = QPushButton(self.tr("保存自动备份设置"), agroup)
        self.save_auto.clicked.connect(self.save_settings)
        aform.addRow(self.save_auto)
        lay.addWidget(agroup)
        lay.addStretch(1)
        for button, perm in ((self.backup_button, Perm.BACKUP), (self.restore_button, Perm.RESTORE)):
            if not actor.can(perm):
                button.setEnabled(False)
                button.setToolTip(no_permission(actor, perm))
        if not actor.can(Perm.SETTINGS_WRITE):
            for w in (self.auto, self.folder, self.keep, self.save_auto):
                w.setEnabled(False)
                w.setToolTip(no_permission(actor, Perm.SETTINGS_WRITE))

    def reload(self) -> None:
        from ...services import backup_schedule

        self.shell.call(backup_schedule.status, on_done=self._show_status)

    def _show_status(self, st) -> None:
        now = self.shell.ctx.now()
        if st.last_at is None:
            text = self.tr("尚未备份过数据库，请立即备份")
        else:
            days = (now.date() - st.last_at.date()).days
            when = self.tr("今天") if days == 0 else self.tr("%1天前").replace("%1", str(days))
            text = (self.tr("%1（%2，%3）").replace("%1", f"{st.last_at:%Y-%m-%d %H:%M}").replace("%2", when)
                    .replace("%3", st.last_user))
            if st.stale:
                text += self.tr("——已超过2天，请立即备份")
        self.last_backup.setText(text)
        self.last_backup.setStyleSheet("color: #b00020; font-weight: bold;" if st.stale else "")
        conf = st.settings
        self.auto.setChecked(conf.auto)
        self.folder.setText(conf.folder)
        self.keep.setValue(conf.keep)

    def save_settings(self) -> None:
        from ...services import backup_schedule

        def saved(_conf) -> None:
            self.shell.notify(self.tr("自动备份设置已保存"))
            self.reload()

        self.shell.call(backup_schedule.save_settings, self.auto.isChecked(), self.folder.text(), self.keep.value(),
                        on_done=saved)

    def _backed_up(self, sha: str) -> None:
        self.result.setText(self.tr("备份完成。文件校验值（SHA-256）：%1").replace("%1", sha))
        self.reload()

    def _restored(self, safety: Path) -> None:
        self.result.setText(self.tr("已从备份恢复。恢复前的数据已另存为：%1").replace("%1", str(safety)))
