"""Check-worthiness: how much a sentence is worth a fact-checker's time, a score in [0, 1].

TF-IDF word and character n-grams plus a few cheap features (length, numbers, money and
percentages, capitalised words, questions), logistic regression. Trained by
``scripts/train_checkworthy.py`` on CLEF 2019 CheckThat! task 1 (US political debates); the model is
a small gzipped JSON file (vocabularies, idf weights and coefficients), no pickle, loaded once per process.
"""

from __future__ import annotations

import gzip
import json
import math
import re
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    from scipy.sparse import spmatrix

MODEL_FILE = "checkworthy.v1.json.gz"
FORMAT = "newsprobe-checkworthy/1"

_DIGIT = re.compile(r"\d")
_MONEY_OR_PERCENT = re.compile(r"%|percent|\$|€|£|dollars?\b|million|billion|trillion", re.I)
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+")
HAND_FEATURES = ("length", "very_short", "has_digit", "money_or_percent", "question", "capitalised_share")


def hand_features(texts: Sequence[str]) -> np.ndarray:
    """The cheap features of each sentence, one row each (columns: ``HAND_FEATURES``)."""
    import numpy as np

    rows = []
    for text in texts:
        words = len(text.split())
        rows.append(
            [
                min(words, 60) / 30,
                words <= 4,
                bool(_DIGIT.search(text)),
                bool(_MONEY_OR_PERCENT.search(text)),
                text.strip().endswith("?"),
                len(_CAPITALISED.findall(text[1:])) / (words + 1),
            ]
        )
    return np.array(rows, dtype=float).reshape(len(texts), len(HAND_FEATURES))


# The vectorizers' settings: training and scoring must agree, so both read them from here.
WORD_SETTINGS: dict[str, Any] = {"ngram_range": (1, 2), "sublinear_tf": True, "lowercase": True}
CHAR_SETTINGS: dict[str, Any] = {"analyzer": "char_wb", "ngram_range": (2, 5), "sublinear_tf": True, "lowercase": True}


class CheckworthinessModel:
    """A trained model: two TF-IDF vectorizers, hand features and a logistic regression."""

    def __init__(self, word: Any, char: Any, coef: np.ndarray, intercept: float, meta: dict[str, Any]):
        self.word = word
        self.char = char
        self.coef = coef
        self.intercept = intercept
        self.meta = meta

    def matrix(self, texts: Sequence[str]) -> spmatrix:
        """The feature matrix of some sentences."""
        from scipy.sparse import csr_matrix, hstack

        texts = [t or "" for t in texts]
        char = self.__dict__.get("_char_counts")
        if char is None:
            char = self._char_counts = CharCounts(self.char)
        parts = [self.word.transform(texts), char.transform(texts), csr_matrix(hand_features(texts))]
        return hstack(parts).tocsr()

    def score(self, texts: Sequence[str]) -> list[float]:
        """The check-worthiness of each sentence, in [0, 1]."""
        if not texts:
            return []
        margins = self.matrix(texts) @ self.coef + self.intercept
        return [1.0 / (1.0 + math.exp(-float(m))) for m in margins]

    def to_json(self) -> dict[str, Any]:
        """The model as plain data (what the model file holds)."""
        return {
            "format": FORMAT,
            "meta": self.meta,
            "word": _vectorizer_data(self.word),
            "char": _vectorizer_data(self.char),
            "hand_features": list(HAND_FEATURES),
            "coef": [round(float(c), 5) for c in self.coef],
            "intercept": float(self.intercept),
        }

    def save(self, path: str | Path) -> None:
        """Write the model file (gzipped JSON)."""
        with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as stream:
            json.dump(self.to_json(), stream, separators=(",", ":"))

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CheckworthinessModel:
        """Rebuild a model from ``to_json`` data."""
        import numpy as np

        if data.get("format") != FORMAT:
            raise ValueError(f"not a check-worthiness model file (format {data.get('format')!r}, expected {FORMAT!r})")
        word = _vectorizer_from(data["word"], WORD_SETTINGS)
        char = _vectorizer_from(data["char"], CHAR_SETTINGS)
        return cls(word, char, np.array(data["coef"], dtype=float), float(data["intercept"]), data.get("meta", {}))


# Words whose n-gram indices are kept between calls (news repeats its words; memory stays bounded).
MAX_CACHED_WORDS = 50_000


class CharCounts:
    """``char.transform(texts)`` for a fitted ``char_wb`` TF-IDF vectorizer, the same matrix, faster.

    sklearn looks up every n-gram of every word in Python; here each distinct word's in-vocabulary
    n-gram indices are found once and counted per text (counts are integers: the same numbers).
    """

    def __init__(self, vectorizer: Any):
        if not hasattr(vectorizer, "vocabulary_"):
            vectorizer._validate_vocabulary()
        self.vectorizer = vectorizer
        self.vocabulary: dict[str, int] = vectorizer.vocabulary_
        self.min_n, self.max_n = vectorizer.ngram_range
        self._words: dict[str, list[int]] = {}

    def _indices(self, word: str) -> list[int]:
        """The vocabulary indices of a word's padded n-grams (as sklearn's ``_char_wb_ngrams``)."""
        found = self._words.get(word)
        if found is not None:
            return found
        w = " " + word + " "
        w_len = len(w)
        vocabulary = self.vocabulary
        found = []
        for n in range(self.min_n, self.max_n + 1):
            for offset in range(max(w_len - n, 0) + 1):
                index = vocabulary.get(w[offset : offset + n])
                if index is not None:
                    found.append(index)
            if w_len <= n:  # sklearn counts a short word once
                break
        if len(self._words) >= MAX_CACHED_WORDS:
            self._words.clear()
        self._words[word] = found
        return found

    def transform(self, texts: Sequence[str]) -> spmatrix:
        """The TF-IDF rows of ``texts``."""
        from collections import Counter

        import numpy as np
        from scipy.sparse import coo_matrix

        vectorizer = self.vectorizer
        white_spaces = vectorizer._white_spaces
        columns: list[int] = []
        rows: list[int] = []
        times: list[int] = []
        lengths: list[int] = []
        for row, text in enumerate(texts):
            for word, count in Counter(white_spaces.sub(" ", text.lower()).split()).items():
                found = self._indices(word)
                columns.extend(found)
                rows.append(row)
                times.append(count)
                lengths.append(len(found))
        # one entry per (word, n-gram); converting sums the duplicates (integers: exact)
        matrix = coo_matrix(
            (
                np.repeat(np.asarray(times, dtype=np.intc), lengths),
                (np.repeat(np.asarray(rows, dtype=np.int32), lengths), np.asarray(columns, dtype=np.int32)),
            ),
            shape=(len(texts), len(self.vocabulary)),
        ).tocsr()
        matrix.sum_duplicates()
        matrix.sort_indices()
        matrix = matrix.astype(vectorizer.dtype)
        return vectorizer._tfidf.transform(matrix, copy=False)


def _vectorizer_data(vectorizer: Any) -> dict[str, Any]:
    vocabulary = sorted(vectorizer.vocabulary_, key=vectorizer.vocabulary_.get)
    return {"vocabulary": vocabulary, "idf": [round(float(x), 4) for x in vectorizer.idf_]}


def _vectorizer_from(data: dict[str, Any], settings: dict[str, Any]) -> Any:
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(vocabulary={term: i for i, term in enumerate(data["vocabulary"])}, **settings)
    vectorizer.idf_ = np.array(data["idf"], dtype=float)
    return vectorizer


# The shipped model's settings, chosen by leave-one-debate-out MAP on the CLEF 2019 training debates;
# the vocabulary caps keep the model file small (about 330 KiB) at no cost in MAP.
C = 0.1
MIN_DF = 2
MAX_WORD_FEATURES = 20000
MAX_CHAR_FEATURES = 40000


def train(
    texts: Sequence[str],
    labels: Sequence[int],
    c: float = C,
    min_df: int = MIN_DF,
    max_word: int | None = MAX_WORD_FEATURES,
    max_char: int | None = MAX_CHAR_FEATURES,
) -> CheckworthinessModel:
    """Fit a model on labelled sentences (1 = worth checking)."""
    import numpy as np
    from scipy.sparse import csr_matrix, hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    texts = [t or "" for t in texts]
    word = TfidfVectorizer(min_df=min_df, max_features=max_word, **WORD_SETTINGS)
    char = TfidfVectorizer(min_df=max(min_df, 3), max_features=max_char, **CHAR_SETTINGS)
    matrix = hstack([word.fit_transform(texts), char.fit_transform(texts), csr_matrix(hand_features(texts))]).tocsr()
    # balanced classes: about 3% of debate sentences are check-worthy
    regression = LogisticRegression(C=c, class_weight="balanced", max_iter=3000)
    regression.fit(matrix, np.asarray(labels))
    meta = {"c": c, "min_df": min_df, "sentences": len(texts), "positives": int(np.sum(labels))}
    return CheckworthinessModel(word, char, regression.coef_[0], float(regression.intercept_[0]), meta)


@lru_cache(maxsize=2)
def load_model(path: str | None = None) -> CheckworthinessModel:
    """The shipped model (or the one at ``path``), loaded once per process."""
    if path is None:
        source = resources.files("newsprobe").joinpath("models", MODEL_FILE)
        if not source.is_file():
            raise FileNotFoundError(
                f"the check-worthiness model {MODEL_FILE} is missing from newsprobe/models; "
                "train it with `python scripts/train_checkworthy.py` (see its --help)"
            )
        raw = source.read_bytes()
    else:
        raw = Path(path).read_bytes()
    return CheckworthinessModel.from_json(json.loads(gzip.decompress(raw)))


def score_sentences(texts: Sequence[str], model_path: str | None = None) -> list[float]:
    """Check-worthiness of each sentence with the shipped model, in [0, 1]."""
    return load_model(model_path).score(texts)
