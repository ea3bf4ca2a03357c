"""A paragraph break ends a sentence (factx.stages.breaks): hand-built docs, no model."""

from __future__ import annotations

import pytest
import spacy

from factx.stages import breaks  # noqa: F401  (registers the component)


@pytest.fixture(scope="module")
def blank():
    pipe = spacy.blank("en")
    pipe.add_pipe("factx_breaks")
    return pipe


BREAKS = [
    # a headline above the body: the body's first word starts a sentence
    ("Storm Kills 14 in Karsk\n\nRescuers searched the town on Monday.", "Rescuers", True),
    ("Storm Kills 14 in Karsk \n \n Rescuers searched the town.", "Rescuers", True),
    ("KARSK, May 12\n\n\nRescuers searched the town.", "Rescuers", True),
    # one line break is no paragraph: a wrapped line goes on with its sentence
    ("The floods hit the town of\nKarsk on Monday.", "Karsk", False),
    ("Rescuers searched the town on Monday.", "searched", False),
]


PARAGRAPH = "Rescuers searched the flooded town of Karsk on Monday for survivors of the storm. " * 2
LINES = [
    # one paragraph a line (as pages are saved): a headline line ends its sentence too
    ("Storm Kills 14 in Karsk\n" + PARAGRAPH + "\n" + PARAGRAPH, "Rescuers", True),
    # a text wrapped at a fixed width: a single line break goes on with its sentence
    ("The floods that hit the town of Karsk on Monday killed at least\n"
     "Fourteen people, officials said on Tuesday, and rescuers were still\n"
     "searching the town for survivors of the storm that hit it.", "Fourteen", False),
]


@pytest.mark.parametrize("text,word,starts", LINES)
def test_a_line_break_in_a_text_of_paragraph_lines(blank, text, word, starts):
    doc = blank(text)
    token = next(t for t in doc if t.text == word)
    assert bool(token.is_sent_start) is starts


@pytest.mark.parametrize("text,word,starts", BREAKS)
def test_blank_line_starts_a_sentence(blank, text, word, starts):
    doc = blank(text)
    token = next(t for t in doc if t.text == word)
    assert bool(token.is_sent_start) is starts


def test_only_words_after_a_break_are_marked(blank):
    doc = blank("\n\nRescuers searched the town.")
    assert doc[1].text == "Rescuers" and doc[1].is_sent_start is True
    assert all(t.is_sent_start is None for t in doc if t.text in ("searched", "town", "."))


@pytest.mark.model
def test_the_parser_keeps_the_break(nlp):
    """With the real pipeline, a headline without a full stop is a sentence of its own."""
    doc = nlp("Board says bird strike caused crash near Karsk\n\nA bird strike caused the crash, "
                       "the board said on Tuesday.")
    sentences = [s.text.strip() for s in doc.sents if s.text.strip()]
    assert sentences[0] == "Board says bird strike caused crash near Karsk"
