"""Stance features: the TF-IDF rows built from cached stems are the vectorizer's own."""

from newsprobe.stance import load_stance_model

BODY = (
    "The council voted on Tuesday to close the old bridge. Engineers said the steel had rusted through. "
    "The mayor denied that repairs were delayed.\n\nTraffic will move to the ring road from May."
)


def test_tfidf_rows_match_the_vectorizer():
    extractor = load_stance_model().extractor
    body = extractor.body(BODY)
    sents = body.sentences
    expected = extractor.vectorizer.transform([*sents, " ".join(sents), " ".join(sents[:3])])
    assert (body.tfidf_sentences != expected[: len(sents)]).nnz == 0
    assert (body.tfidf_body != expected[len(sents)]).nnz == 0
    assert (body.tfidf_lead != expected[len(sents) + 1]).nnz == 0
    headline = "Council closes rusted bridge"
    assert (extractor.headline(headline).tfidf != extractor.vectorizer.transform([headline])).nnz == 0
