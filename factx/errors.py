"""Typed exceptions; the CLI turns each into a message and an exit status."""

from __future__ import annotations


class FactxError(Exception):
    """A failure the user can act on. `exit_code` follows the README's table."""

    exit_code = 1

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class UsageError(FactxError):
    """The command line asks for something impossible (exit 2)."""

    exit_code = 2


class RuleError(UsageError):
    """A rule file is invalid: names the file, the rule id and the key (exit 2)."""

    def __init__(self, path: str, rule_id: str | None, key: str | None, problem: str) -> None:
        where = path
        if rule_id is not None:
            where += f": rule {rule_id!r}"
        if key is not None:
            where += f": key {key!r}"
        super().__init__(f"{where}: {problem}")
        self.path, self.rule_id, self.key, self.problem = path, rule_id, key, problem


class InputError(FactxError):
    """One input cannot be read; the run goes on without it."""

    def __init__(self, path: str, problem: str, *, line: int | None = None) -> None:
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {problem}")
        self.path, self.line, self.problem = path, line, problem


class StoreError(FactxError):
    """The store cannot be opened or written."""


class UnknownEntity(FactxError):
    """`--entity` matched nothing; carries the closest known names."""

    def __init__(self, query: str, closest: list[str]) -> None:
        hint = ("closest known entities: " + ", ".join(closest)) if closest else \
            "the store holds no entities yet: run 'factx extract PATH' first"
        super().__init__(f"no entity matches {query!r}", hint=hint)
        self.query, self.closest = query, closest
