"""Typed errors raised by domain and service code.

Every message meant for a user is Chinese; ``field`` names the input that is
wrong so a dialog can mark it.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    field: str
    message: str  # Chinese, shown to the user

    def __str__(self) -> str:
        return self.message


class DomainError(Exception):
    """Base for errors that carry a user-facing Chinese message."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class RuleViolation(DomainError):
    """One or more rules were broken; nothing was saved."""

    def __init__(self, problems: list[Problem] | Problem | str, field: str = ""):
        if isinstance(problems, str):
            problems = [Problem(field, problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = list(problems)
        super().__init__("；".join(p.message for p in self.problems))

    def fields(self) -> set[str]:
        return {p.field for p in self.problems}


STALE_MESSAGE = "该记录已被他人修改，请刷新后再试"


class StaleRecord(RuleViolation):
    """The record was changed (on another PC, or another window) after this
    screen read it; nothing was saved. The dialog offers to reload."""

    def __init__(self, what: str = ""):
        super().__init__(f"{what}：{STALE_MESSAGE}" if what else STALE_MESSAGE)


class PermissionDenied(DomainError):
    pass


class NotFound(DomainError):
    pass


class AuthError(DomainError):
    pass


class Problems:
    """Collects problems, then raises them all at once."""

    def __init__(self) -> None:
        self.items: list[Problem] = []

    def add(self, field: str, message: str) -> None:
        self.items.append(Problem(field, message))

    def __bool__(self) -> bool:
        return bool(self.items)

    def raise_if_any(self) -> None:
        if self.items:
            raise RuleViolation(self.items)
