"""Features of a (headline, body) pair for stance: lexical overlap, TF-IDF, cue words, embeddings.

Two groups: ``lexical`` features are cheap (word sets and one sparse dot product) and decide
relatedness for most pairs; ``cue`` features count refuting, hedging and negation words in the
headline and in the body sentences that match it best; ``embedding`` features are MiniLM
similarities between the headline and the body's first sentences. The last two are computed only
for pairs the first stage does not settle. Everything computed from a body alone is cached per body text.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from newsprobe.data.stance import ASSERTING, HEDGING, NEGATIONS, REFUTING
from newsprobe.stance.embed import EmbeddingCache
from newsprobe.stance.text import content_stems, ngrams, sentences, words

LEAD_SENTENCES = 3
TOP_SENTENCES = 3

LEXICAL_NAMES = (
    "headline_terms",
    "body_words_log",
    "overlap",
    "jaccard",
    "idf_overlap",
    "lead_overlap",
    "max_sentence_overlap",
    "top2_sentence_overlap",
    "bigram_hits",
    "trigram_hits",
    "lead_bigram_hits",
    "tfidf_body",
    "tfidf_lead",
    "tfidf_max_sentence",
    "term_frequency",
    "first_position",
    "name_overlap",
    "number_overlap",
    "idf_missing_max",
)
CUE_NAMES = (
    "headline_refuting",
    "headline_hedging",
    "headline_negation",
    "headline_question",
    "body_refuting_rate",
    "body_hedging_rate",
    "body_asserting_rate",
    "body_negation_rate",
    "top_refuting",
    "top_hedging",
    "top_asserting",
    "top_negation",
    "lead_refuting",
    "lead_hedging",
    "polarity_match",
    "best_sentence_position",
)
EMBEDDING_NAMES = (
    "emb_max",
    "emb_top3",
    "emb_body_mean",
    "emb_lead",
    "emb_best_position",
    "emb_second",
)
# Texts kept analysed between pairs; past this the oldest are dropped (memory stays flat on a stream).
MAX_CACHED_TEXTS = 4096
# Only the first sentences of a body are embedded: the lead carries the story, and each sentence costs.
EMBED_SENTENCES = 8


def _count(tokens: list[str], vocabulary: frozenset[str]) -> int:
    return sum(t in vocabulary for t in tokens)


@dataclass(slots=True)
class BodyInfo:
    """What a body contributes to every pair it is in, computed once."""

    sentences: list[str]
    sentence_stems: list[set[str]]
    stems: Counter[str]
    stem_list: list[str]
    first_index: dict[str, int]
    lead_stems: set[str]
    bigrams: set[tuple[str, ...]]
    trigrams: set[tuple[str, ...]]
    lead_bigrams: set[tuple[str, ...]]
    word_count: int
    sentence_words: list[list[str]]
    rates: tuple[float, float, float, float]
    lead_cues: tuple[int, int]
    tfidf_sentences: Any  # sparse, one row per sentence, L2-normalised
    tfidf_body: Any
    tfidf_lead: Any
    names: set[str]
    numbers: set[str]
    embeddings: np.ndarray | None = field(default=None)


@dataclass(slots=True)
class HeadlineInfo:
    """What a headline contributes, computed once."""

    stems: list[str]
    stem_set: set[str]
    bigrams: set[tuple[str, ...]]
    trigrams: set[tuple[str, ...]]
    cues: tuple[int, int, int, int]
    tfidf: Any
    names: set[str]
    numbers: set[str]
    embedding: np.ndarray | None = field(default=None)


def _names(text: str) -> set[str]:
    """Capitalised words past a sentence start: a cheap stand-in for names."""
    found = set()
    for sentence in sentences(text, limit=1000):
        for word in sentence.split()[1:]:
            word = word.strip("\"'“”‘’.,:;!?()[]")
            if len(word) > 1 and word[0].isupper() and not word.isupper():
                found.add(word.lower().removesuffix("’s").removesuffix("'s"))
    return found


def _bounded_put(cache: dict[str, Any], key: str, value: Any) -> None:
    cache[key] = value
    if len(cache) > MAX_CACHED_TEXTS:
        del cache[next(iter(cache))]


def _numbers(text: str) -> set[str]:
    return {w for w in words(text) if w.isdigit()}


class FeatureExtractor:
    """Turns pairs into feature rows, caching per body and per headline.

    Args:
        vectorizer: a fitted sklearn ``TfidfVectorizer`` over ``content_stems``.
        embeddings: where sentence vectors are kept between pairs.
    """

    def __init__(self, vectorizer: Any, embeddings: EmbeddingCache | None = None):
        self.vectorizer = vectorizer
        self.idf = dict(zip(vectorizer.get_feature_names_out(), vectorizer.idf_, strict=True))
        self.default_idf = float(max(vectorizer.idf_))
        self.embeddings = embeddings or EmbeddingCache()
        self._bodies: dict[str, BodyInfo] = {}
        self._headlines: dict[str, HeadlineInfo] = {}

    def __getstate__(self) -> dict[str, Any]:
        return {"vectorizer": self.vectorizer}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["vectorizer"])  # type: ignore[misc]

    def clear(self) -> None:
        """Drop the per-text caches (the model stays)."""
        self._bodies.clear()
        self._headlines.clear()

    def _tfidf(self, stem_lists: list[list[str]]) -> Any:
        """``vectorizer.transform`` of texts given their ``content_stems`` (its analyzer), without redoing them."""
        from scipy.sparse import csr_matrix

        vocabulary = self.vectorizer.vocabulary_
        indices: list[int] = []
        values: list[int] = []
        indptr = [0]
        for stems in stem_lists:
            counts = Counter(index for index in map(vocabulary.get, stems) if index is not None)
            indices.extend(counts.keys())
            values.extend(counts.values())
            indptr.append(len(indices))
        arrays = (np.asarray(values, dtype=np.intc), np.asarray(indices, dtype=np.int32), np.asarray(indptr))
        matrix = csr_matrix(
            arrays,
            shape=(len(stem_lists), len(vocabulary)),
            dtype=self.vectorizer.dtype,
        )
        matrix.sort_indices()
        return self.vectorizer._tfidf.transform(matrix, copy=False)

    # -- per text ------------------------------------------------------------------------------
    def body(self, text: str) -> BodyInfo:
        """The cached analysis of a body."""
        info = self._bodies.get(text)
        if info is not None:
            return info
        sents = sentences(text) or [text.strip() or "."]
        sentence_words = [words(s) for s in sents]
        # each sentence's stems once: the sets, the body list, the lead and the TF-IDF rows all use them
        per_sentence = [content_stems(s) for s in sents]
        sentence_stems = [set(stems) for stems in per_sentence]
        stem_list = [st for stems in per_sentence for st in stems]
        first_index: dict[str, int] = {}
        for i, st in enumerate(stem_list):
            first_index.setdefault(st, i)
        lead_stem_list = [st for stems in per_sentence[:LEAD_SENTENCES] for st in stems]
        all_words = [w for ws in sentence_words for w in ws]
        n = max(len(all_words), 1)
        lead_words = [w for ws in sentence_words[:LEAD_SENTENCES] for w in ws]
        # the joined texts' stems are the sentences' stems in turn (no word spans a sentence cut)
        matrix = self._tfidf([*per_sentence, stem_list, lead_stem_list])
        info = BodyInfo(
            sentences=sents,
            sentence_stems=sentence_stems,
            stems=Counter(stem_list),
            stem_list=stem_list,
            first_index=first_index,
            lead_stems=set(lead_stem_list),
            bigrams=ngrams(stem_list, 2),
            trigrams=ngrams(stem_list, 3),
            lead_bigrams=ngrams(lead_stem_list, 2),
            word_count=len(all_words),
            sentence_words=sentence_words,
            rates=(
                _count(all_words, REFUTING) / n,
                _count(all_words, HEDGING) / n,
                _count(all_words, ASSERTING) / n,
                _count(all_words, NEGATIONS) / n,
            ),
            lead_cues=(_count(lead_words, REFUTING), _count(lead_words, HEDGING)),
            tfidf_sentences=matrix[: len(sents)],
            tfidf_body=matrix[len(sents)],
            tfidf_lead=matrix[len(sents) + 1],
            names=_names(text),
            numbers=_numbers(text),
        )
        _bounded_put(self._bodies, text, info)
        return info

    def headline(self, text: str) -> HeadlineInfo:
        """The cached analysis of a headline."""
        info = self._headlines.get(text)
        if info is not None:
            return info
        stems = content_stems(text)
        tokens = words(text)
        info = HeadlineInfo(
            stems=stems,
            stem_set=set(stems),
            bigrams=ngrams(stems, 2),
            trigrams=ngrams(stems, 3),
            cues=(
                _count(tokens, REFUTING),
                _count(tokens, HEDGING),
                _count(tokens, NEGATIONS),
                int("?" in text),
            ),
            tfidf=self._tfidf([stems]),
            names={w.lower().removesuffix("’s").removesuffix("'s") for w in text.split()[1:] if w[:1].isupper()},
            numbers=_numbers(text),
        )
        _bounded_put(self._headlines, text, info)
        return info

    def embed(self, headlines: list[str], bodies: list[str]) -> None:
        """Encode, in one batch, the headlines and body sentences not yet embedded."""
        heads = [self.headline(h) for h in headlines]
        infos = [self.body(b) for b in bodies]
        todo_heads = [h for h, info in zip(headlines, heads, strict=True) if info.embedding is None]
        todo_bodies = [info for info in infos if info.embeddings is None]
        texts = list(dict.fromkeys(todo_heads + [s for info in todo_bodies for s in info.sentences[:EMBED_SENTENCES]]))
        if not texts:
            return
        vectors = dict(zip(texts, self.embeddings.get_many(texts), strict=True))
        for h, head in zip(headlines, heads, strict=True):
            if head.embedding is None:
                head.embedding = vectors[h]
        for body in todo_bodies:
            body.embeddings = np.stack([vectors[s] for s in body.sentences[:EMBED_SENTENCES]])

    # -- per pair ------------------------------------------------------------------------------
    def lexical(self, headline: str, body: str) -> list[float]:
        """The cheap relatedness features of one pair (order: ``LEXICAL_NAMES``)."""
        h = self.headline(headline)
        b = self.body(body)
        terms = h.stem_set
        n_terms = max(len(terms), 1)
        shared = terms & b.stems.keys()
        idf_total = sum(self.idf.get(t, self.default_idf) for t in terms) or 1.0
        missing_idf = [self.idf.get(t, self.default_idf) for t in terms - shared]
        sentence_overlaps = sorted((len(terms & s) / n_terms for s in b.sentence_stems), reverse=True)
        tfidf_sentences = (b.tfidf_sentences @ h.tfidf.T).toarray().ravel()
        positions = [b.first_index[t] / max(len(b.stem_list), 1) for t in shared]
        return [
            float(len(terms)),
            math.log1p(b.word_count),
            len(shared) / n_terms,
            len(shared) / max(len(terms | b.stems.keys()), 1),
            sum(self.idf.get(t, self.default_idf) for t in shared) / idf_total,
            len(terms & b.lead_stems) / n_terms,
            sentence_overlaps[0] if sentence_overlaps else 0.0,
            sum(sentence_overlaps[:2]) / 2,
            len(h.bigrams & b.bigrams) / max(len(h.bigrams), 1),
            len(h.trigrams & b.trigrams) / max(len(h.trigrams), 1),
            len(h.bigrams & b.lead_bigrams) / max(len(h.bigrams), 1),
            float((b.tfidf_body @ h.tfidf.T).toarray()[0, 0]),
            float((b.tfidf_lead @ h.tfidf.T).toarray()[0, 0]),
            float(tfidf_sentences.max()) if len(tfidf_sentences) else 0.0,
            sum(b.stems[t] for t in shared) / max(len(b.stem_list), 1) * 100,
            min(positions) if positions else 1.0,
            len(h.names & b.names) / len(h.names) if h.names else -1.0,
            len(h.numbers & b.numbers) / len(h.numbers) if h.numbers else -1.0,
            max(missing_idf) if missing_idf else 0.0,
        ]

    def cues(self, headline: str, body: str) -> list[float]:
        """Refuting, hedging and negation cues of the headline and of the body sentences closest to it."""
        h = self.headline(headline)
        b = self.body(body)
        similarities = (b.tfidf_sentences @ h.tfidf.T).toarray().ravel()
        order = np.argsort(-similarities, kind="stable")
        top = order[:TOP_SENTENCES]
        top_words = [w for i in top for w in b.sentence_words[int(i)]]
        head_negated = h.cues[2] % 2
        best_negated = _count(b.sentence_words[int(order[0])], NEGATIONS) % 2
        return [
            float(h.cues[0]),
            float(h.cues[1]),
            float(h.cues[2]),
            float(h.cues[3]),
            *b.rates,
            float(_count(top_words, REFUTING)),
            float(_count(top_words, HEDGING)),
            float(_count(top_words, ASSERTING)),
            float(_count(top_words, NEGATIONS)),
            float(b.lead_cues[0]),
            float(b.lead_cues[1]),
            float(head_negated == best_negated),
            float(order[0]) / max(len(order), 1),
        ]

    def embedding(self, headline: str, body: str) -> list[float]:
        """MiniLM similarities of the headline to the body's first sentences (order: ``EMBEDDING_NAMES``)."""
        h = self.headline(headline)
        b = self.body(body)
        if h.embedding is None or b.embeddings is None:
            self.embed([headline], [body])
        assert h.embedding is not None and b.embeddings is not None
        similarities = b.embeddings @ h.embedding
        order = np.argsort(-similarities, kind="stable")
        body_mean = b.embeddings.mean(axis=0)
        norm = float(np.linalg.norm(body_mean)) or 1.0
        return [
            float(similarities[order[0]]),
            float(similarities[order[:TOP_SENTENCES]].mean()),
            float(body_mean @ h.embedding) / norm,
            float(similarities[0]),
            float(order[0]) / max(len(similarities), 1),
            float(similarities[order[1]]) if len(order) > 1 else 0.0,
        ]
