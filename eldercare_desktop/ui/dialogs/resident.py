"""Register a new resident (with admission date and bed) or edit one.

The ID number is checked as you type (birth date, gender and age derived
from it, or the Chinese error); the household registration is prefilled
from the ID's area code. Saving is one service call (one transaction): on
a RuleViolation every problem is shown at its field and nothing is saved."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import RuleViolation
from ...domain.identity import age_on, parse_id_number
from ...domain.records import ResidentDetail
from ...domain.residents import POLICY_CATEGORIES, RELATIONSHIPS, ContactInput, ResidentInput
from ...services import residents
from ..base import Shell
from ..widgets import ErrorForm, ServiceDialog, date_edit, from_qdate
from .stay import BedChooser, CoupleConfirm

MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")

C_NAME, C_REL, C_PHONE, C_AGENT = range(4)


class ContactsTable(QWidget):
    """Contacts: 姓名, 关系 (from RELATIONSHIPS), 电话, 代理人 (at most one)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels([self.tr("姓名"), self.tr("关系"), self.tr("电话"), self.tr("代理人")])
        self.table.verticalHeader().hide()
        h = self.table.horizontalHeader()
        h.setSectionResizeMode(C_NAME, QHeaderView.ResizeMode.Stretch)
        h.setSectionResizeMode(C_REL, QHeaderView.ResizeMode.ResizeToContents)
        h.setSectionResizeMode(C_PHONE, QHeaderView.ResizeMode.Stretch)
        h.setSectionResizeMode(C_AGENT, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(True)
        self.table.setMinimumHeight(120)
        self.table.setAlternatingRowColors(True)
        lay.addWidget(self.table)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("添加联系人"), self)
        self.remove_button = QPushButton(self.tr("删除所选"), self)
        self.add_button.clicked.connect(lambda: self.add_contact(focus=True))
        self.remove_button.clicked.connect(self.remove_selected)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #8a6d00;")
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.hint, 1)
        lay.addLayout(buttons)
        self.table.itemChanged.connect(self._item_changed)
        self._updating = False
        self._update_hint()

    def add_contact(self, name: str = "", relationship: str = "", phone: str = "", agent: bool = False,
                    focus: bool = False) -> int:
        row = self.table.rowCount()
        self._updating = True
        self.table.insertRow(row)
        self.table.setItem(row, C_NAME, QTableWidgetItem(name))
        rel = QComboBox(self.table)
        rel.addItems(list(RELATIONSHIPS))
        if relationship and relationship not in RELATIONSHIPS:
            rel.addItem(relationship)
        rel.setCurrentIndex(rel.findText(relationship) if relationship else -1)
        self.table.setCellWidget(row, C_REL, rel)
        self.table.setItem(row, C_PHONE, QTableWidgetItem(phone))
        ag = QTableWidgetItem(self.tr("代理人"))
        ag.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        ag.setCheckState(Qt.CheckState.Checked if agent else Qt.CheckState.Unchecked)
        self.table.setItem(row, C_AGENT, ag)
        if self.table.rowCount() == 1 and not agent:
            ag.setCheckState(Qt.CheckState.Checked)  # the first contact is the agent unless changed
        self._updating = False
        self._update_hint()
        if focus:
            self.table.setCurrentCell(row, C_NAME)
            self.table.editItem(self.table.item(row, C_NAME))
        return row

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()} | {self.table.currentRow()}, reverse=True)
        for r in rows:
            if r >= 0:
                self.table.removeRow(r)
        self._update_hint()

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._updating or item.column() != C_AGENT:
            return
        if item.checkState() == Qt.CheckState.Checked:  # one agent: uncheck the others
            self._updating = True
            for r in range(self.table.rowCount()):
                other = self.table.item(r, C_AGENT)
                if r != item.row() and other is not None:
                    other.setCheckState(Qt.CheckState.Unchecked)
            self._updating = False
        self._update_hint()

    def _update_hint(self) -> None:
        contacts = self.contacts()
        if not contacts:
            self.hint.setText(self.tr("建议至少登记一位联系人，并指定一位代理人"))
        elif not any(c.is_agent for c in contacts):
            self.hint.setText(self.tr("建议指定一位代理人（签订合同、退还押金时需要）"))
        else:
            self.hint.setText("")

    def contacts(self) -> tuple[ContactInput, ...]:
        out = []
        for r in range(self.table.rowCount()):
            name = (self.table.item(r, C_NAME).text() if self.table.item(r, C_NAME) else "").strip()
            rel_w = self.table.cellWidget(r, C_REL)
            rel = rel_w.currentText().strip() if isinstance(rel_w, QComboBox) else ""
            phone = (self.table.item(r, C_PHONE).text() if self.table.item(r, C_PHONE) else "").strip()
            ag = self.table.item(r, C_AGENT)
            agent = ag is not None and ag.checkState() == Qt.CheckState.Checked
            if not (name or phone):
                continue  # an empty line is not a contact
            out.append(ContactInput(name, rel, phone, agent))
        return tuple(out)


class ResidentDialog(ServiceDialog):
    """登记入住 (``detail`` None) or 编辑住户信息."""

    def __init__(self, shell: Shell, detail: ResidentDetail | None = None, parent: QWidget | None = None,
                 bed_id: int | None = None, admission_date=None):
        """``bed_id`` / ``admission_date``: preselected (登记入住 from a free bed on the bed map)."""
        new = detail is None
        super().__init__(shell, self.tr("登记入住") if new else self.tr("编辑住户信息"), parent)
        self.detail = detail
        self.today = shell.ctx.today()
        self.setMinimumWidth(980)

        # left column: the person
        f = self.form
        self.name = QLineEdit(self)
        self.name.setMaxLength(40)
        f.add_row("name", self.tr("姓名"), self.name)
        self.id_number = QLineEdit(self)
        self.id_number.setMaxLength(20)
        self.id_number.setPlaceholderText(self.tr("18位居民身份证号"))
        self.id_info = QLabel(self)
        self.id_info.setWordWrap(True)
        f.add_row("id_number", self.tr("身份证号"), self.id_number, aliases=("gender", "birth_date"),
                  hint=self.id_info)
        hukou = QWidget(self)
        hl = QHBoxLayout(hukou)
        hl.setContentsMargins(0, 0, 0, 0)
        self.province = QLineEdit(hukou)
        self.province.setPlaceholderText(self.tr("省"))
        self.city = QLineEdit(hukou)
        self.city.setPlaceholderText(self.tr("市"))
        self.district = QLineEdit(hukou)
        self.district.setPlaceholderText(self.tr("区/县"))
        for w in (self.province, self.city, self.district):
            hl.addWidget(w)
        f.add_row("hukou", self.tr("户籍"), hukou, aliases=("hukou_province", "hukou_city", "hukou_district"))
        self.phone = QLineEdit(self)
        self.phone.setPlaceholderText(self.tr("手机或固定电话（可不填）"))
        f.add_row("phone", self.tr("电话"), self.phone)
        self.address = QLineEdit(self)
        f.add_row("address", self.tr("住址"), self.address)
        cats = QWidget(self)
        grid = QGridLayout(cats)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        self.categories: dict[str, QCheckBox] = {}
        for i, c in enumerate(POLICY_CATEGORIES):
            box = QCheckBox(c, cats)
            self.categories[c] = box
            grid.addWidget(box, i // 5, i % 5)
        f.add_row("categories", self.tr("政策类别"), cats)

        # right column: contacts, notes, admission
        self.form2 = ErrorForm(self)
        self.forms.append(self.form2)
        self.contacts = ContactsTable(self)
        self.form2.add_row("contacts", self.tr("联系人"), self.contacts)
        self.notes = QPlainTextEdit(self)
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(64)
        self.form2.add_row("notes", self.tr("备注"), self.notes)
        self.admission: QWidget | None = None
        self.bed: BedChooser | None = None
        self.couple: CoupleConfirm | None = None
        self.derived = None
        day = admission_date if admission_date is not None and admission_date <= self.today else self.today
        if new:
            self.admission = date_edit(day, self, maximum=self.today)
            self.form2.add_row("admission_date", self.tr("入住日期"), self.admission)
            self.bed = BedChooser(shell, self, wanted=bed_id)
            self.couple = CoupleConfirm(self)
            self.form2.add_row("bed", self.tr("床位"), self.bed, hint=self.couple)
            self.admission.dateChanged.connect(lambda q: self.bed.load(from_qdate(q)))  # type: ignore[union-attr]
            self.bed.bed_chosen.connect(lambda _c: self._update_couple())

        columns = QHBoxLayout()
        columns.addWidget(self.form, 5)
        columns.addSpacing(12)
        columns.addWidget(self.form2, 4)
        self.main_layout.removeWidget(self.form)
        self.main_layout.addLayout(columns)
        self.finish_layout()
        if not new:
            self.ok_button.setText(self.tr("保存"))
        else:
            self.ok_button.setText(self.tr("登记入住"))

        self.id_number.textChanged.connect(self._id_changed)
        if detail is not None:
            self._fill(detail)
        else:
            self.bed.load(day)  # type: ignore[union-attr]
        self._id_changed(self.id_number.text())
        self.name.setFocus()

    def _fill(self, d: ResidentDetail) -> None:
        self.name.setText(d.name)
        self.id_number.setText(d.id_number)
        self.province.setText(d.hukou_province)
        self.city.setText(d.hukou_city)
        self.district.setText(d.hukou_district)
        self.phone.setText(d.phone)
        self.address.setText(d.address)
        for c in d.categories:
            if c in self.categories:
                self.categories[c].setChecked(True)
        for c in d.contacts:
            self.contacts.add_contact(c.name, c.relationship, c.phone, c.is_agent)
        self.notes.setPlainText(d.notes)

    # -- live ID check ----------------------------------------------------
    def _id_changed(self, text: str) -> None:
        raw = "".join(text.split()).upper()
        self.derived = None
        self._update_couple()
        self.form.set_field_error("id_number", None)
        if not raw:
            self._info(self.tr("出生日期、性别和年龄将根据身份证号自动填写"), ok=None)
            return
        if len(raw) < 18:
            self._info(self.tr("已输入 %1/18 位").replace("%1", str(len(raw))), ok=None)
            return
        try:
            info = parse_id_number(raw)
        except RuleViolation as exc:
            self._info("", ok=None)
            self.form.set_field_error("id_number", exc.message)
            return
        age = age_on(info.birth_date, self.today)
        self._info(
            self.tr("出生日期 %1　性别 %2　年龄 %3 岁　身份证地区 %4")
            .replace("%1", f"{info.birth_date:%Y-%m-%d}").replace("%2", info.gender)
            .replace("%3", str(age)).replace("%4", info.birth_province + info.birth_county),
            ok=True,
        )
        self.derived = info
        self._update_couple()
        if not (self.province.text().strip() or self.city.text().strip() or self.district.text().strip()):
            self.province.setText(info.birth_province)
            if info.birth_province in MUNICIPALITIES:
                self.city.setText(info.birth_province)
            self.district.setText(info.birth_county)

    def _update_couple(self) -> None:
        """Warn (and offer 夫妻同住) when the chosen room has the other sex."""
        if self.couple is None or self.bed is None:
            return
        gender = self.derived.gender if self.derived is not None else ""
        self.couple.update_for(self.bed.choice(), gender)

    def _info(self, text: str, ok: bool | None) -> None:
        self.id_info.setText(text)
        self.id_info.setStyleSheet("color: #2e7d32;" if ok else "color: #666666;")
        self.id_info.setVisible(bool(text))

    # -- saving -------------------------------------------------------------
    def resident_input(self) -> ResidentInput:
        return ResidentInput(
            name=self.name.text().strip(),
            id_number="".join(self.id_number.text().split()).upper(),
            hukou_province=self.province.text().strip(),
            hukou_city=self.city.text().strip(),
            hukou_district=self.district.text().strip(),
            phone=self.phone.text().strip(),
            address=self.address.text().strip(),
            categories=tuple(c for c, box in self.categories.items() if box.isChecked()),
            contacts=self.contacts.contacts(),
            notes=self.notes.toPlainText().strip(),
        )

    def save(self) -> None:
        data = self.resident_input()
        if self.detail is None:
            assert self.admission is not None and self.bed is not None
            self.submit(residents.register_resident, data, from_qdate(self.admission.date()),  # type: ignore[attr-defined]
                        self.bed.bed_id(), couple=self.couple is not None and self.couple.couple())
        else:
            self.submit(residents.update_resident, self.detail.id, data, expected_version=self.detail.version)

    def reload_record(self) -> bool:
        """The resident as saved on the other PC, with its new version."""
        if self.detail is None:
            return False
        self.detail = residents.get_resident(self.shell.ctx, self.detail.id)
        for box in self.categories.values():
            box.setChecked(False)
        self.contacts.table.setRowCount(0)
        self._fill(self.detail)
        return True


__all__ = ["ResidentDialog", "ContactsTable"]
