"""Placeholder pages for work still to come: each says in Chinese what the
page will do (the rules it follows come from DOMAIN.md), not a blank."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from ..base import Page, Shell


translate = QCoreApplication.translate


def coming_content(key: str) -> tuple[str, list[str]]:
    """(title, bullet lines) for the page ``key``."""
    if key == "assessment":
        return translate("ComingPage", "老年人能力评估"), [
            translate("ComingPage", "按国家标准 GB/T 42195-2022《老年人能力评估规范》逐项评分：自理能力、基础运动能力、精神状态、感知觉与社会参与"),
            translate("ComingPage", "根据总分与调整规则得出能力等级（能力完好至能力完全丧失），并确定对应的照护等级"),
            translate("ComingPage", "照护等级决定合同中的护理费标准，也是补贴资格的依据"),
            translate("ComingPage", "复评提醒：定期复评到期、健康状况变化或请假返院后提示重新评估"),
            translate("ComingPage", "公办机构入住前必须评估；特困、孤寡、失能、高龄、失独老人优先"),
        ]
    if key == "contracts":
        return translate("ComingPage", "服务合同"), [
            translate("ComingPage", "入住前与老人或其代理人签订书面服务合同：服务内容、服务项目、收费标准、争议解决方式"),
            translate("ComingPage", "床位费、护理费（按照护等级）、伙食费分项定价，每次调价留档并提前告知住户"),
            translate("ComingPage", "合同到期、续签与提前终止；提前终止时未到期已交费用如数退还"),
            translate("ComingPage", "打印合同文本（PDF），由老人或代理人签字"),
        ]
    if key == "billing":
        return translate("ComingPage", "账单与收款"), [
            translate("ComingPage", "每月批量生成账单：床位费、护理费、伙食费（伙食费据实结算），请假天数按规则计算"),
            translate("ComingPage", "登记收款并打印收据，金额同时以人民币大写显示"),
            translate("ComingPage", "每月向住户提供费用清单和结算账目（月度对账单）"),
            translate("ComingPage", "已记账的凭证不可修改，更正以红冲方式记录；已结账的月份不能再记账"),
        ]
    if key == "escrow":
        return translate("ComingPage", "押金专户"), [
            translate("ComingPage", "押金只能用于老人入住期间的医疗等应急费用，且不超过月服务费的6倍（超出时提示并可退还超出部分）"),
            translate("ComingPage", "押金存入专用银行账户，与运营资金分开核算，作为对老人的负债入账"),
            translate("ComingPage", "每笔扣款登记原因、日期和凭证"),
            translate("ComingPage", "服务关系结束后10日内退还余额，并按银行同期活期存款利率计付利息"),
            translate("ComingPage", "提醒：押金超限、逾期未退、漏计利息"),
        ]
    return translate("ComingPage", "即将推出"), []


class ComingPage(Page):
    """A page not built yet: its title and what it will do."""

    def __init__(self, shell: Shell, key: str, parent: QWidget | None = None):
        super().__init__(shell, parent)
        self.key = key
        title, bullets = coming_content(key)
        self.title = title
        self.bullets = bullets
        _fill(self, title, bullets, self.tr("此功能正在开发中，将在后续版本中提供。"))


def _fill(page: QWidget, title: str, bullets: list[str], note: str) -> None:
    lay = QVBoxLayout(page)
    lay.setContentsMargins(32, 28, 32, 28)
    head = QLabel(title, page)
    head.setStyleSheet("font-size: 22px; font-weight: bold;")
    lay.addWidget(head)
    badge = QLabel(note, page)
    badge.setStyleSheet("color: #8a6d00; background: #fff4c2; border: 1px solid #e6d27a;"
                        " border-radius: 3px; padding: 4px 8px;")
    badge.setSizePolicy(badge.sizePolicy().horizontalPolicy(), badge.sizePolicy().verticalPolicy())
    lay.addWidget(badge, 0, Qt.AlignmentFlag.AlignLeft)
    if bullets:
        line = QFrame(page)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        lay.addWidget(line)
        intro = QLabel(QCoreApplication.translate("ComingPage", "本页将提供："), page)
        intro.setStyleSheet("font-size: 15px;")
        lay.addWidget(intro)
        body = QLabel("<ul style='margin-left: -10px'>" + "".join(
            f"<li style='margin-bottom: 8px'>{b}</li>" for b in bullets) + "</ul>", page)
        body.setObjectName("bullets")
        body.setWordWrap(True)
        body.setTextFormat(Qt.TextFormat.RichText)
        body.setStyleSheet("font-size: 14px;")
        lay.addWidget(body)
    lay.addStretch(1)
