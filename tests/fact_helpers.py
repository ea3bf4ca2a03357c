"""What the attribute-stage tests share: facts of a text through the real pipeline,
a lookup among them, and a listing for failure messages."""
from __future__ import annotations

from factx.records import Article

PUBLISHED = "2023-05-12"


def facts_runner(nlp):
    """facts_of(text, published=PUBLISHED): the facts the pipeline gives for one text."""
    from factx.pipeline import make_doc

    def facts_of(text: str, published: str | None = PUBLISHED):
        doc = nlp(make_doc(nlp, Article("test", text, published=published)))
        return list(doc._.facts)

    return facts_of


def has(facts, entity, attribute, value, **extra) -> bool:
    return any(f.name == entity and f.attribute == attribute and f.value == value
               and all(getattr(f, k) == v for k, v in extra.items()) for f in facts)


def show(facts) -> str:
    return "\n".join(f"{f.name} | {f.attribute} | {f.value!r} | {f.polarity} {f.modality} "
                     f"by={f.said_by} [{f.rule}]" for f in facts)
