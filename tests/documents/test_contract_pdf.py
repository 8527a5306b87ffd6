"""The contract PDF on a hand-built detail: text, 大写, escrow, disputes, fonts."""
import datetime as dt
import io
from decimal import Decimal

from pypdf import PdfReader

from eldercare_desktop.documents.contract_pdf import render_contract
from eldercare_desktop.domain.contract_records import ContractDetail, PartyA, TermInfo
from eldercare_desktop.domain.contracts import CLAUSE_TITLES, SettlementLine, default_clauses

D = dt.date


def detail(**kw) -> ContractDetail:
    signed = TermInfo(1, D(2026, 1, 10), "签订", "普通床位", 240000, "自理", 150000, 3000, "按收费标准", "张小三",
                      D(2026, 1, 9))
    amended = TermInfo(2, D(2026, 6, 1), "调价", "普通床位", 240000, "自理", 120000, 3000, "护理费下调", "", None)
    texts = default_clauses()
    base = dict(
        id=1, number="HT2026-0001", status="生效", signed_date=D(2026, 1, 9), start_date=D(2026, 1, 10),
        end_date=D(2027, 1, 9),
        centre=PartyA("阳光社区养老服务中心", "52500000MJP123456X", "重庆市渝北区龙溪街道1号", "023-67001234", "王院长",
                      "中国建设银行重庆渝北支行", "阳光社区养老服务中心押金专户", "50001234567890123456"),
        resident_id=1, resident_name="张三", resident_gender="男", resident_birth_date=D(1940, 3, 5),
        resident_id_number="500112194003050133", resident_hukou="重庆市渝北区", resident_address="重庆市渝北区双龙大道8号",
        resident_phone="", bed_code="A101-1", signer_name="张小三", signer_relation="代理人（儿子）",
        agent_name="张小三", agent_relation="代理人（儿子）", agent_phone="13800000000", agent_address="重庆市渝北区",
        deposit_fen=2880000, deposit_multiplier=Decimal("6"), payment_terms=texts["payment"],
        clauses=tuple((k, t, texts[k]) for k, t in CLAUSE_TITLES), fee_override_reason="",
        terms=(signed, amended), current=amended,
    )
    base.update(kw)
    return ContractDetail(**base)


def text_of(data: bytes) -> tuple[str, PdfReader]:
    r = PdfReader(io.BytesIO(data))
    return "".join(p.extract_text() for p in r.pages).replace("\n", ""), r


def test_contract_text():
    txt, r = text_of(render_contract(detail(), D(2026, 1, 9)))
    for s in ("养老服务合同", "HT2026-0001", "张三", "500112194003050133", "张小三",
              "贰万捌仟捌佰元整",  # 28,800.00
              "¥4,800.00",  # 2,400 + 1,500 + 30 × 30
              "押金不得超过月服务费的6倍（上限¥28,800.00）",
              "50001234567890123456", "中国建设银行重庆渝北支行", "仲裁", "人民法院", "协商",
              "如数退还", "甲方（机构盖章）", "乙方（老人）", "丙方（代理人）", "附件一", "护理费下调",
              # the amendment lowers the fee: 2,400 + 1,200 + 900 = 4,500 → cap 27,000; excess 1,800
              "超过上限¥1,800.00"):
        assert s in txt, s
    assert "按自然日折算" in txt and "每月30天" in txt
    fonts = set()
    for page in r.pages:
        for f in page["/Resources"]["/Font"].values():
            f = f.get_object()
            fonts.add(f["/BaseFont"])
            desc = f.get("/DescendantFonts")
            fd = (desc[0].get_object() if desc else f).get("/FontDescriptor")
            assert fd is not None and any(k in fd.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3")), f
    assert fonts


def test_terminated_contract_prints_the_settlement():
    lines = (SettlementLine("2026-03", "bed", 240000, 154839, 85161, ""),
             SettlementLine("2026-03", "meals", 93000, 60000, 33000, ""))
    d = detail(status="已终止", termination_date=D(2026, 3, 20), termination_reason="去世", settlement_lines=lines,
               agent_name="", agent_relation="", signer_relation="本人", signer_name="张三")
    txt, _ = text_of(render_contract(d, D(2026, 3, 25)))
    # 851.61 + 330.00 = 1,181.61
    assert "附件二" in txt and "¥1,181.61" in txt and "壹仟壹佰捌拾壹元陆角壹分" in txt
    assert "（无代理人时不填）" in txt
