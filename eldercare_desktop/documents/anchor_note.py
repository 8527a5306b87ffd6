"""The audit-chain anchor a document carries (set by the service that prints
it, read by the page footer of PDFs and the print footer of XLSX sheets)."""
from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from typing import Iterator

_NOTE: ContextVar[str] = ContextVar("anchor_note", default="")


@contextmanager
def anchored(text: str) -> Iterator[None]:
    token = _NOTE.set(text)
    try:
        yield
    finally:
        _NOTE.reset(token)


def note() -> str:
    return _NOTE.get()
