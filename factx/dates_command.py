"""`factx dates`: every temporal expression of the documents with its TIMEX3 value."""

from __future__ import annotations

from typing import Callable, Iterable, Iterator

from factx.errors import InputError
from factx.records import DateRecord, line_of
from factx.rules import load_rules
from factx.stages.ingest import read_inputs, with_published


def date_records(paths: Iterable[str], *, published: str | None = None, model: str | None = None,
                 rules_dir: str | None = None,
                 on_error: Callable[[InputError], None] = lambda e: None) -> Iterator[DateRecord]:
    """`DateRecord`s of every input, in document order, one per TIMEX3 as TimeML marks
    them (a range is two records, `timeml_parts`).

    `published` overrides the publication date found in each document. Documents go
    through the pipeline as `extract` sends them (`factx.pipeline.process`): a long one
    in pieces, with offsets into its whole text; one that fails is reported to
    `on_error` while the others go on.
    """
    from factx.pipeline import load_model, process
    from factx.published import published_option
    from factx.stages.dates import timeml_parts

    published = published_option(published)
    rules = load_rules(rules_dir).validate()
    nlp = load_model(model, rules_dir=rules_dir)
    # Only the stages dates depend on.
    for name in ("factx_mentions", "factx_attributes"):
        nlp.disable_pipe(name)

    def articles():
        for item in read_inputs(paths, rules=rules):
            if isinstance(item, InputError):
                on_error(item)
                continue
            yield with_published(item, published) if published else item

    for result in process(nlp, articles()):
        if isinstance(result, InputError):
            on_error(result)
            continue
        article = result.article
        for span in result.dates:
            for part in timeml_parts(span):
                yield DateRecord(article.path, line_of(article.text, part.start), part.start, part.end,
                                 part.text, part.type, part.value, article.published)
