"""The audit trail as a person reads it: the formatting lives in
``domain.audit_text`` (the services' exports use it too); the screen reads
it from here."""
from ..domain.audit_text import (
    COLUMNS,
    DiffKind,
    DiffRow,
    ENTITIES,
    ENTITY_MONEY_KEYS,
    EXPORT_HEADERS,
    ID_KEYS,
    KIND_NAMES,
    MONEY_KEYS,
    ROLE_KEYS,
    at_text,
    cell,
    chart_account_name,
    compact,
    date_text,
    diff,
    export_row,
    field_value,
    is_journal_lines,
    is_money,
    journal_line_text,
    money_text,
    newest_first,
    parse,
    pretty,
    readable,
    role_text,
    value_text,
)

__all__ = ["COLUMNS", "DiffKind", "DiffRow", "ENTITIES", "ENTITY_MONEY_KEYS", "EXPORT_HEADERS", "ID_KEYS", "KIND_NAMES", "MONEY_KEYS", "ROLE_KEYS", "at_text", "cell", "chart_account_name", "compact", "date_text", "diff", "export_row", "field_value", "is_journal_lines", "is_money", "journal_line_text", "money_text", "newest_first", "parse", "pretty", "readable", "role_text", "value_text"]
