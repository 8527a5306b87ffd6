"""收费公示 and 收费标准调整告知书 renderers on hand-built inputs."""
import datetime as dt
import io
from decimal import Decimal

from pypdf import PdfReader

from eldercare_desktop.documents.fee_pdf import NoticeChange, NoticeResident, render_fee_schedule, render_price_notices
from eldercare_desktop.domain.billing import PRORATION_RULE
from eldercare_desktop.domain.finance_records import ScheduleRow
from eldercare_desktop.domain.records import CentreInfo

D = dt.date
CENTRE = CentreInfo("阳光社区养老服务中心", "", "非营利", "national", "重庆市渝北区1号", "023-67001234",
                    escrow_bank="重庆农商行", escrow_account_name="押金专户", escrow_account_no="0101 0001")


def _texts(pdf: bytes) -> list[str]:
    return [p.extract_text().replace("\n", "") for p in PdfReader(io.BytesIO(pdf)).pages]


def _fonts_embedded(pdf: bytes) -> bool:
    found = []
    for p in PdfReader(io.BytesIO(pdf)).pages:
        for f in p["/Resources"]["/Font"].values():
            f = f.get_object()
            desc = f.get("/FontDescriptor") or f["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            found.append(any(k in desc.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3")))
    return bool(found) and all(found)


def test_schedule_items_prices_rules_deposit_and_complaint_phone():
    rows = [ScheduleRow(1, "BED-N", "bed", "床位费", "护理型床位", "月", "护理型", 240000, D(2024, 1, 1),
                        260000, D(2027, 1, 1), D(2026, 11, 25)),
            ScheduleRow(2, "MEALS", "meals", "伙食费", "伙食费", "日", "", 3000, D(2024, 1, 1))]
    pdf = render_fee_schedule(rows, CENTRE, D(2026, 11, 25), D(2026, 11, 26), Decimal("6"), 10)
    text = "".join(_texts(pdf))
    for s in ("收费公示", "收费项目", "计费单位", "收费标准", "自何日起执行", "护理型床位", "元/月", "2,400.00",
              "2024-01-01", "自2027-01-01起调整为2,600.00", "元/日", "30.00", "6倍", "押金专户", "0101 0001",
              "10日内退还", "投诉电话：023-67001234", "公示日期：2026年11月25日", "打印日期：2026-11-26"):
        assert s in text, s
    assert PRORATION_RULE in text
    assert _fonts_embedded(pdf)


def test_one_notice_per_resident_with_reply_slip():
    ch = NoticeChange("CARE-1", "介护一级", "care", "月", 150000, 160000, D(2027, 1, 1), D(2026, 11, 25), "工资上涨")
    assert ch.change_text == "上调¥100.00（+6.7%）"  # 1,000 / 15,000 = 6.67% → 6.7
    rs = [NoticeResident(1, "张三", "A101-1", "HT2026-0001", "张小三", "代理人（儿子）"),
          NoticeResident(2, "李四", "A102-1", "HT2026-0002")]
    pdf = render_price_notices([ch], rs, CENTRE, D(2026, 11, 25))
    pages = _texts(pdf)
    assert len(pages) == 2
    for page, r in zip(pages, rs):
        for s in ("收费标准调整告知书", r.name, r.contract_number, f"TJ20270101-{r.resident_id:05d}", "介护一级",
                  "1,500.00", "1,600.00", "2027-01-01", "工资上涨", "告知日期：2026年11月25日", "提前37天告知",
                  "自2027年1月1日起相应变更", "回", "已知悉", "住户（签名）", "第 1 页 / 共 1 页"):
            assert s in page, (r.name, s)
    assert "张小三" in pages[0] and "无代理人时可不签" in pages[1]
    assert _fonts_embedded(pdf)
