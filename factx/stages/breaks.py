"""Paragraph breaks are sentence breaks: set before the parser, which keeps them.

A page's headline, its date line, its byline and each paragraph stand on lines of their
own, mostly without a final full stop ('Storm Kills 14 in Karsk' above 'KARSK, May 12 -
Rescuers ...'). Left to itself, the parser often reads such a headline and the first
sentence below it as one sentence, so that the headline's words govern the body's claims.
A blank line (two line breaks, with or without spaces between them) never falls inside a
sentence of a news text: the word after it starts one.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("factx_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """Mark the first word after a blank line as a sentence start (spaCy makes the line
    breaks between two words a token of their own)."""
    after_break = False
    for token in doc:
        if token.is_space:
            after_break = after_break or token.text.count("\n") >= 2
            continue
        if after_break and token.i > 0:
            token.is_sent_start = True
        after_break = False
    return doc
