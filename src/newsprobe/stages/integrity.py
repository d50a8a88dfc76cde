"""Page integrity: is the title borne out by the body, and do related items match their headlines?

``headline_check`` is the FNC-1 stance of the title against the body (``newsprobe.stance``); each
related item gets ``consistency`` and ``score`` (``newsprobe.stance.related``). Mismatches become
``related-mismatch`` and ``headline-body-mismatch`` flags.
"""

from __future__ import annotations

from typing import Any

from newsprobe.record import Document, Flag, HeadlineCheck

# A title is flagged when the model calls it unrelated to, or disputed by, its body with at least
# this probability: below it the FNC-1 model is often unsure between discuss and unrelated on
# long real pages.
HEADLINE_FLAG_MIN = 0.6
# Bodies of at least this many words get the no-encoder classifier (a quarter of FNC-1's training
# bodies are shorter than ~200 words; the seed page's body is ~1,100).
FAST_MIN_BODY_WORDS = 200
MAX_CACHED_VERDICTS = 4096
UNUSED_PIPES = ("tagger", "attribute_ruler", "lemmatizer", "ner")
HEADLINE_MESSAGES = {
    "unrelated": "The body does not address what the title says.",
    "disagree": "The body disputes what the title says.",
}


class IntegrityStage:
    """Assigns ``headline_check`` and each related item's ``consistency``/``score``; appends flags."""

    name = "integrity.v1"
    requires = ("segments", "related")
    assigns = ("headline_check", "flags")

    def __init__(self, options: Any = None):
        self.model_name = getattr(options, "model", None)
        # verdicts by (headline, rewrite, teaser): a site repeats its related block on every page
        self._verdicts: dict[tuple[str, str | None, str | None], Any] = {}

    def __getstate__(self) -> dict[str, Any]:
        return {"model_name": self.model_name}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.model_name = state["model_name"]
        self._verdicts = {}

    def clear_cache(self) -> None:
        """Forget the related-item verdicts seen so far."""
        self._verdicts.clear()

    def __call__(self, doc: Document) -> Document:
        self.check_headline(doc)
        self.check_related(doc)
        return doc

    def check_headline(self, doc: Document) -> None:
        """Set ``doc.headline_check`` from the title and the body; flag a title the body does not support."""
        from newsprobe.stance import load_stance_model

        titles = doc.segments_of("title")
        title = doc.segment_text(titles[0]) if titles else doc.title
        body = doc.body_text()
        if not title or not title.strip() or not body.strip():
            return
        model = load_stance_model()
        try:
            # a long body gives the lexical features enough to go on, and encoding its sentences
            # would cost as much as the rest of the analysis; a short one is cheap to encode and
            # is where the lexical features alone mistake one shared word for relatedness
            fast = len(body.split()) >= FAST_MIN_BODY_WORDS
            (result,) = model.predict([(title, body)], fast=fast)
        finally:
            model.extractor.clear()  # a page's body is not seen again: keep memory flat over a stream
        doc.headline_check = HeadlineCheck(result.stance, result.scores[result.stance])
        message = HEADLINE_MESSAGES.get(result.stance)
        if message and result.scores[result.stance] >= HEADLINE_FLAG_MIN:
            span = (titles[0].start, titles[0].end) if titles else None
            doc.flags.append(
                Flag(
                    "headline-body-mismatch",
                    span,
                    f"{message} (stance {result.stance}, {result.scores[result.stance]:.2f})",
                )
            )

    def check_related(self, doc: Document) -> None:
        """Judge every related item; flag the mismatches."""
        if not doc.related:
            return
        for item, verdict in zip(doc.related, self.judge(doc.related), strict=True):
            if verdict.consistent is None:
                continue  # nothing to compare: neither a rewrite nor a teaser
            item.consistency = "consistent" if verdict.consistent else "mismatch"
            item.score = verdict.score
            if not verdict.consistent:
                doc.flags.append(Flag("related-mismatch", item.span, f"“{_short(item.headline)}”: {verdict.reason}."))

    def judge(self, items: list[Any]) -> list[Any]:
        """The ``Consistency`` verdicts of related items (cached by headline, rewrite and teaser)."""
        from newsprobe.stance.embed import encode
        from newsprobe.stance.related import check_items

        keys = [(item.headline, item.rewritten, item.teaser) for item in items]
        new = {key: item for key, item in zip(keys, items, strict=True) if key not in self._verdicts}
        verdicts = dict(zip(new, check_items(list(new.values()), self._parse, encode), strict=True)) if new else {}
        found = [self._verdicts.get(key) or verdicts[key] for key in keys]
        self._verdicts.update(verdicts)
        while len(self._verdicts) > MAX_CACHED_VERDICTS:
            del self._verdicts[next(iter(self._verdicts))]
        return found

    def _parse(self, texts: list[str]) -> list[Any]:
        from newsprobe.nlp import load_model

        if self.model_name is None:
            raise ValueError("integrity.v1 needs a spaCy model name in its options")
        nlp = load_model(self.model_name)
        # the role check reads dependencies only: no tagger, lemmas or entities
        return list(nlp.pipe(texts, disable=[p for p in UNUSED_PIPES if p in nlp.pipe_names]))


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
