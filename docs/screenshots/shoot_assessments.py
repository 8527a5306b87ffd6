"""Screenshots of the 评估 page and form from the real widgets.

    .venv/bin/python /tmp/asmt/shoot.py

A demo centre (services.demo, 60 residents) plus assessments: a featured
resident with a first assessment, its correction, an immediate reassessment
consented to by the agent, and a regular one (dementia) waiting for consent;
other residents assessed at various dates so the due list has every state."""
from __future__ import annotations

import datetime as dt
import os
import random
import shutil
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path("/work/main")
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from eldercare_desktop.services import assessments as svc, demo, residents, users  # noqa: E402
from eldercare_desktop.services.assessments import AssessmentInput  # noqa: E402
from eldercare_desktop.services.context import App  # noqa: E402
from eldercare_desktop.ui import fonts, i18n  # noqa: E402
from tests.ui.fakeshell import FakeShell  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
TEMPLATE = Path("/tmp/asmt/demo-template.sqlite3")
RUN = Path("/tmp/asmt/demo-run.sqlite3")
D = dt.date
GB = svc.instrument("GB/T 42195-2022")
CODES = [i.code for i in GB.items]
FULL = [4] * 8 + [4, 4, 4, 3] + [4] * 6 + [1, 1, 2] + [2, 2, 4, 3, 4]


def scores_for(total: int, rng: random.Random) -> dict[str, int]:
    """Scores adding up to ``total`` (taking points off random items)."""
    s = dict(zip(CODES, FULL))
    left = 90 - total
    while left > 0:
        c = rng.choice(CODES)
        if s[c] > 0:
            s[c] -= 1
            left -= 1
    return s


def build() -> None:
    if not TEMPLATE.exists():
        app = App.open(str(TEMPLATE))
        demo.build_demo(app, residents=60)
        app.close()
    for suffix in ("", "-wal", "-shm"):
        Path(str(RUN) + suffix).unlink(missing_ok=True)
    shutil.copyfile(TEMPLATE, RUN)


def populate(app: App) -> int:
    """The demo's history, plus a reassessment of the resident with a
    corrected assessment that changes the care level (waiting for consent)."""
    rng = random.Random(7)
    admin = users.login(app, "admin", demo.DEFAULT_PASSWORD)
    ctx = app.as_user(admin)
    today = ctx.today()
    rows = svc.list_assessments(ctx, D(2000, 1, 1), today)
    by: dict[int, list] = {}
    for a in rows:
        by.setdefault(a.resident_id, []).append(a)
    star = next(rid for rid, h in sorted(by.items(), key=lambda kv: -len(kv[1]))
                if 3 <= len(h) <= 6 and h[-1].final_grade <= 1 and not any(x.superseded_by_id for x in h))
    hist = by[star]
    last = hist[-1]
    det = residents.get_resident(ctx, star)
    ag = det.agent
    who = dict(informant_name=ag.name if ag else det.name, informant_relation=ag.relationship if ag else "本人")
    old = svc.get_detail(ctx, last.id)
    scores = {code: score for _s, code, _n, score, _m, _t in old.items}
    code = next(c for c, v in scores.items() if v > 0)
    scores[code] -= 1
    svc.save_assessment(ctx, AssessmentInput(
        resident_id=star, base_date=last.base_date, reason="其他", assessor1=old.assessor1, assessor2=old.assessor2,
        scores=scores, notes=f"更正{code}得分：录入时多计1分", supersedes_id=last.id, **who))
    lo, hi = {0: (66, 89), 1: (46, 65)}[last.final_grade]
    svc.save_assessment(ctx, AssessmentInput(
        resident_id=star, base_date=today - dt.timedelta(days=3), reason="即时评估", assessor1="李晓燕",
        assessor2="陈建国", scores=scores_for(rng.randint(lo, hi), rng),
        diagnoses=("F01.1", "I10"), medications="多奈哌齐 5mg 每晚一次", risk_events={"fall": 1, "wandering": 1},
        **who))
    level = svc.current_care_level(ctx, star)
    print("star", det.name, "level", level, "→", svc.current_care_level(ctx, star),
          svc.care_level_changes(ctx, star, pending_only=True))
    return star


def wait(qapp: QApplication, shell: FakeShell, page=None, extra: float = 0.3) -> None:
    deadline = time.time() + 20
    while (shell.worker.pending() or (page is not None and page.loading)) and time.time() < deadline:
        qapp.processEvents()
        time.sleep(0.01)
    end = time.time() + extra
    while time.time() < end:
        qapp.processEvents()
        time.sleep(0.01)


def main() -> None:
    qapp = QApplication.instance() or QApplication(sys.argv)
    fonts.install(qapp)
    i18n.install(qapp, "zh_CN")
    build()
    app = App.open(str(RUN))
    star = populate(app)
    from eldercare_desktop.ui.pages.assessments import AssessmentsPage

    actor = users.login(app, "qiantai", demo.DEFAULT_PASSWORD)
    shell = FakeShell(app, actor)
    page = shell.add(AssessmentsPage(shell))
    page.resize(1280, 800)
    page.show()
    page.activate()
    wait(qapp, shell, page)
    page.select_due(page.due_rows[1].resident_id)
    wait(qapp, shell, page, 0.1)
    page.grab().save(str(OUT / "assessment_due.png"))
    print("saved assessment_due.png")

    page.tabs.setCurrentIndex(page.HISTORY)
    page.show_history(star)
    wait(qapp, shell, page)
    page.grab().save(str(OUT / "assessment_history.png"))
    print("saved assessment_history.png")

    page.tabs.setCurrentIndex(page.PENDING)
    page.select_pending(page.pending_model.rows[0].change.id)
    wait(qapp, shell, page)
    page.grab().save("/tmp/asmt/pending.png")
    page.tabs.setCurrentIndex(page.RECORDS)
    wait(qapp, shell, page)
    page.grab().save("/tmp/asmt/records.png")

    page.tabs.setCurrentIndex(page.DUE)
    due = next(r for r in page.due_rows if r.reason == "从未评估")
    page.open_new_for(due.resident_id, due.reason)
    wait(qapp, shell, page)
    dlg = page.form_dialog
    dlg.resize(1280, 800)
    dlg.assessor1.setText("李桂兰")
    dlg.assessor2.setText("王建国")
    dlg.focus_row(dlg.rows[0])
    for ch in "43343433" + "3322" + "321":
        QTest.keyClicks(QApplication.focusWidget() or dlg, ch)
    dlg.dx_boxes["高血压"].setChecked(True)
    dlg.dx_boxes["痴呆"].setChecked(True)
    wait(qapp, shell, page, 0.2)
    dlg.grab().save(str(OUT / "assessment_form.png"))
    print("saved assessment_form.png")
    dlg.show_health()
    dlg.risk_spins["fall"].setValue(1)
    dlg.height_cm.setValue(158)
    dlg.weight_kg.setValue(51.5)
    wait(qapp, shell, page, 0.2)
    dlg.grab().save("/tmp/asmt/form-health.png")
    dlg.confirm_discard = False
    dlg.reject()
    page.view_assessment(page.hist_vm.visible[0].id)
    wait(qapp, shell, page)
    page.form_dialog.resize(1280, 800)
    wait(qapp, shell, page, 0.2)
    page.form_dialog.grab().save("/tmp/asmt/form-view.png")
    page.form_dialog.reject()
    page.tabs.setCurrentIndex(page.PENDING)
    page.select_pending(page.pending_model.rows[0].change.id)
    page.record_consent(True)
    wait(qapp, shell, page)
    page.current_dialog.grab().save("/tmp/asmt/consent.png")
    page.current_dialog.reject()
    page.tabs.setCurrentIndex(page.DUE)
    page.request_immediate()
    wait(qapp, shell, page)
    page.current_dialog.ok_button.click()
    wait(qapp, shell, page)
    page.current_dialog.grab().save("/tmp/asmt/request.png")
    page.current_dialog.reject()
    shell.worker.stop()
    app.close()


if __name__ == "__main__":
    main()
