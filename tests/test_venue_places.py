"""A facility in a town (issue 11, session 9): 'the X hall in Y', 'X, a café in Y' give
`located_in` (the venue, the town), so an event at the venue and one in the town link
(factx.event_links step 3). Table-driven, text → facts, real model; invented names."""

from __future__ import annotations

import pytest

from fact_helpers import facts_runner

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def run(nlp):
    return facts_runner(nlp)


def located(facts):
    return {(f.name, f.value) for f in facts if f.attribute == "located_in"}


ROWS = [
    ("The death toll from the fire at the Zarvo Dunel wedding hall in the east of Kessarin rose to 16 on Friday.",
     {("Zarvo Dunel", "Kessarin")}, set()),
    ("Gunmen stormed Le Petit Marvot, a café in Telluride, on Tuesday night.",
     {("Le Petit Marvot", "Telluride")}, set()),
    ("The fire broke out at the Ostrander Palace hall in Halbrook late on Thursday.",
     {("Ostrander Palace", "Halbrook")}, set()),
    # 'in Y' after the verb's object is where people died, not where the hall is
    ("Police said the blaze at the Zarvo Dunel hall killed nine people in Kessarin.",
     set(), {("Zarvo Dunel", "Kessarin")}),
    # 'the Y district of Z': which of the two holds the café is unclear
    ("Gunmen stormed Le Petit Marvot, a café in the Telluride district of Ixford, on Tuesday night.",
     set(), {("Le Petit Marvot", "Telluride"), ("Le Petit Marvot", "Telluride district"),
             ("Le Petit Marvot", "Ixford")}),
]


@pytest.mark.parametrize("text, want, absent", ROWS)
def test_venue_located_in(run, text, want, absent):
    got = located(run(text))
    assert want <= got, got
    assert not (absent & got), got
