"""Tokenization in time linear in the length of the text, whatever its punctuation.

spaCy's tokenizer splits text at whitespace, then peels prefixes and suffixes off each
whitespace-free chunk one at a time; every step searches and hashes the rest of the
chunk, so a chunk of n characters that peels into n tokens costs O(n²): 'x ' + '&' *
20000 takes over a minute. Words are short; only pathological input has such chunks.
`LinearTokenizer` gives spaCy's tokenizer the text as it is when no chunk is longer
than `MAX_CHUNK` (one regex scan, the usual case), and otherwise hands the long chunks
over in pieces of at most that length, cut where a word meets punctuation when it can.
The Doc's text is the input text, character for character.
"""

from __future__ import annotations

import re
from typing import Iterable, Iterator

from spacy.tokens import Doc

#: Whitespace-free chunks longer than this are tokenized in pieces (a URL of more than
#: 100 characters is cut at its slashes and hyphens; no word of prose is that long).
MAX_CHUNK = 100

_LONG_CHUNK = re.compile(r"\S{%d,}" % (MAX_CHUNK + 1))
_BOUNDARY = re.compile(r"(?<=\w)(?=\W)|(?<=\W)(?=\w)")


def pieces(text: str, limit: int = MAX_CHUNK) -> list[str]:
    """`text` cut so that no whitespace-free run is longer than `limit`; joined, the
    pieces are `text`. A piece ends after the whitespace that follows a cut run.

    >>> pieces("ab " + "&" * 5 + " cd", 2)
    ['ab ', '&&', '&&', '& ', 'cd']
    """
    out: list[str] = []
    start = 0
    for match in re.finditer(r"\S{%d,}" % (limit + 1), text):
        if match.start() > start:
            out.append(text[start:match.start()])
        run_start, run_end = match.span()
        while run_end - run_start > limit:
            window = text[run_start:run_start + limit + 1]
            cut = 0
            for boundary in _BOUNDARY.finditer(window, limit // 2, limit + 1):
                cut = boundary.start()
            cut = cut or limit
            out.append(text[run_start:run_start + cut])
            run_start += cut
        # the run's last piece keeps one following space, as the whole text would
        end = run_end + 1 if text[run_end:run_end + 1] == " " else run_end
        out.append(text[run_start:end])
        start = end
    if start < len(text):
        out.append(text[start:])
    return out


class LinearTokenizer:
    """spaCy's tokenizer, fed long whitespace-free runs in bounded pieces.

    Everything else (`memory_zone`, the vocab, serialization) is the wrapped tokenizer's.
    """

    def __init__(self, tokenizer) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        if len(text) <= MAX_CHUNK or not _LONG_CHUNK.search(text):
            return self.tokenizer(text)
        docs = [self.tokenizer(piece) for piece in pieces(text)]
        return Doc.from_docs(docs, ensure_whitespace=False)

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str):
        return getattr(self.tokenizer, name)
