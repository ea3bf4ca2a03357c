"""Paragraph breaks are sentence breaks: set before the parser, which keeps them.

A page's headline, its date line, its byline and each paragraph stand on lines of their
own, mostly without a final full stop ('Storm Kills 14 in Karsk' above 'KARSK, May 12 -
Rescuers ...'). Left to itself, the parser often reads such a headline and the first
sentence below it as one sentence, so that the headline's words govern the body's claims.
A blank line (two line breaks, with or without spaces between them) never falls inside a
sentence of a news text: the word after it starts one. A single line break does too in a
text written one paragraph a line (as pages are saved: most of its lines are far longer
than a line of wrapped text), never in a text wrapped at a fixed width.

A dateline ends a sentence too ('KARSK, Kelstan — Twenty people died ...', 'KARSK (Reuters)
- Police arrested ...'): left in the sentence, the parser makes the town its subject and
the first words of the report an apposition of it.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from factx.stages import doc_text
from factx.stages.attributes.discourse import dateline_spans

#: a text whose lines (of some length) are mostly longer than this is one paragraph a line;
#: text wrapped for reading runs to 60-80 characters a line
PARAGRAPH_LINE = 120


def one_paragraph_a_line(text: str) -> bool:
    """Whether the text's lines are paragraphs (not a text wrapped at a fixed width).

    >>> one_paragraph_a_line("Storm Kills 14\\n" + "Rescuers searched the town of Karsk on Monday. " * 4)
    False
    >>> one_paragraph_a_line(("Rescuers searched the town of Karsk on Monday. " * 4 + "\\n") * 3)
    True
    """
    lengths = sorted(len(line) for line in text.split("\n") if len(line.strip()) > 40)
    return len(lengths) >= 2 and lengths[len(lengths) // 2] > PARAGRAPH_LINE


@Language.component("factx_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """Mark the first word after a paragraph break as a sentence start (spaCy makes the
    line breaks between two words a token of their own)."""
    text = doc_text(doc)
    breaks_at = 1 if one_paragraph_a_line(text) else 2
    after_break = False
    ends = sorted(end for _, end in dateline_spans(text))
    for token in doc:
        if ends and not token.is_space and token.idx >= ends[0]:
            ends = [end for end in ends if end > token.idx]
            if token.i > 0:
                token.is_sent_start = True  # the report after its dateline
                after_break = False
                continue
        if token.is_space:
            after_break = after_break or token.text.count("\n") >= breaks_at
            continue
        if after_break and token.i > 0:
            token.is_sent_start = True
        after_break = False
    return doc
