"""The roster XLSX: written with text IDs, real dates and a frozen header;
read back by header name, with cells Excel has spoiled reported per row."""
from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest

from eldercare_desktop.documents import roster as doc
from eldercare_desktop.domain.errors import RuleViolation

ROW = {
    "name": "曾秀英", "gender": "女", "id_number": "500112194003050124", "birth_date": dt.date(1940, 3, 5),
    "status": "在住", "bed": "A101-1", "admission_date": dt.date(2024, 1, 10), "hukou_province": "重庆市",
    "hukou_city": "重庆市", "hukou_district": "渝北区", "phone": "023-67001234", "address": "渝北区龙溪街道1号",
    "categories": "高龄、失能", "agent_name": "张小三", "agent_relationship": "儿子", "agent_phone": "13800000000",
    "contact_name": "", "contact_relationship": "", "contact_phone": "", "notes": "",
}


def test_written_roster_has_text_ids_real_dates_and_frozen_header(tmp_path):
    path = tmp_path / "r.xlsx"
    assert doc.write_roster([ROW, {**ROW, "name": "单国华", "id_number": "50011219400305001X"}], path) == 2
    wb = openpyxl.load_workbook(path)
    ws = wb["住户名册"]
    assert ws.freeze_panes == "A2"
    assert [c.value for c in ws[1]] == [c.header for c in doc.COLUMNS]
    headers = {c.value: c.column_letter for c in ws[1]}
    id_cell = ws[f"{headers['身份证号']}2"]
    assert id_cell.value == "500112194003050124"
    assert id_cell.data_type == "s" and id_cell.number_format == "@"
    assert ws[f"{headers['身份证号']}3"].value == "50011219400305001X"
    phone = ws[f"{headers['电话']}2"]
    assert phone.data_type == "s" and phone.value == "023-67001234"
    date_cell = ws[f"{headers['入住日期']}2"]
    assert date_cell.is_date and date_cell.value.date() == dt.date(2024, 1, 10)
    assert date_cell.number_format == "yyyy-mm-dd"
    assert ws.column_dimensions[headers["身份证号"]].width == 22
    assert ws.column_dimensions[headers["住址"]].width == 40
    assert "填写说明" in wb.sheetnames


def test_round_trip_and_stream(tmp_path):
    buf = io.BytesIO()
    doc.write_roster([ROW], buf)
    path = tmp_path / "r.xlsx"
    path.write_bytes(buf.getvalue())
    [rec] = doc.read_roster(path)
    assert rec["_row"] == 2 and rec["_problems"] == []
    for key, value in ROW.items():
        assert rec[key] == value, key


def _sheet(path, rows):
    wb = openpyxl.Workbook()
    ws = wb.active
    for r in rows:
        ws.append(r)
    wb.save(path)


def test_id_stored_as_number_is_reported_not_guessed(tmp_path):
    path = tmp_path / "r.xlsx"
    _sheet(path, [["姓名", "身份证号", "床位", "入住日期"],
                  ["张三", 500112194003050132, "A101-1", dt.date(2024, 1, 1)],
                  ["李四", "500112194003050124", "A101-2", "2024/1/2"]])
    bad, good = doc.read_roster(path)
    assert bad["id_number"] == ""
    [(key, message)] = bad["_problems"]
    assert key == "id_number" and "数字" in message and "文本" in message
    assert good["_problems"] == [] and good["admission_date"] == dt.date(2024, 1, 2)


def test_header_found_below_a_title_blank_rows_skipped_and_aliases(tmp_path):
    path = tmp_path / "r.xlsx"
    _sheet(path, [["阳光养老院住户名册"], [],
                  ["序号", "姓名", "身份证号码", "床位号", "入院日期", "联系电话", "自定义"],
                  [1, "张三", "500112194003050132", "a101-1", "2024年1月5日", 13800000000, "x"],
                  [None, None, None, None, None, None, None],
                  [2, "李四", "500112194003050124", "A102-1", "2024-13-01", None, None]])
    first, second = doc.read_roster(path)
    assert first["_row"] == 4 and second["_row"] == 6  # as Excel numbers them
    assert first["bed"] == "a101-1" and first["admission_date"] == dt.date(2024, 1, 5)
    assert first["phone"] == "13800000000"
    assert second["admission_date"] is None
    assert second["_problems"] == [("admission_date", "日期“2024-13-01”无法识别，请写成2024-01-31的格式")]


def test_missing_required_column(tmp_path):
    path = tmp_path / "r.xlsx"
    _sheet(path, [["姓名", "身份证号", "入住日期"], ["张三", "500112194003050132", "2024-01-01"]])
    with pytest.raises(RuleViolation, match="床位"):
        doc.read_roster(path)


def test_no_header(tmp_path):
    path = tmp_path / "r.xlsx"
    _sheet(path, [["a", "b"], [1, 2]])
    with pytest.raises(RuleViolation, match="表头"):
        doc.read_roster(path)


@pytest.mark.parametrize("content", [b"\x00garbage" * 100, b""])
def test_not_a_workbook(tmp_path, content):
    path = tmp_path / "r.xlsx"
    path.write_bytes(content)
    with pytest.raises(RuleViolation, match="不是有效的Excel"):
        doc.read_roster(path)


def test_old_xls_and_missing_file(tmp_path):
    with pytest.raises(RuleViolation, match="xls"):
        (tmp_path / "r.xls").write_bytes(b"x")
        doc.read_roster(tmp_path / "r.xls")
    with pytest.raises(RuleViolation, match="不存在"):
        doc.read_roster(tmp_path / "none.xlsx")


@pytest.mark.parametrize("value, expected", [
    ("2024-01-31", dt.date(2024, 1, 31)), ("2024/1/5", dt.date(2024, 1, 5)), ("2024.1.5", dt.date(2024, 1, 5)),
    ("2024年1月5日", dt.date(2024, 1, 5)), ("20240105", dt.date(2024, 1, 5)), (20240105, dt.date(2024, 1, 5)),
    (45296, dt.date(2024, 1, 5)), (dt.datetime(2024, 1, 5, 0, 0), dt.date(2024, 1, 5)),
])
def test_parse_date(value, expected):
    assert doc.parse_date(value) == expected


@pytest.mark.parametrize("value", ["2024-02-30", "明天", 1.5, -3])
def test_parse_date_refuses(value):
    with pytest.raises(ValueError):
        doc.parse_date(value)
