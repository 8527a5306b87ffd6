"""Document numbers continue past 9,999 in a year (found by demo-data at
10,000 residents: PG2025-10000 was taken twice, as text sorts 9999 after 10000)."""
from sqlalchemy import Column, Integer, MetaData, String, Table, create_engine, insert
from sqlalchemy.orm import Session

from eldercare_desktop.services.numbering import next_number

T = Table("doc", MetaData(), Column("id", Integer, primary_key=True), Column("number", String(20)))


def test_next_number_compares_numbers_not_text():
    engine = create_engine("sqlite://")
    T.metadata.create_all(engine)
    with Session(engine) as s:
        assert next_number(s, T.c.number, "PG2025-") == "PG2025-0001"
        s.execute(insert(T), [{"number": f"PG2025-{n:04d}"} for n in (1, 2, 9999)] + [{"number": "PG2024-12000"}])
        assert next_number(s, T.c.number, "PG2025-") == "PG2025-10000"
        s.execute(insert(T), [{"number": "PG2025-10000"}])
        assert next_number(s, T.c.number, "PG2025-") == "PG2025-10001"
        assert next_number(s, T.c.number, "PG2024-") == "PG2024-12001"
