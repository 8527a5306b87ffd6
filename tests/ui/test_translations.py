"""The English translation (resources/translations/eldercare_en.ts/.qm):
complete, in step with the ui/ sources, compiled, and used by the real
window. Regenerate with ``bash scripts/update_translations.sh``."""
from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTranslator
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from eldercare_desktop.ui import i18n
from eldercare_desktop.ui.fonts import resources_dir

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "eldercare_en.ts"
QM = ROOT / "resources" / "translations" / "eldercare_en.qm"
REGENERATE = "run: bash scripts/update_translations.sh"
PLACEHOLDER = re.compile(r"%(?:\d+|n|L\d+)")
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
FULL_WIDTH = re.compile(r"[\u3000-\u303f\uff00-\uffef\u2018\u2019\u201c\u201d]")


def _load_script():
    spec = importlib.util.spec_from_file_location("translate_en", ROOT / "scripts" / "translate_en.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


translate_en = _load_script()


def messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    """(context, source) → <message> of a .ts file."""
    out = {}
    for ctx in ET.parse(path).getroot().iter("context"):
        for m in ctx.iter("message"):
            out[(ctx.findtext("name"), m.findtext("source"))] = m
    return out


def translation_text(m: ET.Element) -> str:
    t = m.find("translation")
    if t is None:
        return ""
    forms = t.findall("numerusform")
    return (forms[0].text or "") if forms else (t.text or "")


@pytest.fixture(scope="module")
def committed():
    assert TS.exists(), f"{TS} is missing; {REGENERATE}"
    return messages(TS)


# -- (a) complete ---------------------------------------------------------------------
def test_every_message_is_finished(committed):
    root = ET.parse(TS).getroot()
    assert root.get("language") == "en" and root.get("sourcelanguage") == "zh_CN"
    assert len(committed) > 500
    problems = []
    for (ctx, src), m in committed.items():
        t = m.find("translation")
        text = translation_text(m)
        if t is None or t.get("type") in ("unfinished", "vanished", "obsolete"):
            problems.append(f"unfinished  {ctx}: {src!r}")
        elif not text.strip():
            problems.append(f"empty  {ctx}: {src!r}")
        elif sorted(PLACEHOLDER.findall(src)) != sorted(PLACEHOLDER.findall(text)):
            problems.append(f"placeholders  {ctx}: {src!r} → {text!r}")
        elif translate_en.placeholder_problem(src, text):  # & accelerators
            problems.append(f"{translate_en.placeholder_problem(src, text)}  {ctx}: {src!r} → {text!r}")
    assert not problems, f"{len(problems)} bad message(s); {REGENERATE}\n" + "\n".join(problems)


def test_translations_are_english(committed):
    """Nothing Chinese left in the English, except the few kept on purpose
    (strings that are data) and Chinese examples in hints (a name like 张丽
    is written in pinyin instead)."""
    kept = translate_en.KEPT_AS_SOURCE
    chinese = [(ctx, src, translation_text(m)) for (ctx, src), m in committed.items()
               if (ctx, src) not in kept and CJK.search(translation_text(m))]
    assert not chinese, chinese
    assert len(kept) <= 5
    # the CJK fallback font draws these full width: "resident’ s", "（3）"
    wide = [(ctx, src, translation_text(m)) for (ctx, src), m in committed.items()
            if (ctx, src) not in kept and FULL_WIDTH.search(translation_text(m))]
    assert not wide, wide


def test_terms_are_consistent(committed):
    by_key = {k: translation_text(m) for k, m in committed.items()}
    assert by_key[("MainWindow", "住户")] == "Residents"
    assert by_key[("MainWindow", "床位")] == "Beds"
    assert by_key[("MainWindow", "评估")] == "Assessments"
    assert by_key[("MainWindow", "押金专户")] == "Deposit escrow"
    assert by_key[("ResidentsPage", "登记入住")] == "Admit"
    assert by_key[("ResidentsPage", "销假")] == "Return from leave"
    assert by_key[("ResidentsPage", "退住")] == "Discharge"
    assert by_key[("ResidentsPage", "去世登记")] == "Record death"
    # one word for one thing, in every context that shows it
    for src, english in (("身份证号", "ID number"), ("户籍", None), ("代理人", "Agent"),
                         ("照护等级", "Care level"), ("护理型", "Nursing")):
        seen = {t for (ctx, s), t in by_key.items() if s == src}
        assert seen, src
        if english is not None:
            assert seen == {english}, (src, seen)
        else:
            assert all(t.startswith("Household reg") for t in seen), seen


# -- (b) in step with the sources -------------------------------------------------------
def _lupdate() -> Path:
    exe = Path(sys.executable).with_name("pyside6-lupdate" + (".exe" if sys.platform == "win32" else ""))
    if not exe.exists():
        pytest.skip(f"pyside6-lupdate not found next to {sys.executable}; cannot check the .ts is up to date")
    return exe


def test_ts_matches_the_sources(committed, tmp_path):
    exe = _lupdate()
    fresh = tmp_path / "fresh.ts"
    files = [str(p.relative_to(ROOT)) for p in translate_en.ui_files()]
    subprocess.run([str(exe), "-silent", "-source-language", "zh_CN", "-target-language", "en", "-no-obsolete",
                    *files, "-ts", str(fresh)], cwd=ROOT, check=True, capture_output=True, timeout=120)
    # lupdate misses tr() inside f-strings; translate_en.py adds those from the AST
    expected = set(messages(fresh)) | set(translate_en.source_messages())
    have = set(committed)
    new, gone = sorted(expected - have), sorted(have - expected)
    assert not new and not gone, (
        f"eldercare_en.ts is out of date ({REGENERATE})\n"
        + "".join(f"  not in .ts: {c}: {s!r}\n" for c, s in new)
        + "".join(f"  no longer in code: {c}: {s!r}\n" for c, s in gone))


def test_every_source_string_has_english():
    """Without running lupdate: every tr()/translate() literal in ui/ has an
    English entry in scripts/translate_en.py."""
    missing = sorted(k for k in translate_en.source_messages() if translate_en.english(*k) is None)
    assert not missing, f"add English to scripts/translate_en.py, then {REGENERATE}: {missing}"


# -- (c) compiled --------------------------------------------------------------------------
def test_qm_matches_the_ts(qapp, committed):
    assert QM.exists(), f"{QM} is missing; {REGENERATE}"
    tr = QTranslator()
    assert tr.load(str(QM))
    assert tr.language() == "en"
    assert tr.translate("MainWindow", "住户") == "Residents"
    assert tr.translate("ResidentsPage", "登记入住") == "Admit"
    assert tr.translate("ResidentsModel", "身份证号") == "ID number"
    assert tr.translate("BedsPage", "床位图") == "Bed map"
    assert tr.translate("MainWindow", "文件(&F)") == "&File"
    stale = [(ctx, src) for (ctx, src), m in committed.items()
             if tr.translate(ctx, src) != translation_text(m)]
    assert not stale, f"eldercare_en.qm is older than the .ts ({REGENERATE}): {stale[:10]}"


def test_i18n_loads_the_english_file(qapp):
    """The file and folder i18n.install() uses for --lang en."""
    assert (resources_dir() / "translations" / "eldercare_en.qm") == QM
    tr = QTranslator()
    assert i18n._load(tr, "eldercare_en", str(resources_dir() / "translations"))
    assert tr.translate("MainWindow", "养老机构管理系统") == translate_en.APP_NAME


# -- (d) the real window in English ----------------------------------------------------------
@pytest.fixture
def english(qapp):
    tr = QTranslator()
    assert tr.load(str(QM))
    QApplication.installTranslator(tr)
    yield tr
    QApplication.removeTranslator(tr)


def test_main_window_in_english(english, make_window, admin, centre_ready, admitted):
    win = make_window(admin)
    nav = [win.nav.item(i).text() for i in range(win.nav.count())]
    assert nav[:3] == ["Home", "Residents", "Beds"]
    assert not [t for t in nav if CJK.search(t)], nav
    assert win.windowTitle().startswith(translate_en.APP_NAME + " — ")
    menus = [a.text() for a in win.menuBar().actions()]
    assert "&File" in menus and not [t for t in menus if CJK.search(t)], menus

    page = win.pages["residents"]
    model = page.table.model()
    headers = [model.headerData(i, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
               for i in range(model.columnCount())]
    assert headers[:3] == ["Name", "Sex", "Age"] and "ID number" in headers
    assert not [h for h in headers if CJK.search(h)], headers
    buttons = [b.text() for b in page.findChildren(QPushButton) if b.text()]
    assert "Admit" in buttons and not [t for t in buttons if CJK.search(t)], buttons

    # every page opens in English too: no Chinese on buttons or labels except data
    for key in ("beds", "assessment", "audit", "settings"):
        p = win.navigate(key)
        texts = [b.text() for b in p.findChildren(QPushButton) if b.isVisible() and b.text()]
        assert not [t for t in texts if CJK.search(t)], (key, texts)


def test_roles_and_permissions_in_english(english, make_window, actors):
    """Role and permission names come from the translation (the status bar,
    the users list, disabled-button tooltips), not the Chinese domain labels."""
    from eldercare_desktop.domain.roles import Perm, Role

    assert [i18n.role_name(r) for r in Role] == ["Administrator", "Front desk", "Accountant", "Auditor"]
    names = [i18n.perm_name(p) for p in Perm]  # one for every permission
    assert len(set(names)) == len(Perm) and not [n for n in names if CJK.search(n)], names
    assert i18n.no_permission(actors[Role.FRONT_DESK], Perm.FINANCE_WRITE) == \
        'Your role (Front desk) does not have the "Bookkeeping" permission'
    win = make_window(actors[Role.AUDITOR])
    status = " ".join(w.text() for w in win.statusBar().findChildren(QLabel))
    assert "(Auditor)" in status and not CJK.search(status.replace(win.centre_label.text(), "")), status
    from eldercare_desktop.domain.records import UserInfo
    from eldercare_desktop.ui.pages.users import UsersModel

    m = UsersModel()
    m.set_users([UserInfo(i, r.value, "", r.value, True, None, None) for i, r in enumerate(Role, 1)], None)
    assert {m.index(r, 2).data() for r in range(m.rowCount())} == {"Administrator", "Front desk", "Accountant", "Auditor"}


def test_translator_removed_after_english_test(qapp, make_window, admin):
    """The English translator does not leak into other tests."""
    win = make_window(admin, wait=False)
    assert win.nav.item(0).text() == "首页"

