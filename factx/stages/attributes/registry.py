"""The families of attribute rules and their extractors, registered by the modules.

A family is a kind of pattern in `rules/attributes.yml` (`family: death`, `family: role`,
...). Each module of this package registers the families it reads, with the keys their
rules may hold, and its extractors; `compile_rules` validates every rule against its
family's keys, so that an unknown key is an error naming the file, the rule id and the
key. A new family is data (rules with `family: NAME`) plus one module that registers
`Family("NAME", keys=...)` and an `@extractor`.

    >>> register(Family("nickname", keys=("words",)))          # doctest: +SKIP
    >>> @extractor(order=90)                                   # doctest: +SKIP
    ... def nickname_facts(sent, state): ...
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterator

from factx.errors import RuleError

#: keys every rule of `kind: attributes` has
COMMON_KEYS = ("id", "family", "description")


@dataclass(frozen=True)
class Family:
    """A family of attribute rules: its name, the keys its rules may hold, those they must."""

    name: str
    keys: tuple[str, ...] = ("words",)
    required: tuple[str, ...] = ("words",)
    doc: str = ""

    def check(self, rule: dict, path: str) -> None:
        """Raise `RuleError` for a key this family does not read, or a missing one."""
        for key in rule:
            if key not in COMMON_KEYS and key not in self.keys:
                allowed = ", ".join(COMMON_KEYS + self.keys)
                raise RuleError(path, rule.get("id"), key,
                                f"family {self.name!r} does not read this key (allowed: {allowed})")
        for key in self.required:
            if key not in rule or rule[key] in (None, [], ""):
                raise RuleError(path, rule.get("id"), key, f"family {self.name!r} needs {key!r}")


#: the families the modules registered, by name (their names are
#: `factx.rules.ATTRIBUTE_FAMILIES`, which validates `family:` on load)
REGISTERED: dict[str, Family] = {}

#: extractors with their place in the run order (`extractors()` sorts them)
_EXTRACTORS: list[tuple[int, Callable[..., Iterator]]] = []


def register(*families: Family) -> tuple[Family, ...]:
    """Declare families; a second declaration of a name must be the same."""
    for family in families:
        known = REGISTERED.get(family.name)
        if known is not None and known != family:
            raise ValueError(f"family {family.name!r} registered twice with different keys")
        REGISTERED[family.name] = family
    return families


def extractor(order: int) -> Callable[[Callable[..., Iterator]], Callable[..., Iterator]]:
    """Register a function `(sentence, state) -> Iterator[Raw]` as an extractor that runs
    at place `order` (lower first; the order only decides which of two equal facts is
    kept and the order of the output)."""
    def register_extractor(function: Callable[..., Iterator]) -> Callable[..., Iterator]:
        if all(f is not function for _, f in _EXTRACTORS):
            _EXTRACTORS.append((order, function))
        return function
    return register_extractor


def extractors() -> tuple[Callable[..., Iterator], ...]:
    """The registered extractors in run order."""
    return tuple(f for _, f in sorted(_EXTRACTORS, key=lambda item: item[0]))
