"""Contract PDF layout (issue 12, defect 6): labels never wrap mid-word and
no table shows a shaded cell with nothing in it."""
import dataclasses
import datetime as dt
import io

from pypdf import PdfReader

from eldercare_desktop.documents import contract_pdf
from eldercare_desktop.documents import pdf as P
from eldercare_desktop.domain.contracts import SettlementLine
from tests.documents.test_contract_pdf import detail

D = dt.date

LABELS = ("甲方（养老机构）", "统一社会信用代码", "法定代表人", "乙方（入住老人）", "性别 / 出生日期", "身份证号",
          "丙方（代理人）", "与乙方关系", "丙方住址", "押金专户开户银行", "法定代表人或授权代表签字")


def lines_of(data: bytes) -> list[str]:
    r = PdfReader(io.BytesIO(data))
    return [ln.strip() for p in r.pages for ln in p.extract_text().splitlines()]


def test_labels_are_printed_whole():
    for name in ("阳光社区养老服务中心", "重庆市渝北区龙溪街道阳光社区居家和社区养老服务中心"):
        d = detail()
        d = detail(centre=dataclasses.replace(d.centre, name=name))
        lines = lines_of(contract_pdf.render_contract(d, D(2026, 1, 9)))
        for label in LABELS:
            assert any(label in ln for ln in lines), (label, [ln for ln in lines if label[:2] in ln])


def _cells(rng, nrows, ncols):
    (c0, r0), (c1, r1) = rng
    c0, c1 = c0 % ncols, c1 % ncols
    r0, r1 = r0 % nrows, r1 % nrows
    return {(c, r) for c in range(c0, c1 + 1) for r in range(r0, r1 + 1)}


def _tables(flowables):
    for f in flowables:
        if isinstance(f, P.Table):
            yield f
        elif isinstance(f, P.KeepTogether):
            yield from _tables(f._content)


def _empty(v) -> bool:
    if isinstance(v, P.Paragraph):
        return not v.text.strip()
    return v is None or (isinstance(v, str) and not v.strip())


def empty_shaded_cells(tb: P.Table) -> set[tuple[int, int]]:
    """Cells that print as a shaded box with nothing in it. ReportLab shades a
    BACKGROUND range whatever spans it crosses, so a span whose cells are only
    partly shaded shows a shaded patch inside the spanned value."""
    nrows, ncols = len(tb._cellvalues), len(tb._cellvalues[0])
    shaded: set = set()
    for cmd in tb._bkgrndcmds:
        shaded |= _cells((cmd[1], cmd[2]), nrows, ncols)
    bad: set = set()
    covered: set = set()
    for cmd in tb._spanCmds:
        cells = _cells((cmd[1], cmd[2]), nrows, ncols)
        covered |= cells
        c0, r0 = cmd[1][0] % ncols, cmd[1][1] % nrows
        if cells & shaded and not cells <= shaded:
            bad |= cells & shaded  # a patch of shade inside a spanned cell
        elif cells <= shaded and _empty(tb._cellvalues[r0][c0]):
            bad |= cells
    bad |= {(c, r) for (c, r) in shaded - covered if _empty(tb._cellvalues[r][c])}
    return bad


def test_no_empty_shaded_cells():
    lines = (SettlementLine("2026-03", "bed", 240000, 154839, 85161, ""),)
    for d in (detail(), detail(agent_name="", agent_relation="", signer_relation="本人", signer_name="张三"),
              detail(status="已终止", termination_date=D(2026, 3, 20), termination_reason="去世",
                     settlement_lines=lines)):
        tables = list(_tables(contract_pdf.story(d)))
        assert len(tables) >= 4
        for tb in tables:
            assert not empty_shaded_cells(tb), [[getattr(v, "text", v) for v in row] for row in tb._cellvalues]


def test_party_label_columns_fit_their_labels():
    d = detail()
    tb = contract_pdf.parties_table(d)
    s = P.styles()
    for col in (0, 2):
        widest = max(P.pdfmetrics.stringWidth(r[col], s.label.fontName, s.label.fontSize)
                     for r in contract_pdf.party_rows(d) if r[col])
        assert tb._colWidths[col] >= widest + 6  # + left and right padding
    assert abs(sum(tb._colWidths) - P.content_width) < 0.01
