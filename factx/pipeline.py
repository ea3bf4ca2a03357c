"""The per-document pipeline: one spaCy `Language` with factx's stages added in order.

Order (DESIGN section 5), each stage a registered component that writes onto
extension attributes and returns the doc:

1. ingest            (before spaCy: `factx.stages.ingest` builds the `Article`)
2. spaCy             tok2vec, tagger, parser, attribute_ruler, lemmatizer, ner: each runs
                     once, and every annotation a stage reads comes from one of them
   factx_entities    rule-driven corrections of entity spans (`rules/entity_*.yml`)
3. factx_dates       `doc._.dates`: TIMEX3-normalized temporal expressions
4. factx_mentions    `doc._.mentions`: entity mentions linked to their in-document
                     canonical name, type voted over mentions; `doc._.facilities`:
                     facilities named by a place and a facility word ("Bergen port")
5. factx_attributes  `doc._.facts`: `FactDraft`s of the attribute vocabulary
   factx_descriptions `doc._.descriptions`: `description` facts, what institution a
                     description names ("Norway's intelligence agency"), read
                     from the sources the attributes give and the document's ties

Extension attributes (the contract between stages):
    Doc._.article   factx.records.Article | None   set before the doc enters the pipe
    Doc._.dates     list[TimexSpan]
    Doc._.mentions  list[factx.stages.mentions.Mention]
    Doc._.facilities list[Mention]                   "Bergen port", "Bergen province": names beside the mentions
    Doc._.facts     list[FactDraft]                  attribute facts (not `name`)
    Doc._.descriptions list[FactDraft]               `description` facts

Each stage's factory declares what it reads and writes (`requires=`, `assigns=`);
`load_model` checks that the spaCy pipeline writes everything the stages read
(enabling a component the package ships disabled, or failing with a message), so
that no stage runs a spaCy component again on its own.

`process()` streams articles through and returns plain `DocResult`s, never Docs, so
that workers can send them to the process that writes the store.
"""

from __future__ import annotations

import bisect
import contextlib
import importlib
import weakref
from dataclasses import replace
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from factx.errors import InputError, UsageError, describe
from factx.models import DEFAULT_MODELS, default_model  # noqa: F401  (their home is factx.models)
from factx.records import NAMED_TYPES, Article, DocResult, FactDraft
from factx.tokenizer import LinearTokenizer
from factx.watchdog import TimeLimit, limit_for, time_limit

#: What spaCy components write although their factories do not declare it: the
#: English pipelines' attribute_ruler maps fine-grained tags to `token.pos`.
UNDECLARED_ASSIGNS = {"attribute_ruler": ("token.pos",)}

for _name, _default in (("article", None), ("dates", None), ("mentions", None), ("facilities", None),
                         ("facts", None), ("descriptions", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)

# Importing the stage modules registers their components.
from factx.stages import attributes, breaks, dates, descriptions, entities, mentions  # noqa: E402,F401

STAGES = ("factx_entities", "factx_dates", "factx_mentions", "factx_attributes", "factx_descriptions")


def _installed_hint() -> str:
    """What --model can be here: the pipelines that are installed, never one that is not."""
    installed = sorted(spacy.util.get_installed_models())
    if not installed:
        return "no spaCy pipeline is installed: run 'make install'"
    return "pass --model with an installed pipeline: " + ", ".join(installed)


def load_model(name: str | None = None, *, rules_dir: str | None = None) -> Language:
    """Load a spaCy pipeline by package name or path and add factx's stages.

    >>> nlp = load_model()  # doctest: +SKIP
    >>> nlp.pipe_names[-1]  # doctest: +SKIP
    'factx_attributes'
    """
    name = name or default_model()
    try:
        module = importlib.import_module(name) if spacy.util.is_package(name) else None
        nlp = module.load() if module is not None else spacy.load(name)
    except (OSError, ImportError) as exc:
        raise UsageError(f"cannot load spaCy pipeline {name!r}: {exc}", hint=_installed_hint()) from None
    # linear time on pathological punctuation ('x ' + '&' * 20000)
    nlp.tokenizer = LinearTokenizer(nlp.tokenizer)
    if "parser" in nlp.pipe_names:  # a blank line ends a sentence (factx.stages.breaks)
        nlp.add_pipe("factx_breaks", before="parser")
    ner_after = "ner" if "ner" in nlp.pipe_names else None
    nlp.add_pipe("factx_entities", after=ner_after, config={"rules_dir": rules_dir})
    nlp.add_pipe("factx_dates", config={"rules_dir": rules_dir})
    nlp.add_pipe("factx_mentions", config={"rules_dir": rules_dir})
    nlp.add_pipe("factx_attributes", config={"rules_dir": rules_dir})
    nlp.add_pipe("factx_descriptions", config={"rules_dir": rules_dir})
    _provide_needs(nlp, name)
    return nlp


def stage_needs(nlp: Language) -> dict[str, str]:
    """Every token or doc annotation a factx stage reads, with the first stage reading it."""
    needs: dict[str, str] = {}
    for stage in STAGES:
        for attr in nlp.get_pipe_meta(stage).requires:
            needs.setdefault(attr, stage)
    return needs


def _provide_needs(nlp: Language, model: str) -> None:
    """Make sure each annotation the stages read is written by an enabled component that
    runs before them; enable a disabled one that writes it, or fail naming what is missing."""
    written: dict[str, str] = {"doc._.article": "make_doc"}
    for component in nlp.component_names:
        attrs = list(nlp.get_pipe_meta(component).assigns) + list(UNDECLARED_ASSIGNS.get(component, ()))
        for attr in attrs:
            if component in nlp.pipe_names or attr not in written:
                written[attr] = component
    for attr, stage in stage_needs(nlp).items():
        component = written.get(attr)
        if component is None:
            raise UsageError(f"spaCy pipeline {model!r} has no component that sets {attr}, "
                             f"which the {stage} stage reads",
                             hint="use an English pipeline with tagger, parser, lemmatizer and ner, "
                                  "e.g. en_core_web_sm")
        if component in nlp.disabled:
            nlp.enable_pipe(component)


def model_version(nlp: Language) -> str:
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"


def name_facts(doc: Doc) -> Iterator[FactDraft]:
    """One `name` fact per entity mention: how this document spells the entity. Rule
    `ner.mention.typed` when a rule's evidence in the text decided its type ("a bombing in
    X"), which outvotes the model's labels across documents (`Store.name_stats`); `.apart`
    added when the text tells a short name apart from a longer one it could be part of
    (`Mention.apart`, read by `lookup.distinct_names`)."""
    sentences = {s.start_char: s for s in doc.sents}
    starts = sorted(sentences)
    # "X province" where X is also a city: the model's "X" in it is no spelling of the province
    spelled = {(m.start, m.canonical) for m in doc._.facilities or () if m.covers}
    for mention in [*(doc._.mentions or ()), *(doc._.facilities or ())]:
        if mention.label not in NAMED_TYPES or mention.description:
            continue  # a description standing for a name is no spelling of it
        if (mention.start, mention.canonical) in spelled and mention not in (doc._.facilities or ()):
            continue
        sent = sentences[starts[bisect.bisect_right(starts, mention.start) - 1]]
        yield FactDraft(
            name=mention.canonical, name_type=mention.label, attribute="name",
            value=mention.text, value_type="name", value_text=mention.text,
            start=mention.start, end=mention.end,
            quote_start=sent.start_char, quote_end=sent.end_char,
            mention=mention.text,
            rule="ner.mention" + (".typed" if mention.typed else "") + (".apart" if mention.apart else ""))


def make_doc(nlp: Language, article: Article) -> Doc:
    """A Doc of the article's text with boilerplate blanked out (offsets unchanged)."""
    from factx.stages.ingest import blank_spans

    text = blank_spans(article.text, article.boilerplate) if article.boilerplate else article.text
    doc = nlp.make_doc(text)
    doc._.article = article
    # spaCy's tokenization keeps the text (doc.text == text): the stages' `doc_text`
    # need not join every token to build it again
    doc.user_data["factx_text"] = text
    return doc


#: Longer documents are processed in pieces of about this size, cut at paragraph,
#: sentence or word boundaries: spaCy's memory grows with the length of a Doc.
CHUNK_CHARS = 100_000


def split_points(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """Character ranges covering `text`, each at most `limit` long, cut where text breaks.

    >>> split_points("aaa. bbb. ccc.", 10)
    [(0, 10), (10, 14)]
    """
    pieces, start = [], 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = -1
        for sep in ("\n\n", "\n", ". ", " "):
            cut = window.rfind(sep, limit // 2)
            if cut != -1:
                cut += len(sep)
                break
        end = start + (cut if cut > 0 else limit)
        pieces.append((start, end))
        start = end
    pieces.append((start, len(text)))
    return pieces


def _shift(result: DocResult, offset: int) -> tuple[tuple[FactDraft, ...], tuple]:
    drafts = tuple(replace(d, start=d.start + offset, end=d.end + offset, quote_start=d.quote_start + offset,
                           quote_end=d.quote_end + offset) for d in result.drafts)
    dates = tuple(replace(t, start=t.start + offset, end=t.end + offset) for t in result.dates)
    return drafts, dates


def _pieces(article: Article) -> Iterator[tuple[Article, int]]:
    """Pieces of a long article with their offsets into its text."""
    from factx.stages.ingest import blank_spans

    text = blank_spans(article.text, article.boilerplate) if article.boilerplate else article.text
    for start, end in split_points(text):
        # the date line's range is an offset into the whole text: the first piece's
        yield replace(article, text=text[start:end], boilerplate=(),
                      date_line=article.date_line if start == 0 else None), start


def _result(doc: Doc, article: Article, version: str) -> DocResult:
    return DocResult(article, tuple(name_facts(doc)) + tuple(doc._.facts or ()) + tuple(doc._.descriptions or ()),
                     version, tuple(doc._.dates or ()))


#: Documents go through spaCy in batches of at most `batch_size` documents and this
#: many tokens: spaCy's working memory grows with the tokens of a batch (16 long
#: articles took 200 MB more than 16 short ones), and larger batches are no faster.
BATCH_TOKENS = 3000


def token_batches(docs: Iterable[Doc], size: int, tokens: int = BATCH_TOKENS) -> Iterator[list[Doc]]:
    """Consecutive docs in groups of at most `size` docs and `tokens` tokens (a longer
    doc goes alone).

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> [len(b) for b in token_batches([nlp("a b c"), nlp("d e"), nlp("f g h i")], 16, tokens=5)]
    [2, 1]
    """
    batch: list[Doc] = []
    count = 0
    for doc in docs:
        if batch and (len(batch) >= size or count + len(doc) > tokens):
            yield batch
            batch, count = [], 0
        batch.append(doc)
        count += len(doc)
    if batch:
        yield batch


#: Pipelines whose first documents went through outside a memory zone (see `process`).
_WARMED: weakref.WeakSet[Language] = weakref.WeakSet()


def process(nlp: Language, articles: Iterable[Article], *, batch_size: int = 16,
            zone_size: int = 64) -> Iterator[DocResult | InputError]:
    """Run the pipeline over articles, yielding plain records per document, in order.

    Docs are created inside a `memory_zone` per `zone_size` articles (in spaCy batches
    of `batch_size` documents and `BATCH_TOKENS` tokens) so that the vocabulary and
    string store do not grow with the corpus: a zone drops the words first seen in it
    and keeps the tokenizer's cache off, so a zone of a few batches re-creates fewer
    words than one per batch. The first zone a pipeline ever processes is no zone: its
    words, and the tokenizer's splits of them, stay for the pipeline's life (a fixed
    amount, not growing with the corpus), so that the later zones find the common
    words made and split (300 articles: the tokenizer's CPU 0.74 -> 0.35 s). Records
    are yielded as their documents are done, from inside the zone (they hold no spaCy
    objects). A long document goes through in pieces whose offsets are shifted back
    into its whole text.

    One document's failure, whatever it is, is an `InputError` in its place: when a
    batch fails, its documents not yet yielded go through again one at a time, so that
    only the one that fails is skipped.
    """
    version = model_version(nlp)
    batch: list[Article] = []

    def flush() -> Iterator[DocResult | InputError]:
        done = 0
        # the time limit runs while spaCy works, never while the caller holds a result
        limit = limit_for(sum(len(a.text) for a in batch))
        warm = bool(batch) and nlp not in _WARMED
        if warm:
            _WARMED.add(nlp)
        try:
            with contextlib.nullcontext() if warm else nlp.memory_zone():
                made = (make_doc(nlp, a) for a in batch)
                docs = (doc for group in token_batches(made, batch_size)
                        for doc in nlp.pipe(group, batch_size=len(group)))
                pairs = zip(batch, docs)
                while True:
                    with time_limit(limit):
                        pair = next(pairs, None)
                        result = _result(pair[1], pair[0], version) if pair is not None else None
                    if result is None:
                        break
                    done += 1
                    yield result
        except (Exception, TimeLimit):
            for article in batch[done:]:
                yield alone(article)

    def alone(article: Article) -> DocResult | InputError:
        try:
            with time_limit(limit_for(len(article.text))):
                if len(article.text) > CHUNK_CHARS:
                    return long_document(article)
                with nlp.memory_zone():
                    return _result(nlp(make_doc(nlp, article)), article, version)
        except TimeLimit as exc:
            return InputError(article.path, exc.problem())
        except Exception as exc:  # this document only: the run goes on
            return InputError(article.path, f"cannot be processed: {describe(exc)}; skipped")

    def long_document(article: Article) -> DocResult:
        drafts: tuple[FactDraft, ...] = ()
        dates: tuple = ()
        for piece, offset in _pieces(article):
            with nlp.memory_zone():
                part = _result(nlp(make_doc(nlp, piece)), piece, version)
            more_drafts, more_dates = _shift(part, offset)
            drafts, dates = drafts + more_drafts, dates + more_dates
        return DocResult(article, drafts, version, dates)

    for article in articles:
        if len(article.text) > CHUNK_CHARS:
            yield from flush()
            batch = []
            yield alone(article)
            continue
        batch.append(article)
        if len(batch) >= max(zone_size, batch_size):
            yield from flush()
            batch = []
    if batch:
        yield from flush()
