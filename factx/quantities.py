"""Quantities in words and figures, normalized as DESIGN section 4 says.

Integers stay integers; vague amounts, bounds and ranges become strings the conflicts
engine can compare: ``"20-40"`` (a range), ``">=40"`` / ``"<=40"`` (bounds) and
``"~40"`` (an approximation); strict bounds ``">40"`` for "more than 40".

>>> normalize_quantity("six"), normalize_quantity("up to 40"), normalize_quantity("dozens")
(6, '<=40', '~24-99')
"""

from __future__ import annotations

import re

_UNITS = {
    "zero": 0, "no": 0, "none": 0, "one": 1, "a": 1, "an": 1, "single": 1, "two": 2,
    "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "dozen": 12, "both": 2, "pair": 2, "couple": 2,
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}

#: Vague plural amounts as approximate ranges, "~LO-HI" ("dozens" overlaps 40 without
#: containing it for sure, so the two are a soft conflict).
VAGUE = {
    "dozens": "~24-99", "several dozen": "~24-99", "scores": "~40-99",
    "hundreds": "~200-999", "several hundred": "~200-999",
    "thousands": "~2000-9999", "several thousand": "~2000-9999",
    "tens of thousands": "~20000-99999", "hundreds of thousands": "~200000-999999",
    "millions": "~2000000-9999999", "several": "~3-9", "a few": "~2-9", "few": "~2-9",
    "a handful": "~2-9", "handful": "~2-9", "a couple": 2, "a couple of": 2,
    "multiple": "~2-9", "numerous": ">=2", "many": ">=2",
}

# Qualifiers before a number, longest first (rule: "up to 40" is a bound, "about 40" ~).
_QUALIFIERS = (
    ("no more than", "<="), ("not more than", "<="), ("as many as", "<="), ("up to", "<="),
    ("no fewer than", ">="), ("no less than", ">="), ("fewer than", "<"), ("less than", "<"),
    ("at most", "<="), ("under", "<"), ("below", "<"),
    ("at least", ">="), ("a minimum of", ">="), ("more than", ">"), ("over", ">"),
    ("upwards of", ">"), ("in excess of", ">"), ("above", ">"),
    ("an estimated", "~"), ("estimated", "~"), ("approximately", "~"), ("roughly", "~"),
    ("around", "~"), ("about", "~"), ("nearly", "~"), ("almost", "~"), ("close to", "~"),
    ("some", "~"), ("circa", "~"), ("approx.", "~"), ("about some", "~"),
)
_FILLER = re.compile(r"\b(?:other|others|more|further|additional|another|of|the|all)\b")


def _number(text: str) -> int | None:
    """An exact number written in figures or words.

    >>> _number("1,500"), _number("twenty-five"), _number("two dozen"), _number("1.5 million")
    (1500, 25, 24, 1500000)
    """
    text = text.strip().lower().replace("–", "-")
    if not text:
        return None
    match = re.fullmatch(r"(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(hundred|thousand|million|billion)?", text)
    if match:
        value = float(match.group(1).replace(",", ""))
        value *= _SCALES.get(match.group(2) or "", 1)
        return int(round(value))
    words = re.split(r"[\s-]+", text.replace(" and ", " "))
    total = current = 0
    seen = False
    for word in words:
        if word in _UNITS:
            if word == "dozen":
                current = (current or 1) * 12
            else:
                current += _UNITS[word]
            seen = True
        elif word in _SCALES:
            current = (current or 1) * _SCALES[word]
            if _SCALES[word] >= 1000:
                total, current = total + current, 0
            seen = True
        elif re.fullmatch(r"\d+", word):
            current += int(word)
            seen = True
        else:
            return None
    return total + current if seen else None


def normalize_quantity(text: str) -> int | str | None:
    """Normalize a count written in a news sentence; None when it is not a quantity.

    >>> [normalize_quantity(t) for t in ("14", "about 1,500", "roughly 240", "20 to 40", "one of three")]
    [14, '~1500', '~240', '20-40', 3]
    """
    text = re.sub(r"\s+", " ", text.strip().lower().replace("–", "-").replace("—", "-"))
    text = text.strip(" ,.;:")
    if not text:
        return None
    if text in VAGUE:
        return VAGUE[text]
    for phrase, op in _QUALIFIERS:
        if text.startswith(phrase + " "):
            rest = normalize_quantity(text[len(phrase) + 1:])
            if isinstance(rest, int):
                return f"{op}{rest}"
            if isinstance(rest, str) and op != "~" and re.fullmatch(r"~?\d+-\d+", rest):
                low, high = rest.lstrip("~").split("-")
                return f"{op}{high}" if op in ("<=", "<") else f"{op}{low}"
            return rest
    # "one of three (hostages killed)": a part of the whole; the count is the whole
    match = re.fullmatch(r"(.+?) of (?:the )?(.+)", text)
    if match and _number(match.group(1)) is not None and _number(match.group(2)) is not None:
        return normalize_quantity(match.group(2))
    # "between 20 and 40", "20 to 40", "20-40"
    match = re.fullmatch(r"(?:between )?(.+?)(?: and | to |-| or )(.+)", text)
    if match and not re.fullmatch(r"[a-z]+-[a-z]+", text):
        low, high = _number(match.group(1)), _number(match.group(2))
        if low is not None and high is not None and low < high:
            return f"{low}-{high}"
    cleaned = _FILLER.sub(" ", text)
    cleaned = re.sub(r"\s+", " ", cleaned).strip()
    if cleaned in VAGUE:
        return VAGUE[cleaned]
    if cleaned != text:
        return normalize_quantity(cleaned) if cleaned else None
    value = _number(text)
    if value is None and re.fullmatch(r"[a-z]+-[a-z]+", text):
        value = _number(text.replace("-", " "))
    # a lone article is not a count ("a", "an" only count inside "a dozen")
    if text in ("a", "an", "no", "none", "single", "pair", "couple"):
        return None
    return value


def qualifier(phrase: str) -> str | None:
    """The bound a qualifier before a number puts on it ('at least' ``>=``, 'about'
    ``~``, 'up to' ``<=``); None for words that are no qualifier.

    >>> qualifier("at least"), qualifier("Up to"), qualifier("the")
    ('>=', '<=', None)
    """
    phrase = re.sub(r"\s+", " ", phrase.strip().lower())
    return next((op for words, op in _QUALIFIERS if words == phrase), None)


#: the qualifiers a number may carry, longest first (for patterns over text)
QUALIFIER_PHRASES = tuple(sorted((words for words, _ in _QUALIFIERS), key=len, reverse=True))


def measure_number(text: str) -> int | float | None:
    """A number as a measure gives it: decimals kept ('6.9' stays 6.9, where a count
    rounds), figures with thousands separators and number words.

    >>> measure_number("6.9"), measure_number("1,040"), measure_number("four"), measure_number("7.0")
    (6.9, 1040, 4, 7)
    """
    text = text.strip().lower().replace(",", "")
    if re.fullmatch(r"\d+\.\d+", text):
        value = float(text)
        return int(value) if value == int(value) else value
    return _number(text)


_DECADES = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
            "seventies": 70, "eighties": 80, "nineties": 90}


def normalize_age(text: str) -> int | str | None:
    """An age as a number, or a decade of life as a range.

    >>> normalize_age("47"), normalize_age("50s"), normalize_age("thirties"), normalize_age("late 60s")
    (47, '50-59', '30-39', '67-69')
    """
    text = text.strip().lower().replace("’", "'").replace("'s", "s")
    match = re.fullmatch(r"(early |mid-|mid |late )?(\d0s|[a-z]+ies)", text)
    if match:
        word = match.group(2)
        base = int(word[:2]) if word[0].isdigit() else _DECADES.get(word)
        if base is None:
            return None
        low, high = {"early ": (0, 3), "mid-": (4, 6), "mid ": (4, 6), "late ": (7, 9)}.get(
            match.group(1) or "", (0, 9))
        return f"{base + low}-{base + high}"
    value = normalize_quantity(text)
    if isinstance(value, int) and 0 < value < 130:
        return value
    return None
