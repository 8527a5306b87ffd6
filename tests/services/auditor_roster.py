"""The auditor test's calls for services.roster_write (issue 13): a chunked
roster import of one well-formed person into a free bed is refused."""
import datetime as dt

from eldercare_desktop.domain.residents import check_resident
from eldercare_desktop.services import roster_write
from eldercare_desktop.services.roster import _Good
from tests.conftest import agent, person


def calls(ctx, app, actor, tmp_path, bed_id, rid) -> dict:
    checked = check_resident(person("李四", seq=15, contacts=(agent("李小四"),)), dt.date(2026, 11, 25))
    good = [_Good(row=2, checked=checked, admission=dt.date(2026, 2, 1), bed_id=bed_id)]
    return {
        "roster_write.write_chunks": lambda: roster_write.write_chunks(ctx, good, "名册.xlsx"),
    }
