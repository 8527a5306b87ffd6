"""年度财务收支情况公开 PDFs on a context drawn by the real statement engine
(tests/documents/disclosure_sample.py): text, 行次, signatures, page
numbers, orientation, embedded fonts, the one-page notice, refusal on a
failed check; the trial balance, general ledger and account detail."""
import io
import threading

import pytest
from pypdf import PdfReader

from eldercare_desktop.documents import disclosure_pdf as DP
from eldercare_desktop.documents.pdf import Cancelled
from eldercare_desktop.domain.errors import RuleViolation

from . import disclosure_sample as X
from .test_assessment_report import _font_dicts


@pytest.fixture(scope="module")
def ctx():
    return X.context()


@pytest.fixture(scope="module")
def package(ctx):
    return DP.package_pdf(ctx)


def pages_of(pdf: bytes) -> list[str]:
    return [p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages]


def flat(pdf: bytes) -> str:
    return "".join(pages_of(pdf)).replace("\n", "").replace(" ", "")


def assert_fonts_embedded(pdf: bytes) -> None:
    fonts = {}
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for f in _font_dicts(page["/Resources"]):
            fonts[str(f["/BaseFont"])] = f
    assert fonts
    for name, f in fonts.items():
        desc = f.get("/FontDescriptor")
        if desc is None:
            desc = f["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        assert "/FontFile2" in desc.get_object() and "MicroHei" in name, name


def test_package_has_every_part_and_figure(ctx, package):
    text = flat(package)
    for s in ("阳光社区养老服务中心", "2025年度财务收支情况公开", "52500112MJP123456X", "民办非企业单位", "王建国",
              "0101012000005678", "押金专户", "0101012000001234", "核定床位120张", "38人", "重庆市渝北区（默认）",
              "2026年3月31日", "2026年3月12日",
              "资产负债表", "会民非01表", "业务活动表", "会民非02表", "现金流量表", "会民非03表",
              "编制单位：阳光社区养老服务中心", "2025年12月31日", "单位：元", "本年数", "上年数", "非限定性", "限定性",
              "报表说明及勾稽校验", "资产负债表平衡（年初）", "✔通过", "现金收支全部归类",
              "收费项目及标准", "护理型床位（单人间）", "2,600.00", "本年度调价情况", "本年度调价频次：2次", "新增项目",
              "押金专户情况", "167,160.00", "360.00", "逾期退还", "1笔", "政府补助收入", "运营补贴", "480,000.00",
              "床位使用情况", "80.0%", "55.0%", "目标不低于55%", "预收费监管", "2,435,000.00", "8.3%",
              "年度工作报告", "全年未发生安全责任事故", "单位负责人（签名）", "会计机构负责人（签名）", "制表人（签名）",
              "李会计", "第1页/共"):
        assert s in text, s
    # figures of the statements as printed
    for s in ("2,018,160.00", "4,503,160.00", "-150,000.00", "700,000.00", "718,160.00", "1,986,000.00"):
        assert s in text, s
    # every statement's notes
    for st in (ctx.statements.balance, ctx.statements.activity, ctx.statements.cash_flow):
        for note in st.notes:
            assert note.replace(" ", "") in text, note


def test_every_figure_line_prints_its_row_number(ctx, package):
    pages = pages_of(package)
    for st, page in ((ctx.statements.balance, pages[1]), (ctx.statements.activity, pages[2]),
                     (ctx.statements.cash_flow, pages[3])):
        assert st.code in page and st.title in page.replace(" ", "")
        tokens = set(page.split())
        for x in st.lines:
            if x.row is not None:
                assert str(x.row) in tokens, (st.code, x.row, x.label)


def test_statements_on_landscape_pages_and_numbered(package):
    reader = PdfReader(io.BytesIO(package))
    sizes = [(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages]
    assert sizes[0] == (595, 842)  # cover: portrait
    assert sizes[1] == sizes[2] == (842, 595)  # balance sheet, activity statement: landscape
    assert sizes[3] == (595, 842)  # cash flow
    n = len(sizes)
    for i, page in enumerate(pages_of(package), start=1):
        assert f"第{i}页/共{n}页" in page.replace("\n", "").replace(" ", "")  # the total is a form: its own line


def test_fonts_embedded(package, ctx):
    assert_fonts_embedded(package)
    assert_fonts_embedded(DP.notice_pdf(ctx))


def test_empty_work_report_and_paragraphs():
    text = flat(DP.package_pdf(X.context(work_report="  \n")))
    assert "（未填写）" in text
    from eldercare_desktop.documents.disclosure_facts import paragraphs
    assert paragraphs("一\n\n  \n二\n三") == ["一", "二\n三"]


def test_failed_check_refuses_to_print():
    bad = X.context(trial_gap=5)
    assert not bad.statements.ok
    for render in (DP.package_pdf, DP.notice_pdf):
        with pytest.raises(RuleViolation, match="科目余额表借贷平衡") as e:
            render(bad)
        assert "贷方合计5,218,160.05" in str(e.value)


def test_notice_is_one_page_with_key_figures(ctx):
    pdf = DP.notice_pdf(ctx)
    pages = pages_of(pdf)
    assert len(pages) == 1
    text = flat(pdf)
    for s in ("阳光社区养老服务中心2025年度财务收支情况公示", "收入合计", "2,500,000.00", "提供服务收入", "2,000,000.00",
              "政府补助收入", "480,000.00", "捐赠收入", "20,000.00", "费用合计", "1,800,000.00", "业务活动成本",
              "1,550,000.00", "管理费用", "250,000.00", "净资产变动额", "700,000.00", "资产总计", "4,503,160.00",
              "负债合计", "203,160.00", "净资产合计", "4,300,000.00", "167,160.00（98位住户）", "2次", "80.0%",
              "向前台索取查阅", "023-67881234", "2026年3月12日", "盖章"):
        assert s in text, s


def test_progress_and_cancel(ctx):
    seen = []
    DP.package_pdf(ctx, progress=lambda f, m: seen.append((f, m)))
    assert seen[0] == (0.0, "封面") and seen[-1][0] == 1.0
    assert [f for f, _ in seen] == sorted(f for f, _ in seen)
    ev = threading.Event()
    ev.set()
    with pytest.raises(Cancelled):
        DP.package_pdf(ctx, abort=ev)


def test_same_input_same_bytes(ctx, package):
    assert DP.package_pdf(ctx) == package


# --- the books ----------------------------------------------------------------------------

def test_trial_balance_landscape_totals_and_header_on_every_page():
    tb = X.trial_balance()
    assert tb.balanced
    pdf = DP.trial_balance_pdf(tb, X.CENTRE.name)
    reader = PdfReader(io.BytesIO(pdf))
    assert all(float(p.mediabox.width) > float(p.mediabox.height) for p in reader.pages)
    pages = pages_of(pdf)
    assert len(pages) >= 2
    for page in pages:  # header repeated
        assert "科目代码" in page and "期初余额" in page and "期末余额" in page
    text = flat(pdf)
    for s in ("科目余额表", "100202", "银行存款—押金专户", "2,018,160.00", "合计", "4,300,000.00", "7,203,560.00",
              "5,218,160.00", "借贷双方合计均相等"):
        assert s in text, s
    assert_fonts_embedded(pdf)


def test_general_ledger_months_and_direction():
    accounts = X.general_ledger()
    pdf = DP.ledger_pdf(accounts, X.CENTRE.name, 2025)
    text = flat(pdf)
    for s in ("总账", "1002", "银行存款", "上年结转（期初余额）", "2025-12", "本月合计", "本年累计", "1,300,000.00",
              "2,018,160.00", "220901", "余额方向：贷", "167,160.00"):
        assert s in text, s


def test_account_detail_running_balance():
    d = X.account_detail()
    assert d.closing == 167_160_00
    pdf = DP.detail_pdf(d, X.CENTRE.name)
    text = flat(pdf)
    for s in ("明细账", "100202", "期初余额", "150,000.00", "收取押金", "192,000.00", "退还押金", "168,000.00",
              "本月合计", "本期合计", "42,360.00", "25,200.00", "期末余额", "167,160.00", "借或贷", "记-0135",
              "期末167,160.00=期初150,000.00+借方42,360.00−贷方25,200.00"):
        assert s in text, s


def test_long_detail_repeats_header_and_loses_no_line():
    import dataclasses
    import datetime as dt

    from eldercare_desktop.domain.disclosure_records import DetailLine

    d = X.account_detail()
    lines = tuple(DetailLine(i, dt.date(2025, 1 + i // 100, 1 + i % 100 // 4), f"记-{i:05d}", "凭证", "收取押金", 100, 0,
                             d.opening + 100 * (i + 1)) for i in range(1200))
    # laid out in bounded slices (books_pdf._LongGrid), not by ReportLab's quadratic table split
    pdf = DP.detail_pdf(dataclasses.replace(d, lines=lines), X.CENTRE.name)
    pages = pages_of(pdf)
    assert len(pages) > 20 and all("借或贷" in p for p in pages if "记-" in p)  # the header on every page
    text = "".join(pages)
    assert all(f"记-{i:05d}" in text for i in range(1200))  # no line lost between pages
    assert text.count("本月合计") == 12 and "期末余额" in text


def test_empty_lists_print_a_line_not_an_empty_table():
    import dataclasses

    from eldercare_desktop.documents.disclosure_xlsx import package_xlsx

    bare = dataclasses.replace(X.context(), fees=(), price_changes=(), subsidies=(),
                               centre=dataclasses.replace(X.CENTRE, escrow_bank="", escrow_account_name="",
                                                          escrow_account_no=""))
    text = flat(DP.package_pdf(bare))
    for s in ("（未登记收费项目）", "本年度调价频次：0次", "本年度未调整收费标准", "本年度无政府补助收入", "未登记",
              "合计0.00与业务活动表“政府补助收入”（第5行）本年数480,000.00不一致"):
        assert s in text, s
    assert package_xlsx(bare)[:2] == b"PK"
